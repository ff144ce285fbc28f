// relay-sender-in-domain: every allowed sender's address is in the sending domain it is listed under.
import { createRule } from './types.js';
import { domainOf } from '../config/normalize.js';

export default createRule({
  id: 'relay-sender-in-domain',
  defaultSeverity: 'error',
  docs: {
    summary: 'Every allowed sender belongs to a configured sending domain (the one it is listed under)',
    rationale:
      'The self-hosted HTTP relay build guide, step 6 keeps the allowlist to the domain\'s own addresses because "If any internal service ... can choose ' +
      'any From, your domain reputation and DMARC alignment will eventually get messy." A sender outside the domain ' +
      'entry it is listed under is signed with that entry\'s key (d= of another domain) and leaves with that entry\'s ' +
      'return path, so its From domain has neither its own DKIM nor its own SPF: it passes DMARC only where relaxed ' +
      'alignment happens to cover it (dmarc-alignment judges that). A sender of another configured domain listed under the ' +
      'wrong entry is relay-sender-under-own-domain\'s finding (a warning).',
    source: 'the self-hosted HTTP relay build guide, step 6',
    fix: 'Move the address under the domains[] entry of its own domain, or add that domain (with DKIM, SPF and DMARC).',
    examples: {
      invalid: [
        {
          description: 'An address of a domain this config does not set up',
          config: 'domain0:\n  senders:\n    - { address: support@acme-mail.net }\n    - { address: alerts@other-brand.org }\n',
        },
      ],
      valid: [
        { description: 'Addresses of the domain itself', config: 'domain0:\n  senders:\n    - { address: support@acme-mail.net }\n' },
      ],
    },
  },
  messages: {
    notAnAddress: '{{address}} is not an email address (local@domain)',
    foreign:
      '{{address}} is not in a configured sending domain ({{domains}}): it would be signed and bounced for another domain than its own',
  },
  check({ model, report }) {
    const names = new Set(model.domains.map((d) => d.name));
    model.domains.forEach((domain, i) => {
      domain.senders.forEach((sender, j) => {
        const path = ['domains', i, 'senders', j, 'address'];
        const at = sender.address.lastIndexOf('@');
        if (at <= 0 || at === sender.address.length - 1) {
          report({ messageId: 'notAnAddress', path, data: { address: sender.address } });
          return;
        }
        const own = domainOf(sender.address);
        // Another configured domain's sender is relay-sender-under-own-domain's finding.
        if (own !== domain.name && !names.has(own)) report({ messageId: 'foreign', path, data: { address: sender.address, domains: [...names].join(', ') } });
      });
    });
  },
});

// relay-sender-under-own-domain: a sender of a configured domain is listed under that domain's entry, not another's.
import { createRule } from './types.js';
import { domainOf } from '../config/normalize.js';

export default createRule({
  id: 'relay-sender-under-own-domain',
  defaultSeverity: 'warning',
  docs: {
    summary: 'A sender of another configured domain is listed under its own domain\'s entry',
    rationale:
      'The self-hosted HTTP relay build guide, step 6 keeps the allowlist to the domain\'s own addresses. Each domains[] entry carries its DKIM key, return ' +
      'path and display defaults: a sender of a configured domain listed under another entry leaves with that entry\'s ' +
      'return path (RFC 5321 MAIL FROM) and signature, so bounces go to the other domain and DMARC passes only where relaxed ' +
      'alignment happens to cover it. A sender of a domain this config does not set up at all is relay-sender-in-domain\'s ' +
      'finding (an error).',
    source: 'the self-hosted HTTP relay build guide, step 6; RFC 7489 §3.1',
    fix: 'Move the address under the domains[] entry of its own domain.',
    examples: {
      invalid: [{ description: 'A subdomain\'s sender listed under the parent domain', config: 'domains:\n  - name: acme-mail.net\n    returnPath: bounces@acme-mail.net\n    senders: [{ address: support@acme-mail.net }, { address: news@eu.acme-mail.net }]\n    dkim: { signWith: mail202606, selectors: [{ name: mail202606, publicKeyFile: keys/rsa2048.pub }] }\n    spf: { all: "-all" }\n    dmarc: { policy: reject, rua: [dmarc@acme-mail.net], adkim: s, aspf: s }\n    mx: [{ priority: 10, host: mx1.mailhost-provider.net }]\n  - name: eu.acme-mail.net\n    returnPath: bounces@eu.acme-mail.net\n    senders: [{ address: info@eu.acme-mail.net }]\n    dkim: { signWith: news202606, selectors: [{ name: news202606, publicKeyFile: keys/rsa2048-b.pub }] }\n    spf: { all: "-all" }\n    dmarc: { policy: reject, rua: [dmarc@eu.acme-mail.net], adkim: r, aspf: r }\n    mx: [{ priority: 10, host: mx1.mailhost-provider.net }]\n' }],
      valid: [{ description: 'Each sender under its own domain', config: 'domains:\n  - name: acme-mail.net\n    returnPath: bounces@acme-mail.net\n    senders: [{ address: support@acme-mail.net }]\n    dkim: { signWith: mail202606, selectors: [{ name: mail202606, publicKeyFile: keys/rsa2048.pub }] }\n    spf: { all: "-all" }\n    dmarc: { policy: reject, rua: [dmarc@acme-mail.net], adkim: s, aspf: s }\n    mx: [{ priority: 10, host: mx1.mailhost-provider.net }]\n  - name: eu.acme-mail.net\n    returnPath: bounces@eu.acme-mail.net\n    senders: [{ address: info@eu.acme-mail.net }, { address: news@eu.acme-mail.net }]\n    dkim: { signWith: news202606, selectors: [{ name: news202606, publicKeyFile: keys/rsa2048-b.pub }] }\n    spf: { all: "-all" }\n    dmarc: { policy: reject, rua: [dmarc@eu.acme-mail.net], adkim: r, aspf: r }\n    mx: [{ priority: 10, host: mx1.mailhost-provider.net }]\n' }],
    },
  },
  messages: {
    misplaced: '{{address}} belongs to {{own}} but is listed under {{listed}}: it would use {{listed}}\'s return path; move it under {{own}}',
  },
  check({ model, report }) {
    const names = new Set(model.domains.map((d) => d.name));
    model.domains.forEach((domain, i) => {
      domain.senders.forEach((sender, j) => {
        const own = domainOf(sender.address);
        if (own === domain.name || !names.has(own)) return;
        report({ messageId: 'misplaced', path: ['domains', i, 'senders', j, 'address'], data: { address: sender.address, own, listed: domain.name } });
      });
    });
  },
});

// dmarc-present: every sending domain has exactly one DMARC policy (its own or its organizational domain's).
import { createRule } from './types.js';
import { appliedDmarc, extraDmarcRecords } from './util/dmarc.js';

export default createRule({
  id: 'dmarc-present',
  defaultSeverity: 'error',
  docs: {
    summary: 'Every sending domain has a DMARC policy, and only one record of it',
    rationale:
      'The self-hosted HTTP relay build guide, step 2 (DMARC) publishes "_dmarc.example.com TXT v=DMARC1; p=quarantine; ..." as a production basic: DMARC is what ties the visible From domain to SPF and DKIM, Gmail and Yahoo require a DMARC record from bulk senders, and without one nobody may act on forged mail in the domain\'s name and no aggregate reports arrive. A domain is covered by its own dmarc block, by a DMARC record written through dns.extraRecords, or, per RFC 7489 §6.6.3, by the record of its organizational domain when that domain is configured here too (sp= then applies). Two DMARC records at one _dmarc name count as none: RFC 7489 §6.6.3 has receivers ignore the policy when more than one record is returned.',
    source: 'the self-hosted HTTP relay build guide, step 2 (DMARC); RFC 7489 §6.6.3',
    fix: 'Add a dmarc block to the domain (policy: none while observing, then quarantine or reject, the self-hosted HTTP relay build guide), and remove any second _dmarc TXT from dns.extraRecords.',
    examples: {
      invalid: [
        { description: 'No DMARC policy', config: 'domain0:\n  dmarc: null\n' },
        { description: 'A second DMARC record added by hand', config: 'dns:\n  extraRecords:\n    - { name: _dmarc.acme-mail.net, type: TXT, value: "v=DMARC1; p=none" }\n' },
      ],
      valid: [{ description: 'One policy', config: 'domain0:\n  dmarc: { policy: reject, pct: 100, rua: [dmarc@acme-mail.net] }\n' }],
    },
  },
  messages: {
    missing: '{{domain}} sends mail but has no DMARC policy: add a dmarc block (p=none while observing, then quarantine or reject)',
    duplicate: '_dmarc.{{domain}} would have {{count}} DMARC records: receivers then apply none of them (RFC 7489 §6.6.3); keep one',
  },
  check({ model, report }) {
    model.domains.forEach((domain, i) => {
      const extras = extraDmarcRecords(model, domain.name);
      const count = extras.length + (domain.dmarc ? 1 : 0);
      if (count > 1) {
        // The dmarc block (if any) is the one to keep; the extras after it are reported.
        for (const index of domain.dmarc ? extras : extras.slice(1)) {
          report({ messageId: 'duplicate', path: ['dns', 'extraRecords', index, 'value'], data: { domain: domain.name, count } });
        }
        return;
      }
      if (count === 1 || appliedDmarc(model, domain.name)) return;
      report({ messageId: 'missing', path: ['domains', i, 'dmarc'], data: { domain: domain.name } });
    });
  },
});

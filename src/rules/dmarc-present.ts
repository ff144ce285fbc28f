// dmarc-present: every sending domain has exactly one DMARC policy (its own or its organizational domain's).
import { createRule } from './types.js';
import { appliedDmarc, extraDmarcRecords } from './util/dmarc.js';

export default createRule({
  id: 'dmarc-present',
  defaultSeverity: 'error',
  docs: {
    summary: 'Every sending domain has a DMARC policy, and only one record of it',
    rationale:
      'The self-hosted HTTP relay build guide (DMARC) publishes "_dmarc.example.com TXT v=DMARC1; p=quarantine; ..." as a production basic: DMARC is what ties the visible From domain to SPF and DKIM, Gmail and Yahoo require a DMARC record from bulk senders, and without one nobody may act on forged mail in the domain\'s name and no aggregate reports arrive (RFC 9989 section 4.10.1: with no record found, DMARC does not apply). A domain is covered by its own dmarc block, by a DMARC record written through dns.extraRecords, or by the record of a parent domain configured here that the RFC 9989 DNS tree walk (section 4.10) reaches first as organizational domain (sp= then applies). Offline, only the records this config writes are walked; `relayconf check-dns` walks live DNS and reports a policy inherited from a parent. Two DMARC records at one _dmarc name count as none: RFC 9989 section 4.10 has receivers discard them all.',
    source: 'RFC 9989 section 4.10, 4.10.1',
    fix: 'Add a dmarc block to the domain (policy: none while observing, then quarantine or reject, RFC 9989 section 7.4), and remove any second _dmarc TXT from dns.extraRecords.',
    examples: {
      invalid: [
        { description: 'No DMARC policy', config: 'domain0:\n  dmarc: null\n' },
        { description: 'A second DMARC record added by hand', config: 'dns:\n  extraRecords:\n    - { name: _dmarc.acme-mail.net, type: TXT, value: "v=DMARC1; p=none" }\n' },
      ],
      valid: [{ description: 'One policy', config: 'domain0:\n  dmarc: { policy: reject, rua: [dmarc@acme-mail.net] }\n' }],
    },
  },
  messages: {
    missing: '{{domain}} sends mail but has no DMARC policy: add a dmarc block (p=none while observing, then quarantine or reject)',
    duplicate: '_dmarc.{{domain}} would have {{count}} DMARC records: receivers discard them all (RFC 9989 section 4.10); keep one',
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

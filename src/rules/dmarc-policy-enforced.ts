// dmarc-policy-enforced: p=none only while observing; quarantine or reject in production.
import { createRule } from './types.js';

export default createRule({
  id: 'dmarc-policy-enforced',
  defaultSeverity: 'warning',
  docs: {
    summary: 'DMARC p=none only while observing; quarantine or reject in production (and no sp=none under an enforced p=)',
    rationale:
      'The self-hosted HTTP relay build guide, step 2 (DMARC): "Use p=none only while observing. For a production sending domain, move to p=quarantine once legitimate mail is passing, and consider p=reject later." With p=none receivers deliver forged mail in the domain\'s name as if it were genuine; the record then only gathers reports. The same holds for sp=none (RFC 7489 §6.3) under an enforced p=: every subdomain stays open to spoofing.',
    source: 'the self-hosted HTTP relay build guide, step 2 (DMARC); RFC 7489 §6.3',
    fix: 'Once the aggregate reports (rua) show your legitimate mail passing SPF or DKIM aligned, set dmarc.policy: quarantine, later reject; drop subdomainPolicy: none or raise it too.',
    examples: {
      invalid: [
        { description: 'Observing only', config: 'domain0:\n  dmarc: { policy: none, pct: 100, rua: [dmarc@acme-mail.net], adkim: s, aspf: s }\n' },
        { description: 'Subdomains left open', config: 'domain0:\n  dmarc: { policy: reject, subdomainPolicy: none, pct: 100, rua: [dmarc@acme-mail.net], adkim: s, aspf: s }\n' },
      ],
      valid: [{ description: 'Quarantine in production', config: 'domain0:\n  dmarc: { policy: quarantine, pct: 100, rua: [dmarc@acme-mail.net], adkim: s, aspf: s }\n' }],
    },
  },
  messages: {
    none: 'the DMARC policy of {{domain}} is p=none: receivers deliver mail that fails authentication; move to quarantine once legitimate mail passes (the self-hosted HTTP relay build guide)',
    subdomainNone: 'sp=none under p={{policy}} leaves every subdomain of {{domain}} open to spoofing; remove subdomainPolicy or set it to quarantine or reject',
  },
  check({ model, report }) {
    model.domains.forEach((domain, i) => {
      const dmarc = domain.dmarc;
      if (!dmarc) return;
      if (dmarc.policy === 'none') report({ messageId: 'none', path: ['domains', i, 'dmarc', 'policy'], data: { domain: domain.name } });
      else if (dmarc.subdomainPolicy === 'none') {
        report({ messageId: 'subdomainNone', path: ['domains', i, 'dmarc', 'subdomainPolicy'], data: { domain: domain.name, policy: dmarc.policy } });
      }
    });
  },
});

// dmarc-policy-enforced: p=none only while observing; quarantine or reject in production.
import { createRule } from './types.js';

export default createRule({
  id: 'dmarc-policy-enforced',
  defaultSeverity: 'warning',
  docs: {
    summary: 'DMARC p=none only while observing; quarantine or reject in production (no sp=none or np=none under an enforced p=, t=y only while testing)',
    rationale:
      'The self-hosted HTTP relay build guide (DMARC): "Use p=none only while observing. For a production sending domain, move to p=quarantine once legitimate mail is passing, and consider p=reject later." RFC 9989 calls p=none Monitoring Mode: receivers deliver forged mail in the domain\'s name as if it were genuine and the record only gathers reports. Its staged path is p=none while reading the aggregate reports (RFC 9990), then p=quarantine, then p=reject (RFC 9989 section 5.1.7, section 7.4). The same holds for sp=none (existing subdomains) and np=none (subdomains that do not exist, RFC 9989 section 4.7) under an enforced p=: those names stay open to spoofing. testing: true publishes t=y, which asks receivers to apply the policy one level lower (reject as quarantine, quarantine as none; RFC 9989 section 4.7): right while testing a step, wrong once the step is taken.',
    source: 'RFC 9989 section 4.7, section 5.1.7, section 7.4',
    fix: 'Once the aggregate reports (rua) show your legitimate mail passing SPF or DKIM aligned, set dmarc.policy: quarantine, later reject (each step may first run with testing: true); drop subdomainPolicy: none and nonExistentSubdomainPolicy: none or raise them too; remove testing once the step holds.',
    examples: {
      invalid: [
        { description: 'Observing only', config: 'domain0:\n  dmarc: { policy: none, rua: [dmarc@acme-mail.net], adkim: s, aspf: s }\n' },
        { description: 'Subdomains left open', config: 'domain0:\n  dmarc: { policy: reject, subdomainPolicy: none, rua: [dmarc@acme-mail.net], adkim: s, aspf: s }\n' },
        { description: 'Non-existent subdomains left open', config: 'domain0:\n  dmarc: { policy: reject, nonExistentSubdomainPolicy: none, rua: [dmarc@acme-mail.net], adkim: s, aspf: s }\n' },
        { description: 'Still in testing mode', config: 'domain0:\n  dmarc: { policy: reject, testing: true, rua: [dmarc@acme-mail.net], adkim: s, aspf: s }\n' },
      ],
      valid: [
        { description: 'Quarantine in production', config: 'domain0:\n  dmarc: { policy: quarantine, rua: [dmarc@acme-mail.net], adkim: s, aspf: s }\n' },
        { description: 'Reject, with non-existent subdomains rejected too', config: 'domain0:\n  dmarc: { policy: reject, nonExistentSubdomainPolicy: reject, rua: [dmarc@acme-mail.net], adkim: s, aspf: s }\n' },
      ],
    },
  },
  messages: {
    none: 'the DMARC policy of {{domain}} is p=none: receivers deliver mail that fails authentication; move to quarantine once legitimate mail passes (RFC 9989 section 7.4)',
    subdomainNone: 'sp=none under p={{policy}} leaves every subdomain of {{domain}} open to spoofing; remove subdomainPolicy or set it to quarantine or reject',
    nonExistentNone: 'np=none under p={{policy}} leaves every non-existent subdomain of {{domain}} open to spoofing; remove nonExistentSubdomainPolicy or set it to quarantine or reject',
    testing: 'testing: true publishes t=y for {{domain}}: receivers apply p={{policy}} one level lower ({{applied}}); remove it once the aggregate reports show every legitimate sender aligned',
  },
  check({ model, report }) {
    model.domains.forEach((domain, i) => {
      const dmarc = domain.dmarc;
      if (!dmarc) return;
      const path = ['domains', i, 'dmarc'];
      const data = { domain: domain.name, policy: dmarc.policy };
      if (dmarc.policy === 'none') return report({ messageId: 'none', path: [...path, 'policy'], data });
      if (dmarc.subdomainPolicy === 'none') report({ messageId: 'subdomainNone', path: [...path, 'subdomainPolicy'], data });
      if (dmarc.nonExistentSubdomainPolicy === 'none') report({ messageId: 'nonExistentNone', path: [...path, 'nonExistentSubdomainPolicy'], data });
      // t=y has no effect on p=none (RFC 9989 section 4.7), hence only here.
      if (dmarc.testing) report({ messageId: 'testing', path: [...path, 'testing'], data: { ...data, applied: dmarc.policy === 'reject' ? 'as quarantine' : 'as none' } });
    });
  },
});

// dmarc-pct-full: an enforced DMARC policy applies to all failing mail (pct=100).
import { createRule } from './types.js';

export default createRule({
  id: 'dmarc-pct-full',
  defaultSeverity: 'warning',
  docs: {
    summary: 'DMARC pct is 100: a lower pct leaves part of the failing mail unprotected',
    rationale:
      'The self-hosted HTTP relay build guide, step 2 (DMARC) publishes "pct=100: apply the policy to all messages". With pct below 100 receivers apply quarantine or reject only to that share of the failing mail and treat the rest one step milder (RFC 7489 §6.3, §6.6.4), so forged mail still gets through. A lower pct is a ramp-up step, not a production state; BIMI also requires pct=100 (bimi-needs-enforced-dmarc). Not checked under p=none, where pct has no effect (dmarc-policy-enforced reports that).',
    source: 'the self-hosted HTTP relay build guide, step 2 (DMARC); RFC 7489 §6.3',
    fix: 'Raise dmarc.pct to 100 (or omit it: 100 is the default) once the reports show legitimate mail passing.',
    examples: {
      invalid: [{ description: 'Quarantine for a quarter of failing mail', config: 'domain0:\n  dmarc: { policy: quarantine, pct: 25, rua: [dmarc@acme-mail.net], adkim: s, aspf: s }\n' }],
      valid: [{ description: 'The whole of failing mail', config: 'domain0:\n  dmarc: { policy: quarantine, pct: 100, rua: [dmarc@acme-mail.net], adkim: s, aspf: s }\n' }],
    },
  },
  messages: {
    partial: 'DMARC pct={{pct}} for {{domain}}: p={{policy}} applies to only {{pct}}% of failing mail, the rest gets through; use pct=100',
  },
  check({ model, report }) {
    model.domains.forEach((domain, i) => {
      const dmarc = domain.dmarc;
      if (!dmarc || dmarc.policy === 'none' || dmarc.pct >= 100) return;
      report({ messageId: 'partial', path: ['domains', i, 'dmarc', 'pct'], data: { pct: dmarc.pct, domain: domain.name, policy: dmarc.policy } });
    });
  },
});

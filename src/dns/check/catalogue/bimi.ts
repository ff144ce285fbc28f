// check-dns findings about BIMI, when configured: the v=BIMI1 record is visible with the configured l= and a=.
import { createDnsRule } from '../rule-types.js';

const GUIDE_BIMI = 'the self-hosted HTTP relay build guide, step 14 (BIMI)';
const BIMI = 'domain0:\n  bimi: { logo: "https://acme-mail.net/bimi/logo.svg" }\n';

export const dnsBimiMissing = createDnsRule({
  id: 'dns-bimi-missing',
  defaultSeverity: 'error',
  docs: {
    summary: 'A configured BIMI record is published',
    rationale: `The config declares BIMI but no v=BIMI1 record is visible at <selector>._bimi.<domain>, so receivers show no logo (${GUIDE_BIMI}).`,
    source: GUIDE_BIMI,
    fix: 'Publish the BIMI record from the built zone.',
    examples: {
      invalid: [{ description: 'BIMI configured, not published', config: BIMI, dns: [{ remove: 'TXT default._bimi.acme-mail.net' }] }],
      valid: [{ description: 'The built record is published', config: BIMI }],
    },
  },
  messages: { none: '{{name}} has no BIMI record ({{why}}); publish {{expected}}' },
});

export const dnsBimiMismatch = createDnsRule({
  id: 'dns-bimi-mismatch',
  defaultSeverity: 'error',
  docs: {
    summary: 'The BIMI record is the one the build emits',
    rationale: `The live BIMI record's l= (logo) or a= (evidence) differs from the config, or there are several (receivers then use none): the logo shown is not the one configured (${GUIDE_BIMI}).`,
    source: GUIDE_BIMI,
    fix: 'Publish the built record, and only that one.',
    examples: {
      invalid: [{ description: 'DNS names an older logo', config: BIMI, published: 'domain0:\n  bimi: { logo: "https://acme-mail.net/bimi/old-logo.svg" }\n' }],
      valid: [{ description: 'The built record is published', config: BIMI }],
    },
  },
  messages: { differs: '{{name}}: {{differences}}' },
});

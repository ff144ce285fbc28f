// check-dns findings about DMARC: each sending domain publishes one v=DMARC1 record, the one the build emits.
import { createDnsRule } from '../rule-types.js';

const GUIDE_DMARC = 'the self-hosted HTTP relay build guide, step 2 (DMARC)';

export const dnsDmarcMissing = createDnsRule({
  id: 'dns-dmarc-missing',
  defaultSeverity: 'error',
  docs: {
    summary: 'Each sending domain publishes a DMARC record',
    rationale: `No v=DMARC1 record at _dmarc.<domain> (or several, which receivers ignore: RFC 7489 §6.6.3): there is no policy and no aggregate reports (${GUIDE_DMARC}).`,
    source: `${GUIDE_DMARC}; RFC 7489 §6.6.3`,
    fix: 'Publish the DMARC record from the built zone, and only that one.',
    examples: {
      invalid: [{ description: 'No DMARC record', config: '', dns: [{ remove: 'TXT _dmarc.acme-mail.net' }] }],
      valid: [{ description: 'The built record is published', config: '' }],
    },
  },
  messages: {
    none: '{{name}} has no DMARC record ({{detail}}): receivers apply no policy and send no reports{{publish}}',
    notOne: '{{name}} has {{what}}{{publish}}',
  },
});

export const dnsDmarcMismatch = createDnsRule({
  id: 'dns-dmarc-mismatch',
  defaultSeverity: 'error',
  docs: {
    summary: 'The DMARC record is the one the build emits',
    rationale: `A tag of the live DMARC record differs from the config, compared with the defaults of RFC 7489 §6.3 applied: for example p=none published while the config says quarantine, so receivers apply a weaker policy than the one reviewed (${GUIDE_DMARC}).`,
    source: `${GUIDE_DMARC}; RFC 7489 §6.3`,
    fix: 'Publish the built record.',
    examples: {
      invalid: [{ description: 'DNS still says p=none; the config says reject', config: '', published: 'domain0:\n  dmarc: { policy: none }\n' }],
      valid: [{ description: 'The built record is published', config: '' }],
    },
  },
  messages: { differs: '{{name}} differs from the build: {{differences}} (published {{published}})' },
});

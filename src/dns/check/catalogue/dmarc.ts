// check-dns findings about DMARC: each sending domain's policy as receivers discover it (RFC 9989
// section 4.10.1): its own record, the one the build emits, or a parent's found by the DNS tree walk.
import { createDnsRule } from '../rule-types.js';

const GUIDE_DMARC = 'the self-hosted HTTP relay build guide, step 2 (DMARC)';

export const dnsDmarcMissing = createDnsRule({
  id: 'dns-dmarc-missing',
  defaultSeverity: 'error',
  docs: {
    summary: 'Each sending domain publishes a DMARC record',
    rationale: `No v=DMARC1 record at _dmarc.<domain> (or several, which receivers discard: RFC 9989 section 4.10) while the build writes one, or no DMARC policy at all: the DNS tree walk up the parent domains (at most 8 queries) found none either, so receivers apply no policy and send no aggregate reports (${GUIDE_DMARC}). When a parent's record was found, the finding says which policy receivers apply until the built record is published.`,
    source: 'RFC 9989 section 4.10, 4.10.1',
    fix: 'Publish the DMARC record from the built zone, and only that one.',
    examples: {
      invalid: [{ description: 'No DMARC record', config: '', dns: [{ remove: 'TXT _dmarc.acme-mail.net' }] }],
      valid: [{ description: 'The built record is published', config: '' }],
    },
  },
  messages: {
    noPolicy: '{{problem}}{{walked}}: receivers apply no DMARC policy and send no reports{{publish}}',
    unpublished: '{{problem}}; until it is published {{inherited}}{{publish}}',
  },
});

export const dnsDmarcMismatch = createDnsRule({
  id: 'dns-dmarc-mismatch',
  defaultSeverity: 'error',
  docs: {
    summary: 'The DMARC record is the one the build emits',
    rationale: `A tag of the live DMARC record differs from the config, compared with the RFC 9989 section 4.7 defaults applied (sp follows p, np follows sp, t=n, psd=u, adkim=r, aspf=r): for example p=none published while the config says quarantine, so receivers apply a weaker policy than the one reviewed (${GUIDE_DMARC}). The removed tags pct, rf and ri are not compared (dns-dmarc-removed-tag).`,
    source: 'RFC 9989 section 4.7',
    fix: 'Publish the built record.',
    examples: {
      invalid: [{ description: 'DNS still says p=none; the config says reject', config: '', published: 'domain0:\n  dmarc: { policy: none }\n' }],
      valid: [{ description: 'The built record is published', config: '' }],
    },
  },
  messages: { differs: '{{name}} differs from the build: {{differences}} (published {{published}})' },
});

export const dnsDmarcRemovedTag = createDnsRule({
  id: 'dns-dmarc-removed-tag',
  defaultSeverity: 'warning',
  docs: {
    summary: 'The published DMARC record has no pct, rf or ri',
    rationale:
      'RFC 9989 removed pct, rf and ri; receivers that follow it ignore them, so a pct below 100 no longer limits the policy, and a record that still carries them was published from an older build or by hand. pct=0 lives on as t=y (testing: true).',
    source: 'RFC 9989 Appendix A.6, Appendix C.5.2',
    fix: 'Publish the built record, which never writes them.',
    examples: {
      invalid: [{ description: 'pct=100 still published', config: '', dns: [{ edit: '_dmarc.acme-mail.net', replace: 'v=DMARC1; ', with: 'v=DMARC1; pct=100; ' }] }],
      valid: [{ description: 'The built record is published', config: '' }],
    },
  },
  messages: { removed: '{{name}} still publishes {{tags}}: RFC 9989 removed {{which}} and receivers that follow it ignore {{them}}{{pctNote}}; publish {{built}}' },
});

export const dnsDmarcInherited = createDnsRule({
  id: 'dns-dmarc-inherited',
  defaultSeverity: 'info',
  docs: {
    summary: "A sending domain without its own DMARC record gets a parent's policy",
    rationale:
      'The domain publishes no DMARC record and the config declares none for it; receivers walk up the DNS tree (at most 8 queries; a name of 8 or more labels jumps to its last 7) and apply the record of the organizational domain: the one with the fewest labels, or the one a psd=n or psd=y tag marks. Its sp= applies (p= when sp= is absent), np= to subdomains that do not exist (RFC 9989 section 4.10.1, 4.10.2).',
    source: 'RFC 9989 section 4.10, 4.10.1, 4.10.2',
    fix: 'Information: check that this is the policy you want for the domain, or give it a dmarc block.',
    examples: {
      invalid: [{ description: 'No record of its own; a parent publishes one', config: 'domain0:\n  dmarc: null\n', dns: [{ add: '_dmarc.net TXT "v=DMARC1; p=reject"' }] }],
      valid: [{ description: 'The built record is published', config: '' }],
    },
  },
  messages: { inherited: '{{domain}} has no DMARC record of its own; {{inherited}} (published {{published}})' },
});

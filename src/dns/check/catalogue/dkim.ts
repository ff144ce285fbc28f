// check-dns findings about DKIM: each selector's record carries exactly the configured key, and
// whether a selector is live yet (the signal a rotation waits for).
import { createDnsRule } from '../rule-types.js';

const GUIDE_DKIM = 'the self-hosted HTTP relay build guide, step 4 (OpenDKIM)';

export const dnsDkimMissing = createDnsRule({
  id: 'dns-dkim-missing',
  defaultSeverity: 'error',
  docs: {
    summary: 'Every configured DKIM selector is published',
    rationale: `The selector's TXT record (RFC 6376 §3.6.2.1: <selector>._domainkey.<domain>) is not visible. For the signing selector receivers fail DKIM now (${GUIDE_DKIM}); for a new selector in a rotation this is expected until DNS is published and caches expire (the guide's step 13: clean old DNS only after validation).`,
    source: `${GUIDE_DKIM}; RFC 6376 §3.6.2.1`,
    fix: 'Publish the selector record from the built zone; keep signWith on the old selector until check-dns reports the new one live (dns-dkim-live).',
    examples: {
      invalid: [{ description: 'The signing selector is not published', config: '', dns: [{ remove: 'TXT mail202606._domainkey.acme-mail.net' }] }],
      valid: [{ description: 'The built record is published', config: '' }],
    },
  },
  messages: { none: 'selector {{selector}} is not yet visible: {{name}} {{detail}}; it is {{role}}' },
});

export const dnsDkimMismatch = createDnsRule({
  id: 'dns-dkim-mismatch',
  defaultSeverity: 'error',
  docs: {
    summary: 'Each DKIM record carries exactly the configured public key',
    rationale: `The TXT record, joined across its strings (RFC 6376 §3.6.2.2), must start with v=DKIM1, have the right k= and a p= equal to the public key file (RFC 6376 §3.6.1): otherwise receivers cannot verify what OpenDKIM signs (${GUIDE_DKIM}). A p= cut short means the DNS provider truncated the record, often at 255 characters.`,
    source: `${GUIDE_DKIM}; RFC 6376 §3.6.1`,
    fix: 'Publish the built record; a provider that truncates long TXT values needs it as several quoted strings (the zone file already splits it).',
    examples: {
      invalid: [{ description: 'The config has a new key; DNS still has the old one', config: 'domain0:\n  dkim: { selectors: [{ name: mail202606, publicKeyFile: keys/rsa2048-b.pub }] }\n', published: '' }],
      valid: [{ description: 'The built record is published', config: '' }],
    },
  },
  messages: {
    several: '{{name}} has {{count}} TXT records; a DKIM selector needs exactly one: {{expected}}',
    wrong: 'selector {{selector}} at {{name}}: {{problems}}',
  },
});

export const dnsDkimTagsDiffer = createDnsRule({
  id: 'dns-dkim-tags-differ',
  defaultSeverity: 'warning',
  docs: {
    summary: 'A DKIM record with the right key has the tags the build writes',
    rationale:
      'The key is right, but another tag differs from the built record: t=y (RFC 6376 §3.6.1) asks receivers to treat the domain as testing DKIM, and a dropped h= widens the hash algorithms the key accepts. Mail still verifies, so this is a warning of its own, apart from dns-dkim-mismatch.',
    source: 'RFC 6376 §3.6.1',
    fix: 'Publish the built record.',
    examples: {
      invalid: [{ description: 'Testing mode published instead of h=sha256', config: '', dns: [{ edit: 'mail202606._domainkey.acme-mail.net', replace: 'h=sha256; ', with: 't=y; ' }] }],
      valid: [{ description: 'The built record is published', config: '' }],
    },
  },
  messages: { differs: 'selector {{selector}} at {{name}} has the right key but differs from the build: {{differences}}' },
});

export const dnsDkimUnchecked = createDnsRule({
  id: 'dns-dkim-unchecked',
  defaultSeverity: 'warning',
  docs: {
    summary: "Every selector's public key could be read",
    rationale: `The selector's public key file is missing or unreadable, so there is nothing to compare DNS with (${GUIDE_DKIM}: the public key is what DNS must carry).`,
    source: GUIDE_DKIM,
    fix: 'Run `relayconf lint` and fix the key file (`relayconf keygen` writes one).',
    examples: {
      invalid: [{ description: 'The key file does not exist', config: 'domain0:\n  dkim: { selectors: [{ name: mail202606, publicKeyFile: keys/missing.pub }] }\n', published: '' }],
      valid: [{ description: 'The key file is readable', config: '' }],
    },
  },
  messages: { unreadable: 'selector {{selector}} of {{domain}} cannot be compared with DNS: {{file}}: {{why}}' },
});

export const dnsDkimLive = createDnsRule({
  id: 'dns-dkim-live',
  defaultSeverity: 'info',
  docs: {
    summary: 'A DKIM selector is published and matches its key',
    rationale:
      "Information: the selector's live record equals the record the build emits. In a rotation this is the signal that the new selector may become signWith (the self-hosted HTTP relay build guide, step 2 (DKIM): selectors named by date make rotation easier; step 13: change DNS only after validation).",
    source: 'the self-hosted HTTP relay build guide, step 2 (DKIM) and step 13',
    fix: 'Nothing to fix. During a rotation, switch signWith to the new selector once it is reported here.',
    examples: {
      invalid: [{ description: 'Reported for a selector whose record is published', config: '' }],
      valid: [{ description: 'Not reported while the selector is not visible (dns-dkim-missing instead)', config: '', dns: [{ remove: 'TXT mail202606._domainkey.acme-mail.net' }] }],
    },
  },
  messages: { live: 'selector {{selector}} is published and matches {{file}} ({{role}})' },
});

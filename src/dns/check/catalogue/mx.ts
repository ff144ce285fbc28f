// check-dns findings about MX: each sending domain keeps a real MX, the configured one, not this relay.
import { createDnsRule } from '../rule-types.js';

const GUIDE_MX = 'the self-hosted HTTP relay build guide, step 2 (MX)';

export const dnsMxMissing = createDnsRule({
  id: 'dns-mx-missing',
  defaultSeverity: 'error',
  docs: {
    summary: 'Each sending domain keeps an MX',
    rationale: `Replies, bounces and DMARC reports need somewhere to go, and some receivers distrust a From domain that cannot receive mail (${GUIDE_MX}). A null MX ("0 .", RFC 7505) says the domain accepts no mail at all.`,
    source: `${GUIDE_MX}; RFC 7505`,
    fix: "Keep the domain's existing mail provider as MX and publish the built MX records.",
    examples: {
      invalid: [{ description: 'No MX record', config: '', dns: [{ remove: 'MX acme-mail.net' }] }],
      valid: [{ description: 'The configured MX is published', config: '' }],
    },
  },
  messages: {
    none: '{{name}} has no MX record ({{detail}}): replies, bounces and DMARC reports have nowhere to go',
    nullMx: '{{name}} publishes a null MX ("0 ."): the domain accepts no mail, so replies, bounces and DMARC reports bounce (RFC 7505)',
  },
});

export const dnsMxThisRelay = createDnsRule({
  id: 'dns-mx-this-relay',
  defaultSeverity: 'warning',
  docs: {
    summary: 'MX does not point at this send-only relay',
    rationale: `An MX is the MTA hostname or resolves to the sending IP: receivers would deliver replies and reports to a server that does not accept mail (${GUIDE_MX}: do not point MX at this VPS just because it sends mail).`,
    source: GUIDE_MX,
    fix: "Keep the existing receiving provider as MX.",
    examples: {
      invalid: [{ description: 'DNS points MX at the relay', config: '', published: 'domain0:\n  mx: [{ priority: 10, host: mail.acme-mail.net }]\n' }],
      valid: [{ description: "The receiving provider's MX", config: '' }],
    },
  },
  messages: { relay: "MX of {{name}} points at this send-only relay ({{hosts}}): keep the domain's receiving provider as MX" },
});

export const dnsMxMismatch = createDnsRule({
  id: 'dns-mx-mismatch',
  defaultSeverity: 'warning',
  docs: {
    summary: 'The published MX set is the configured one',
    rationale: `The live MX hosts or priorities differ from domains[].mx, so the config no longer says where replies and reports go (${GUIDE_MX}).`,
    source: GUIDE_MX,
    fix: "Publish the built records, or update the config to the provider's current MX.",
    examples: {
      invalid: [{ description: 'DNS has another provider', config: '', published: 'domain0:\n  mx: [{ priority: 10, host: mx1.other-provider.net }]\n' }],
      valid: [{ description: 'The configured MX is published', config: '' }],
    },
  },
  messages: { differs: 'MX of {{name}} is {{have}}; expected {{want}}{{missing}}{{extra}}' },
});

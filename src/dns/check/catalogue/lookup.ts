// check-dns findings about the lookups themselves: a name that times out or fails, a resolver that answers nothing.
import { createDnsRule } from '../rule-types.js';

const FAILED = 'cannot check {{what}}: {{type}} {{name}} {{detail}}';

export const dnsTimeout = createDnsRule({
  id: 'dns-timeout',
  defaultSeverity: 'error',
  docs: {
    summary: 'Every lookup is answered in time',
    rationale:
      'The resolver gave no answer within --timeout, so this record could not be checked (it is not known to be missing). A name that times out for you may time out for receivers too: SPF then gives temperror (RFC 7208 §2.6.6) and the message is deferred or judged without it.',
    source: 'RFC 7208 §2.6.6, RFC 1035 §4.2',
    fix: "Check --resolver, the network path, and the zone's authoritative servers (dig +trace NAME); raise --timeout only when the answers are merely slow.",
    examples: {
      invalid: [{ description: 'The DMARC name never answers', config: '', dns: [{ noAnswer: '_dmarc.acme-mail.net' }] }],
      valid: [{ description: 'Every name of the built zone answers', config: '' }],
    },
  },
  messages: { failed: FAILED },
});

export const dnsServfail = createDnsRule({
  id: 'dns-servfail',
  defaultSeverity: 'error',
  docs: {
    summary: 'Every lookup gets a real answer (no SERVFAIL or REFUSED)',
    rationale:
      'The resolver answered SERVFAIL, REFUSED or something unreadable (RFC 1035 §4.1.1 response codes): the zone may be lame or DNSSEC-broken, or the resolver may not serve you. The record could not be checked, and receivers that get the same answer treat SPF as temperror (RFC 7208 §2.6.6).',
    source: 'RFC 1035 §4.1.1',
    fix: 'Ask the zone\'s authoritative servers directly (dig @ns NAME TYPE) and check its delegation and DNSSEC signatures (delv NAME TYPE); try another --resolver to tell a resolver problem from a zone problem.',
    examples: {
      invalid: [{ description: 'The DMARC name fails with SERVFAIL', config: '', dns: [{ servfail: '_dmarc.acme-mail.net' }] }],
      valid: [{ description: 'Every name of the built zone answers', config: '' }],
    },
  },
  messages: { failed: FAILED },
});

export const dnsResolverUnreachable = createDnsRule({
  id: 'dns-resolver-unreachable',
  defaultSeverity: 'error',
  docs: {
    summary: 'The resolver answers at all',
    rationale:
      'No lookup of the run got an answer (every one timed out or was refused), so nothing was checked: one finding says so instead of one per record. A stub resolver needs a recursive server that serves it (RFC 1123 §6.1.3.3); an authoritative-only server refuses recursion.',
    source: 'RFC 1035 §4.2, RFC 1123 §6.1.3.3',
    fix: 'Check --resolver (HOST[:PORT]), that it is a recursive resolver that serves this machine, and the network path (UDP and TCP port 53).',
    examples: {
      invalid: [{ description: 'The resolver never answers', config: '', dns: [{ noAnswer: '*' }] }],
      valid: [{ description: 'The resolver answers', config: '' }],
    },
  },
  messages: {
    none: 'the resolver {{resolver}} answered none of {{count}} lookups (each timed out or was refused), so no record was checked: check --resolver and the network path',
  },
});

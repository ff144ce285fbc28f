// check-dns findings about the MTA hostname's A/AAAA records (and each sender transport's HELO name).
import { createDnsRule } from '../rule-types.js';

const GUIDE_A = 'the self-hosted HTTP relay build guide, step 0 and step 2 (A / AAAA)';

export const dnsAMissing = createDnsRule({
  id: 'dns-a-missing',
  defaultSeverity: 'error',
  docs: {
    summary: 'The MTA hostname has its A/AAAA record',
    rationale: `Recipient servers look up the HELO name and the PTR name; without an A record forward-confirmed reverse DNS fails, and many receivers reject or score down a HELO name that does not resolve (${GUIDE_A}; RFC 5321 §4.1.1.1 asks for a resolvable HELO name).`,
    source: `${GUIDE_A}; RFC 5321 §4.1.1.1`,
    fix: 'Publish the A (and AAAA, if IPv6 is declared) record from the built zone (dns/<zone>.zone).',
    examples: {
      invalid: [{ description: 'The hostname has no A record', config: '', dns: [{ remove: 'A mail.acme-mail.net' }] }],
      valid: [{ description: 'The built zone is published', config: '' }],
    },
  },
  messages: { none: '{{name}} has no {{type}} record ({{detail}}); expected {{expected}}: receivers cannot confirm the HELO and PTR name' },
});

export const dnsAMismatch = createDnsRule({
  id: 'dns-a-mismatch',
  defaultSeverity: 'error',
  docs: {
    summary: 'The MTA hostname resolves to the configured IPs',
    rationale: `The A/AAAA answer must contain the sending IP; otherwise forward-confirmed reverse DNS fails and SPF a: terms that name the host authorize another machine (${GUIDE_A}).`,
    source: GUIDE_A,
    fix: 'Publish the A/AAAA record from the built zone, or correct mta.ipv4/mta.ipv6 when the server has moved.',
    examples: {
      invalid: [
        { description: 'The A record names another address', config: '', dns: [{ remove: 'A mail.acme-mail.net' }, { add: 'mail.acme-mail.net A 94.130.10.99' }] },
      ],
      valid: [{ description: 'The built zone is published', config: '' }],
    },
  },
  messages: { wrong: '{{name}} {{type}} is {{actual}}; expected {{expected}}' },
});

export const dnsAExtra = createDnsRule({
  id: 'dns-a-extra',
  defaultSeverity: 'warning',
  docs: {
    summary: 'The MTA hostname answers no address besides the configured ones',
    rationale: `The sending IP is there, but the name also answers other addresses: receivers may check the HELO name against an address that is not this MTA, and an a: term in SPF authorizes every one of them (${GUIDE_A}).`,
    source: GUIDE_A,
    fix: 'Remove the extra A/AAAA records, or give the other machine its own name.',
    examples: {
      invalid: [{ description: 'A second A record', config: '', dns: [{ add: 'mail.acme-mail.net A 94.130.10.21' }] }],
      valid: [{ description: 'Only the configured address', config: '' }],
    },
  },
  messages: { extra: '{{name}} {{type}} also answers {{extra}}; expected only {{expected}}' },
});

export const dnsAaaaUnexpected = createDnsRule({
  id: 'dns-aaaa-unexpected',
  defaultSeverity: 'warning',
  docs: {
    summary: 'No AAAA record for an MTA that does not send over IPv6',
    rationale:
      'The config declares no IPv6 address, yet the hostname has AAAA records. The self-hosted HTTP relay build guide, step 2 (A / AAAA): do not publish AAAA just because the provider gives you one; a half-configured IPv6 path (no PTR, no ip6: in SPF) causes random-looking failures at receivers that connect or check over IPv6.',
    source: 'the self-hosted HTTP relay build guide, step 2 (A / AAAA)',
    fix: 'Remove the AAAA record, or declare mta.ipv6 with its PTR (mta.ipv6Ptr) so the build writes AAAA, ip6: and inet_protocols = all.',
    examples: {
      invalid: [{ description: 'An AAAA record the config does not declare', config: '', dns: [{ add: 'mail.acme-mail.net AAAA 2a01:4f8:10::20' }] }],
      valid: [{ description: 'IPv6 declared with its PTR, and the built zone published', config: 'mta:\n  ipv6: 2a01:4f8:10::20\n  ipv6Ptr: mail.acme-mail.net\n' }],
    },
  },
  messages: { unexpected: '{{host}} has AAAA {{addresses}} but the config declares no mta.ipv6: remove the AAAA record, or declare the IPv6 address with its PTR' },
});

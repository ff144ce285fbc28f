// check-dns findings about the relay's entry name (relay.entry.hostname): it resolves to the gateway.
import { createDnsRule } from '../rule-types.js';

const GUIDE = 'the self-hosted HTTP relay build guide, step 9 (the entry layer)';
const NGINX = 'relay:\n  entry:\n    hostname: mail-relay.acme-mail.net\n    gateway: nginx-allowlist\n    allowFrom: [198.51.100.7]\n';
const TUNNEL = 'relay:\n  entry:\n    hostname: mail-relay.acme-mail.net\n    gateway: cloudflare-access\n    tunnelId: 6ff42ae2-765d-4adf-8112-31c55c1551ef\n';

export const dnsEntryMissing = createDnsRule({
  id: 'dns-entry-missing',
  defaultSeverity: 'error',
  docs: {
    summary: 'The relay\'s entry name is published',
    rationale: `Callers on other hosts reach the relay by relay.entry.hostname, a name of its own that is never the MTA hostname (${GUIDE}). Without its record (A/AAAA to this server for nginx, the CNAME to the tunnel for Cloudflare Tunnel) no caller can connect, and certbot cannot obtain the certificate nginx serves.`,
    source: `${GUIDE}; RFC 1035 §3.2`,
    fix: 'Publish the entry record from the built zone (dns/<zone>.zone); for a tunnel, as a proxied record in Cloudflare.',
    examples: {
      invalid: [
        { description: 'The nginx entry name has no A record', config: NGINX, dns: [{ remove: 'A mail-relay.acme-mail.net' }] },
        { description: 'The tunnel name is not published', config: TUNNEL, dns: [{ remove: 'CNAME mail-relay.acme-mail.net' }] },
      ],
      valid: [
        { description: 'The built zone, with the entry name, is published', config: NGINX },
        { description: 'The tunnel name is proxied: Cloudflare answers its own addresses', config: TUNNEL, dns: [{ remove: 'CNAME mail-relay.acme-mail.net' }, { add: 'mail-relay.acme-mail.net A 104.16.0.1' }] },
      ],
    },
  },
  messages: { none: '{{name}} has no {{type}} record ({{detail}}); expected {{expected}}: callers cannot reach the relay' },
});

export const dnsEntryMismatch = createDnsRule({
  id: 'dns-entry-mismatch',
  defaultSeverity: 'error',
  docs: {
    summary: 'The relay\'s entry name points at its gateway, and only there',
    rationale: `The entry name resolves elsewhere, or also elsewhere: to another server than the one nginx runs on (or an AAAA where nginx has no IPv6), to another tunnel, or straight to this server past the tunnel. Callers then send their token to a machine that is not this relay's gateway (${GUIDE}).`,
    source: `${GUIDE}; RFC 1035 §3.2`,
    fix: 'Publish the built entry record, or correct mta.ipv4/mta.ipv6 or relay.entry.tunnelId.',
    examples: {
      invalid: [
        { description: 'The entry name points at another server', config: NGINX, dns: [{ remove: 'A mail-relay.acme-mail.net' }, { add: 'mail-relay.acme-mail.net A 94.130.10.99' }] },
        { description: 'The entry name routes to another tunnel', config: TUNNEL, dns: [{ remove: 'CNAME mail-relay.acme-mail.net' }, { add: 'mail-relay.acme-mail.net CNAME 0b1c2d3e-0000-4000-8000-000000000000.cfargotunnel.com' }] },
        { description: 'A second address beside the server\'s', config: NGINX, dns: [{ add: 'mail-relay.acme-mail.net A 94.130.10.99' }] },
        { description: 'An AAAA record on a server without IPv6', config: NGINX, dns: [{ add: 'mail-relay.acme-mail.net AAAA 2a01:4f8:10::99' }] },
        { description: 'The tunnel name still points at the server itself', config: TUNNEL, dns: [{ remove: 'CNAME mail-relay.acme-mail.net' }, { add: 'mail-relay.acme-mail.net A 94.130.10.20' }] },
      ],
      valid: [{ description: 'The built zone is published', config: TUNNEL }],
    },
  },
  messages: {
    differs: '{{name}} {{type}} is {{actual}}; expected exactly {{expected}}',
    unexpectedAaaa: '{{name}} has AAAA {{actual}} but the server has no IPv6 (mta.ipv6): nginx does not listen there, and IPv6 callers reach another host',
    ownAddress: '{{name}} answers A {{actual}}, this server\'s own address: a tunnel name is a proxied CNAME to {{expected}}, and this record bypasses the tunnel',
  },
});

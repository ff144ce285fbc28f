// relay-entry-hostname-fqdn: the entry name is a DNS name of at least two labels, not an address or a bare label.
import { createRule } from './types.js';
import { ipFamily } from './util/ip.js';

export default createRule({
  id: 'relay-entry-hostname-fqdn',
  defaultSeverity: 'error',
  docs: {
    summary: 'relay.entry.hostname is a fully qualified DNS name',
    rationale:
      'The entry name is what callers connect to, what the zone publishes (its A/AAAA or the tunnel\'s CNAME) and what certbot ' +
      'proves over HTTP for nginx\'s certificate (RFC 8555 §8.3; the self-hosted HTTP relay build guide, step 9). An IP address or a ' +
      'single label (localhost, relay) gives a zone named after it, an nginx server_name no public name reaches, and a certbot order ' +
      'no ACME CA will issue.',
    source: 'RFC 1034 §3.1; RFC 8555 §8.3; the self-hosted HTTP relay build guide, step 9',
    fix: 'Use a name in your own domain, such as mail-relay.yourdomain.com, and publish it from the built zone.',
    examples: {
      invalid: [
        { description: 'An IP address as the entry name', config: 'relay:\n  entry:\n    hostname: "94.130.10.20"\n    gateway: nginx-allowlist\n    allowFrom: [198.51.100.7]\n' },
        { description: 'A bare label', config: 'relay:\n  entry:\n    hostname: localhost\n    gateway: nginx-allowlist\n    allowFrom: [198.51.100.7]\n' },
      ],
      valid: [{ description: 'A name of the sending domain', config: 'relay:\n  entry:\n    hostname: mail-relay.acme-mail.net\n    gateway: nginx-allowlist\n    allowFrom: [198.51.100.7]\n' }],
    },
  },
  messages: {
    address: 'relay.entry.hostname "{{name}}" is an IP address: callers, the zone and certbot need a DNS name such as mail-relay.<your domain>',
    singleLabel: 'relay.entry.hostname "{{name}}" is a single label: callers, the zone and certbot need a fully qualified name such as mail-relay.<your domain>',
  },
  check({ model, report }) {
    const name = model.relay.entry.hostname;
    if (name === null) return;
    if (ipFamily(name.replace(/^\[|\]$/g, '')) !== 0) report({ messageId: 'address', path: ['relay', 'entry', 'hostname'], data: { name } });
    else if (!name.replace(/\.$/, '').includes('.')) report({ messageId: 'singleLabel', path: ['relay', 'entry', 'hostname'], data: { name } });
  },
});

// mynetworks-public-host: a single public address in trusted networks relays across the Internet unauthenticated.
import { createRule } from './types.js';
import { trustedIpEntries } from './postfix-util/trusted-entries.js';

export default createRule({
  id: 'mynetworks-public-host',
  defaultSeverity: 'warning',
  docs: {
    summary: 'A single public address in trusted networks (mynetworks) relays across the Internet without authentication',
    rationale:
      'Every client in mynetworks may relay mail anywhere (permit_mynetworks, postconf(5)). The how-to Local mail relay with Postfix warns that adding ' +
      'addresses to mynetworks "can lead to security risks". A single public host works, but its mail crosses the ' +
      'Internet without authentication or mandatory TLS, and whoever takes over that address relays through this server. ' +
      'Whole public ranges are mynetworks-not-open\'s finding (an error).',
    source: 'the how-to Local mail relay with Postfix; postconf(5) mynetworks',
    fix: 'Reach the relay over a private network or VPN and trust that address, or make sure the public host is yours and stays so.',
    examples: {
      invalid: [{ description: 'One public host trusted', config: 'delivery:\n  trustedNetworks: [127.0.0.0/8, 94.130.10.30]\n' }],
      valid: [{ description: 'Loopback only (the default)', config: 'delivery:\n  trustedNetworks: [127.0.0.0/8, "[::1]/128"]\n' }],
    },
  },
  messages: {
    publicHost: '{{entry}} in mynetworks trusts a public address: mail from it crosses the Internet unauthenticated; make sure that host is yours',
  },
  check({ model, views, report }) {
    for (const { text, path, entry } of trustedIpEntries(model, views.postfix, views.services)) {
      if (entry.scope === 'public' && entry.prefix >= entry.maxPrefix) report({ messageId: 'publicHost', path, data: { entry: text } });
    }
  },
});

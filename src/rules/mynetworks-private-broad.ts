// mynetworks-private-broad: trusted private ranges are one site's subnet (/24, IPv6 /64), not a whole private block.
import { createRule } from './types.js';
import { trustedIpEntries } from './postfix-util/trusted-entries.js';

/** Narrowest prefix still treated as one site's subnet: a /24 in IPv4, a /64 in IPv6. */
const BROAD_BELOW = { 4: 24, 6: 64 } as const;

export default createRule({
  id: 'mynetworks-private-broad',
  defaultSeverity: 'warning',
  docs: {
    summary: 'Trusted private ranges (mynetworks) are at most a /24 (IPv6 /64), not a whole private block',
    rationale:
      'Every client in mynetworks may relay mail anywhere (permit_mynetworks, postconf(5)). The Postfix SMTP relay guide trusts 10.0.0.0/8: ' +
      'sixteen million addresses when a few application servers need it, so any compromised container or guest device ' +
      'anywhere in that block can send as the domain. Private, shared (100.64.0.0/10) and link-local ranges count.',
    source: 'the Postfix SMTP relay guide; postconf(5) mynetworks',
    fix: 'List the application servers\' own addresses or their /24 (IPv6 /64) subnet in delivery.trustedNetworks.',
    examples: {
      invalid: [{ description: 'A raw override trusting the whole 10.0.0.0/8', config: 'postfix:\n  parameters:\n    mynetworks: 127.0.0.0/8 10.0.0.0/8\n' }],
      valid: [{ description: 'One private application subnet', config: 'delivery:\n  trustedNetworks: [127.0.0.0/8, 10.20.30.0/24]\n' }],
    },
  },
  messages: {
    broadPrivate: '{{entry}} in mynetworks trusts a broad {{scope}} range: every host in it may relay; list the application servers or a /{{narrow}} subnet',
  },
  check({ model, views, report }) {
    for (const { text, path, entry } of trustedIpEntries(model, views.postfix, views.services)) {
      if (entry.scope !== 'private' && entry.scope !== 'shared' && entry.scope !== 'link-local') continue;
      const narrow = BROAD_BELOW[entry.family];
      if (entry.prefix < narrow) report({ messageId: 'broadPrivate', path, data: { entry: text, scope: entry.scope, narrow } });
    }
  },
});

// mynetworks-not-open: trusted networks hold no 0.0.0.0/0, ::/0 or public range; broad private ranges warn.
import type { KeyPath } from '../findings.js';
import { createRule } from './types.js';
import { trustedNetworkItems, type NetworkItem } from './postfix-util/exposure.js';
import { parseNetworkEntry } from './postfix-util/networks.js';
import { splitList } from './postfix-util/values.js';

/** Narrowest prefix still treated as one site's subnet: a /24 in IPv4, a /64 in IPv6. */
const BROAD_BELOW = { 4: 24, 6: 64 } as const;

export default createRule({
  id: 'mynetworks-not-open',
  defaultSeverity: 'error',
  docs: {
    summary: 'Trusted networks (mynetworks) hold no 0.0.0.0/0, ::/0 or public range; broad private ranges warn',
    rationale:
      'Every client in mynetworks may relay mail anywhere (permit_mynetworks). Seed 02: an open relay "will be blacklisted ' +
      'within hours". 0.0.0.0/0 or ::/0 trusts the whole Internet; a public range trusts strangers on other networks. ' +
      'Seed 05 warns that adding addresses to mynetworks "can lead to security risks", and seed 02\'s 10.0.0.0/8 trusts ' +
      'sixteen million addresses when a few application servers need it. A single public host is reported as a warning: ' +
      'it works, but mail then crosses the Internet without authentication or mandatory TLS.',
    source: 'seed 02, seed 05',
    fix:
      'Keep delivery.trustedNetworks at loopback (127.0.0.0/8 and [::1]/128), or list only the application servers\' own ' +
      'addresses or a /24 (IPv6 /64) subnet. Remove any postfix.parameters.mynetworks or -o mynetworks= override that widens it.',
    examples: {
      invalid: [
        { description: 'A public /16 trusted', config: 'delivery:\n  trustedNetworks: [127.0.0.0/8, 94.130.0.0/16]\n' },
        { description: 'A raw override trusting seed 02\'s whole 10.0.0.0/8', config: 'postfix:\n  parameters:\n    mynetworks: 127.0.0.0/8 10.0.0.0/8\n' },
      ],
      valid: [
        { description: 'Loopback only (the default)', config: 'delivery:\n  trustedNetworks: [127.0.0.0/8, "[::1]/128"]\n' },
        { description: 'One private application subnet', config: 'delivery:\n  trustedNetworks: [127.0.0.0/8, 10.20.30.0/24]\n' },
      ],
    },
  },
  messages: {
    open: '{{entry}} in mynetworks trusts every address: anyone on the Internet may relay through this server',
    publicRange: '{{entry}} in mynetworks trusts a public range of {{count}} addresses: strangers on other networks may relay through this server',
    publicHost: '{{entry}} in mynetworks trusts a public address: mail from it crosses the Internet unauthenticated; make sure that host is yours',
    broadPrivate: '{{entry}} in mynetworks trusts a broad {{scope}} range: every host in it may relay; list the application servers or a /{{narrow}} subnet',
  },
  check({ model, views, report }) {
    const judge = ({ text, path }: NetworkItem) => {
      const entry = parseNetworkEntry(text);
      // Negations narrow trust; tables and names cannot be read offline (postfix check sees them on the server).
      if (entry.kind !== 'ip' || entry.negated) return;
      const at: KeyPath = path;
      if (entry.scope === 'any') {
        report({ messageId: 'open', path: at, data: { entry: text } });
      } else if (entry.scope === 'public') {
        if (entry.prefix < entry.maxPrefix) {
          const count = entry.family === 4 ? String(2 ** (32 - entry.prefix)) : `2^${128 - entry.prefix}`;
          report({ messageId: 'publicRange', path: at, data: { entry: text, count } });
        } else {
          report({ messageId: 'publicHost', path: at, severity: 'warning', data: { entry: text } });
        }
      } else if (entry.scope === 'private' || entry.scope === 'shared' || entry.scope === 'link-local') {
        const narrow = BROAD_BELOW[entry.family];
        if (entry.prefix < narrow) {
          report({ messageId: 'broadPrivate', path: at, severity: 'warning', data: { entry: text, scope: entry.scope, narrow } });
        }
      }
    };

    trustedNetworkItems(model, views.postfix).forEach(judge);
    for (const service of views.services) {
      const value = service.options.get('mynetworks');
      if (value !== undefined) splitList(value).forEach((text) => judge({ text, path: service.path }));
    }
  },
});

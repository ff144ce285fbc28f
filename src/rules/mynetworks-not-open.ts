// mynetworks-not-open: trusted networks hold no 0.0.0.0/0, ::/0 or public range.
import { createRule } from './types.js';
import { trustedIpEntries } from './postfix-util/trusted-entries.js';

export default createRule({
  id: 'mynetworks-not-open',
  defaultSeverity: 'error',
  docs: {
    summary: 'Trusted networks (mynetworks) hold no 0.0.0.0/0, ::/0 or public range',
    rationale:
      'Every client in mynetworks may relay mail anywhere (permit_mynetworks). The Postfix SMTP relay guide: an open relay "will be blacklisted ' +
      'within hours". 0.0.0.0/0 or ::/0 trusts the whole Internet; a public range trusts strangers on other networks. ' +
      'The how-to Local mail relay with Postfix warns that adding addresses to mynetworks "can lead to security risks", and the Postfix SMTP relay guide\'s 10.0.0.0/8 trusts ' +
      'sixteen million addresses when a few application servers need it: broad private ranges are mynetworks-private-broad\'s ' +
      'finding and a single public host mynetworks-public-host\'s (both warnings). See postconf(5) mynetworks.',
    source: 'the Postfix SMTP relay guide, the how-to Local mail relay with Postfix; postconf(5) mynetworks',
    fix:
      'Keep delivery.trustedNetworks at loopback (127.0.0.0/8 and [::1]/128), or list only the application servers\' own ' +
      'addresses or a /24 (IPv6 /64) subnet. Remove any postfix.parameters.mynetworks or -o mynetworks= override that widens it.',
    examples: {
      invalid: [
        { description: 'A public /16 trusted', config: 'delivery:\n  trustedNetworks: [127.0.0.0/8, 94.130.0.0/16]\n' },
        { description: 'A raw override trusting the whole Internet', config: 'postfix:\n  parameters:\n    mynetworks: 127.0.0.0/8 0.0.0.0/0\n' },
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
  },
  check({ model, views, report }) {
    for (const { text, path, entry } of trustedIpEntries(model, views.postfix, views.services)) {
      if (entry.scope === 'any') report({ messageId: 'open', path, data: { entry: text } });
      else if (entry.scope === 'public' && entry.prefix < entry.maxPrefix) {
        const count = entry.family === 4 ? String(2 ** (32 - entry.prefix)) : `2^${128 - entry.prefix}`;
        report({ messageId: 'publicRange', path, data: { entry: text, count } });
      }
    }
  },
});

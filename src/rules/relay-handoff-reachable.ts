// relay-handoff-reachable: with the SMTP hand-off, Postfix listens where the relay connects and trusts it there.
import { HANDOFF_SMTP_ADDRESS } from '../outputs/handoff.js';
import { createRule } from './types.js';
import { effectiveParameter } from './postfix-util/main-cf.js';
import { trustedNetworkItems } from './postfix-util/exposure.js';
import { isWildcardHost, parseNetworkEntry } from './postfix-util/networks.js';
import { splitList } from './postfix-util/values.js';
import { cidrContains } from './util/ip.js';

const [HANDOFF_HOST] = HANDOFF_SMTP_ADDRESS.split(':');

/** Does inet_interfaces include the hand-off's address? Names other than localhost are resolved by Postfix at start: not judged. */
function listensOnHandoff(hosts: string[]): boolean | undefined {
  let unknown = false;
  for (const raw of hosts) {
    const host = raw.toLowerCase().replace(/^\[|\]$/g, '');
    if (host === 'all' || host === 'loopback-only' || host === 'localhost' || isWildcardHost(host) || host === HANDOFF_HOST) return true;
    if (parseNetworkEntry(host).kind !== 'ip') unknown = true;
  }
  return unknown ? undefined : false;
}

/** Postfix's first matching mynetworks entry decides (a leading ! excludes); a table or a name before it cannot be read offline. */
function trustsHandoff(entries: string[]): boolean | undefined {
  for (const text of entries) {
    const entry = parseNetworkEntry(text);
    if (entry.kind !== 'ip') return undefined;
    if (cidrContains(`${entry.address}/${entry.prefix}`, HANDOFF_HOST)) return !entry.negated;
  }
  return false;
}

export default createRule({
  id: 'relay-handoff-reachable',
  defaultSeverity: 'error',
  docs: {
    summary: 'With the SMTP hand-off, Postfix listens on 127.0.0.1 and trusts it',
    rationale:
      'relay.handoff: smtp (the default) hands every job to Postfix\'s smtpd on 127.0.0.1:25 as a trusted client. ' +
      'If inet_interfaces (delivery.inetInterfaces) leaves out loopback, nothing listens there; if mynetworks ' +
      '(delivery.trustedNetworks) leaves out 127.0.0.1, smtpd_client_restrictions = permit_mynetworks, reject turns the relay away. ' +
      'Either way the relay answers 202 and then no message ever leaves its queue (postconf(5) inet_interfaces, mynetworks).',
    source: 'postconf(5) inet_interfaces, mynetworks, smtpd_client_restrictions; the self-hosted HTTP relay build guide, step 2',
    fix: 'Keep loopback in delivery.inetInterfaces (loopback-only, or add 127.0.0.1) and 127.0.0.0/8 in delivery.trustedNetworks, or set relay.handoff: sendmail.',
    examples: {
      invalid: [
        { description: 'smtpd on a private address only', config: 'delivery:\n  inetInterfaces: [10.0.0.5]\n  trustedNetworks: [127.0.0.0/8, 10.0.0.0/24]\n' },
        { description: 'Loopback left out of the trusted networks', config: 'delivery:\n  trustedNetworks: [10.0.0.0/24]\n' },
      ],
      valid: [
        { description: 'Loopback plus a private address, both trusted', config: 'delivery:\n  inetInterfaces: [127.0.0.1, 10.0.0.5]\n  trustedNetworks: [127.0.0.0/8, 10.0.0.0/24]\n' },
        { description: 'The sendmail hand-off does not connect to smtpd', config: 'delivery:\n  trustedNetworks: [10.0.0.0/24]\nrelay:\n  handoff: sendmail\n' },
      ],
    },
  },
  messages: {
    notListening: 'inet_interfaces = {{value}} leaves out {{host}}: the SMTP hand-off (relay.handoff: smtp) connects to {{address}} and every job would stay in the relay\'s queue',
    notTrusted: 'mynetworks = {{value}} does not trust {{host}}: smtpd would reject the SMTP hand-off (relay.handoff: smtp) and every job would stay in the relay\'s queue',
  },
  check({ model, views, report }) {
    if (model.relay.handoff !== 'smtp') return;
    const interfaces = effectiveParameter(views.postfix, 'inet_interfaces');
    if (interfaces && listensOnHandoff(splitList(interfaces.value)) === false) {
      report({ messageId: 'notListening', path: interfaces.from, data: { value: interfaces.value, host: HANDOFF_HOST, address: HANDOFF_SMTP_ADDRESS } });
    }
    const trusted = trustedNetworkItems(model, views.postfix);
    if (trustsHandoff(trusted.map((item) => item.text)) === false) {
      const mynetworks = effectiveParameter(views.postfix, 'mynetworks');
      report({ messageId: 'notTrusted', path: mynetworks?.overridden ? mynetworks.from : ['delivery', 'trustedNetworks'], data: { value: trusted.map((item) => item.text).join(' '), host: HANDOFF_HOST } });
    }
  },
});

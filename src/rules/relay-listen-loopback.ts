// relay-listen-loopback: the HTTP relay listens on loopback unless an entry gateway is declared.
import { createRule } from './types.js';
import { isLoopbackHost } from './postfix-util/networks.js';

export default createRule({
  id: 'relay-listen-loopback',
  defaultSeverity: 'error',
  docs: {
    summary: 'The HTTP relay listens on loopback unless an entry gateway is declared',
    rationale:
      'The self-hosted HTTP relay build guide, step 5: "The listening address should still be local: 127.0.0.1:2525"; step 9: "The point is to avoid ' +
      'exposing a naked public sending endpoint." Without a gateway the bearer token is the only thing between the ' +
      'Internet and mail signed with the domain\'s DKIM key. With a gateway declared (relay.entry.gateway) the relay may ' +
      'listen on an interface the gateway reaches, such as a VPN or private address; a wildcard or public listen address ' +
      'that lets callers skip the gateway is relay-gateway-bypass\'s warning.',
    source: 'the self-hosted HTTP relay build guide, steps 5 and 9',
    fix:
      'Set relay.listen to 127.0.0.1:2525 and put a gateway in front (Cloudflare Tunnel, nginx, mTLS proxy on the same host), ' +
      'or declare relay.entry.gateway and listen only on the private or VPN address it uses.',
    examples: {
      invalid: [{ description: 'Listening on every interface with no gateway', config: 'relay:\n  listen: 0.0.0.0:2525\n' }],
      valid: [
        { description: 'Loopback (the default)', config: 'relay:\n  listen: 127.0.0.1:2525\n' },
        {
          description: 'A VPN address behind a declared VPN gateway',
          config: 'relay:\n  listen: 100.101.102.103:2525\n  entry: { gateway: vpn }\n',
        },
      ],
    },
  },
  messages: {
    exposed: 'The relay listens on {{host}} with no entry gateway declared: anyone who can reach that address only needs the bearer token',
  },
  check({ model, report }) {
    const { host } = model.relay.listen;
    if (isLoopbackHost(host)) return;
    const gateway = model.relay.entry.gateway;
    const path = ['relay', 'listen'];
    if (gateway === null || gateway === 'none') report({ messageId: 'exposed', path, data: { host } });
  },
});

// smtp-sasl-key-unique: no two SASL credentials share a password-map key (the next hop), or Postfix uses only the first.
import { saslCredentials } from '../outputs/sasl-credentials.js';
import { createRule } from './types.js';

export default createRule({
  id: 'smtp-sasl-key-unique',
  defaultSeverity: 'error',
  docs: {
    summary: 'Each SASL credential has its own password-map key: two accounts for one next hop cannot both be used',
    rationale:
      'Postfix looks a credential up in smtp_sasl_password_maps by the next hop it connects to, and searches the maps in ' +
      'order until the first match (postconf(5) smtp_sasl_password_maps). Two credentials with different user names for ' +
      'the same next hop (the smarthost and a destination that names the same [host]:port, or two destinations) ' +
      'therefore collapse into one: the second account is never used, and its mail authenticates as the first. Only ' +
      'sender-dependent relays can tell accounts apart, by @domain with smtp_sender_dependent_authentication = yes, and ' +
      'relayconf keys them that way when their next hop is shared.',
    source: 'postconf(5) smtp_sasl_password_maps, smtp_sender_dependent_authentication',
    fix: 'Use one account per next hop, or route the second sender domain through delivery.senderTransports with its own auth (keyed by @domain).',
    examples: {
      invalid: [
        {
          description: 'A destination that names the smarthost with a second account',
          config:
            'delivery:\n  mode: relayhost\n  tls: encrypt\n  relayhost:\n    host: smtp.mailhost-provider.net\n    auth: { username: apikey, passwordFile: /etc/postfix/sasl_passwd }\n  destinations:\n    - domain: qq.com\n      nexthop: "[smtp.mailhost-provider.net]:587"\n      auth: { username: other-key, passwordFile: /etc/postfix/sasl_passwd }\ndomain0:\n  spf: { include: [spf.mailhost-provider.net], all: "-all" }\n',
        },
      ],
      valid: [
        {
          description: 'A destination with its own gateway and account',
          config:
            'delivery:\n  mode: relayhost\n  tls: encrypt\n  relayhost:\n    host: smtp.mailhost-provider.net\n    auth: { username: apikey, passwordFile: /etc/postfix/sasl_passwd }\n  destinations:\n    - domain: qq.com\n      nexthop: "[smtp.partner-gateway.net]:587"\n      auth: { username: other-key, passwordFile: /etc/postfix/sasl_passwd }\ndomain0:\n  spf: { include: [spf.mailhost-provider.net], all: "-all" }\n',
        },
      ],
    },
  },
  messages: {
    shared: 'The SASL key {{key}} already holds the account {{first}}: Postfix finds that one first, so {{username}} is never used',
  },
  check({ model, report }) {
    const seen = new Map<string, string>();
    for (const credential of saslCredentials(model)) {
      const first = seen.get(credential.key);
      if (first === undefined) seen.set(credential.key, credential.username);
      else if (first !== credential.username) report({ messageId: 'shared', path: [...credential.from, 'username'], data: { key: credential.key, first, username: credential.username } });
    }
  },
});

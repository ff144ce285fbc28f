// relay-webhook-url-secure: a webhook URL carries no credentials and leaves the host only over https.
import { createRule } from './types.js';
import { isLoopbackHost } from './postfix-util/networks.js';

export default createRule({
  id: 'relay-webhook-url-secure',
  defaultSeverity: 'error',
  docs: {
    summary: 'A webhook URL holds no user name or password, and uses https unless it stays on loopback',
    rationale:
      'Each message event the relay POSTs to relay.webhooks carries the job id, Postfix\'s queue id and the remote ' +
      'server\'s reply, signed with the secret of the systemd credential <name>-webhook-secret. RFC 3986 section 3.2.1 ' +
      'deprecates "user:password" in the userinfo of a URI ("the passing of authentication information in clear text has ' +
      'proven to be a security risk"), and relay.config.yaml is committed: a user name or password in the URL is a ' +
      'secret in git; the signature is what authenticates the relay to the receiver. Over plain http (RFC 9110 section 4.2.1) ' +
      'anyone on the path reads every event and can replay it within the receiver\'s timestamp window; https ' +
      '(RFC 9110 section 4.2.2, the relay verifies the certificate) keeps it private. Plain http stays allowed to a ' +
      'loopback host (127.0.0.0/8, ::1, localhost), where the event never leaves the machine.',
    source: 'RFC 3986 section 3.2.1; RFC 9110 sections 4.2.1 and 4.2.2; systemd.exec(5) "Credentials"',
    fix:
      'Remove the user name and password from the URL (the receiver checks the X-Relayconf-Signature header instead) and ' +
      'rotate them; write https:// for a host other than loopback.',
    examples: {
      invalid: [
        {
          description: 'A user name in the URL',
          config: 'relay:\n  webhooks:\n    - { name: crm, url: "https://deploy-bot@hooks.acme-mail.net/relay" }\n',
        },
        {
          description: 'Plain http to another host',
          config: 'relay:\n  webhooks:\n    - { name: crm, url: "http://hooks.acme-mail.net/relay" }\n',
        },
      ],
      valid: [
        { description: 'https to another host', config: 'relay:\n  webhooks:\n    - { name: crm, url: "https://hooks.acme-mail.net/relay" }\n' },
        { description: 'Plain http to a receiver on this host', config: 'relay:\n  webhooks:\n    - { name: local, url: "http://127.0.0.1:8080/relay-events" }\n' },
      ],
    },
  },
  messages: {
    userinfo: 'webhook {{webhook}}\'s URL carries a user name or password: that is a secret in the committed config; the receiver checks the signature instead',
    plainHttp: 'webhook {{webhook}} sends events over plain http to {{host}}: anyone on the path reads and can replay them; use https',
  },
  check({ model, report }) {
    model.relay.webhooks.forEach((hook, i) => {
      const path = ['relay', 'webhooks', i, 'url'];
      if (hook.userinfo) report({ messageId: 'userinfo', path, data: { webhook: hook.name } });
      if (hook.scheme === 'http' && !isLoopbackHost(hook.host)) report({ messageId: 'plainHttp', path, data: { webhook: hook.name, host: hook.host } });
    });
  },
});

// postfix-loopback-only: Postfix listens on loopback only, unless trusted networks say other hosts submit on purpose.
import { createRule } from './types.js';
import { trustsBeyondLoopback } from './postfix-util/exposure.js';
import { exposedListeners } from './postfix-util/listeners.js';

export default createRule({
  id: 'postfix-loopback-only',
  defaultSeverity: 'error',
  docs: {
    summary: 'Postfix listens on loopback only, unless trusted networks are declared on purpose',
    rationale:
      'The self-hosted HTTP relay build guide, step 3 keeps Postfix on 127.0.0.1:25 and deliberately not on 0.0.0.0:25: only local processes hand it mail, ' +
      'and it only connects out. The hosted Outgoing Mail Server settings page lists inet_interfaces = loopback-only as the default of a managed outgoing server. ' +
      'Listening on a public interface opens port 25 to the world for no client, and is one open-relay mistake away from ' +
      'abuse. The Postfix SMTP relay guide listens on all interfaces only because application servers in 10.0.0.0/8 submit; even then the ' +
      'listener belongs on the private interface those servers reach, not on every address. A master.cf service with an ' +
      'explicit host:port binds that address whatever inet_interfaces says, so extra services are checked too.',
    source: 'the self-hosted HTTP relay build guide, step 3, the hosted Outgoing Mail Server settings page',
    fix:
      'Remove delivery.inetInterfaces (or set loopback-only) and any postfix.parameters.inet_interfaces override. If other ' +
      'hosts must submit, declare them in delivery.trustedNetworks and list only the private interface address they reach.',
    examples: {
      invalid: [
        { description: 'Listening on every interface while only loopback is trusted', config: 'delivery:\n  inetInterfaces: all\n' },
        {
          description: 'A raw override opening port 25',
          config: 'postfix:\n  parameters:\n    inet_interfaces: all\n',
        },
      ],
      valid: [
        { description: 'The default: loopback only', config: 'delivery:\n  inetInterfaces: loopback-only\n' },
        {
          description: 'A private interface for a declared private application network',
          config: 'delivery:\n  inetInterfaces: [127.0.0.1, 10.0.0.5]\n  trustedNetworks: [127.0.0.0/8, 10.0.0.0/24]\n',
        },
      ],
    },
  },
  messages: {
    exposed:
      'Postfix listens on {{where}} ({{setting}}) but trusts no network beyond loopback: nobody else may submit, so this only opens port 25 to the world; keep inet_interfaces = loopback-only',
  },
  check({ model, views, report }) {
    // With trusted networks beyond loopback, listening is on purpose: how wide is postfix-listen-private-only's question.
    if (trustsBeyondLoopback(model, views.postfix)) return;
    for (const { host, path, setting } of exposedListeners(model, views.postfix, views.services)) {
      report({ messageId: 'exposed', path, data: { where: host, setting } });
    }
  },
});

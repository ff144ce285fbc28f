// postfix-listen-private-only: when other hosts submit on purpose, Postfix listens on the private interface they reach, not everywhere.
import { createRule } from './types.js';
import { trustsBeyondLoopback } from './postfix-util/exposure.js';
import { exposedListeners } from './postfix-util/listeners.js';

export default createRule({
  id: 'postfix-listen-private-only',
  defaultSeverity: 'warning',
  docs: {
    summary: 'With trusted networks beyond loopback, Postfix listens on the private interface they reach, not on every address',
    rationale:
      'The Postfix SMTP relay guide listens on all interfaces because application servers in 10.0.0.0/8 submit mail. Those servers reach one ' +
      'private interface; inet_interfaces = all (or 0.0.0.0, or a host name resolving to the public address) also opens ' +
      'port 25 on the public address, to nobody\'s benefit and one mynetworks mistake away from an open relay ' +
      '(inet_interfaces, postconf(5)). Without any trusted network beyond loopback, any listener beyond loopback is ' +
      'postfix-loopback-only\'s finding, an error.',
    source: 'the Postfix SMTP relay guide; postconf(5) inet_interfaces',
    fix: 'List loopback and the private interface address the trusted networks reach, e.g. delivery.inetInterfaces: [127.0.0.1, 10.0.0.5].',
    examples: {
      invalid: [
        {
          description: 'A wildcard listener for a private application network',
          config: 'delivery:\n  inetInterfaces: [127.0.0.1, 0.0.0.0]\n  trustedNetworks: [127.0.0.0/8, 10.0.0.0/24]\n',
        },
      ],
      valid: [
        {
          description: 'The private interface for a declared private application network',
          config: 'delivery:\n  inetInterfaces: [127.0.0.1, 10.0.0.5]\n  trustedNetworks: [127.0.0.0/8, 10.0.0.0/24]\n',
        },
      ],
    },
  },
  messages: {
    tooWide:
      'Postfix listens on {{where}} ({{setting}}): trusted networks beyond loopback are declared, but the listener should be only the private interface address they reach, not {{where}}',
  },
  check({ model, views, report }) {
    if (!trustsBeyondLoopback(model, views.postfix)) return;
    for (const { host, exposure, path, setting } of exposedListeners(model, views.postfix, views.services)) {
      if (exposure === 'wide') report({ messageId: 'tooWide', path, data: { where: host, setting } });
    }
  },
});

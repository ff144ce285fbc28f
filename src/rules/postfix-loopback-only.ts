// postfix-loopback-only: Postfix listens on loopback only, unless trusted networks say other hosts submit on purpose.
import type { KeyPath } from '../findings.js';
import { createRule } from './types.js';
import { effectiveParameter } from './postfix-util/main-cf.js';
import { listenExposure, trustsBeyondLoopback } from './postfix-util/exposure.js';
import { splitList } from './postfix-util/values.js';

export default createRule({
  id: 'postfix-loopback-only',
  defaultSeverity: 'error',
  docs: {
    summary: 'Postfix listens on loopback only, unless trusted networks are declared on purpose',
    rationale:
      'Seed 01 step 3 keeps Postfix on 127.0.0.1:25 and deliberately not on 0.0.0.0:25: only local processes hand it mail, ' +
      'and it only connects out. Seed 03 lists inet_interfaces = loopback-only as the default of a managed outgoing server. ' +
      'Listening on a public interface opens port 25 to the world for no client, and is one open-relay mistake away from ' +
      'abuse. Seed 02 listens on all interfaces only because application servers in 10.0.0.0/8 submit; even then the ' +
      'listener belongs on the private interface those servers reach, not on every address. A master.cf service with an ' +
      'explicit host:port binds that address whatever inet_interfaces says, so extra services are checked too.',
    source: 'seed 01 step 3, seed 03',
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
    tooWide:
      'Postfix listens on {{where}} ({{setting}}): trusted networks beyond loopback are declared, but the listener should be only the private interface address they reach, not {{where}}',
  },
  check({ model, views, report }) {
    const remote = trustsBeyondLoopback(model, views.postfix);
    const judge = (host: string, path: KeyPath, setting: string) => {
      const exposure = listenExposure(host);
      if (exposure === 'loopback') return;
      if (!remote) report({ messageId: 'exposed', path, data: { where: host, setting } });
      else if (exposure === 'wide') report({ messageId: 'tooWide', path, severity: 'warning', data: { where: host, setting } });
    };

    const param = effectiveParameter(views.postfix, 'inet_interfaces');
    if (param?.overridden) {
      const hosts = splitList(param.value);
      const worst = hosts.find((h) => listenExposure(h) === 'wide') ?? hosts.find((h) => listenExposure(h) !== 'loopback');
      if (worst) judge(worst, param.from, `inet_interfaces = ${param.value}`);
    } else {
      const value = model.delivery.inetInterfaces;
      if (Array.isArray(value)) {
        const index = value.findIndex((h) => listenExposure(h) === 'wide');
        const at = index >= 0 ? index : value.findIndex((h) => listenExposure(h) !== 'loopback');
        if (at >= 0) judge(value[at], ['delivery', 'inetInterfaces', at], `delivery.inetInterfaces[${at}]`);
      } else {
        judge(value, ['delivery', 'inetInterfaces'], `delivery.inetInterfaces: ${value}`);
      }
    }

    // An inet service named host:port binds that host itself (master(5)), bypassing inet_interfaces.
    for (const service of views.services) {
      if (service.type !== 'inet' || service.host === null) continue;
      judge(service.host, service.path, `master.cf service ${service.name}`);
    }
  },
});

// The Postfix listeners build writes beyond loopback: the most exposed host of inet_interfaces (written or
// overridden) and every master.cf inet service bound to its own host, each with its config key.
import type { KeyPath } from '../../findings.js';
import type { RelayModel } from '../../config/model.js';
import type { PostfixModel } from '../../outputs/postfix-model.js';
import type { ServiceView } from './master-cf.js';
import { effectiveParameter } from './main-cf.js';
import { listenExposure, type Exposure } from './exposure.js';
import { splitList } from './values.js';

export interface ExposedListener {
  readonly host: string;
  readonly exposure: Exclude<Exposure, 'loopback'>;
  readonly path: KeyPath;
  /** Where the listener comes from, as the message names it. */
  readonly setting: string;
}

export function exposedListeners(model: RelayModel, postfix: PostfixModel, services: readonly ServiceView[]): ExposedListener[] {
  const listeners: ExposedListener[] = [];
  const add = (host: string, path: KeyPath, setting: string) => {
    const exposure = listenExposure(host);
    if (exposure !== 'loopback') listeners.push({ host, exposure, path, setting });
  };
  // One finding per setting: its most exposed host stands for it.
  const worstOf = (hosts: readonly string[]) => {
    const wide = hosts.findIndex((h) => listenExposure(h) === 'wide');
    return wide >= 0 ? wide : hosts.findIndex((h) => listenExposure(h) !== 'loopback');
  };

  const param = effectiveParameter(postfix, 'inet_interfaces');
  if (param?.overridden) {
    const hosts = splitList(param.value);
    const at = worstOf(hosts);
    if (at >= 0) add(hosts[at], param.from, `inet_interfaces = ${param.value}`);
  } else {
    const value = model.delivery.inetInterfaces;
    if (Array.isArray(value)) {
      const at = worstOf(value);
      if (at >= 0) add(value[at], ['delivery', 'inetInterfaces', at], `delivery.inetInterfaces[${at}]`);
    } else {
      add(value, ['delivery', 'inetInterfaces'], `delivery.inetInterfaces: ${value}`);
    }
  }
  // An inet service named host:port binds that host itself (master(5)), bypassing inet_interfaces.
  for (const service of services) {
    if (service.type === 'inet' && service.host !== null) add(service.host, service.path, `master.cf service ${service.name}`);
  }
  return listeners;
}

// Every smarthost or next hop build writes without [brackets] (Postfix resolves it through MX), with its config key
// and whether SASL authentication applies to it (its password map entry is keyed by the hop as written).
import type { KeyPath } from '../../findings.js';
import type { RelayModel } from '../../config/model.js';
import type { PostfixModel } from '../../outputs/postfix-model.js';
import type { ServiceView } from './master-cf.js';
import { effectiveParameter } from './main-cf.js';
import { clientServices } from './tls.js';
import { parseNexthop } from './nexthop.js';
import { splitList } from './values.js';

export interface UnbracketedHop {
  readonly text: string;
  readonly host: string;
  readonly path: KeyPath;
  readonly authenticated: boolean;
}

export function unbracketedHops(model: RelayModel, postfix: PostfixModel, services: readonly ServiceView[]): UnbracketedHop[] {
  const hops: UnbracketedHop[] = [];
  const collect = (value: string, path: KeyPath, authenticated: boolean) => {
    for (const item of splitList(value)) {
      const hop = parseNexthop(item);
      if (!hop.bracketed && hop.host !== '') hops.push({ text: hop.text, host: hop.host, path, authenticated });
    }
  };
  const relayhost = model.delivery.mode === 'relayhost' ? model.delivery.relayhost : null;
  const param = effectiveParameter(postfix, 'relayhost');
  const auth = effectiveParameter(postfix, 'smtp_sasl_auth_enable')?.value === 'yes';
  if (param?.overridden) collect(param.value, param.from, auth);
  else if (relayhost?.mxLookup) collect(param?.value ?? relayhost.host, ['delivery', 'relayhost', 'mxLookup'], auth);
  model.delivery.destinations.forEach((dest, i) => {
    if (dest.nexthop !== null) collect(dest.nexthop, ['delivery', 'destinations', i, 'nexthop'], false);
  });
  for (const service of clientServices(services)) {
    const own = service.options.get('relayhost');
    if (own !== undefined) collect(own, service.path, service.options.get('smtp_sasl_auth_enable') === 'yes' || auth);
  }
  return hops;
}

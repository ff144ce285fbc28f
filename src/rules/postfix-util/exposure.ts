// Who can reach a Postfix listener, and whether the config trusts anyone beyond loopback: the two
// facts postfix-loopback-only weighs (the self-hosted HTTP relay build guide, step 3 against the Postfix SMTP relay guide's inet_interfaces = all).
import type { KeyPath } from '../../findings.js';
import type { RelayModel } from '../../config/model.js';
import type { PostfixModel } from '../../outputs/postfix-model.js';
import { effectiveParameter } from './main-cf.js';
import { isLoopbackHost, isWildcardHost, parseNetworkEntry } from './networks.js';
import { splitList } from './values.js';

/** loopback: this host only; private: a private, shared or link-local interface; wide: everyone. */
export type Exposure = 'loopback' | 'private' | 'wide';

/** How exposed a listen address is; a host name counts as wide (Postfix resolves it, often to the public IP). */
export function listenExposure(host: string): Exposure {
  const h = host.trim().toLowerCase();
  if (h === 'all' || isWildcardHost(h)) return 'wide';
  if (isLoopbackHost(h)) return 'loopback';
  const entry = parseNetworkEntry(h);
  if (entry.kind === 'ip' && (entry.scope === 'private' || entry.scope === 'shared' || entry.scope === 'link-local')) return 'private';
  return 'wide';
}

export interface NetworkItem {
  text: string;
  path: KeyPath;
}

/** The effective mynetworks entries, each with the key path to report it at. */
export function trustedNetworkItems(model: RelayModel, postfix: PostfixModel): NetworkItem[] {
  const param = effectiveParameter(postfix, 'mynetworks');
  if (param?.overridden) return splitList(param.value).map((text) => ({ text, path: param.from }));
  return model.delivery.trustedNetworks.map((text, i) => ({ text, path: ['delivery', 'trustedNetworks', i] }));
}

/** True when some trusted network reaches beyond loopback: remote submission is then on purpose. */
export function trustsBeyondLoopback(model: RelayModel, postfix: PostfixModel): boolean {
  return trustedNetworkItems(model, postfix).some(({ text }) => {
    const entry = parseNetworkEntry(text);
    if (entry.negated) return false;
    return entry.kind !== 'ip' || entry.scope !== 'loopback';
  });
}

// Every IP entry of the effective mynetworks, main.cf's and each service's -o mynetworks=, parsed and with its
// config key. Negations narrow trust and tables or names cannot be read offline, so they are left out.
import type { KeyPath } from '../../findings.js';
import type { RelayModel } from '../../config/model.js';
import type { PostfixModel } from '../../outputs/postfix-model.js';
import type { ServiceView } from './master-cf.js';
import { trustedNetworkItems } from './exposure.js';
import { parseNetworkEntry } from './networks.js';
import { splitList } from './values.js';

type IpEntry = Extract<ReturnType<typeof parseNetworkEntry>, { kind: 'ip' }>;

export interface TrustedEntry {
  readonly text: string;
  readonly path: KeyPath;
  readonly entry: IpEntry;
}

export function trustedIpEntries(model: RelayModel, postfix: PostfixModel, services: readonly ServiceView[]): TrustedEntry[] {
  const items = [...trustedNetworkItems(model, postfix)];
  for (const service of services) {
    const value = service.options.get('mynetworks');
    if (value !== undefined) for (const text of splitList(value)) items.push({ text, path: service.path });
  }
  return items.flatMap(({ text, path }) => {
    const entry = parseNetworkEntry(text);
    return entry.kind === 'ip' && !entry.negated ? [{ text, path, entry }] : [];
  });
}

// Normalizes relay.entry: the entry name in A-labels, allowFrom parsed into networks, the tunnel id in
// lower case; and the one place the mTLS CA path's default is decided.
import { createRequire } from 'node:module';
import type { EntryModel, SourceNetwork } from './model.js';
import type { RelayConfig } from './schema-types.generated.js';
import { toALabels } from './idn.js';

type EntryConfig = NonNullable<RelayConfig['relay']>['entry'];

let ipaddrModule: typeof import('ipaddr.js') | undefined;
/** ipaddr.js, loaded on first use: only a config with relay.entry.allowFrom needs it, and every lint would otherwise pay for loading it. */
function ipaddr(): typeof import('ipaddr.js') {
  return (ipaddrModule ??= createRequire(import.meta.url)('ipaddr.js'));
}

/**
 * One allowFrom entry (schema format `network`: an address or CIDR, IPv6 optionally in brackets) as a
 * network. Host bits past the prefix are cleared, as nginx does itself (with a warning) for `allow`.
 * An IPv4-mapped IPv6 network stays IPv6: nginx matches IPv4 clients against IPv4 rules only.
 */
export function parseSourceNetwork(text: string): SourceNetwork {
  const match = /^\[?([^\]/]+)\]?(?:\/(\d{1,3}))?$/.exec(text.trim());
  if (!match || !ipaddr().isValid(match[1])) throw new Error(`not an address or CIDR: ${JSON.stringify(text)}`);
  const address = ipaddr().parse(match[1]);
  const family = address.kind() === 'ipv4' ? 4 : 6;
  const max = family === 4 ? 32 : 128;
  const prefix = match[2] === undefined ? max : Number(match[2]);
  if (prefix > max) throw new Error(`prefix /${prefix} is longer than an IPv${family} address`);
  const network = family === 4 ? ipaddr().IPv4.networkAddressFromCIDR(`${address.toString()}/${prefix}`) : ipaddr().IPv6.networkAddressFromCIDR(`${address.toString()}/${prefix}`);
  return { address: network.toString(), family, prefix };
}

export function normalizeEntry(entry: EntryConfig): EntryModel {
  return {
    hostname: entry?.hostname ? toALabels(entry.hostname) : null,
    gateway: entry?.gateway ?? null,
    allowFrom: (entry?.allowFrom ?? []).map(parseSourceNetwork),
    clientCaFile: entry?.clientCaFile ?? null,
    tunnelId: entry?.tunnelId?.toLowerCase() ?? null,
  };
}

/** The CA file nginx checks client certificates against (mtls): as declared, else /etc/nginx/<name>-client-ca.pem. */
export function clientCaPath(model: { name: string; relay: { entry: EntryModel } }): string {
  return model.relay.entry.clientCaFile ?? `/etc/nginx/${model.name}-client-ca.pem`;
}

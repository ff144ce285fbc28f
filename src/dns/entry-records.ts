// The entry name's own record (relay.entry.hostname): A/AAAA to this server when nginx here is the
// gateway, or the CNAME a Cloudflare Tunnel needs. Never the MTA's A record: the two names stay apart.
import type { RelayModel } from '../config/model.js';
import type { KeyPath } from '../findings.js';
import { sameName } from '../rules/util/dns-name.js';

export interface EntryRecord {
  name: string;
  type: 'A' | 'AAAA' | 'CNAME';
  value: string;
  path: KeyPath;
}

/** Where Cloudflare routes a tunnel's public names (Cloudflare Tunnel docs, "DNS records"). */
export function tunnelTarget(tunnelId: string): string {
  return `${tunnelId}.cfargotunnel.com`;
}

export function entryRecords(model: RelayModel): EntryRecord[] {
  const { hostname, gateway, tunnelId } = model.relay.entry;
  // The same name as the MTA is entry-host-not-mta-host's finding; its A record is already written.
  if (hostname === null || sameName(hostname, model.mta.hostname)) return [];
  const name = hostname.toLowerCase().replace(/\.$/, '');
  const path: KeyPath = ['relay', 'entry', 'hostname'];
  if (gateway === 'nginx-allowlist' || gateway === 'mtls') {
    const records: EntryRecord[] = [{ name, type: 'A', value: model.mta.ipv4, path }];
    // nginx listens on IPv6 too only when the server has it (mta.ipv6).
    if (model.mta.ipv6) records.push({ name, type: 'AAAA', value: model.mta.ipv6, path });
    return records;
  }
  if (gateway === 'cloudflare-access' && tunnelId !== null) return [{ name, type: 'CNAME', value: tunnelTarget(tunnelId), path: ['relay', 'entry', 'tunnelId'] }];
  // A VPN name lives in the VPN's own DNS; none and no gateway publish nothing (relay-gateway-auth).
  return [];
}

// Tests the entry name's DNS record: A/AAAA to the server behind nginx, the tunnel CNAME, apart from the MTA's A.
import { describe, expect, it } from 'vitest';
import { buildRecordModel } from '../../src/dns/records.js';
import { modelFrom } from '../outputs/model.js';

const TUNNEL = '6ff42ae2-765d-4adf-8112-31c55c1551ef';
const entryRecords = (fragment: string) =>
  buildRecordModel(modelFrom(fragment)).records.filter((r) => r.purpose === 'entry').map(({ zone, name, type, value, path }) => ({ zone, name, type, value, path: path.join('.') }));

describe('the entry record', () => {
  it('nginx on this server: A (and AAAA when the server has IPv6) to the server, beside the MTA A record', () => {
    expect(entryRecords('relay:\n  entry: { hostname: Mail-Relay.acme-mail.net, gateway: nginx-allowlist, allowFrom: [10.0.0.0/8] }\n')).toEqual([
      { zone: 'acme-mail.net', name: 'mail-relay.acme-mail.net', type: 'A', value: '94.130.10.20', path: 'relay.entry.hostname' },
    ]);
    const model = buildRecordModel(modelFrom('mta:\n  ipv6: 2a01:4f8:1:2::10\n  ipv6Ptr: mail.acme-mail.net\nrelay:\n  entry: { hostname: mail-relay.acme-mail.net, gateway: mtls }\n'));
    expect(model.records.filter((r) => r.name === 'mail-relay.acme-mail.net').map((r) => `${r.type} ${r.value} ${r.purpose}`)).toEqual(['A 94.130.10.20 entry', 'AAAA 2a01:4f8:1:2::10 entry']);
    expect(model.records.filter((r) => r.name === 'mail.acme-mail.net').map((r) => r.purpose)).toEqual(['mta-a', 'mta-aaaa']);
  });

  it('Cloudflare Tunnel: a CNAME to <tunnel id>.cfargotunnel.com, from relay.entry.tunnelId', () => {
    expect(entryRecords(`relay:\n  entry: { hostname: mail-relay.acme-mail.net, gateway: cloudflare-access, tunnelId: ${TUNNEL} }\n`)).toEqual([
      { zone: 'acme-mail.net', name: 'mail-relay.acme-mail.net', type: 'CNAME', value: `${TUNNEL}.cfargotunnel.com`, path: 'relay.entry.tunnelId' },
    ]);
  });

  it('none for a VPN, no gateway, a tunnel without id, or an entry named like the MTA (entry-host-not-mta-host reports that)', () => {
    expect(entryRecords('relay:\n  entry: { hostname: mail-relay.acme-mail.net, gateway: vpn }\n')).toEqual([]);
    expect(entryRecords('relay:\n  entry: { hostname: mail-relay.acme-mail.net }\n')).toEqual([]);
    expect(entryRecords('relay:\n  entry: { hostname: mail-relay.acme-mail.net, gateway: cloudflare-access }\n')).toEqual([]);
    expect(entryRecords(`relay:\n  entry: { hostname: MAIL.acme-mail.net, gateway: cloudflare-access, tunnelId: ${TUNNEL} }\n`)).toEqual([]);
  });
});

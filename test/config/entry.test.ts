// Tests relay.entry normalization: allowFrom parsed into networks, never kept as text.
import { describe, expect, it } from 'vitest';
import { clientCaPath, parseSourceNetwork } from '../../src/config/entry.js';
import { modelFrom } from '../outputs/model.js';

describe('parseSourceNetwork', () => {
  it('parses addresses and CIDRs into canonical network, family and prefix', () => {
    expect(parseSourceNetwork('198.51.100.7')).toEqual({ address: '198.51.100.7', family: 4, prefix: 32 });
    expect(parseSourceNetwork('198.51.100.7/24')).toEqual({ address: '198.51.100.0', family: 4, prefix: 24 });
    expect(parseSourceNetwork('[2001:DB8:0005::1]/48')).toEqual({ address: '2001:db8:5::', family: 6, prefix: 48 });
    expect(parseSourceNetwork('2001:db8::1')).toEqual({ address: '2001:db8::1', family: 6, prefix: 128 });
    expect(parseSourceNetwork('0.0.0.0/0')).toEqual({ address: '0.0.0.0', family: 4, prefix: 0 });
  });

  it('throws on anything else', () => {
    for (const text of ['198.51.100.7/33', '2001:db8::/129', 'example.com', '198.51.100.7; allow all', '10.0.0.0/8 10.1.0.0/16', '']) expect(() => parseSourceNetwork(text)).toThrow();
  });
});

describe('relay.entry in the model', () => {
  it('carries the parsed networks, the declared client CA path (null: default) and the lower-case tunnel id', () => {
    const entry = modelFrom('relay:\n  entry: { hostname: mail-relay.acme-mail.net, gateway: mtls, allowFrom: [10.1.2.3/16], tunnelId: 6FF42AE2-765D-4ADF-8112-31C55C1551EF }\n').relay.entry;
    expect(entry).toEqual({
      hostname: 'mail-relay.acme-mail.net',
      gateway: 'mtls',
      allowFrom: [{ address: '10.1.0.0', family: 4, prefix: 16 }],
      clientCaFile: null,
      tunnelId: '6ff42ae2-765d-4adf-8112-31c55c1551ef',
    });
    expect(modelFrom('').relay.entry).toEqual({ hostname: null, gateway: null, allowFrom: [], clientCaFile: null, tunnelId: null });
  });

  it('defaults the client CA path per relay name', () => {
    expect(clientCaPath(modelFrom(''))).toBe('/etc/nginx/acme-relay-client-ca.pem');
    expect(clientCaPath(modelFrom('relay:\n  entry: { clientCaFile: /etc/ssl/callers.pem }\n'))).toBe('/etc/ssl/callers.pem');
  });

  it('refuses an allowFrom entry that is no network at the schema', () => {
    expect(() => modelFrom('relay:\n  entry: { gateway: nginx-allowlist, allowFrom: ["10.0.0.0/8; allow all"] }\n')).toThrow(/allowFrom/);
  });
});

// Tests etc/cloudflared/config.yml: the tunnel's ingress, read back with the yaml library.
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { cloudflaredFiles } from '../../src/outputs/cloudflared.js';
import { modelFrom } from './model.js';

const TUNNEL = '6FF42AE2-765D-4ADF-8112-31C55C1551EF';
const ENTRY = `relay:\n  entry: { hostname: mail-relay.acme-mail.net, gateway: cloudflare-access, tunnelId: ${TUNNEL} }\n`;

describe('the cloudflared config', () => {
  it('routes the relay paths of the entry name to the relay, and everything else to 404', () => {
    const [file, ...rest] = cloudflaredFiles(modelFrom(ENTRY));
    expect(rest).toEqual([]);
    expect(file.path).toBe('etc/cloudflared/config.yml');
    expect(file.mode).toBe(0o644);
    expect(parse(file.content)).toEqual({
      tunnel: '6ff42ae2-765d-4adf-8112-31c55c1551ef',
      'credentials-file': '/etc/cloudflared/6ff42ae2-765d-4adf-8112-31c55c1551ef.json',
      ingress: [
        { hostname: 'mail-relay.acme-mail.net', path: '^(/health|/send|/messages/[^/]+|/suppressions|/suppressions/[^/]+)$', service: 'http://127.0.0.1:2525' },
        { service: 'http_status:404' },
      ],
    });
    expect(file.content).toMatch(/^# \/etc\/cloudflared\/config\.yml: the Cloudflare Tunnel in front of the acme-relay relay\.\n/);
    expect(file.content).toContain('# A tunnel is not authentication');
  });

  it('never forwards /metrics, which the relay answers only on loopback', () => {
    const [file] = cloudflaredFiles(modelFrom(ENTRY));
    const ingress = parse(file.content).ingress as { path?: string; service: string }[];
    // cloudflared matches `path` as a regular expression; only the last rule (404) may take /metrics.
    const taking = ingress.filter((rule) => rule.path === undefined || new RegExp(rule.path).test('/metrics'));
    expect(taking).toEqual([{ service: 'http_status:404' }]);
    expect(file.content).not.toContain('metrics');
  });

  it('is written only for cloudflare-access with an entry name and a tunnel id', () => {
    expect(cloudflaredFiles(modelFrom(''))).toEqual([]);
    expect(cloudflaredFiles(modelFrom('relay:\n  entry: { hostname: mail-relay.acme-mail.net, gateway: cloudflare-access }\n'))).toEqual([]);
    expect(cloudflaredFiles(modelFrom(`relay:\n  entry: { gateway: cloudflare-access, tunnelId: ${TUNNEL} }\n`))).toEqual([]);
    expect(cloudflaredFiles(modelFrom(`relay:\n  entry: { hostname: mail-relay.acme-mail.net, gateway: nginx-allowlist, allowFrom: [10.0.0.0/8], tunnelId: ${TUNNEL} }\n`))).toEqual([]);
  });
});

// Attack: check-dns on relay.entry.hostname passes answers that send callers (and their bearer tokens)
// somewhere other than this relay's gateway.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDnsServer, type TestDnsServer } from '../../../helpers/dns-server.js';
import { runDnsExample } from '../../../helpers/dns-example.js';

const NGINX = 'relay:\n  entry:\n    hostname: mail-relay.acme-mail.net\n    gateway: nginx-allowlist\n    allowFrom: [198.51.100.7]\n';
const TUNNEL = 'relay:\n  entry:\n    hostname: mail-relay.acme-mail.net\n    gateway: cloudflare-access\n    tunnelId: 6ff42ae2-765d-4adf-8112-31c55c1551ef\n';

let server: TestDnsServer;
beforeAll(async () => {
  server = await startDnsServer({ records: [] });
});
afterAll(async () => {
  await server?.close();
});

const entryFindings = async (config: string, dns: { add?: string; remove?: string }[]) => {
  const { loaded, findings } = await runDnsExample(server, { description: 'attack', config, dns } as never);
  expect(loaded.findings).toEqual([]);
  return findings.filter((f) => f.path.join('.').startsWith('relay.entry')).map((f) => `[${f.ruleId}] ${f.message}`);
};

describe('check-dns entry records, attacked', () => {
  it('sanity: the built zone served unchanged gives no entry finding', async () => {
    expect(await entryFindings(NGINX, [])).toEqual([]);
  });

  it('reports an extra A answer for the nginx entry name (round robin sends some callers to another host), as dns-a-extra does for the MTA name', async () => {
    const found = await entryFindings(NGINX, [{ add: 'mail-relay.acme-mail.net A 203.0.113.66' }]);
    expect(found.join('\n')).toMatch(/203\.0\.113\.66/);
  });

  it('reports an AAAA answer for the nginx entry name when the server has no IPv6 (nginx does not listen there; IPv6 callers go elsewhere)', async () => {
    const found = await entryFindings(NGINX, [{ add: 'mail-relay.acme-mail.net AAAA 2001:db8::66' }]);
    expect(found.join('\n')).toMatch(/2001:db8::66/);
  });

  it('reports a tunnel name whose A answer is this server (a stale nginx-era record), not a Cloudflare address', async () => {
    const found = await entryFindings(TUNNEL, [{ remove: 'CNAME mail-relay.acme-mail.net' }, { add: 'mail-relay.acme-mail.net A 94.130.10.20' }]);
    expect(found.length).toBeGreaterThan(0);
  });
});

// Every valid example config: the zone its build generates (plus the PTRs it expects) passes
// check-dns with no error or warning. One record model for generating and checking.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadConfigFile } from '../../../src/config/load.js';
import { runDnsChecks } from '../../../src/dns/check/index.js';
import { buildRecordModel } from '../../../src/dns/records.js';
import { createResolver } from '../../../src/dns/resolver.js';
import { recordsFromModel, startDnsServer, type TestDnsServer, type TestRecord } from '../../helpers/dns-server.js';

const EXAMPLES = path.resolve(import.meta.dirname, '../../../examples');
const names = readdirSync(EXAMPLES)
  .filter((n) => !n.startsWith('invalid-') && existsSync(path.join(EXAMPLES, n, 'relay.config.yaml')))
  .sort();

let server: TestDnsServer;
beforeAll(async () => {
  server = await startDnsServer({ records: [] });
});
afterAll(async () => {
  await server?.close();
});

describe('the built zone of each example passes check-dns', () => {
  test('there are examples', () => expect(names.length).toBeGreaterThan(0));
  test.each(names)('%s', async (name) => {
    const loaded = await loadConfigFile(path.join(EXAMPLES, name, 'relay.config.yaml'));
    expect(loaded.findings).toEqual([]);
    const model = loaded.model!;
    // Providers the SPF records include answer with an SPF record of their own.
    const includes = model.domains.flatMap((d) => [...d.spf.include, ...(d.spf.redirect ? [d.spf.redirect] : [])]);
    const world: TestRecord[] = includes.map((n) => ({ name: n, type: 'TXT', strings: ['v=spf1 ip4:198.51.100.0/24 -all'] }));
    server.setZone({ records: [...recordsFromModel(buildRecordModel(model)), ...world] });
    const resolver = createResolver({ server: { host: server.host, port: server.port }, timeoutMs: 500, tries: 1 });
    const report = await runDnsChecks(model, loaded.source, resolver);
    expect(report.findings.filter((f) => f.severity !== 'info').map((f) => `${f.ruleId}: ${f.message}`)).toEqual([]);
    const selectors = model.domains.flatMap((d) => d.dkim.selectors);
    expect(report.findings.filter((f) => f.ruleId === 'dns-dkim-live')).toHaveLength(selectors.length);
  });
});

// Serves a check-dns docs example (src/dns/check/rule-types.ts) from the loopback DNS server and runs
// check-dns against it: the config merged into the docs base config, DNS from the zone the build
// writes (for that config or the `published` one) with the example's changes applied.
import path from 'node:path';
import type { Finding } from '../../src/findings.js';
import { loadConfigText, type LoadedConfig } from '../../src/config/load.js';
import { runDnsChecks } from '../../src/dns/check/index.js';
import type { DnsAnswerChange, DnsRuleExample } from '../../src/dns/check/rule-types.js';
import { buildRecordModel } from '../../src/dns/records.js';
import { createResolver } from '../../src/dns/resolver.js';
import { splitTxt } from '../../src/dns/txt.js';
import { recordsFromModel, type TestDnsServer, type TestRecord, type ZoneOptions } from './dns-server.js';
import { fixtureDir, mergeConfig } from './rule-tester.js';

/** The fragment merged into the docs base config, loaded as relay.config.yaml beside the fixture keys. */
export function loadFragment(fragment: string): LoadedConfig {
  return loadConfigText(mergeConfig(fragment), { file: 'relay.config.yaml', absPath: path.join(fixtureDir(), 'relay.config.yaml') });
}

/** A zone-file line "name TYPE data" as a served record. */
export function parseRecordLine(line: string): TestRecord {
  const match = /^(\S+)\s+(A|AAAA|TXT|MX|PTR|CNAME|CAA)\s+(.+)$/.exec(line.trim());
  if (!match) throw new Error(`example record "${line}" is not "name TYPE data"`);
  const [, name, type, data] = match;
  switch (type) {
    case 'A':
    case 'AAAA':
      return { name, type, address: data };
    case 'TXT': {
      const strings = [...data.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1].replace(/\\(.)/g, '$1'));
      if (strings.length === 0) throw new Error(`example TXT "${line}" has no quoted string`);
      return { name, type, strings };
    }
    case 'MX': {
      const [priority, exchange] = data.split(/\s+/);
      return { name, type, priority: Number(priority), exchange };
    }
    case 'CAA': {
      const [, flags, tag, value] = /^(\d+)\s+(\S+)\s+"(.*)"$/.exec(data) ?? [];
      return { name, type, flags: Number(flags), tag, value };
    }
    default:
      return { name, type: type as 'PTR' | 'CNAME', target: data };
  }
}

const sameName = (a: string, b: string) => a.toLowerCase().replace(/\.$/, '') === b.toLowerCase().replace(/\.$/, '');

/** The served zone after one change. Every change must apply to something, so an example cannot go stale silently. */
function applyChange(zone: ZoneOptions, change: DnsAnswerChange): ZoneOptions {
  if ('remove' in change) {
    const [type, name] = change.remove.split(/\s+/);
    const records = zone.records.filter((r) => !(r.type === type && sameName(r.name, name)));
    if (records.length === zone.records.length) throw new Error(`example removes ${change.remove}, which the zone does not have`);
    return { ...zone, records };
  }
  if ('add' in change) return { ...zone, records: [...zone.records, parseRecordLine(change.add)] };
  if ('edit' in change) {
    const target = zone.records.find((r) => r.type === 'TXT' && sameName(r.name, change.edit)) as Extract<TestRecord, { type: 'TXT' | 'SPF' }> | undefined;
    const text = target?.strings.join('');
    if (!target || text === undefined || !text.includes(change.replace)) throw new Error(`example edits "${change.replace}" in TXT ${change.edit}, which the zone does not have`);
    const edited: TestRecord = { name: target.name, type: 'TXT', strings: splitTxt(text.replace(change.replace, change.with)) };
    return { ...zone, records: zone.records.map((r) => (r === target ? edited : r)) };
  }
  if ('noAnswer' in change) return change.noAnswer === '*' ? { ...zone, neverAnswer: true } : { ...zone, silent: { ...zone.silent, [change.noAnswer]: 'all' } };
  return { ...zone, servfail: [...(zone.servfail ?? []), change.servfail] };
}

export interface ExampleRun {
  loaded: LoadedConfig;
  findings: Finding[];
}

/** Serves the example on `server` and returns check-dns's findings for its config. */
export async function runDnsExample(server: TestDnsServer, example: DnsRuleExample): Promise<ExampleRun> {
  const loaded = loadFragment(example.config);
  if (!loaded.model) throw new Error(`example config does not load: ${loaded.findings.map((f) => f.message).join('; ')}`);
  const published = example.published === undefined ? loaded : loadFragment(example.published);
  if (!published.model) throw new Error(`example published config does not load: ${published.findings.map((f) => f.message).join('; ')}`);
  // Providers the SPF record includes answer with an SPF record of their own.
  const world: TestRecord[] = published.model.domains.flatMap((d) => d.spf.include).map((name) => ({ name, type: 'TXT', strings: ['v=spf1 ip4:198.51.100.0/24 -all'] }));
  let zone: ZoneOptions = { records: [...recordsFromModel(buildRecordModel(published.model)), ...world] };
  for (const change of example.dns ?? []) zone = applyChange(zone, change);
  server.setZone(zone);
  const resolver = createResolver({ server: { host: server.host, port: server.port }, timeoutMs: 200, tries: 1 });
  const report = await runDnsChecks(loaded.model, loaded.source, resolver);
  return { loaded, findings: report.findings };
}

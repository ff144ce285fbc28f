// Meta test of the check-dns findings (after test/rules/meta.test.ts): every id is registered,
// documented with a public source, reported by a check, and its docs examples do what they claim
// when served from a real DNS server on loopback.
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dnsRules, dnsRulesById } from '../../../src/dns/check/rules.js';
import { rules } from '../../../src/rules/index.js';
import { startDnsServer, type TestDnsServer } from '../../helpers/dns-server.js';
import { runDnsExample } from '../../helpers/dns-example.js';

const CHECK_DIR = new URL('../../../src/dns/check/', import.meta.url);
const CATALOGUE_DIR = new URL('catalogue/', CHECK_DIR);
const source = (dir: URL) =>
  readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => readFileSync(new URL(e.name, dir), 'utf8'))
    .join('\n');
const CITED = /RFC \d+|[a-z_.]+\([1-8]\)|[Tt]he self-hosted HTTP relay build guide/;

let server: TestDnsServer;
beforeAll(async () => {
  server = await startDnsServer({ records: [] });
});
afterAll(async () => {
  await server?.close();
});

describe('the check-dns registry', () => {
  it('lists every finding defined in src/dns/check/catalogue/, once', () => {
    const defined = [...source(CATALOGUE_DIR).matchAll(/createDnsRule\(\{\s*id: '([a-z0-9-]+)'/g)].map((m) => m[1]).sort();
    expect(defined.length).toBeGreaterThan(0);
    expect(dnsRules.map((r) => r.id).sort()).toEqual(defined);
    expect(dnsRulesById.size).toBe(dnsRules.length);
  });

  it('every id is reported by a check (no dead entries), and ids are dns- and kebab-case', () => {
    const checks = source(CHECK_DIR);
    for (const rule of dnsRules) {
      expect(rule.id).toMatch(/^dns(-[a-z0-9]+)+$/);
      expect(checks, `${rule.id} is never reported`).toContain(`'${rule.id}'`);
    }
  });

  it('shares no id with a lint rule: one catalogue, one namespace', () => {
    const lint = new Set(rules.map((r) => r.id));
    expect(dnsRules.filter((r) => lint.has(r.id)).map((r) => r.id)).toEqual([]);
  });
});

describe.each(dnsRules.map((rule) => [rule.id, rule] as const))('%s', (id, rule) => {
  it('has complete docs citing a public source', () => {
    const { docs } = rule;
    for (const field of ['summary', 'rationale', 'source', 'fix'] as const) expect(docs[field].trim(), `docs.${field}`).not.toBe('');
    expect(docs.summary).not.toContain('\n');
    expect(docs.rationale).toMatch(CITED);
    expect(docs.source).toMatch(CITED);
    expect(docs.examples.invalid.length).toBeGreaterThan(0);
    expect(docs.examples.valid.length).toBeGreaterThan(0);
    expect(Object.keys(rule.messages).length).toBeGreaterThan(0);
  });

  it.each(rule.docs.examples.invalid.map((e) => [e.description, e] as const))('flagged example "%s" reports it at its default severity', async (_, example) => {
    const { loaded, findings } = await runDnsExample(server, example);
    // The config itself is valid: only what DNS answers is wrong.
    expect(loaded.findings).toEqual([]);
    const mine = findings.filter((f) => f.ruleId === id);
    expect(mine.length, findings.map((f) => `[${f.ruleId}] ${f.message}`).join('\n')).toBeGreaterThan(0);
    expect(new Set(mine.map((f) => f.severity))).toEqual(new Set([rule.defaultSeverity]));
  });

  it.each(rule.docs.examples.valid.map((e) => [e.description, e] as const))('passing example "%s" does not report it', async (_, example) => {
    const { loaded, findings } = await runDnsExample(server, example);
    expect(loaded.findings).toEqual([]);
    expect(findings.filter((f) => f.ruleId === id).map((f) => f.message)).toEqual([]);
    // An example that serves the built zone unchanged passes check-dns as a whole.
    if (!example.dns?.length && example.published === undefined) {
      expect(findings.filter((f) => f.severity !== 'info').map((f) => `[${f.ruleId}] ${f.message}`)).toEqual([]);
    }
  });
});

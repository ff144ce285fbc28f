// Meta test over the whole rule set (after ESLint's and typescript-eslint's): every rule file is
// registered under its own id, documented, tested, and its docs examples do what they claim.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rules, rulesById } from '../../src/rules/index.js';
import type { Rule } from '../../src/rules/types.js';
import { BASE_CONFIG, lintFragment, lintText } from '../helpers/rule-tester.js';

const RULES_DIR = new URL('../../src/rules/', import.meta.url);
const TESTS_DIR = new URL('./', import.meta.url);
const NOT_RULES = new Set(['types.ts', 'index.ts', 'docs.ts', 'severity.ts']);

/** src/rules/*.ts that should each hold one rule (util/ is a directory, so readdir's files skip it). */
const ruleFiles = readdirSync(RULES_DIR, { withFileTypes: true })
  .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !NOT_RULES.has(entry.name) && !entry.name.startsWith('registry-'))
  .map((entry) => entry.name)
  .sort();

const isRule = (value: unknown): value is Rule =>
  typeof value === 'object' && value !== null && typeof (value as Rule).id === 'string' && typeof (value as Rule).check === 'function';

const describeFindings = (findings: { ruleId: string; line: number; column: number; message: string }[]) =>
  findings.map((f) => `${f.line}:${f.column} [${f.ruleId}] ${f.message}`);

describe('rule files', () => {
  it('there are rule files to check', () => {
    expect(ruleFiles.length).toBeGreaterThan(0);
  });

  it.each(ruleFiles)('%s exports a registered rule whose id is its file name', async (file) => {
    const module = (await import(new URL(file, RULES_DIR).href)) as Record<string, unknown>;
    const exported = Object.values(module).filter(isRule);
    expect(exported, `${file} exports no rule`).not.toHaveLength(0);
    const rule = isRule(module.default) ? module.default : exported[0];
    const id = file.replace(/\.ts$/, '');
    expect(rule.id).toBe(id);
    expect(rulesById.get(id), `${id} is missing from src/rules/index.ts`).toBe(rule);
  });
});

// One concern per rule id, at one severity: an override of one rule never silences a graver concern.
describe('one severity per rule id', () => {
  it.each(ruleFiles)('%s reports every message at its default severity', (file) => {
    // A per-report severity is the only way one id can carry two severities.
    const source = readFileSync(new URL(file, RULES_DIR), 'utf8');
    expect(source).not.toMatch(/\bseverity\s*[:,}]/);
  });

  it.each(rules.map((r) => [r.id, r] as const))('%s: its doc examples report at the default severity', (id, rule) => {
    for (const example of rule.docs.examples.invalid) {
      const severities = new Set(lintFragment(example.config).findings.filter((f) => f.ruleId === id).map((f) => f.severity));
      expect([...severities], example.description).toEqual([rule.defaultSeverity]);
    }
  });
});

describe('the registry', () => {
  it('has unique ids', () => {
    const ids = rules.map((r) => r.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('holds no rule without a file of its name', () => {
    expect(rules.map((r) => r.id).filter((id) => !ruleFiles.includes(`${id}.ts`))).toEqual([]);
  });

  it('ids are kebab-case', () => {
    for (const rule of rules) expect(rule.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('the docs base config yields no findings at all', () => {
    expect(describeFindings(lintText(BASE_CONFIG).findings)).toEqual([]);
  });
});

describe.each(rules.map((rule) => [rule.id, rule] as const))('%s', (id, rule) => {
  it('has complete docs', () => {
    const { docs } = rule;
    for (const field of ['summary', 'rationale', 'source', 'fix'] as const) expect(docs[field].trim(), `docs.${field}`).not.toBe('');
    expect(docs.summary).not.toContain('\n');
    // The rationale names where the rule comes from: an RFC section, a man page or a public guide by title.
    const cited = /RFC \d+|[a-z_.]+\([1-8]\)|[Tt]he self-hosted HTTP relay build guide/;
    expect(docs.rationale).toMatch(cited);
    expect(docs.source).toMatch(cited);
    expect(docs.examples.invalid.length).toBeGreaterThan(0);
    expect(docs.examples.valid.length).toBeGreaterThan(0);
    for (const example of [...docs.examples.invalid, ...docs.examples.valid]) expect(example.description.trim()).not.toBe('');
    expect(Object.keys(rule.messages).length).toBeGreaterThan(0);
    expect(['error', 'warning', 'info']).toContain(rule.defaultSeverity);
  });

  it('has a test file', () => {
    expect(existsSync(new URL(`${id}.test.ts`, TESTS_DIR)), `test/rules/${id}.test.ts`).toBe(true);
  });

  it.each(rule.docs.examples.invalid.map((e) => [e.description, e] as const))('invalid example "%s" yields findings of this rule only', (_, example) => {
    const findings = lintFragment(example.config).findings;
    expect(findings.length, 'the example yields no finding').toBeGreaterThan(0);
    expect(describeFindings(findings.filter((f) => f.ruleId !== id))).toEqual([]);
  });

  it.each(rule.docs.examples.valid.map((e) => [e.description, e] as const))('valid example "%s" yields no findings', (_, example) => {
    expect(describeFindings(lintFragment(example.config).findings)).toEqual([]);
  });
});

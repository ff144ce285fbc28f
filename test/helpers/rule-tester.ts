// Test helpers for rules: a temp config dir with fixture keys, the docs base config, YAML
// fragment merging, and positions of text in a config so tests assert line and column.
import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { expect } from 'vitest';
import type { Finding, Severity, SeverityOrOff } from '../../src/findings.js';
import { loadConfigText } from '../../src/config/load.js';
import { lintLoaded } from '../../src/lint/engine.js';
import type { Rule } from '../../src/rules/types.js';
import { tempDir } from './tmp.js';

export const BASE_CONFIG = readFileSync(new URL('./base-config.yaml', import.meta.url), 'utf8');

let fixtureRoot: string | undefined;

/** A temp directory holding keys/ with the fixture keys rule examples refer to (made once per process). */
export function fixtureDir(): string {
  if (fixtureRoot) return fixtureRoot;
  const root = tempDir('relayconf-rules-');
  const keys = path.join(root, 'keys');
  mkdirSync(keys);
  const rsa = (bits: number) => generateKeyPairSync('rsa', { modulusLength: bits });
  const pub = (pair: ReturnType<typeof rsa> | ReturnType<typeof generateKeyPairSync>) =>
    pair.publicKey.export({ type: 'spki', format: 'pem' }) as string;
  writeFileSync(path.join(keys, 'rsa2048.pub'), pub(rsa(2048)));
  writeFileSync(path.join(keys, 'rsa2048-b.pub'), pub(rsa(2048)));
  writeFileSync(path.join(keys, 'rsa1024.pub'), pub(rsa(1024)));
  writeFileSync(path.join(keys, 'rsa512.pub'), pub(rsa(512)));
  writeFileSync(path.join(keys, 'ed25519.pub'), pub(generateKeyPairSync('ed25519')));
  // A private key where a public one should be: generated here, never committed.
  writeFileSync(path.join(keys, 'private.pem'), rsa(1024).privateKey.export({ type: 'pkcs8', format: 'pem' }) as string);
  writeFileSync(path.join(keys, 'garbage.pub'), 'this is not a key\n');
  fixtureRoot = root;
  return root;
}

type Plain = Record<string, unknown>;
const isMapping = (v: unknown): v is Plain => typeof v === 'object' && v !== null && !Array.isArray(v);

function deepMerge(base: Plain, patch: Plain): Plain {
  const out: Plain = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key]; // null in a fragment removes the key
    else if (isMapping(value) && isMapping(out[key])) out[key] = deepMerge(out[key] as Plain, value);
    else out[key] = value;
  }
  return out;
}

/**
 * The base config with a YAML fragment merged in: mappings merge key by key, lists and scalars
 * replace, `key: null` removes the key. `domains` is a list, so a fragment that touches a domain
 * restates it; `domain0` (a mapping) merges into domains[0] instead.
 */
export function mergeConfig(fragment: string, base: string = BASE_CONFIG): string {
  const baseData = parse(base) as Plain;
  const patch = (parse(fragment) ?? {}) as Plain;
  const { domain0, ...rest } = patch as Plain & { domain0?: Plain };
  let merged = deepMerge(baseData, rest);
  if (domain0) {
    const domains = [...(merged.domains as Plain[])];
    domains[0] = deepMerge(domains[0], domain0);
    merged = { ...merged, domains };
  }
  return stringify(merged, { lineWidth: 0 });
}

export interface LintResult {
  findings: Finding[];
  text: string;
}

/** Lints config text as if it were relay.config.yaml in the fixture directory. */
export function lintText(text: string, options: { rules?: readonly Rule[]; ruleOverrides?: Record<string, SeverityOrOff> } = {}): LintResult {
  const dir = fixtureDir();
  const loaded = loadConfigText(text, { file: 'relay.config.yaml', absPath: path.join(dir, 'relay.config.yaml') });
  return { findings: lintLoaded(loaded, options), text };
}

/** Lints the base config with `fragment` merged in. */
export function lintFragment(fragment: string, options: { rules?: readonly Rule[] } = {}): LintResult {
  return lintText(mergeConfig(fragment), options);
}

/** 1-based line and column of the `occurrence`-th `needle` in `text` (column of its first character). */
export function positionOf(text: string, needle: string, occurrence = 1): { line: number; column: number } {
  let index = -1;
  for (let i = 0; i < occurrence; i++) {
    index = text.indexOf(needle, index + 1);
    if (index < 0) throw new Error(`"${needle}" (occurrence ${occurrence}) not found in config text`);
  }
  const before = text.slice(0, index).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

/** Findings of one rule only. */
export function byRule(result: LintResult, ruleId: string): Finding[] {
  return result.findings.filter((f) => f.ruleId === ruleId);
}

/** Asserts exactly these findings of `ruleId` (severity and position), in order. */
export function expectFindings(
  result: LintResult,
  ruleId: string,
  expected: { severity: Severity; line: number; column: number; message?: RegExp | string }[],
): void {
  const got = byRule(result, ruleId);
  expect(got.map((f) => ({ severity: f.severity, line: f.line, column: f.column }))).toEqual(
    expected.map(({ severity, line, column }) => ({ severity, line, column })),
  );
  expected.forEach((e, i) => {
    if (e.message !== undefined) expect(got[i].message).toMatch(e.message);
  });
}

// Golden files: every example under examples/ builds (or lints, for invalid-*) to golden/<example>/.
// One code path computes what a golden should hold; the test compares, UPDATE_GOLDEN=1 rewrites.
// The relay bundle all server.js files share is kept once (see golden-bundle.ts).
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfigFile } from '../../src/config/load.js';
import { lintLoaded } from '../../src/lint/engine.js';
import { compile } from '../../src/outputs/compile.js';
import type { OutputFile } from '../../src/outputs/types.js';
import { writeFiles } from '../../src/outputs/writer.js';
import { readTree, type TreeEntry } from '../../src/plan/tree.js';
import { runCli } from './cli.js';
import { BUNDLE_FILE, EMBEDS_BUNDLE, SHARED_GOLDEN, joinBundle, packageBundle, splitBundle } from './golden-bundle.js';

export const REPO = path.resolve(import.meta.dirname, '../..');
export const EXAMPLES_DIR = path.join(REPO, 'examples');
export const GOLDEN_DIR = path.join(REPO, 'golden');
/** examples/ entries that are not config cases (CI recipes). */
export const NOT_EXAMPLES = new Set(['ci']);
export const CONFIG_FILE = 'relay.config.yaml';
export const BUNDLE_GOLDEN_DIR = path.join(GOLDEN_DIR, SHARED_GOLDEN);

export interface Example {
  name: string;
  /** invalid-* cases expect findings; their golden is the lint report. */
  invalid: boolean;
  /** Relative to the repository root, as findings show it. */
  config: string;
}

export function listExamples(): Example[] {
  return readdirSync(EXAMPLES_DIR)
    .filter((name) => !NOT_EXAMPLES.has(name) && statSync(path.join(EXAMPLES_DIR, name)).isDirectory())
    .sort()
    .map((name) => ({ name, invalid: name.startsWith('invalid-'), config: `examples/${name}/${CONFIG_FILE}` }));
}

export function listGoldens(): string[] {
  if (!existsSync(GOLDEN_DIR)) return [];
  return readdirSync(GOLDEN_DIR)
    .filter((name) => name !== SHARED_GOLDEN && statSync(path.join(GOLDEN_DIR, name)).isDirectory())
    .sort();
}

/** What golden/<example>/ must hold: the built tree, or findings.txt from `relayconf lint --format text`. */
export async function expectedFiles(example: Example): Promise<{ files: OutputFile[]; exitCode: number }> {
  if (example.invalid) {
    const run = await runCli(['lint', example.config, '--format', 'text'], { cwd: REPO });
    return { files: [{ path: 'findings.txt', mode: 0o644, content: run.stdout }], exitCode: run.code };
  }
  const loaded = await loadConfigFile(example.config, REPO);
  const findings = lintLoaded(loaded);
  const errors = findings.filter((f) => f.severity === 'error');
  if (!loaded.model || errors.length > 0) {
    const shown = errors.map((f) => `${f.file}:${f.line}:${f.column}: ${f.message} [${f.ruleId}]`).join('\n');
    throw new Error(`example ${example.name} has lint errors, so it would not build:\n${shown}`);
  }
  return { files: compile(loaded.model), exitCode: 0 };
}

/** Replaces golden/<name>/ with `files` (directories 0755, files with their modes), the relay bundle cut out. */
export function writeGolden(name: string, files: OutputFile[], bundle: string = packageBundle()): void {
  const dir = path.join(GOLDEN_DIR, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFiles(
    dir,
    files.map((f) => (EMBEDS_BUNDLE.test(f.path) ? { ...f, content: splitBundle(f.content, bundle, `${name}/${f.path}`) } : f)),
  );
}

/** The bundle golden's text, or null when golden/_relay-bundle/ has none. */
export function readBundleGolden(): string | null {
  const file = path.join(BUNDLE_GOLDEN_DIR, BUNDLE_FILE);
  return existsSync(file) ? readFileSync(file, 'utf8') : null;
}

export function writeBundleGolden(bundle: string = packageBundle()): void {
  rmSync(BUNDLE_GOLDEN_DIR, { recursive: true, force: true });
  mkdirSync(BUNDLE_GOLDEN_DIR, { recursive: true });
  writeFileSync(path.join(BUNDLE_GOLDEN_DIR, BUNDLE_FILE), bundle);
}

/** golden/<name>/ as the files it stands for: each bundle marker replaced by the bundle golden. */
export function readGoldenTree(name: string, bundle: string | null = readBundleGolden()): Map<string, TreeEntry> {
  const tree = readTree(path.join(GOLDEN_DIR, name));
  for (const [file, entry] of tree) {
    const text = entry.content.toString('utf8');
    const joined = joinBundle(text, bundle, `golden/${name}/${file}`);
    if (joined !== text) entry.content = Buffer.from(joined, 'utf8');
  }
  return tree;
}

export function removeGolden(name: string): void {
  rmSync(path.join(GOLDEN_DIR, name), { recursive: true, force: true });
}

/** UPDATE_GOLDEN=1 rewrites goldens; never under CI, where goldens are only compared. */
export function updateMode(env: Record<string, string | undefined> = process.env): boolean {
  if (env.UPDATE_GOLDEN !== '1') return false;
  if (env.CI) throw new Error('refusing to rewrite goldens with CI set: run `npm run golden:update` locally and commit the result');
  return true;
}

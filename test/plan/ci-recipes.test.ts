// The CI recipes in examples/ci are executable: every relayconf command they contain runs against
// an example repository laid out as the recipes expect (relay.config.yaml, keys/, committed out/).
import { expect, test } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { tempDir } from '../helpers/tmp.js';

const REPO = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(REPO, 'dist/cli/bin.cjs');

/** Every shell line of the recipes that runs relayconf, in order. */
function recipeCommands(): string[] {
  const workflow = parse(readFileSync(path.join(REPO, 'examples/ci/github-workflow.yml'), 'utf8'));
  const steps: { run?: string }[] = workflow.jobs.relayconf.steps;
  const fromWorkflow = steps.flatMap((s) => (s.run ?? '').split('\n')).filter((l) => l.includes('relayconf '));
  const hooks = parse(readFileSync(path.join(REPO, 'examples/ci/pre-commit-config.yaml'), 'utf8')).repos[0].hooks as { entry: string }[];
  return [...fromWorkflow, ...hooks.map((h) => h.entry)];
}

test('every relayconf command in the CI recipes runs and passes on a clean example repository', () => {
  const root = tempDir('relayconf-ci-');
  const work = path.join(root, 'work');
  mkdirSync(work);
  cpSync(path.join(REPO, 'examples/minimal'), work, { recursive: true });
  // The committed output the workflow checks, and the base branch's copy the plan compares with.
  execFileSync(process.execPath, [BIN, 'build', 'relay.config.yaml', '--out', 'out'], { cwd: work });
  cpSync(path.join(work, 'out'), path.join(root, 'base/out'), { recursive: true });

  const commands = recipeCommands();
  expect(commands.map((c) => c.replace(/\s*>.*$/, ''))).toEqual([
    'npx relayconf lint relay.config.yaml --format sarif',
    'npx relayconf lint relay.config.yaml --format github',
    'npx relayconf build relay.config.yaml --out out --check',
    'npx relayconf plan relay.config.yaml --against ../base/out --format markdown',
    'npx relayconf lint relay.config.yaml',
    'npx relayconf build relay.config.yaml --out out --check',
  ]);
  for (const command of commands) {
    const shell = command.replace('npx relayconf', `"${process.execPath}" "${BIN}"`);
    const run = spawnSync('bash', ['-c', shell], { cwd: work, encoding: 'utf8' });
    expect(run.status, `${command}\n${run.stdout}${run.stderr}`).toBe(0);
  }
  const sarif = JSON.parse(readFileSync(path.join(work, 'relayconf.sarif'), 'utf8'));
  expect(sarif.version).toBe('2.1.0');
  expect(readFileSync(path.join(work, 'plan.md'), 'utf8')).toBe('### relayconf plan\n\nNo changes against `../base/out`.\n');
});

// A user's own config repository, from the packed tarball: the README section "Use it in your
// config repository" run step by step in an empty git repository, then every command of
// examples/ci/github-workflow.yml and the pre-commit hooks (examples/ci and .pre-commit-hooks.yaml).
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { tempDir } from '../helpers/tmp.js';

const REPO = path.resolve(import.meta.dirname, '../..');
const VERSION = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')).version as string;
const TARBALL = `relayconf-${VERSION}.tgz`;
const preCommitVersion = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' });
const hasPreCommit = preCommitVersion.status === 0;
/** pre-commit 3.x (Debian 12's 3.0.4) takes all of `npm pack`'s stdout as the tarball name, and npm
 * prints the prepare script's banner there, so a language: node hook repo that builds on prepare
 * installs only with pre-commit 4 or later (the README says so). */
const preCommitMajor = Number(/pre-commit (\d+)\./.exec(preCommitVersion.stdout ?? '')?.[1] ?? 0);
/** Skipped on a developer machine without pre-commit; on CI (.ci/install-system-deps.sh installs
 * Debian's pre-commit) a missing pre-commit is a failure, never a silent skip. */
const preCommitTest = hasPreCommit || process.env.CI ? test : test.skip;
function requirePreCommit(): void {
  if (!hasPreCommit) expect.fail('pre-commit is not on PATH: run .ci/install-system-deps.sh (Debian package pre-commit)');
}

/** The README section's sh blocks by the repository they run in, each as its command lines. */
function readmeSteps(): Record<string, string[]> {
  const readme = readFileSync(path.join(REPO, 'README.md'), 'utf8');
  const section = /\n## Use it in your config repository\n([\s\S]*?)\n## /.exec(readme)?.[1] ?? '';
  const steps: Record<string, string[]> = {};
  for (const [, repo, body] of section.matchAll(/```sh repo=(\S+)\n([\s\S]*?)```/g)) {
    steps[repo] = body.split('\n').map((line) => line.replace(/\s+#\s.*$/, '').trim()).filter(Boolean);
  }
  return steps;
}

let root: string;
let config: string;
/** The user's world: a temp HOME (init's private key lands there), npm's own cache and settings. */
let env: NodeJS.ProcessEnv;

function sh(command: string, cwd = config): SpawnSyncReturns<string> {
  return spawnSync('bash', ['-ec', command], { cwd, env, encoding: 'utf8', timeout: 300_000 });
}
function ok(command: string, cwd = config): string {
  const run = sh(command, cwd);
  expect(run.status, `${command}\n${run.stdout}\n${run.stderr}`).toBe(0);
  return run.stdout;
}

beforeAll(() => {
  root = tempDir('relayconf-config-repo-');
  config = path.join(root, 'config');
  mkdirSync(config);
  mkdirSync(path.join(root, 'home'));
  const cache = spawnSync('npm', ['config', 'get', 'cache'], { encoding: 'utf8' }).stdout.trim();
  const userconfig = path.join(os.homedir(), '.npmrc');
  env = {
    ...process.env,
    HOME: path.join(root, 'home'),
    npm_config_cache: cache,
    ...(existsSync(userconfig) ? { npm_config_userconfig: userconfig } : {}),
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    PRE_COMMIT_HOME: path.join(root, 'pre-commit-cache'),
    GIT_AUTHOR_NAME: 'Config Admin',
    GIT_AUTHOR_EMAIL: 'admin@shop.example.net',
    GIT_COMMITTER_NAME: 'Config Admin',
    GIT_COMMITTER_EMAIL: 'admin@shop.example.net',
  };
  for (const key of Object.keys(env)) if (key.startsWith('npm_') && !/^npm_config_(cache|userconfig|audit|fund|update_notifier)$/.test(key)) delete env[key];
}, 300_000);

describe('a config repository using relayconf from its tarball', () => {
  test('the README section, step by step, in an empty git repository', { timeout: 600_000 }, () => {
    const steps = readmeSteps();
    expect(steps.relayconf).toEqual(['npm ci && npm pack']);
    // This checkout is installed already (npm ci would swap node_modules under the running tests):
    // pack it, prepare included, into the folder the README's cp line reads from.
    mkdirSync(path.join(root, 'relayconf'));
    ok(`npm pack --pack-destination "${path.join(root, 'relayconf')}"`, REPO);
    expect(existsSync(path.join(root, 'relayconf', TARBALL))).toBe(true);

    ok('git init -q');
    expect(steps.config[0]).toBe(`cp ../relayconf/${TARBALL} .`);
    for (const line of steps.config) ok(line);

    // What got installed: the bin, the relay bundle, the schema, the licence.
    const installed = path.join(config, 'node_modules/relayconf');
    for (const file of ['dist/cli/bin.cjs', 'dist/relay/server.bundle.cjs', 'schema/relay.schema.json', 'README.md', 'LICENSE']) {
      expect(existsSync(path.join(installed, file)), file).toBe(true);
    }
    expect(JSON.parse(readFileSync(path.join(config, 'package.json'), 'utf8')).devDependencies.relayconf).toBe(`file:${TARBALL}`);
    // The $schema line resolves to the installed schema.
    const text = readFileSync(path.join(config, 'relay.config.yaml'), 'utf8');
    const schemaRef = /^# yaml-language-server: \$schema=(\S+)$/.exec(text.split('\n')[0])?.[1];
    expect(schemaRef).toBe('./node_modules/relayconf/schema/relay.schema.json');
    expect(readFileSync(path.join(config, schemaRef!), 'utf8')).toBe(readFileSync(path.join(REPO, 'schema/relay.schema.json'), 'utf8'));
    // lint: no errors (the placeholders draw warnings); build wrote the tree with the relay in it.
    const lint = JSON.parse(sh('npx relayconf lint --format json').stdout);
    expect(lint.summary.errors).toBe(0);
    expect(lint.findings.map((f: { ruleId: string }) => f.ruleId)).toContain('reserved-name');
    expect(existsSync(path.join(config, 'out/etc/postfix/main.cf'))).toBe(true);
    expect(readFileSync(path.join(config, 'out/opt/shop-mail-relay/server.js'), 'utf8')).toContain('relay');
    expect(ok('git status --porcelain')).toBe('');
  });

  test('every command of examples/ci/github-workflow.yml, on a pull request against main', { timeout: 600_000 }, () => {
    const workflow = parse(readFileSync(path.join(REPO, 'examples/ci/github-workflow.yml'), 'utf8'));
    const steps: { name?: string; run?: string; uses?: string }[] = workflow.jobs.relayconf.steps;
    // The base branch as actions/checkout with fetch-depth 0 leaves it: origin/main.
    ok('git branch -M main && git update-ref refs/remotes/origin/main HEAD');
    const github = { 'github.base_ref': 'main', 'github.event.pull_request.number': '1', 'github.token': 'unused' };
    const skipped: string[] = [];
    for (const step of steps) {
      if (!step.run) continue; // actions (checkout, setup-node, upload-sarif) are GitHub's
      if (step.run.startsWith('gh pr comment')) {
        skipped.push(step.name!); // needs GitHub's API: the plan.md it posts is checked below
        continue;
      }
      ok(step.run.replace(/\$\{\{\s*([\w.]+)\s*\}\}/g, (_, key: keyof typeof github) => github[key]));
    }
    expect(skipped).toEqual(['Post the plan']);
    expect(JSON.parse(readFileSync(path.join(config, 'relayconf.sarif'), 'utf8')).version).toBe('2.1.0');
    expect(readFileSync(path.join(config, 'plan.md'), 'utf8')).toBe('### relayconf plan\n\nNo changes against `../base/out`.\n');
    ok('rm -f relayconf.sarif plan.md && git worktree remove --force ../base');
  });

  preCommitTest('the pre-commit hooks of examples/ci pass, and fail on a stale out/', { timeout: 600_000 }, () => {
    requirePreCommit();
    copyFileSync(path.join(REPO, 'examples/ci/pre-commit-config.yaml'), path.join(config, '.pre-commit-config.yaml'));
    ok('git add .pre-commit-config.yaml');
    const run = ok('pre-commit run --all-files');
    expect(run).toMatch(/relayconf lint\.+Passed/);
    expect(run).toMatch(/relayconf build --check \(out\/ is current\)\.+Passed/);
    ok("sed -i 's/policy: quarantine/policy: reject/' relay.config.yaml && git add relay.config.yaml");
    const stale = sh('pre-commit run --all-files');
    expect(stale.status).toBe(1);
    expect(stale.stdout).toMatch(/relayconf build --check \(out\/ is current\)\.+Failed/);
    ok('git checkout HEAD -- relay.config.yaml && git reset -q'); // HEAD, not the index: the stale change was staged
  });

  preCommitTest('.pre-commit-hooks.yaml: the hooks by repository, installed by pre-commit itself (language: node)', { timeout: 900_000 }, (context) => {
    requirePreCommit();
    if (preCommitMajor < 4) context.skip(`pre-commit ${preCommitMajor}.x cannot install a node hook repository that builds on prepare; needs 4 or later`);
    // try-repo is pre-commit's way to run a hook repository at its current state, uncommitted work included.
    const run = ok(`pre-commit try-repo "${REPO}" relayconf-lint --all-files`);
    expect(run).toMatch(/relayconf lint\.+Passed/);
    const check = ok(`pre-commit try-repo "${REPO}" relayconf-build-check --all-files`);
    expect(check).toMatch(/relayconf build --check \(out\/ is current\)\.+Passed/);
  });
});

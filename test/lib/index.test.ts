// The programmatic API: loadConfig -> lint -> compile, the same results as the CLI.
import { expect, test } from 'vitest';
import path from 'node:path';
import { compile, lint, loadConfig, rules } from '../../src/index.js';

const REPO = path.resolve(import.meta.dirname, '../..');

test('loadConfig, lint and compile the minimal example', async () => {
  const loaded = await loadConfig('examples/minimal/relay.config.yaml', REPO);
  expect(lint(loaded).filter((f) => f.severity === 'error')).toEqual([]);
  const files = compile(loaded);
  expect(files.map((f) => f.path)).toContain('etc/postfix/main.cf');
  expect(files.find((f) => f.path === 'etc/postfix/main.cf')?.content).toMatch(/^inet_interfaces = loopback-only$/m);
  expect(rules.length).toBeGreaterThan(40);
});

test('compile refuses a config with error findings', async () => {
  const loaded = await loadConfig('examples/invalid-bad-enum/relay.config.yaml', REPO);
  expect(() => compile(loaded)).toThrow(/6 error finding\(s\)/);
});

// build and plan lint and compile from one set of derived views: the record model and the Postfix
// model are built once per run (counted by spies), and what is written is what a fresh compile gives.
import { cpSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { REPO } from '../helpers/golden.js';
import { tempDir } from '../helpers/tmp.js';

const { built, counting } = vi.hoisted(() => {
  const built = { records: 0, postfix: 0 };
  /** The module with `name` wrapped to count its calls in built[key]. */
  const counting = <M extends Record<string, unknown>>(actual: M, name: keyof M & string, key: keyof typeof built): M => ({
    ...actual,
    [name]: (...args: unknown[]) => {
      built[key] += 1;
      return (actual[name] as (...a: unknown[]) => unknown)(...args);
    },
  });
  return { built, counting };
});

vi.mock('../../src/dns/records.js', async (importOriginal) => counting(await importOriginal<Record<string, unknown>>(), 'buildRecordModel', 'records'));
vi.mock('../../src/outputs/postfix-model.js', async (importOriginal) => counting(await importOriginal<Record<string, unknown>>(), 'buildPostfixModel', 'postfix'));

const { runCli } = await import('../helpers/cli.js');
const { loadConfigFile } = await import('../../src/config/load.js');
const { compile } = await import('../../src/outputs/compile.js');

beforeEach(() => {
  built.records = 0;
  built.postfix = 0;
});

describe('one set of views per run', () => {
  it('build builds the record model and the Postfix model once, for lint and for the files it writes', async () => {
    const work = tempDir('relayconf-build-views-');
    cpSync(path.join(REPO, 'examples/direct-multi-domain'), work, { recursive: true });
    const run = await runCli(['build', '--out', 'out'], { cwd: work });
    expect(run.code, run.stderr).toBe(0);
    expect(built).toEqual({ records: 1, postfix: 1 });

    // The same bytes as a compile with views of its own.
    const loaded = await loadConfigFile(undefined, work);
    for (const file of compile(loaded.model!)) expect(readFileSync(path.join(work, 'out', file.path), 'utf8'), file.path).toBe(file.content);
  });

  it('plan does too', async () => {
    const work = tempDir('relayconf-plan-views-');
    cpSync(path.join(REPO, 'examples/direct-multi-domain'), work, { recursive: true });
    const run = await runCli(['plan', '--against', 'out'], { cwd: work });
    expect(run.code, run.stderr).toBe(0);
    expect(built).toEqual({ records: 1, postfix: 1 });
  });
});

// Host-only test of apply-steps.mjs: step extraction from APPLY.md and the step runner script, run with bash here (no VM).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { extractSteps, stepsScript } from './apply-steps.mjs';

const doc = [
  '# Applying x',
  '',
  '```sh step=copy',
  'rsync -rlpt out/ root@$HOST:/',
  '```',
  '',
  'text',
  '```sh',
  'not a step',
  '```',
  '```sh step=first-time',
  "echo \"it's $DKIM_PRIVATE_DIR\"",
  'true',
  '```',
  '````sh step=fail',
  'echo before',
  'false',
  'echo never',
  '````',
  '```sh step=after',
  'echo unreachable',
  '```',
  '',
].join('\n');

const dirs: string[] = [];
afterEach(() => { for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true }); });

describe('extractSteps', () => {
  it('finds the sh step=NAME blocks with their line numbers and verbatim code', () => {
    const steps = extractSteps(doc);
    expect(steps.map((s) => [s.name, s.line])).toEqual([['copy', 3], ['first-time', 11], ['fail', 15], ['after', 20]]);
    expect(steps[0].code).toBe('rsync -rlpt out/ root@$HOST:/\n');
    expect(steps[2].code).toBe('echo before\nfalse\necho never\n');
  });

  it('rejects an unclosed block and a repeated step name', () => {
    expect(() => extractSteps('```sh step=a\necho\n')).toThrow(/line 1: step a has no closing fence/);
    expect(() => extractSteps('```sh step=a\n```\n```sh step=a\n```\n')).toThrow(/line 3: step a appears twice/);
  });
});

describe('stepsScript', () => {
  it('runs steps in order with sh -e, records output, exit codes and transforms, and stops at the first failure', () => {
    const results = mkdtempSync(join(tmpdir(), 'steps-'));
    dirs.push(results);
    const script = stepsScript(extractSteps(doc), {
      env: { DKIM_PRIVATE_DIR: "/root/dkim keys'" },
      transform: { copy: (c) => c.replace(' root@$HOST:/', ' /') .replace('rsync -rlpt', 'echo rsync -rlpt') },
    });
    let status = 0;
    try {
      execFileSync('/bin/bash', ['-c', script], { env: { ...process.env, RESULTS: results }, stdio: 'pipe' });
    } catch (e) {
      status = (e as { status: number }).status;
    }
    expect(status).toBe(1);
    const read = (f: string) => readFileSync(join(results, 'steps', f), 'utf8');
    expect(read('copy.sh')).toBe('echo rsync -rlpt out/ /\n');
    expect(read('copy.original')).toBe('rsync -rlpt out/ root@$HOST:/\n');
    expect(read('copy.out')).toContain('rsync -rlpt out/ /');
    expect(read('first-time.out')).toContain("it's /root/dkim keys'");
    expect(existsSync(join(results, 'steps', 'first-time.original'))).toBe(false);
    expect(read('fail.rc').trim()).toBe('1');
    expect(read('fail.out')).toContain('before');
    expect(read('fail.out')).not.toContain('never');
    expect(existsSync(join(results, 'steps', 'after.rc'))).toBe(false);
  });

  it('refuses a transform for a step APPLY.md does not have', () => {
    expect(() => stepsScript(extractSteps(doc), { transform: { nope: (c) => c } })).toThrow(/unknown step nope/);
  });
});

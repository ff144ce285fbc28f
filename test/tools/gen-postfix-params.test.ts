// Tests src/tools/gen-postfix-params.mjs: the committed parameter list is what this machine's postconf says.
import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const hasPostconf = spawnSync('postconf', ['-d', 'mail_version'], { stdio: 'ignore' }).status === 0;
const script = new URL('../../src/tools/gen-postfix-params.mjs', import.meta.url).pathname;

describe.skipIf(!hasPostconf)('gen-postfix-params', () => {
  it('regenerates src/rules/data/postfix-parameters.ts byte for byte (--check)', () => {
    const run = spawnSync(process.execPath, [script, '--check'], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('derives service-defined suffixes by probing postconf', async () => {
    // @ts-expect-error: a plain .mjs tool without types
    const { collect } = await import('../../src/tools/gen-postfix-params.mjs');
    const { names, suffixes, version } = collect() as { names: string[]; suffixes: Record<string, string[]>; version: string };
    expect(version).toBe(execFileSync('postconf', ['-dh', 'mail_version'], { encoding: 'utf8' }).trim());
    expect(names).toEqual([...names].sort());
    expect(suffixes.smtp).toContain('destination_rate_delay');
    expect(suffixes.spawn).toEqual(['time_limit']);
    expect(names.some((n) => n.startsWith('zzprobe'))).toBe(false);
  });
});

// System test: the relay's unit in each hand-off mode (relay.handoff smtp, the default, and sendmail)
// passes `systemd-analyze verify` with no output and keeps `systemd-analyze security` exposure at 3.0 or
// lower. The modes differ in what the unit allows (postdrop group, Postfix directories, socket families),
// so each is judged on its own; outputs.system.test.ts covers every example in the default mode.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { systemdUnit } from '../../src/outputs/systemd.js';
import { modelFrom } from '../outputs/model.js';

const work = mkdtempSync(path.join(os.tmpdir(), 'relayconf-handoff-unit-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function tool(args: string[]) {
  const result = spawnSync('systemd-analyze', args, { encoding: 'utf8', timeout: 60_000 });
  if ((result.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') throw new Error('systemd-analyze is not installed: run .ci/install-system-deps.sh');
  if (result.error) throw result.error;
  return result;
}

/** The unit of `mode`, written where verify can read it (ExecStart pointed at this Node when /usr/bin/node is missing). */
function writeUnit(mode: 'smtp' | 'sendmail', broken = false): string {
  const unit = systemdUnit(modelFrom(`relay: { handoff: ${mode} }`));
  let content = broken ? unit.content.replace(/^RestrictAddressFamilies=.*$/m, 'RestrictAddressFamilies=AF_NOSUCH') : unit.content;
  if (!existsSync('/usr/bin/node')) content = content.replace(/^ExecStart=\/usr\/bin\/node /m, `ExecStart=${process.execPath} `);
  const dir = path.join(work, mode + (broken ? '-broken' : ''));
  const file = path.join(dir, path.basename(unit.path));
  spawnSync('mkdir', ['-p', dir]);
  writeFileSync(file, content);
  return file;
}

describe.each(['smtp', 'sendmail'] as const)('relay.handoff %s', (mode) => {
  it('systemd-analyze verify accepts the unit without a word', () => {
    const result = tool(['verify', writeUnit(mode)]);
    expect({ status: result.status, stdout: result.stdout, stderr: result.stderr }).toEqual({ status: 0, stdout: '', stderr: '' });
  });

  it('systemd-analyze security --offline=true keeps exposure at 3.0 or lower', () => {
    const result = tool(['security', '--offline=true', '--threshold=30', '--no-pager', writeUnit(mode)]);
    const score = Number(/Overall exposure level for \S+: (\d+\.\d)/.exec(result.stdout)?.[1]);
    expect(score).toBeLessThanOrEqual(3.0);
    expect(result.status).toBe(0);
  });

  it('control: verify does complain about a broken directive in the same unit', () => {
    const result = tool(['verify', writeUnit(mode, true)]);
    expect(result.stderr).toMatch(/acme-relay\.service:\d+: Failed to parse address family, ignoring: AF_NOSUCH/);
  });
});

// Starts and stops Postfix and OpenDKIM the way Debian 12's units do, for a machine without systemd as
// PID 1: opendkim.service (tmpfiles' /run/opendkim, then the forking /usr/sbin/opendkim reading
// /etc/opendkim.conf, PIDFile /run/opendkim/opendkim.pid) and postfix@-.service (postmulti -i - -p
// start|stop). Every PID goes into the HostChanges journal so a crashed run's daemons are stopped later.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { HostChanges } from './host-changes.js';
import { canConnect, isAlive, readPidFile, run, stopPid, waitFor } from './processes.js';

const OPENDKIM_CONF = '/etc/opendkim.conf';
const OPENDKIM_TMPFILES = '/usr/lib/tmpfiles.d/opendkim.conf';

/** Where OpenDKIM listens and writes its PID, read from the installed (generated) opendkim.conf. */
export function opendkimSettings(conf = readFileSync(OPENDKIM_CONF, 'utf8')): { host: string; port: number; pidFile: string } {
  const value = (key: string) => new RegExp(`^${key}\\s+(\\S+)\\s*$`, 'm').exec(conf)?.[1];
  const socket = /^inet6?:(\d+)@(\S+)$/.exec(value('Socket') ?? '');
  const pidFile = value('PidFile');
  if (!socket || !pidFile) throw new Error(`${OPENDKIM_CONF} has no inet Socket or no PidFile: the chain test needs both`);
  return { port: Number(socket[1]), host: socket[2].replace(/^\[|\]$/g, ''), pidFile };
}

export class OpenDkim {
  pid: number | null = null;

  constructor(private readonly changes: HostChanges) {}

  /** systemctl start opendkim.service. */
  async start(): Promise<void> {
    const { host, port, pidFile } = opendkimSettings();
    // A stopped OpenDKIM frees its port a few seconds after SIGTERM; starting before that fails.
    await waitFor(`${host}:${port} to be free`, async () => !(await canConnect(host, port)), 15_000, 200);
    this.changes.claimNew(pidFile);
    await run('systemd-tmpfiles', ['--create', OPENDKIM_TMPFILES]);
    await run('/usr/sbin/opendkim', []);
    const pid = await waitFor('OpenDKIM to write its PID file', () => {
      const p = readPidFile(pidFile);
      return p !== null && isAlive(p) ? p : undefined;
    }, 10_000);
    this.pid = pid;
    this.changes.daemon('opendkim', pid);
    await waitFor(`OpenDKIM to listen on ${host}:${port}`, () => canConnect(host, port), 10_000, 100);
  }

  /** systemctl stop opendkim.service (SIGTERM), or a crash (SIGKILL): either way its port is closed after. */
  async stop(signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM'): Promise<void> {
    if (this.pid === null) return;
    if (!(await stopPid(this.pid, signal, 15_000))) throw new Error(`OpenDKIM (pid ${this.pid}) did not exit`);
    this.changes.gone(this.pid);
    this.pid = null;
    const { host, port } = opendkimSettings();
    await waitFor(`${host}:${port} to close`, async () => !(await canConnect(host, port)), 15_000, 200);
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }
}

export class Postfix {
  pid: number | null = null;

  constructor(private readonly changes: HostChanges) {}

  /** queue_directory of the installed main.cf, or Postfix's default while there is none (before the copy step). */
  async queueDirectory(): Promise<string> {
    const args = existsSync('/etc/postfix/main.cf') ? ['-h', 'queue_directory'] : ['-dh', 'queue_directory'];
    return (await run('postconf', args)).stdout.trim();
  }

  private async masterPidFile(): Promise<string> {
    return path.join(await this.queueDirectory(), 'pid', 'master.pid');
  }

  /** Queue files on disk (postqueue needs a main.cf; this does not): maildrop, incoming, active, deferred, hold. */
  async queuedFiles(): Promise<string[]> {
    const root = await this.queueDirectory();
    const walk = (dir: string): string[] =>
      existsSync(dir) ? readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)])) : [];
    return ['maildrop', 'incoming', 'active', 'deferred', 'hold'].flatMap((q) => walk(path.join(root, q)));
  }

  /** The PID of a running Postfix master (this test's or anyone's), else null. */
  async runningMaster(): Promise<number | null> {
    const pid = readPidFile(await this.masterPidFile());
    return pid !== null && isAlive(pid) ? pid : null;
  }

  /** systemctl start postfix@-.service. */
  async start(): Promise<void> {
    await run('/usr/sbin/postmulti', ['-i', '-', '-p', 'start']);
    const file = await this.masterPidFile();
    const pid = await waitFor('the Postfix master to write its PID file', () => {
      const p = readPidFile(file);
      return p !== null && isAlive(p) ? p : undefined;
    }, 10_000);
    this.pid = pid;
    this.changes.daemon('postfix master', pid, ['/usr/sbin/postfix', 'stop']);
  }

  /** systemctl stop postfix@-.service: master and all its children exit. */
  async stop(): Promise<void> {
    if (this.pid === null) return;
    await run('/usr/sbin/postmulti', ['-i', '-', '-p', 'stop']);
    const pid = this.pid;
    await waitFor('the Postfix master to exit', () => !isAlive(pid), 15_000, 100);
    this.changes.gone(pid);
    this.pid = null;
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }
}

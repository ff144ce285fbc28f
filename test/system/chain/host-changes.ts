// Journals every change the chain test makes to this machine (paths it overwrites or creates, the system
// user it adds, the daemons it starts, mail it leaves in Postfix's queue) and undoes them in reverse: at the
// end of the run, and at the start of the next run when a crashed one left its journal on disk.
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isAlive, processCmdline, stopPid } from './processes.js';

interface Claim {
  path: string;
  /** The copy made before the first change (cp -a, owner and mode kept); null: the path did not exist. */
  backup: string | null;
}

interface Daemon {
  name: string;
  pid: number;
  /** /proc/PID/cmdline at start: a later run only signals a PID that still runs the same program. */
  cmdline: string;
  /** The daemon's own stop command, tried before signals (postfix stop). */
  stop?: string[];
}

interface Journal {
  claims: Claim[];
  users: string[];
  daemons: Daemon[];
  /** Postfix's queue directory, which was empty when the run began: whatever is in it at the end is the test's. */
  purgePostfixQueue: string | null;
}

const JOURNAL = 'journal.json';

export class HostChanges {
  private journal: Journal = { claims: [], users: [], daemons: [], purgePostfixQueue: null };
  private readonly backups: string;

  /** Undoes what an earlier, crashed run left (if anything), then starts an empty journal in ROOT. */
  static async begin(root: string): Promise<HostChanges> {
    const file = path.join(root, JOURNAL);
    if (existsSync(file)) {
      const earlier = new HostChanges(root);
      earlier.journal = JSON.parse(readFileSync(file, 'utf8')) as Journal;
      process.stderr.write(`chain test: undoing the changes of an earlier run that did not finish (${file})\n`);
      await earlier.undo();
    }
    rmSync(root, { recursive: true, force: true });
    // Off /tmp and root-only: OpenDKIM refuses keys below a world-writable directory (RequireSafeKeys).
    mkdirSync(root, { recursive: true, mode: 0o700 });
    const changes = new HostChanges(root);
    changes.save();
    return changes;
  }

  private constructor(readonly root: string) {
    this.backups = path.join(root, 'backup');
  }

  private save(): void {
    writeFileSync(path.join(this.root, JOURNAL), `${JSON.stringify(this.journal, null, 2)}\n`);
  }

  /** Call before changing PATH: keeps a copy of what is there (or notes that nothing is) for undo(). */
  claim(target: string): void {
    const abs = path.resolve(target);
    const covered = this.journal.claims.some((c) => abs === c.path || abs.startsWith(`${c.path}/`));
    if (covered) return;
    let backup: string | null = null;
    if (exists(abs)) {
      mkdirSync(this.backups, { recursive: true, mode: 0o700 });
      backup = path.join(this.backups, String(this.journal.claims.length));
      execFileSync('cp', ['-a', abs, backup]);
    }
    this.journal.claims.push({ path: abs, backup });
    this.save();
  }

  /** Claims the highest missing ancestor of FILE, or FILE itself when its directory exists. */
  claimNew(file: string): void {
    let top = path.resolve(file);
    while (!exists(path.dirname(top))) top = path.dirname(top);
    this.claim(top);
  }

  /** The system user the test is about to create (undo deletes it, with its group). */
  addUser(name: string): void {
    if (!this.journal.users.includes(name)) this.journal.users.push(name);
    this.save();
  }

  daemon(name: string, pid: number, stop?: string[]): void {
    this.journal.daemons = this.journal.daemons.filter((d) => d.pid !== pid);
    this.journal.daemons.push({ name, pid, cmdline: processCmdline(pid) ?? '', stop });
    this.save();
  }

  /** A daemon the test stopped itself. */
  gone(pid: number): void {
    this.journal.daemons = this.journal.daemons.filter((d) => d.pid !== pid);
    this.save();
  }

  purgePostfixQueueAtEnd(queueDirectory: string): void {
    this.journal.purgePostfixQueue = queueDirectory;
    this.save();
  }

  /** Stops the daemons, empties the Postfix queue, restores every claimed path, removes the users. */
  async undo(): Promise<void> {
    const problems: string[] = [];
    for (const daemon of [...this.journal.daemons].reverse()) {
      if (!isAlive(daemon.pid) || processCmdline(daemon.pid) !== daemon.cmdline) continue;
      if (daemon.stop) {
        try {
          execFileSync(daemon.stop[0], daemon.stop.slice(1), { stdio: 'pipe', timeout: 30_000 });
        } catch (error) {
          problems.push(`${daemon.stop.join(' ')}: ${(error as Error).message}`);
        }
      }
      if (!(await stopPid(daemon.pid, 'SIGTERM', 15_000))) problems.push(`${daemon.name} (pid ${daemon.pid}) did not stop`);
    }
    if (this.journal.purgePostfixQueue) {
      // Mail a failed test left queued is the test's own: the run began with an empty queue. Removed on
      // disk, with Postfix stopped: postsuper would log to the test's maillog_file, which it may not open.
      for (const queue of ['maildrop', 'incoming', 'active', 'deferred', 'hold', 'defer', 'bounce', 'trace']) {
        const dir = path.join(this.journal.purgePostfixQueue, queue);
        try {
          for (const file of execFileSync('find', [dir, '-type', 'f'], { encoding: 'utf8' }).split('\n').filter(Boolean)) rmSync(file, { force: true });
        } catch (error) {
          problems.push(`emptying ${dir}: ${(error as Error).message}`);
        }
      }
    }
    for (const claim of [...this.journal.claims].reverse()) {
      try {
        rmSync(claim.path, { recursive: true, force: true });
        if (claim.backup) execFileSync('cp', ['-a', claim.backup, claim.path]);
      } catch (error) {
        problems.push(`restoring ${claim.path}: ${(error as Error).message}`);
      }
    }
    for (const user of this.journal.users) {
      // Idempotent: an earlier undo may have got this far before it stopped.
      if (!userExists(user)) continue;
      try {
        execFileSync('userdel', [user], { stdio: 'pipe' });
      } catch (error) {
        problems.push(`userdel ${user}: ${(error as Error).message}`);
      }
    }
    if (problems.length > 0) throw new Error(`chain test: could not undo everything:\n${problems.join('\n')}\n(journal kept in ${this.root})`);
    rmSync(this.root, { recursive: true, force: true });
  }
}

function exists(file: string): boolean {
  try {
    lstatSync(file);
    return true;
  } catch {
    return false;
  }
}

function userExists(name: string): boolean {
  try {
    execFileSync('getent', ['passwd', name], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}

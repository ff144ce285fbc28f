// `relayconf build --out` against real file-system failures and real concurrent processes: a full
// tmpfs (ENOSPC), a read-only one (EROFS), a directory another user owns (EACCES), two builds at
// once, a build killed with SIGKILL. Each time: exit 2 naming the path, the previous tree intact,
// nothing left beside it. Mounting needs root; without it these tests are skipped, saying why.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, cpSync, existsSync, lutimesSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseManifest, sha256 } from '../../src/outputs/apply-notes.js';
import { processStart } from '../../src/outputs/tree-lock.js';
import { readTree } from '../../src/plan/tree.js';
import { REPO, expectedFiles, listExamples } from '../helpers/golden.js';
import { tempDir } from '../helpers/tmp.js';

const BIN = path.join(REPO, 'dist/cli/bin.cjs');
const NOBODY = 65534;

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/** Why a tmpfs cannot be mounted here (not root, no CAP_SYS_ADMIN), or null when it can. */
function mountProblem(): string | null {
  const probe = tempDir('relayconf-mount-probe-');
  const mount = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe], { encoding: 'utf8' });
  if (mount.status !== 0) return `mount -t tmpfs failed (${(mount.stderr || mount.error?.message || '').trim()}): run as root to test ENOSPC, EROFS and EACCES`;
  execFileSync('umount', [probe]);
  return null;
}
const MOUNT_PROBLEM = mountProblem();
const SETPRIV_PROBLEM = process.getuid?.() !== 0 ? 'not root, so setpriv cannot switch to nobody' : spawnSync('setpriv', ['--version']).status !== 0 ? 'setpriv (util-linux) is missing' : null;

const mounted: string[] = [];
afterEach(() => {
  for (const dir of mounted.splice(0).reverse()) execFileSync('umount', [dir]);
});

function mountTmpfs(dir: string, bytes: number): void {
  mkdirSync(dir, { recursive: true });
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${bytes}`, 'tmpfs', dir]);
  mounted.push(dir);
}

/** A working directory holding the minimal example (config and public key), readable by anyone. */
function workDir(): string {
  const work = tempDir('relayconf-writer-fs-');
  cpSync(path.join(REPO, 'examples/minimal'), work, { recursive: true });
  chmodSync(work, 0o755);
  return work;
}

function buildArgs(out: string, asNobody: boolean): [string, string[]] {
  const args = [BIN, 'build', 'relay.config.yaml', '--out', out];
  return asNobody ? ['setpriv', ['--reuid', String(NOBODY), '--regid', String(NOBODY), '--clear-groups', process.execPath, ...args]] : [process.execPath, args];
}

/** The real CLI in a child process. */
function build(work: string, out: string, options: { asNobody?: boolean } = {}): Run {
  const [cmd, args] = buildArgs(out, options.asNobody ?? false);
  const run = spawnSync(cmd, args, { cwd: work, encoding: 'utf8', env: { PATH: process.env.PATH } });
  return { code: run.status, signal: run.signal, stderr: run.stderr };
}

function startBuild(work: string, out: string) {
  const [cmd, args] = buildArgs(out, false);
  const child = spawn(cmd, args, { cwd: work, env: { PATH: process.env.PATH }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<Run>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stderr })));
  return { child, done, stderr: () => stderr };
}

/** path -> mode and sha256: what must not change when a build fails. */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries([...readTree(dir)].map(([file, entry]) => [file, `${entry.mode.toString(8)} ${sha256(entry.content.toString('utf8'))}`]));
}

/** The tree is whole: MANIFEST lists exactly its files, with their hashes. */
function expectCompleteTree(dir: string): void {
  const tree = readTree(dir);
  const manifest = parseManifest(tree.get('MANIFEST')!.content.toString('utf8'));
  expect([...manifest.keys()].sort()).toEqual([...tree.keys()].filter((f) => f !== 'MANIFEST').sort());
  for (const [file, entry] of manifest) expect(sha256(tree.get(file)!.content.toString('utf8')), file).toBe(entry.sha256);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Still running (not exited, not a zombie waiting to be reaped), read from /proc without the event loop. */
function running(pid: number): boolean {
  try {
    return !/\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

/** How many files the minimal tree has (the build's "wrote N files" line). */
async function treeFileCount(): Promise<number> {
  return (await expectedFiles(listExamples().find((e) => e.name === 'minimal')!)).files.length;
}

/** Bytes the minimal tree takes on a tmpfs: whole pages per file and per directory. */
async function treeBytes(): Promise<number> {
  const { files } = await expectedFiles(listExamples().find((e) => e.name === 'minimal')!);
  const page = 4096;
  const dirs = new Set(files.flatMap((f) => f.path.split('/').slice(0, -1).map((_, i, parts) => parts.slice(0, i + 1).join('/'))));
  return files.reduce((sum, f) => sum + Math.ceil(Buffer.byteLength(f.content) / page) * page, 0) + (dirs.size + 1) * page;
}

describe.skipIf(MOUNT_PROBLEM !== null)(`writing --out on a failing file system${MOUNT_PROBLEM ? ` (skipped: ${MOUNT_PROBLEM})` : ''}`, () => {
  it('ENOSPC while writing the new tree: exit 2 naming the path, the previous tree intact, no .new left', async () => {
    const work = workDir();
    const mnt = path.join(work, 'mnt');
    // Room for one tree and a half: the first build fits, the second cannot be written beside it.
    mountTmpfs(mnt, Math.ceil(((await treeBytes()) * 1.5) / 4096) * 4096);
    const first = build(work, 'mnt/out');
    expect(first.stderr).toBe(`relayconf build: wrote ${await treeFileCount()} files to mnt/out/ (apply with mnt/out/APPLY.md)\n`);
    const before = snapshot(path.join(mnt, 'out'));

    const second = build(work, 'mnt/out');
    expect(second.code).toBe(2);
    const out = path.join(mnt, 'out');
    expect(second.stderr).toMatch(
      new RegExp(`^relayconf build: cannot write ${escape(out)}: no space left on the device \\(ENOSPC\\) while writing (opt|etc|dns)/\\S+ of the new tree; ${escape(out)} is unchanged\\n$`),
    );
    expect(snapshot(out)).toEqual(before);
    expect(readdirSync(mnt)).toEqual(['out']);
  });

  it('ENOSPC on a 64 KiB tmpfs with no earlier tree: exit 2, nothing written, nothing left', async () => {
    const work = workDir();
    const mnt = path.join(work, 'mnt');
    mountTmpfs(mnt, 64 * 1024);
    const run = build(work, 'mnt/out');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`^relayconf build: cannot write ${escape(path.join(mnt, 'out'))}: no space left on the device \\(ENOSPC\\) while writing \\S+ of the new tree; nothing was written\\n$`));
    expect(readdirSync(mnt)).toEqual([]);
  });

  it('EROFS after a remount read-only: exit 2 naming the path, the tree intact', async () => {
    const work = workDir();
    const mnt = path.join(work, 'mnt');
    mountTmpfs(mnt, 4 * 1024 * 1024);
    expect(build(work, 'mnt/out').code).toBe(0);
    const before = snapshot(path.join(mnt, 'out'));
    execFileSync('mount', ['-o', 'remount,ro', mnt]);

    const out = path.join(mnt, 'out');
    const run = build(work, 'mnt/out');
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`relayconf build: cannot write ${out}: read-only file system (EROFS) at ${path.join(mnt, '.out.lock')}; ${out} is unchanged\n`);
    expect(snapshot(out)).toEqual(before);
    const fresh = build(work, 'mnt/other');
    expect(fresh.stderr).toBe(`relayconf build: cannot write ${path.join(mnt, 'other')}: read-only file system (EROFS) at ${path.join(mnt, '.other.lock')}; nothing was written\n`);
    expect(readdirSync(mnt)).toEqual(['out']);
  });
});

describe.skipIf(SETPRIV_PROBLEM !== null)(`writing --out as a user without the rights${SETPRIV_PROBLEM ? ` (skipped: ${SETPRIV_PROBLEM})` : ''}`, () => {
  it('EACCES beside DIR (a parent the user cannot write): exit 2, the tree intact, nothing left', () => {
    const work = workDir();
    expect(build(work, 'out').code).toBe(0);
    const before = snapshot(path.join(work, 'out'));
    const out = path.join(work, 'out');
    const run = build(work, 'out', { asNobody: true });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`relayconf build: cannot write ${out}: permission denied (EACCES) at ${path.join(work, '.out.lock')}; ${out} is unchanged\n`);
    expect(snapshot(out)).toEqual(before);
    expect(readdirSync(work).sort()).toEqual(['keys', 'out', 'relay.config.yaml']);
  });

  it('EACCES inside DIR (a tree root wrote, in a directory the user owns): refused before writing, nothing left', () => {
    const work = workDir();
    expect(build(work, 'out').code).toBe(0);
    chownSync(work, NOBODY, NOBODY);
    const before = snapshot(path.join(work, 'out'));
    const out = path.join(work, 'out');
    const run = build(work, 'out', { asNobody: true });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`relayconf build: cannot write ${out}: permission denied (EACCES) at ${out}; ${out} is unchanged\n`);
    expect(snapshot(out)).toEqual(before);
    expect(readdirSync(work).sort()).toEqual(['keys', 'out', 'relay.config.yaml']);
  });
});

describe('builds to the same --out at once (real processes)', () => {
  it('two builds started together both finish; the tree is whole and nothing is left beside it', async () => {
    const work = workDir();
    const [a, b] = await Promise.all([startBuild(work, 'out').done, startBuild(work, 'out').done]);
    expect([a.code, b.code]).toEqual([0, 0]);
    const count = await treeFileCount();
    for (const run of [a, b]) expect(run.stderr).toMatch(new RegExp(`relayconf build: wrote ${count} files to out/ \\(apply with out/APPLY\\.md\\)\\n$`));
    expectCompleteTree(path.join(work, 'out'));
    expect(readdirSync(work).sort()).toEqual(['keys', 'out', 'relay.config.yaml']);
  });

  it('a build waits while a live process holds the lock, and takes over when that process dies', async () => {
    const work = workDir();
    const holder = spawn('sleep', ['60']);
    const holderGone = new Promise((resolve) => holder.on('exit', resolve));
    writeFileSync(path.join(work, '.out.lock'), `${JSON.stringify({ pid: holder.pid, host: os.hostname(), start: processStart(holder.pid!) })}\n`);
    const waiting = startBuild(work, 'out');
    const message = `relayconf build: ${path.join(work, 'out')} is being written by another build (pid ${holder.pid} on ${os.hostname()}); waiting for it\n`;
    for (let i = 0; i < 300 && !waiting.stderr().includes(message); i++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(waiting.stderr()).toBe(message);
    expect(existsSync(path.join(work, 'out'))).toBe(false);
    holder.kill('SIGKILL');
    await holderGone; // reaped: a zombie would still count as running
    const run = await waiting.done;
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`relayconf build: note: took over ${path.join(work, '.out.lock')}, left by pid ${holder.pid} on ${os.hostname()}, which no longer runs\n`);
    expectCompleteTree(path.join(work, 'out'));
    expect(readdirSync(work).sort()).toEqual(['keys', 'out', 'relay.config.yaml']);
  });

  it.each([
    ['a FIFO', (lock: string) => execFileSync('mkfifo', [lock])],
    ['a symlink to /dev/zero', (lock: string) => symlinkSync('/dev/zero', lock)],
  ])('%s planted at the lock name is neither waited on nor read through; an old one is taken over', (_what, plant) => {
    const work = workDir();
    const lock = path.join(work, '.out.lock');
    plant(lock);
    const minuteAgo = new Date(Date.now() - 60_000);
    lutimesSync(lock, minuteAgo, minuteAgo);
    const [cmd, args] = buildArgs('out', false);
    // A hang would be the failure: the timeout ends it (signal SIGTERM) instead of the test run.
    const run = spawnSync(cmd, args, { cwd: work, encoding: 'utf8', env: { PATH: process.env.PATH }, timeout: 30_000 });
    expect({ code: run.status, signal: run.signal }).toEqual({ code: 0, signal: null });
    expect(run.stderr).toContain(`relayconf build: note: took over ${lock}, left by a process that left no pid, which no longer runs\n`);
    expectCompleteTree(path.join(work, 'out'));
    expect(readdirSync(work).sort()).toEqual(['keys', 'out', 'relay.config.yaml']);
  });

  it('after a build is killed with SIGKILL while it holds the lock, the next build cleans up and writes', async () => {
    const work = workDir();
    expect(build(work, 'out').code).toBe(0);
    const lock = path.join(work, '.out.lock');
    let killed = false;
    // The lock is held only while the tree is written and swapped: watch for it, then kill at once.
    for (let attempt = 0; attempt < 20 && !killed; attempt++) {
      const started = startBuild(work, 'out');
      const deadline = Date.now() + 20_000;
      while (!existsSync(lock) && running(started.child.pid!) && Date.now() < deadline);
      started.child.kill('SIGKILL');
      const run = await started.done;
      killed = run.signal === 'SIGKILL' && existsSync(lock);
      // Killed the moment the lock appears: it must already name its pid, or the next build waits it out as unreadable.
      if (killed) expect(JSON.parse(readFileSync(lock, 'utf8'))).toMatchObject({ pid: started.child.pid });
    }
    expect(killed, 'a build was killed while it held the lock').toBe(true);
    const left = readdirSync(work).filter((name) => name.startsWith('.out.'));
    expect(left).toContain('.out.lock');
    // Killed anywhere in the write or the swap: out/ is a whole tree, or it is aside as .out.old-*.
    if (existsSync(path.join(work, 'out'))) expectCompleteTree(path.join(work, 'out'));
    else expect(left.some((name) => name.startsWith('.out.old-'))).toBe(true);

    const next = build(work, 'out');
    expect(next.code).toBe(0);
    expect(next.stderr).toMatch(new RegExp(`^relayconf build: note: took over ${escape(lock)}, left by pid \\d+ on ${escape(os.hostname())}, which no longer runs\\n`));
    for (const name of left.filter((n) => n !== '.out.lock')) expect(next.stderr).toMatch(new RegExp(`note: (removed|restored .* from) ${escape(path.join(work, name))}`));
    expectCompleteTree(path.join(work, 'out'));
    expect(readdirSync(work).sort()).toEqual(['keys', 'out', 'relay.config.yaml']);
  });
});

// writeTree in-process: exact modes, the swap, refusing foreign directories, the lock, and the clean-up
// of what a stopped build leaves. Real file-system failures and real processes: writer-fs.test.ts.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { manifest } from '../../src/outputs/apply-notes.js';
import { processStart } from '../../src/outputs/tree-lock.js';
import type { OutputFile } from '../../src/outputs/types.js';
import { OutputDirError, writeTree } from '../../src/outputs/writer.js';
import { tempDir } from '../helpers/tmp.js';

/** A tree with a MANIFEST as a build writes it. */
function tree(files: OutputFile[]): OutputFile[] {
  return [...files, manifest(files)];
}

const FILES = tree([
  { path: 'etc/postfix/main.cf', mode: 0o644, content: 'a = b\n' },
  { path: 'etc/secret.env', mode: 0o600, content: 'x\n' },
  { path: 'opt/relay/server.js', mode: 0o755, content: 'js\n' },
]);
const NEXT = tree([{ path: 'etc/postfix/main.cf', mode: 0o644, content: 'a = c\n' }]);

let root: string;
let oldUmask: number;
beforeEach(() => {
  root = tempDir('relayconf-writer-');
  oldUmask = process.umask(0o077); // a strict umask must not leak into the tree
});
afterEach(() => {
  process.umask(oldUmask);
});

const mode = (p: string) => statSync(p).mode & 0o7777;
const read = (p: string) => readFileSync(path.join(root, p), 'utf8');
const write = (p: string, content: string) => {
  mkdirSync(path.dirname(path.join(root, p)), { recursive: true });
  writeFileSync(path.join(root, p), content);
};
const lockText = (pid: number, start: string | null = processStart(pid), host = os.hostname()) => `${JSON.stringify({ pid, host, start })}\n`;
/** The pid of a process that has exited. */
const deadPid = () => spawnSync('true').pid!;

describe('writeTree', () => {
  it('writes exact file modes and 0755 directories, the top one included, and leaves nothing beside it', async () => {
    expect(await writeTree('out', FILES, { cwd: root })).toEqual({ notes: [] });
    const out = path.join(root, 'out');
    expect(read('out/etc/postfix/main.cf')).toBe('a = b\n');
    expect(mode(path.join(out, 'etc/secret.env'))).toBe(0o600);
    expect(mode(path.join(out, 'opt/relay/server.js'))).toBe(0o755);
    for (const dir of ['', 'etc', 'etc/postfix', 'opt', 'opt/relay']) expect(mode(path.join(out, dir)), dir || 'out/').toBe(0o755);
    expect(readdirSync(root)).toEqual(['out']);
  });

  it('writes the same exact modes under the usual umasks, where no chmod follows the create, and the umask is left as it was', async () => {
    // 022, 002 and 000 cut no output mode (no chmod follows); 027 cuts the other-read of 0644 and 0755 (a chmod restores it).
    for (const umask of [0o022, 0o002, 0o027, 0o000]) {
      process.umask(umask);
      const target = `out-${umask.toString(8)}`;
      await writeTree(target, FILES, { cwd: root });
      const out = path.join(root, target);
      expect(process.umask(umask)).toBe(umask);
      expect(mode(path.join(out, 'etc/postfix/main.cf')), target).toBe(0o644);
      expect(mode(path.join(out, 'etc/secret.env')), target).toBe(0o600);
      expect(mode(path.join(out, 'opt/relay/server.js')), target).toBe(0o755);
      for (const dir of ['', 'etc', 'etc/postfix', 'opt', 'opt/relay']) expect(mode(path.join(out, dir)), `${target}/${dir}`).toBe(0o755);
    }
  });

  it('replaces an earlier build entirely: stale files go', async () => {
    await writeTree('out', FILES, { cwd: root });
    await writeTree('out', NEXT, { cwd: root });
    expect(existsSync(path.join(root, 'out/etc/secret.env'))).toBe(false);
    expect(read('out/etc/postfix/main.cf')).toBe('a = c\n');
    expect(readdirSync(root)).toEqual(['out']);
  });

  it('refuses a file, the working directory and its parents; takes an empty directory', async () => {
    write('afile', '');
    await expect(writeTree('afile', FILES, { cwd: root })).rejects.toThrow(/afile exists and is not a directory/);
    await expect(writeTree('.', FILES, { cwd: root })).rejects.toThrow(/working directory/);
    await expect(writeTree('..', FILES, { cwd: root })).rejects.toThrow(/working directory/);
    mkdirSync(path.join(root, 'empty'));
    await writeTree('empty', FILES, { cwd: root });
    expect(read('empty/etc/postfix/main.cf')).toBe('a = b\n');
  });

  it('leaves the old tree in place when writing the new one fails', async () => {
    await writeTree('out', FILES, { cwd: root });
    const broken = [...NEXT, { path: 'etc/postfix/main.cf', mode: 0o644, content: 'duplicate\n' }];
    // A duplicate path is relayconf's own bug: not dressed up as a directory problem.
    await expect(writeTree('out', broken, { cwd: root })).rejects.toThrow(/EEXIST/);
    expect(read('out/etc/postfix/main.cf')).toBe('a = b\n');
    expect(readdirSync(root)).toEqual(['out']);
  });
});

describe('a directory relayconf did not write is refused and left untouched', () => {
  const refuse = async (dir: string, reason: RegExp) => {
    const before = readdirSync(root).sort();
    const error = await writeTree(dir, FILES, { cwd: root }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutputDirError);
    expect((error as Error).message).toMatch(new RegExp(`^${path.join(root, dir)} is not empty and `));
    expect((error as Error).message).toMatch(reason);
    expect((error as Error).message).toMatch(/refusing to replace it\. Give --out a new or empty directory, or move those files out of /);
    // Nothing was made beside it either: no lock, no temporary tree.
    expect(readdirSync(root).sort()).toEqual(before);
  };

  it('with no MANIFEST', async () => {
    write('mine/notes.txt', 'keep me\n');
    await refuse('mine', /it holds no MANIFEST, so it is not an earlier build/);
    expect(read('mine/notes.txt')).toBe('keep me\n');
  });

  it("with another tool's MANIFEST (a file list)", async () => {
    write('dist/MANIFEST', 'lib/Foo.pm\nMakefile.PL\n');
    write('dist/lib/Foo.pm', '1;\n');
    await refuse('dist', /its MANIFEST was not written by relayconf/);
    expect(read('dist/lib/Foo.pm')).toBe('1;\n');
  });

  it('with an empty MANIFEST, or one with a line that is not a row', async () => {
    write('a/MANIFEST', '');
    await refuse('a', /its MANIFEST was not written by relayconf/);
    write('b/MANIFEST', `${manifest(FILES.slice(0, 1)).content}# notes\n`);
    write('b/etc/postfix/main.cf', 'a = b\n');
    await refuse('b', /its MANIFEST was not written by relayconf/);
  });

  it('with files its MANIFEST does not list (a key dropped into an earlier build)', async () => {
    await writeTree('out', FILES, { cwd: root });
    write('out/etc/opendkim/keys/example.com/mail.private', 'PRIVATE\n');
    write('out/notes.md', 'mine\n');
    await refuse('out', /it holds files its MANIFEST does not list, which a build would delete: etc\/opendkim\/keys\/example\.com\/mail\.private, notes\.md;/);
    expect(read('out/etc/opendkim/keys/example.com/mail.private')).toBe('PRIVATE\n');
    expect(read('out/etc/postfix/main.cf')).toBe('a = b\n');
  });

  it('but an earlier build with a hand-edited file is still replaced', async () => {
    await writeTree('out', FILES, { cwd: root });
    write('out/etc/postfix/main.cf', 'edited\n');
    await writeTree('out', FILES, { cwd: root });
    expect(read('out/etc/postfix/main.cf')).toBe('a = b\n');
  });
});

describe('one build at a time', () => {
  it('gives up after the wait when a live build holds the lock, and leaves its lock alone', async () => {
    await writeTree('out', FILES, { cwd: root });
    write('.out.lock', lockText(process.pid));
    const waits: string[] = [];
    const error = await writeTree('out', NEXT, { cwd: root, lockWaitMs: 300, onWait: (m) => waits.push(m) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutputDirError);
    const lock = path.join(root, '.out.lock');
    expect((error as Error).message).toBe(
      `${path.join(root, 'out')} is being written by another build (pid ${process.pid} on ${os.hostname()}, lock ${lock}); gave up after 0.3 s. If no relayconf build is running, remove ${lock}`,
    );
    expect(waits).toEqual([`${path.join(root, 'out')} is being written by another build (pid ${process.pid} on ${os.hostname()}); waiting for it`]);
    expect(read('.out.lock')).toBe(lockText(process.pid));
    expect(read('out/etc/postfix/main.cf')).toBe('a = b\n');
  });

  it('waits for the holder to finish, then writes', async () => {
    write('.out.lock', lockText(process.pid));
    const waits: string[] = [];
    const writing = writeTree('out', FILES, { cwd: root, lockWaitMs: 10_000, onWait: (m) => waits.push(m) });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(existsSync(path.join(root, 'out'))).toBe(false);
    expect(waits).toHaveLength(1);
    // The holder finishes.
    unlinkSync(path.join(root, '.out.lock'));
    await writing;
    expect(read('out/etc/postfix/main.cf')).toBe('a = b\n');
    expect(readdirSync(root)).toEqual(['out']);
  });

  it('two writes at once in one process: the second waits, both complete, nothing is left beside', async () => {
    const waits: string[] = [];
    const onWait = (m: string) => waits.push(m);
    await Promise.all([writeTree('out', FILES, { cwd: root, onWait }), writeTree('out', NEXT, { cwd: root, onWait })]);
    expect(waits).toHaveLength(1);
    expect(read('out/etc/postfix/main.cf')).toBe('a = c\n');
    expect(readdirSync(root)).toEqual(['out']);
  });

  it('takes over the lock of a process that no longer runs, and of a reused pid', async () => {
    const dead = deadPid();
    write('.out.lock', lockText(dead, '1'));
    const first = await writeTree('out', FILES, { cwd: root, lockWaitMs: 0 });
    expect(first.notes).toEqual([`took over ${path.join(root, '.out.lock')}, left by pid ${dead} on ${os.hostname()}, which no longer runs`]);
    // This very pid, but started at another time: the pid was reused, the holder is gone.
    write('.out.lock', lockText(process.pid, '1'));
    const second = await writeTree('out', NEXT, { cwd: root, lockWaitMs: 0 });
    expect(second.notes).toEqual([`took over ${path.join(root, '.out.lock')}, left by pid ${process.pid} on ${os.hostname()}, which no longer runs`]);
    expect(readdirSync(root)).toEqual(['out']);
  });

  it('never judges a lock from another host stale', async () => {
    write('.out.lock', lockText(deadPid(), null, 'elsewhere.example'));
    await expect(writeTree('out', FILES, { cwd: root, lockWaitMs: 0 })).rejects.toThrow(/being written by another build \(pid \d+ on elsewhere\.example, lock /);
  });
});

describe('what a stopped build leaves is cleaned by the next one', () => {
  it('a half-written new tree, an old tree and its lock (killed after the swap)', async () => {
    await writeTree('out', FILES, { cwd: root });
    write('.out.new-AbC123/etc/postfix/main.cf', 'half');
    write('.out.old-xyz789/etc/postfix/main.cf', 'older');
    write('.out.lock', lockText(deadPid()));
    write('.out.lock-stale-123-0123abcd', lockText(1));
    // Not ours by name: left alone.
    write('.out.new-notours/x', 'x');
    write('.other.new-AbC123/x', 'x');
    const { notes } = await writeTree('out', NEXT, { cwd: root });
    expect(notes.slice(1)).toEqual(
      ['.out.new-AbC123', '.out.old-xyz789', '.out.lock-stale-123-0123abcd'].map((name) => `removed ${path.join(root, name)}, left by a build that was stopped`),
    );
    expect(notes[0]).toMatch(/^took over .*\.out\.lock, left by pid \d+/);
    expect(readdirSync(root).sort()).toEqual(['.other.new-AbC123', '.out.new-notours', 'out']);
    expect(read('out/etc/postfix/main.cf')).toBe('a = c\n');
  });

  it('killed between its two renames: the previous tree is put back first, and kept if this build fails', async () => {
    await writeTree('old-place', FILES, { cwd: root });
    // The state such a build leaves: no out/, the previous tree aside, the complete new one beside.
    renameSync(path.join(root, 'old-place'), path.join(root, '.out.old-Q1w2E3'));
    write('.out.new-R4t5Y6/etc/postfix/main.cf', 'a = c\n');
    const broken = [...NEXT, { path: 'etc/postfix/main.cf', mode: 0o644, content: 'duplicate\n' }];
    await expect(writeTree('out', broken, { cwd: root })).rejects.toThrow(/EEXIST/);
    expect(read('out/etc/postfix/main.cf')).toBe('a = b\n');
    expect(readdirSync(root)).toEqual(['out']);
  });

  it('killed between its two renames, then a good build: restored, then replaced', async () => {
    await writeTree('old-place', FILES, { cwd: root });
    renameSync(path.join(root, 'old-place'), path.join(root, '.out.old-Q1w2E3'));
    const { notes } = await writeTree('out', NEXT, { cwd: root });
    expect(notes).toEqual([`restored ${path.join(root, 'out')} from ${path.join(root, '.out.old-Q1w2E3')}, left by a build that was stopped while swapping trees`]);
    expect(read('out/etc/postfix/main.cf')).toBe('a = c\n');
    expect(readdirSync(root)).toEqual(['out']);
  });
});

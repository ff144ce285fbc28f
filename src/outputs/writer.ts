// The one module that writes an output tree to disk: into a temporary directory beside the target,
// then swapped in by rename, under a lock, so the target is never half-written, never another
// build's, and never a directory relayconf did not write.
import { accessSync, chmodSync, constants, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, rmdirSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseManifest } from './apply-notes.js';
import { LockBusyError, acquireLock, type HeldLock, type LockHolder } from './tree-lock.js';
import type { OutputFile } from './types.js';
import { FILE_SYSTEM_ERRORS } from '../util/file-system-errors.js';

/** Every directory of the tree, the top one included: `rsync -p` copies these modes onto `/`, `/etc`, ... */
export const DIR_MODE = 0o755;

/** How long a build waits for another build writing the same directory. */
export const LOCK_WAIT_MS = 60_000;

/** A refusal or a failure of the place the tree goes (not of relayconf): the CLI exits 2 with the message. */
export class OutputDirError extends Error {}

/**
 * The process's umask, or null where it cannot be read (a worker thread may not set it, and reading
 * means setting it). Set to 0o077 for the moment between the two calls: nothing is created then.
 */
function currentUmask(): number | null {
  try {
    const mask = process.umask(0o077);
    process.umask(mask);
    return mask;
  } catch {
    return null;
  }
}

/** Writes `files` under `dir` (which must exist), with exact modes whatever the umask. */
export function writeFiles(dir: string, files: OutputFile[]): void {
  chmodSync(dir, DIR_MODE);
  // mkdir and open apply the umask to the mode they are given: a chmod after each is needed only
  // for modes the umask cuts (0644 under the usual 022 is not), so a thousand files are not 2,000 syscalls.
  const umask = currentUmask();
  const cut = (mode: number) => umask === null || (mode & umask) !== 0;
  const made = new Set<string>();
  for (const file of files) {
    const target = path.join(dir, ...file.path.split('/'));
    const parent = path.dirname(target);
    if (!made.has(parent)) {
      // mkdir's mode is cut by the umask; chmod each level so rsync -p never tightens a server directory.
      const relative = path.relative(dir, parent);
      let current = dir;
      for (const part of relative ? relative.split(path.sep) : []) {
        current = path.join(current, part);
        if (!made.has(current)) {
          mkdirSync(current, { recursive: false, mode: DIR_MODE });
          if (cut(DIR_MODE)) chmodSync(current, DIR_MODE);
          made.add(current);
        }
      }
      made.add(parent);
    }
    try {
      writeFileSync(target, file.content, { mode: file.mode, flag: 'wx' });
    } catch (error) {
      // write(2) errors (ENOSPC, EDQUOT) carry no path; the message must say which file it was.
      (error as NodeJS.ErrnoException).path ??= target;
      throw error;
    }
    if (cut(file.mode)) chmodSync(target, file.mode);
  }
}

/**
 * `error` as an OutputDirError naming the target, the failing path (as a path of the tree when it
 * was inside the temporary `fresh` one, which is gone by then) and what became of the target; else `error`.
 */
function placeError(error: unknown, target: string, outcome: string, fresh: string | null = null): unknown {
  const { code, path: at } = error as NodeJS.ErrnoException;
  if (!code || !(code in FILE_SYSTEM_ERRORS)) return error;
  const inTree = fresh && at?.startsWith(`${fresh}${path.sep}`) ? path.relative(fresh, at).split(path.sep).join('/') : null;
  const where = inTree ? ` while writing ${inTree} of the new tree` : at ? ` at ${at}` : '';
  return new OutputDirError(`cannot write ${target}: ${FILE_SYSTEM_ERRORS[code]} (${code})${where}; ${outcome}`);
}

/** The siblings one build makes beside `target`: `.<name>.new-XXXXXX`, `.<name>.old-XXXXXX`, `.<name>.lock`. */
function siblings(target: string) {
  const parent = path.dirname(target);
  const base = path.basename(target);
  return {
    parent,
    lock: path.join(parent, `.${base}.lock`),
    newPrefix: path.join(parent, `.${base}.new-`),
    oldPrefix: path.join(parent, `.${base}.old-`),
    /** Left by a build that was killed: its temporary trees, a stale lock moved aside, a lock not yet linked. */
    leftovers(kind: 'new' | 'old' | 'lock-stale'): string[] {
      const pattern = kind === 'lock-stale' ? /^-(stale|new)-\d+-[0-9a-f]{8}$/ : /^[A-Za-z0-9]{6}$/;
      const prefix = kind === 'lock-stale' ? `.${base}.lock` : `.${base}.${kind}-`;
      return readdirSync(parent)
        .filter((name) => name.startsWith(prefix) && pattern.test(name.slice(prefix.length)))
        .map((name) => path.join(parent, name))
        .sort();
    },
  };
}

const UNLISTED_SHOWN = 5;

/** Up to `limit` files (anything but a directory) under `dir` that `listed` does not name, as relative paths. */
function unlistedFiles(dir: string, listed: Set<string>, limit: number): string[] {
  const found: string[] = [];
  const walk = (current: string, prefix: string) => {
    // The entry types come with the listing (d_type): no lstat per file of a thousand-file tree.
    for (const entry of readdirSync(current, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (found.length >= limit) return;
      const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(path.join(current, entry.name), rel);
      else if (!listed.has(rel)) found.push(rel);
    }
  };
  walk(dir, '');
  return found;
}

/**
 * Why `target` (an existing directory) is not a tree relayconf wrote, or null when it is one: its
 * MANIFEST has only `mode sha256 path` rows and lists every file in it, so replacing it drops no
 * file relayconf did not write (a hand-edited output is still ours to rewrite).
 */
function foreignReason(target: string): string | null {
  const manifestPath = path.join(target, 'MANIFEST');
  if (!existsSync(manifestPath)) return 'it holds no MANIFEST, so it is not an earlier build';
  if (!lstatSync(manifestPath).isFile()) return 'its MANIFEST is not a file';
  const text = readFileSync(manifestPath, 'utf8');
  const rows = text.split('\n').filter((line) => line !== '');
  const entries = parseManifest(text);
  if (rows.length === 0 || entries.size !== rows.length) return 'its MANIFEST was not written by relayconf (every line of one is `mode sha256 path`)';
  const unlisted = unlistedFiles(target, new Set([...entries.keys(), 'MANIFEST']), UNLISTED_SHOWN + 1);
  if (unlisted.length === 0) return null;
  const shown = unlisted.slice(0, UNLISTED_SHOWN).join(', ') + (unlisted.length > UNLISTED_SHOWN ? ', ...' : '');
  return `it holds files its MANIFEST does not list, which a build would delete: ${shown}`;
}

/** Refuses a place that is not a directory of its own: a file, the working directory or one of its parents. */
function checkPlace(target: string, cwd: string): void {
  const relToCwd = path.relative(target, cwd);
  if (relToCwd === '' || (!relToCwd.startsWith('..') && !path.isAbsolute(relToCwd))) {
    throw new OutputDirError(`${target} is the working directory or one of its parents; pick a directory of its own (e.g. out/)`);
  }
  if (existsSync(target) && !lstatSync(target).isDirectory()) throw new OutputDirError(`${target} exists and is not a directory`);
}

/** Refuses a non-empty directory that is not a relayconf tree (`--out .` or `--out /etc` must never be wiped). */
export function checkTarget(target: string, cwd: string): void {
  checkPlace(target, cwd);
  if (!existsSync(target) || readdirSync(target).length === 0) return;
  const reason = foreignReason(target);
  if (reason) {
    throw new OutputDirError(
      `${target} is not empty and ${reason}; refusing to replace it. Give --out a new or empty directory, or move those files out of ${target}`,
    );
  }
}

/**
 * A build killed between its two renames leaves the target missing and the previous tree aside:
 * put it back, so the target is as it was before that build began.
 */
function restoreInterrupted(target: string, notes: string[]): void {
  if (existsSync(target)) return;
  const olds = siblings(target).leftovers('old');
  if (olds.length === 0) return;
  if (olds.length > 1) throw new OutputDirError(`${target} is missing and several earlier trees lie beside it (${olds.join(', ')}); move the right one to ${target}`);
  renameSync(olds[0], target);
  notes.push(`restored ${target} from ${olds[0]}, left by a build that was stopped while swapping trees`);
}

/**
 * Replacing a tree means deleting the old one: every directory in it must be writable by this user
 * (say, a tree an earlier `sudo relayconf build` wrote). Checked before anything is written, so such
 * a tree is refused whole instead of leaving its remains beside the new one.
 */
function checkRemovable(dir: string): void {
  if (!existsSync(dir)) return;
  accessSync(dir, constants.W_OK | constants.X_OK);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) checkRemovable(path.join(dir, entry.name));
  }
}

function removeLeftovers(target: string, notes: string[]): void {
  const s = siblings(target);
  for (const leftover of [...s.leftovers('new'), ...s.leftovers('old'), ...s.leftovers('lock-stale')]) {
    rmSync(leftover, { recursive: true, force: true });
    notes.push(`removed ${leftover}, left by a build that was stopped`);
  }
}

const seconds = (ms: number) => `${Number((ms / 1000).toFixed(1))} s`;

function describeHolder(holder: LockHolder | null): string {
  return holder ? `pid ${holder.pid} on ${holder.host}` : 'a process that left no pid';
}

export interface WriteOptions {
  /** Relative `target`s resolve against it; it and its parents are refused as targets. */
  cwd?: string;
  lockWaitMs?: number;
  /** Progress worth telling: waiting for another build. */
  onWait?: (message: string) => void;
}

export interface WriteResult {
  /** What was cleaned up or could not be (stale locks, trees left by stopped builds). */
  notes: string[];
}

/**
 * Writes the whole tree beside `target` and swaps it in: rename the old tree aside, rename the new
 * one in, then delete the old one. Holds `.<name>.lock` beside the target throughout, so a second
 * build waits, and cleans what a killed build left. Any failure before the swap leaves `target` as it was.
 */
export async function writeTree(target: string, files: OutputFile[], options: WriteOptions = {}): Promise<WriteResult> {
  const cwd = options.cwd ?? process.cwd();
  const absolute = path.resolve(cwd, target);
  // Checked before the lock too, so refusing a foreign directory creates nothing beside it.
  checkTarget(absolute, cwd);
  const s = siblings(absolute);
  const notes: string[] = [];
  const unchanged = () => (existsSync(absolute) ? `${absolute} is unchanged` : 'nothing was written');

  try {
    mkdirSync(s.parent, { recursive: true });
  } catch (error) {
    throw placeError(error, absolute, 'nothing was written');
  }
  let lock: HeldLock;
  try {
    lock = await acquireLock(s.lock, {
      waitMs: options.lockWaitMs ?? LOCK_WAIT_MS,
      onWait: (holder) => options.onWait?.(`${absolute} is being written by another build (${describeHolder(holder)}); waiting for it`),
      onStale: (holder) => notes.push(`took over ${s.lock}, left by ${describeHolder(holder)}, which no longer runs`),
    });
  } catch (error) {
    if (error instanceof LockBusyError) {
      throw new OutputDirError(
        `${absolute} is being written by another build (${describeHolder(error.holder)}, lock ${s.lock}); gave up after ${seconds(options.lockWaitMs ?? LOCK_WAIT_MS)}. If no relayconf build is running, remove ${s.lock}`,
      );
    }
    throw placeError(error, absolute, unchanged());
  }

  try {
    try {
      restoreInterrupted(absolute, notes);
      checkTarget(absolute, cwd);
      removeLeftovers(absolute, notes);
      checkRemovable(absolute);
    } catch (error) {
      throw placeError(error, absolute, unchanged());
    }
    swapIn(absolute, files, s, () => lock.stillHeld(), notes);
  } finally {
    lock.release();
  }
  return { notes };
}

/**
 * Removes the previous tree once the new one is in place. The entry types come with the listing, so
 * a thousand-file tree costs an unlink per file, not also the lstat per file of rmSync.
 */
function removeTree(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) removeTree(full);
    else unlinkSync(full);
  }
  rmdirSync(dir);
}

function swapIn(absolute: string, files: OutputFile[], s: ReturnType<typeof siblings>, stillHeld: () => boolean, notes: string[]): void {
  let fresh: string | null = null;
  try {
    fresh = mkdtempSync(s.newPrefix);
    writeFiles(fresh, files);
  } catch (error) {
    if (fresh) rmSync(fresh, { recursive: true, force: true });
    throw placeError(error, absolute, existsSync(absolute) ? `${absolute} is unchanged` : 'nothing was written', fresh);
  }
  if (!stillHeld()) {
    rmSync(fresh, { recursive: true, force: true });
    throw new OutputDirError(`${s.lock} was taken over by another build while this one wrote; ${absolute} is unchanged, build again`);
  }
  let old: string | null = null;
  try {
    if (existsSync(absolute)) {
      old = mkdtempSync(s.oldPrefix);
      // rename onto an empty directory replaces it atomically.
      renameSync(absolute, old);
    }
  } catch (error) {
    if (old) rmSync(old, { recursive: true, force: true });
    rmSync(fresh, { recursive: true, force: true });
    throw placeError(error, absolute, `${absolute} is unchanged`);
  }
  try {
    renameSync(fresh, absolute);
  } catch (error) {
    let outcome = 'nothing was written';
    if (old) {
      try {
        renameSync(old, absolute);
        outcome = `${absolute} is unchanged`;
      } catch {
        outcome = `the previous tree is at ${old} (the next build puts it back)`;
      }
    }
    rmSync(fresh, { recursive: true, force: true });
    throw placeError(error, absolute, outcome);
  }
  if (old) {
    try {
      removeTree(old);
    } catch (error) {
      notes.push(`could not remove the previous tree at ${old} (${(error as NodeJS.ErrnoException).code}); the next build removes it`);
    }
  }
}

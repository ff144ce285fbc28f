// The one module that writes an output tree to disk: into a temporary directory beside the target,
// then swapped in by rename, so the target is never half-written.
import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { OutputFile } from './types.js';

/** Every directory of the tree, the top one included: `rsync -p` copies these modes onto `/`, `/etc`, ... */
export const DIR_MODE = 0o755;

export class OutputDirError extends Error {}

/** Writes `files` under `dir` (which must exist), with exact modes whatever the umask. */
export function writeFiles(dir: string, files: OutputFile[]): void {
  chmodSync(dir, DIR_MODE);
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
          chmodSync(current, DIR_MODE);
          made.add(current);
        }
      }
      made.add(parent);
    }
    writeFileSync(target, file.content, { mode: file.mode, flag: 'wx' });
    chmodSync(target, file.mode);
  }
}

function isEmptyDir(dir: string): boolean {
  return readdirSync(dir).length === 0;
}

/**
 * Refuses a target that is not ours to replace: a file, the working directory or one of its
 * parents, or a non-empty directory without the MANIFEST every build writes (`--out .` or
 * `--out /etc` must never be wiped).
 */
export function checkTarget(target: string, cwd: string): void {
  const relToCwd = path.relative(target, cwd);
  if (relToCwd === '' || (!relToCwd.startsWith('..') && !path.isAbsolute(relToCwd))) {
    throw new OutputDirError(`${target} is the working directory or one of its parents; pick a directory of its own (e.g. out/)`);
  }
  if (!existsSync(target)) return;
  const stat = lstatSync(target);
  if (!stat.isDirectory()) throw new OutputDirError(`${target} exists and is not a directory`);
  if (!isEmptyDir(target) && !existsSync(path.join(target, 'MANIFEST'))) {
    throw new OutputDirError(`${target} is not empty and holds no MANIFEST, so it is not an earlier build; refusing to replace it`);
  }
}

/**
 * Writes the whole tree beside `target` and swaps it in: rename the old tree aside, rename the new
 * one in, then delete the old one. A failure before the swap leaves `target` as it was.
 */
export function writeTree(target: string, files: OutputFile[], cwd: string = process.cwd()): void {
  const absolute = path.resolve(cwd, target);
  checkTarget(absolute, cwd);
  const parent = path.dirname(absolute);
  const base = path.basename(absolute);
  mkdirSync(parent, { recursive: true });
  const fresh = mkdtempSync(path.join(parent, `.${base}.new-`));
  try {
    writeFiles(fresh, files);
  } catch (error) {
    rmSync(fresh, { recursive: true, force: true });
    throw error;
  }
  let old: string | null = null;
  if (existsSync(absolute)) {
    old = mkdtempSync(path.join(parent, `.${base}.old-`));
    // rename onto an empty directory replaces it atomically.
    try {
      renameSync(absolute, old);
    } catch (error) {
      rmSync(old, { recursive: true, force: true });
      rmSync(fresh, { recursive: true, force: true });
      throw error;
    }
  }
  try {
    renameSync(fresh, absolute);
  } catch (error) {
    if (old) renameSync(old, absolute);
    rmSync(fresh, { recursive: true, force: true });
    throw error;
  }
  if (old) rmSync(old, { recursive: true, force: true });
}

// Reads a directory tree (the committed output, or one pulled back from a server) as path -> bytes + mode.
import { lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import path from 'node:path';

export interface TreeEntry {
  mode: number;
  content: Buffer;
}

/** Every regular file (and symlink, as its target text) under `root`, keyed by relative POSIX path. */
export function readTree(root: string): Map<string, TreeEntry> {
  const entries = new Map<string, TreeEntry>();
  const walk = (dir: string, prefix: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      const rel = prefix ? `${prefix}/${name}` : name;
      const stat = lstatSync(full);
      if (stat.isDirectory()) walk(full, rel);
      else if (stat.isSymbolicLink()) entries.set(rel, { mode: 0o777, content: Buffer.from(`symlink -> ${readlinkSync(full)}`) });
      else if (stat.isFile()) entries.set(rel, { mode: stat.mode & 0o7777, content: readFileSync(full) });
    }
  };
  walk(root, '');
  return entries;
}

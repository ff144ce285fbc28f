// Where the server keeps the built trees (/var/lib/relayconf/<name>/{incoming,current,previous}) and the commands that copy, install and roll back through them.
// The admin's machine copies the whole tree into incoming/; the server checks it against its
// MANIFEST, keeps the tree it ran until now as previous/, and installs current/ into /. Rolling
// back is the same install run on previous/. The trees hold no secret (see README "The output tree").
import type { RelayModel } from '../../config/model.js';
import { op, variable, word, type ShellCommand } from '../encode/shell.js';

/** The per-relay directory under /var/lib (FHS: state kept between runs), root-only. */
export const STORE_ROOT = '/var/lib/relayconf';

export interface TreeStore {
  dir: string;
  /** What the admin's rsync writes. */
  incoming: string;
  /** The tree installed now (what the server runs). */
  current: string;
  /** The tree installed before current: what a rollback restores. */
  previous: string;
  /** A copy of incoming/ being made, renamed to current/ only once complete. */
  next: string;
}

export function treeStore(model: RelayModel): TreeStore {
  const dir = `${STORE_ROOT}/${model.name}`;
  return { dir, incoming: `${dir}/incoming`, current: `${dir}/current`, previous: `${dir}/previous`, next: `${dir}/next` };
}

/** The files of a tree that are not installed into /: they stay in the store (and with the admin). */
export const NOT_INSTALLED = ['/dns/', '/MANIFEST', '/APPLY.md'] as const;

/** Made before the first copy: rsync creates only the last directory of its target. */
export function storeDirectories(store: TreeStore): ShellCommand {
  return ['install', '-d', '-o', 'root', '-g', 'root', '-m', '0700', STORE_ROOT, store.dir];
}

/**
 * The admin's copy: the whole tree, MANIFEST and dns/ included, so the server keeps exactly what it
 * runs. --delete acts inside incoming/ only (a file an older build wrote must not survive there).
 */
export function copyToServer(store: TreeStore): ShellCommand {
  return ['rsync', '-rlpt', '--checksum', '--delete', 'out/', word('root@', variable('HOST'), `:${store.incoming}/`)];
}

/** MANIFEST's rows as sha256sum -c input: the tree arrived whole and unchanged. */
function verifyTree(dir: string): ShellCommand {
  return [op('('), 'cd', dir, op('&&'), 'awk', '{ print $2 "  " $3 }', 'MANIFEST', op('|'), 'sha256sum', '-c', '--quiet', op(')')];
}

/**
 * current/ becomes previous/ and incoming/ the new current/, only when incoming/ holds another tree
 * (a rerun keeps previous/). The copy is made beside current/ and renamed, so an interrupted copy
 * never passes for a tree. Before the first install there is no current/: an empty one is made,
 * and previous/ starts empty (nothing to roll back to).
 */
function rotate(store: TreeStore): ShellCommand {
  return [
    'cmp', '-s', `${store.incoming}/MANIFEST`, `${store.current}/MANIFEST`, op('||'),
    op('('), 'rm', '-rf', store.next, store.previous, op('&&'), 'cp', '-a', store.incoming, store.next,
    op('&&'), 'mkdir', '-p', store.current, op('&&'), 'mv', store.current, store.previous,
    op('&&'), 'mv', store.next, store.current, op(')'),
  ];
}

/**
 * current/ into /. -p copies modes; every directory is 0755 as built (--chmod=D0755 holds that even
 * if a copy of the tree lost it), so `/` and `/etc` keep theirs. No --delete: nothing else on the
 * server is touched. --checksum rewrites only files that really differ.
 */
export function installIntoRoot(store: TreeStore): ShellCommand {
  return ['rsync', '-rlpt', '--checksum', '--chmod=D0755', ...NOT_INSTALLED.map((p) => `--exclude=${p}`), `${store.current}/`, '/'];
}

export function installCommands(store: TreeStore): ShellCommand[] {
  return [verifyTree(store.incoming), rotate(store), installIntoRoot(store)];
}

/**
 * A rollback starts here: previous/ becomes what the install step takes. One && line, so that pasted
 * into a shell it stops at an empty previous/ (before the first install there is nothing to go back to).
 */
export function rollbackStart(store: TreeStore): ShellCommand {
  return ['test', '-s', `${store.previous}/MANIFEST`, op('&&'), 'rm', '-rf', store.incoming, op('&&'), 'cp', '-a', store.previous, store.incoming];
}

/**
 * After a rollback's restarts: the files only the rolled-back tree had (now in previous/) are
 * removed from the server. MANIFEST paths are plain relative paths (compile refuses anything else:
 * no blanks, quotes or backslashes), so xargs passes them through unchanged.
 */
export function removeFilesOnlyPreviousHad(store: TreeStore): ShellCommand {
  const program = 'NR == FNR { keep[$3] = 1; next } !($3 in keep) && $3 !~ /^dns\\// && $3 != "APPLY.md" { print "/" $3 }';
  return ['awk', program, `${store.current}/MANIFEST`, `${store.previous}/MANIFEST`, op('|'), 'xargs', '-r', 'rm', '-f', '--'];
}

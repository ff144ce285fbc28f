// Writes the payload disk a VM run boots with (files, trees, script) and reads its results back with debugfs (test/vm).
// Layout (the guest side is test/vm/image/guest/payload-run):
//   _harness/manifest.tsv, _harness/script.sh, _harness/timeout, root/<guest paths>, results/
import { execFile } from 'node:child_process';
import { cp, mkdir, readdir, readFile, rm, stat, writeFile, chmod } from 'node:fs/promises';
import { join, normalize, relative } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * @typedef {{ content: string | Buffer, mode?: number } | { hostPath: string, mode?: number }} VmFile
 * @typedef {{
 *   files?: Record<string, VmFile>,
 *   trees?: Record<string, string>,
 *   script: string,
 *   scriptTimeoutSec: number,
 * }} PayloadSpec
 */

/** Rejects guest paths that are relative or climb out with '..': they would land outside root/. */
export function checkGuestPath(/** @type {string} */ p) {
  if (!p.startsWith('/') || normalize(p) !== p || p.includes('\t') || p.includes('\n') || p === '/') {
    throw new Error(`guest path must be absolute and normalized (no '..', tabs, newlines): ${JSON.stringify(p)}`);
  }
  return p;
}

/** Bytes used by a directory tree (apparent size), to size the ext4 image. */
async function treeBytes(/** @type {string} */ dir) {
  let total = 0;
  for (const ent of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (ent.isFile()) total += (await stat(join(ent.parentPath ?? ent.path, ent.name))).size + 4096;
    else total += 4096;
  }
  return total;
}

/**
 * Builds payload.img in runDir from the spec. Returns its path.
 * @param {string} runDir
 * @param {PayloadSpec} spec
 */
export async function makePayload(runDir, spec) {
  const stage = join(runDir, 'stage');
  await rm(stage, { recursive: true, force: true });
  await mkdir(join(stage, '_harness'), { recursive: true });
  await mkdir(join(stage, 'results'), { recursive: true });
  await mkdir(join(stage, 'root'), { recursive: true });
  /** @type {string[]} */
  const manifest = [];
  for (const [guestPath, f] of Object.entries(spec.files ?? {})) {
    checkGuestPath(guestPath);
    const dest = join(stage, 'root', guestPath);
    await mkdir(join(dest, '..'), { recursive: true });
    const data = 'content' in f ? f.content : await readFile(f.hostPath);
    await writeFile(dest, data);
    const mode = f.mode ?? ('hostPath' in f ? (await stat(f.hostPath)).mode & 0o7777 : 0o644);
    await chmod(dest, mode);
    manifest.push(`f\t${mode.toString(8).padStart(4, '0')}\t${guestPath}`);
  }
  for (const [guestDir, hostDir] of Object.entries(spec.trees ?? {})) {
    checkGuestPath(guestDir);
    // cp preserves modes (and owners, as root) the way the documented `rsync -a` would see them
    await cp(hostDir, join(stage, 'root', guestDir), { recursive: true, preserveTimestamps: true, verbatimSymlinks: true });
    manifest.push(`t\t-\t${guestDir}`);
  }
  await writeFile(join(stage, '_harness', 'manifest.tsv'), manifest.map((l) => `${l}\n`).join(''));
  await writeFile(join(stage, '_harness', 'script.sh'), spec.script, { mode: 0o755 });
  await writeFile(join(stage, '_harness', 'timeout'), `${Math.max(10, Math.floor(spec.scriptTimeoutSec))}\n`);

  // Room for what the guest writes back (journal, results): at least 256 MiB, sparse on disk.
  const mib = Math.max(256, Math.ceil(((await treeBytes(stage)) * 1.5) / 1048576) + 256);
  const img = join(runDir, 'payload.img');
  await rm(img, { force: true });
  await run('mkfs.ext4', ['-q', '-F', '-L', 'payload', '-d', stage, img, `${mib}M`], { env: pathEnv() });
  await rm(stage, { recursive: true, force: true });
  return img;
}

/** PATH with the sbin directories, where e2fsprogs lives, for non-root-login shells. */
export function pathEnv() {
  return { ...process.env, PATH: `${process.env.PATH ?? ''}:/usr/sbin:/sbin` };
}

/**
 * Copies results/ and _harness/ out of the payload image into outDir with debugfs (no mount needed)
 * and returns the files of each as name -> Buffer (names are paths relative to that directory).
 * @param {string} img
 * @param {string} outDir
 */
export async function readPayload(img, outDir) {
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  const { stderr } = await run('debugfs', ['-R', `rdump /results /_harness ${outDir}`, img], { env: pathEnv() });
  const results = await readTree(join(outDir, 'results'));
  const harness = await readTree(join(outDir, '_harness'));
  if (!harness['manifest.tsv']) {
    throw new Error(`debugfs could not read ${img}: ${stderr.trim()}`);
  }
  return { results, harness };
}

/** @param {string} dir @returns {Promise<Record<string, Buffer>>} */
async function readTree(dir) {
  /** @type {Record<string, Buffer>} */
  const out = {};
  let ents;
  try { ents = await readdir(dir, { withFileTypes: true, recursive: true }); } catch { return out; }
  for (const ent of ents) {
    if (!ent.isFile()) continue;
    const full = join(ent.parentPath ?? ent.path, ent.name);
    out[relative(dir, full)] = await readFile(full);
  }
  return out;
}

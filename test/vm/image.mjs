// Builds the VM base image (rootfs + kernel) once and reuses it while its inputs are unchanged (test/vm).
// The cache key is a hash of every file under test/vm/image/ (build scripts, package list, guest
// units), so editing any of them rebuilds; the Debian archive moving on does not (delete
// .cache/vm/images to force that).
import { createHash } from 'node:crypto';
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
export const IMAGE_SRC = join(HERE, 'image');
export const REPO_ROOT = resolve(HERE, '..', '..');
export const DEFAULT_CACHE_DIR = process.env.VM_CACHE_DIR ?? join(REPO_ROOT, '.cache', 'vm');

/** @param {string} dir @returns {Promise<string[]>} files under dir, sorted, relative to dir */
async function listFiles(dir) {
  /** @type {string[]} */
  const out = [];
  for (const ent of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (ent.isFile()) out.push(relative(dir, join(ent.parentPath ?? ent.path, ent.name)));
  }
  return out.sort();
}

/** Hash of the image's inputs: path, executable bit and content of each file under test/vm/image. */
export async function imageKey(srcDir = IMAGE_SRC) {
  const h = createHash('sha256');
  for (const rel of await listFiles(srcDir)) {
    const full = join(srcDir, rel);
    const exec = ((await stat(full)).mode & 0o111) !== 0;
    h.update(`${rel}\0${exec ? 'x' : '-'}\0`);
    h.update(await readFile(full));
    h.update('\0');
  }
  return h.digest('hex').slice(0, 16);
}

/**
 * @typedef {{ key: string, dir: string, rootImg: string, kernel: string, manifest: string,
 *   built: boolean, buildMs: number }} VmImage
 */

const sleep = (/** @type {number} */ ms) => new Promise((r) => setTimeout(r, ms));

/** @param {number} pid */
function alive(pid) {
  try { process.kill(pid, 0); return true; } catch (e) { return /** @type {any} */ (e).code === 'EPERM'; }
}

/**
 * Returns the cached image for the current inputs, building it first when missing.
 * Concurrent callers (several test processes) wait on a lock directory instead of building twice.
 * @param {{ cacheDir?: string, log?: (line: string) => void }} [opts]
 * @returns {Promise<VmImage>}
 */
export async function ensureImage(opts = {}) {
  const cacheDir = opts.cacheDir ?? DEFAULT_CACHE_DIR;
  const log = opts.log ?? ((l) => process.stderr.write(`${l}\n`));
  const key = await imageKey();
  const imagesDir = join(cacheDir, 'images');
  const dir = join(imagesDir, key);
  /** @type {() => VmImage} */
  const result = () => ({ key, dir, rootImg: join(dir, 'root.img'), kernel: join(dir, 'vmlinuz'),
    manifest: join(dir, 'manifest.txt'), built: false, buildMs: 0 });
  if (existsSync(join(dir, 'root.img'))) return result();

  await mkdir(imagesDir, { recursive: true });
  const lock = join(imagesDir, `${key}.lock`);
  for (;;) {
    try {
      await mkdir(lock);
      await writeFile(join(lock, 'pid'), String(process.pid));
      break;
    } catch (e) {
      if (/** @type {any} */ (e).code !== 'EEXIST') throw e;
      if (existsSync(join(dir, 'root.img'))) return result();
      const pid = Number(await readFile(join(lock, 'pid'), 'utf8').catch(() => '0'));
      if (pid && !alive(pid)) { await rm(lock, { recursive: true, force: true }); continue; }
      await sleep(2000);
    }
  }
  try {
    if (existsSync(join(dir, 'root.img'))) return result();
    const tmp = join(imagesDir, `${key}.tmp`);
    await rm(tmp, { recursive: true, force: true });
    await mkdir(tmp, { recursive: true });
    const started = Date.now();
    log(`vm: building base image ${key} (cold: a few minutes)`);
    await runBuild(tmp, log);
    await rm(dir, { recursive: true, force: true });
    await rename(tmp, dir);
    await pruneOtherImages(imagesDir, key);
    return { ...result(), built: true, buildMs: Date.now() - started };
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}

/** Runs build-image.sh into outDir; its output goes to outDir/build.log and to log(). */
function runBuild(/** @type {string} */ outDir, /** @type {(l: string) => void} */ log) {
  return new Promise((resolvePromise, reject) => {
    const logFile = createWriteStream(join(outDir, 'build.log'));
    const child = spawn('/bin/sh', [join(IMAGE_SRC, 'build-image.sh'), outDir], {
      stdio: ['ignore', 'pipe', 'pipe'],
      // debootstrap keeps its .debs here, so a rebuild after an input change skips most downloads
      env: { ...process.env, VM_DEB_CACHE: process.env.VM_DEB_CACHE ?? join(dirname(outDir), '..', 'debs') },
    });
    /** @type {string[]} */
    const tail = [];
    const onData = (/** @type {Buffer} */ chunk) => {
      logFile.write(chunk);
      for (const line of chunk.toString('utf8').split('\n')) {
        if (!line) continue;
        tail.push(line); if (tail.length > 40) tail.shift();
        if (line.startsWith('build-image:')) log(`vm: ${line}`);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', reject);
    child.on('close', (code) => {
      logFile.end();
      if (code === 0) resolvePromise(undefined);
      else reject(new Error(`build-image.sh exited ${code}; last lines:\n${tail.join('\n')}`));
    });
  });
}

/** Removes images built from older inputs; a running VM keeps its open file, so this is safe. */
async function pruneOtherImages(/** @type {string} */ imagesDir, /** @type {string} */ key) {
  for (const name of await readdir(imagesDir)) {
    if (name === key || name.endsWith('.lock') || name.endsWith('.tmp')) continue;
    await rm(join(imagesDir, name), { recursive: true, force: true });
  }
}

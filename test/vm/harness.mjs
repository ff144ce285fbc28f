// Host-side API of the VM test: runInVm boots Debian 12 (systemd PID 1) with files and a root script, returns its results (test/vm).
// One run = (cached) base image + a fresh payload disk + one qemu boot. Everything a run leaves
// (console.log, payload.img, the extracted results) stays in .cache/vm/runs/<id>/ for inspection;
// the newest KEEP_RUNS runs are kept.
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_CACHE_DIR, ensureImage } from './image.mjs';
import { makePayload, readPayload } from './payload.mjs';
import { boot } from './qemu.mjs';

const KEEP_RUNS = 6;
/** Time the guest needs besides the script: boot to multi-user (~30-60 s on TCG) and power-off. */
const BOOT_AND_SHUTDOWN_MS = 90_000;

/**
 * @typedef {import('./payload.mjs').VmFile} VmFile
 * @typedef {{
 *   files?: Record<string, VmFile>,
 *   trees?: Record<string, string>,
 *   script: string,
 *   timeoutMs?: number,
 *   cacheDir?: string,
 *   memMb?: number,
 *   smp?: number,
 *   log?: (line: string) => void,
 * }} RunOptions
 * @typedef {{
 *   exitCode: number,
 *   results: Record<string, Buffer>,
 *   console: string,
 *   output: string,
 *   journal: string,
 *   failedUnits: string,
 *   runDir: string,
 *   consolePath: string,
 *   timings: { imageMs: number, imageBuilt: boolean, payloadMs: number, bootMs: number, scriptMs: number, totalMs: number },
 * }} RunResult
 */

/** Thrown when the guest did not finish its script (boot failure, timeout, crash). */
export class VmRunError extends Error {
  /** @param {string} message @param {{ runDir: string, consolePath: string, console: string }} info */
  constructor(message, info) {
    super(`${message}\n--- console tail (${info.consolePath}) ---\n${tail(info.console, 60)}`);
    this.name = 'VmRunError';
    this.runDir = info.runDir;
    this.consolePath = info.consolePath;
    this.console = info.console;
  }
}

/** Last n lines of a log, for failure messages. */
export function tail(/** @type {string} */ text, n = 40) {
  return text.split('\n').slice(-n).join('\n');
}

let runCounter = 0;

/**
 * Boots the VM, places `files` (guest path -> content or host file, with mode) and `trees`
 * (guest dir -> host dir, copied like `cp -a`) onto the guest's filesystem, runs `script` with
 * /bin/bash as root after multi-user.target with $RESULTS (write result files there) and $PAYLOAD
 * set, and returns the script's exit code, the files it left in $RESULTS and the serial console.
 * The script gets timeoutMs minus boot/shutdown time; then it is killed (exit code 124) and the
 * journal is still saved. The whole run is killed at timeoutMs.
 * @param {RunOptions} opts
 * @returns {Promise<RunResult>}
 */
export async function runInVm(opts) {
  const t0 = Date.now();
  const cacheDir = opts.cacheDir ?? DEFAULT_CACHE_DIR;
  const timeoutMs = opts.timeoutMs ?? 300_000;
  const image = await ensureImage({ cacheDir, log: opts.log });
  const tImage = Date.now();

  const runsDir = join(cacheDir, 'runs');
  const runDir = join(runsDir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}-${++runCounter}`);
  await mkdir(runDir, { recursive: true });
  await pruneRuns(runsDir);
  const payloadImg = await makePayload(runDir, {
    files: opts.files, trees: opts.trees, script: opts.script,
    scriptTimeoutSec: Math.max(30_000, timeoutMs - BOOT_AND_SHUTDOWN_MS) / 1000,
  });
  const tPayload = Date.now();

  const consolePath = join(runDir, 'console.log');
  const booted = await boot({ kernel: image.kernel, rootImg: image.rootImg, payloadImg, consolePath,
    timeoutMs, memMb: opts.memMb, smp: opts.smp });
  const consoleText = existsSync(consolePath) ? await readFile(consolePath, 'utf8') : '';
  const info = { runDir, consolePath, console: consoleText };
  if (booted.timedOut) throw new VmRunError(`VM timed out after ${timeoutMs} ms`, info);
  if (booted.code !== 0) {
    throw new VmRunError(`qemu exited ${booted.code ?? booted.signal}: ${booted.stderr.trim()}`, info);
  }

  const { results, harness } = await readPayload(payloadImg, join(runDir, 'out'));
  const exitText = harness['exit-code']?.toString('utf8').trim();
  if (exitText === undefined || !/^\d+$/.test(exitText)) {
    throw new VmRunError('guest powered off without running the payload script (no exit-code)', info);
  }
  const str = (/** @type {string} */ k) => harness[k]?.toString('utf8') ?? '';
  return {
    exitCode: Number(exitText),
    results,
    console: consoleText,
    output: str('output.log'),
    journal: str('journal.txt'),
    failedUnits: str('failed-units.txt'),
    runDir,
    consolePath,
    timings: {
      imageMs: tImage - t0, imageBuilt: image.built, payloadMs: tPayload - tImage, bootMs: booted.ms,
      scriptMs: Number(str('script-ms').trim() || 0), totalMs: Date.now() - t0,
    },
  };
}

/** Keeps the newest KEEP_RUNS run directories (names sort by start time). */
async function pruneRuns(/** @type {string} */ runsDir) {
  const names = (await readdir(runsDir)).sort();
  for (const name of names.slice(0, Math.max(0, names.length - KEEP_RUNS))) {
    await rm(join(runsDir, name), { recursive: true, force: true });
  }
}

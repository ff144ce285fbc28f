// Types for harness.mjs (test/vm): the host-side API that boots the Debian 12 VM and runs a root script in it.
export type VmFile = { content: string | Buffer; mode?: number } | { hostPath: string; mode?: number };

export interface RunOptions {
  /** guest absolute path -> file; installed (install -D -m MODE, owner root) before the script runs */
  files?: Record<string, VmFile>;
  /** guest absolute dir -> host dir; copied like `cp -a` (modes, symlinks, timestamps) */
  trees?: Record<string, string>;
  /** run by /bin/bash as root after multi-user.target; $RESULTS and $PAYLOAD are set */
  script: string;
  /** whole run (boot + script + power-off); the script alone gets this minus 90 s. Default 300000 */
  timeoutMs?: number;
  cacheDir?: string;
  memMb?: number;
  smp?: number;
  log?: (line: string) => void;
}

export interface RunResult {
  exitCode: number;
  /** files the script left in $RESULTS, by path relative to it */
  results: Record<string, Buffer>;
  /** the serial console (kernel, systemd status, the script's own output) */
  console: string;
  /** the script's stdout+stderr */
  output: string;
  /** journalctl -b of the whole boot, saved after the script */
  journal: string;
  failedUnits: string;
  runDir: string;
  consolePath: string;
  timings: { imageMs: number; imageBuilt: boolean; payloadMs: number; bootMs: number; scriptMs: number; totalMs: number };
}

export class VmRunError extends Error {
  runDir: string;
  consolePath: string;
  console: string;
}

export function runInVm(opts: RunOptions): Promise<RunResult>;
export function tail(text: string, n?: number): string;

// The CLI's synchronous fd output (src/cli/fd-output.ts) against real pipes: a full non-blocking
// pipe (EAGAIN) loses nothing, a reader that goes away (EPIPE) is quiet and keeps the exit code, a
// full disk is exit 2 with a message, and the terminal test answers for files, pipes and /dev/null
// without loading node:tty.
import { spawn, spawnSync } from 'node:child_process';
import { openSync, closeSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fdIsTerminal } from '../../src/cli/fd-output.js';
import { REPO } from '../helpers/golden.js';
import { tempDir } from '../helpers/tmp.js';

const FD_OUTPUT = path.join(REPO, 'dist/cli/fd-output.js');
const BIN = path.join(REPO, 'dist/cli/bin.cjs');
const FINDINGS = ['lint', 'examples/invalid-duplicate-key/relay.config.yaml'];

/** A child that writes `lines` numbered lines through writeAllSync to its stdout, then exits 0; EPIPE exits 7. */
function writerScript(lines: number, nonBlocking: boolean): string {
  return `
    const { writeAllSync } = await import(${JSON.stringify(FD_OUTPUT)});
    // net.Socket on fd 1 puts the pipe in non-blocking mode, as a parent's libuv pipe can be.
    if (${nonBlocking}) new (await import('node:net')).Socket({ fd: 1, readable: false });
    const text = Array.from({ length: ${lines} }, (_, i) => 'line ' + i + ' ' + 'x'.repeat(60) + '\\n').join('');
    writeAllSync(1, text, () => process.exit(7));
    process.exit(0);
  `;
}

describe('writeAllSync', () => {
  it('writes every byte through a full non-blocking pipe whose reader is slow', async () => {
    const lines = 40_000; // about 2.8 MB: many times a pipe's buffer
    const child = spawn(process.execPath, ['--input-type=module', '-e', writerScript(lines, true)], { stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // Read in bursts with pauses, so the child meets a full pipe many times.
    child.stdout.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      child.stdout.pause();
      setTimeout(() => child.stdout.resume(), 1);
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect([code, stderr]).toEqual([0, '']);
    const received = Buffer.concat(chunks).toString().split('\n');
    expect(received).toHaveLength(lines + 1);
    expect(received[0]).toBe(`line 0 ${'x'.repeat(60)}`);
    expect(received[lines - 1]).toBe(`line ${lines - 1} ${'x'.repeat(60)}`);
    expect(received.every((line, i) => i === lines || line.startsWith(`line ${i} `))).toBe(true);
  });

  it('ends the process through onClosed, without a stack trace, when the reader goes away', async () => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', writerScript(200_000, false)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect([code, stderr]).toEqual([7, '']);
  });
});

describe('fdIsTerminal', () => {
  it('says no for a file, a pipe and /dev/null', () => {
    const file = openSync(path.join(tempDir('relayconf-fd-'), 'out.txt'), 'w');
    const devNull = openSync('/dev/null', 'w');
    try {
      expect(fdIsTerminal(file)).toBe(false);
      expect(fdIsTerminal(devNull)).toBe(false);
    } finally {
      closeSync(file);
      closeSync(devNull);
    }
    const piped = spawnSync(process.execPath, ['--input-type=module', '-e', `const { fdIsTerminal } = await import(${JSON.stringify(FD_OUTPUT)}); process.stdout.write(String(fdIsTerminal(1)));`], { encoding: 'utf8' });
    expect(piped.stdout).toBe('false');
  });

  it('says yes for a terminal (script(1) gives the child a pseudo-terminal)', () => {
    const run = spawnSync('script', ['-qec', `${process.execPath} --input-type=module -e "const { fdIsTerminal } = await import('${FD_OUTPUT}'); console.log('tty=' + fdIsTerminal(1))"`, '/dev/null'], { encoding: 'utf8' });
    expect(run.stdout).toContain('tty=true');
  });
});

describe('the built binary when its output cannot be written', () => {
  /** Runs bin.cjs with stdout and stderr as given; resolves with the exit code and what stderr said when it was a pipe. */
  async function run(args: string[], stdout: number | 'closed-pipe', stderr: number | 'pipe'): Promise<{ code: number | null; stderr: string }> {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: REPO, stdio: ['ignore', stdout === 'closed-pipe' ? 'pipe' : stdout, stderr] });
    // The reader goes away before the child has even started: its first write meets EPIPE.
    if (stdout === 'closed-pipe') child.stdout!.destroy();
    let said = '';
    child.stderr?.on('data', (chunk: Buffer) => (said += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    return { code, stderr: said };
  }

  // `relayconf lint | head -1` under `set -o pipefail`: exiting 0 there passed a gate with errors in the config.
  it('keeps the exit code of the run when the reader of stdout goes away (EPIPE)', async () => {
    expect(await run([...FINDINGS, '--format', 'sarif'], 'closed-pipe', 'pipe')).toEqual({ code: 1, stderr: '' });
    expect(await run(FINDINGS, 'closed-pipe', 'pipe')).toEqual({ code: 1, stderr: '' });
    expect(await run(['lint', 'examples/minimal/relay.config.yaml'], 'closed-pipe', 'pipe')).toEqual({ code: 0, stderr: '' });
  });

  // /dev/full answers every write with ENOSPC, as a full file system does.
  it('says which stream failed and why, and exits 2 as for an unwritable output tree, on a full disk', async () => {
    const full = openSync('/dev/full', 'w');
    try {
      const expected = 'relayconf lint: cannot write standard output: no space left on the device (ENOSPC)\n';
      expect(await run(FINDINGS, full, 'pipe')).toEqual({ code: 2, stderr: expected });
      expect(await run(['lint', 'examples/minimal/relay.config.yaml', '--format', 'sarif'], full, 'pipe')).toEqual({ code: 2, stderr: expected });
      // Top-level help and --version are written before any command runs: the same message, without a command name.
      expect(await run(['--version'], full, 'pipe')).toEqual({ code: 2, stderr: 'relayconf: cannot write standard output: no space left on the device (ENOSPC)\n' });
      // Nowhere left to say it: still not exit 1, which means findings.
      expect(await run(FINDINGS, full, full)).toEqual({ code: 2, stderr: '' });
    } finally {
      closeSync(full);
    }
  });
});

// Boots the VM once under qemu/TCG with the root and payload disks and waits for it to power off or time out (test/vm).
// Mechanics from toolchain-notes.md ("A real Debian 12 with systemd as PID 1"): TCG (the /dev/kvm
// here is a software hypervisor that fails), NVMe disks (the cloud kernel has no virtio-blk built
// in), no network card, serial console to a file, root disk in snapshot mode so the cache stays clean.
import { spawn } from 'node:child_process';

/** qemu processes still running, killed if this process exits first (a test runner aborting). */
const live = new Set();
process.on('exit', () => { for (const p of live) { try { p.kill('SIGKILL'); } catch { /* gone */ } } });

/**
 * @typedef {{ kernel: string, rootImg: string, payloadImg: string, consolePath: string,
 *   timeoutMs: number, memMb?: number, smp?: number }} BootOptions
 * @typedef {{ code: number | null, signal: string | null, timedOut: boolean, ms: number, stderr: string,
 *   argv: string[] }} BootResult
 */

/** The qemu command line, exported so a failing test can print how to reproduce by hand. */
export function qemuArgv(/** @type {BootOptions} */ o) {
  return [
    'qemu-system-x86_64',
    '-accel', 'tcg', '-cpu', 'max', '-smp', String(o.smp ?? 2), '-m', String(o.memMb ?? 2048),
    '-nic', 'none', '-no-reboot', '-display', 'none', '-vga', 'none', '-monitor', 'none',
    '-serial', `file:${o.consolePath}`,
    '-kernel', o.kernel,
    // panic=-1 + -no-reboot: a kernel panic ends qemu at once instead of waiting for the timeout;
    // SYSTEMD_COLORS=0 (passed to PID 1's environment) keeps ANSI codes out of console.log
    '-append', 'console=ttyS0 root=/dev/nvme0n1 rw systemd.unit=multi-user.target panic=-1 SYSTEMD_COLORS=0',
    // the root disk is first, so it is nvme0n1; snapshot=on keeps writes out of the cached image
    '-drive', `file=${o.rootImg},if=none,id=root,format=raw,snapshot=on`,
    '-device', 'nvme,drive=root,serial=root',
    '-drive', `file=${o.payloadImg},if=none,id=pl,format=raw`,
    '-device', 'nvme,drive=pl,serial=payload',
  ];
}

/**
 * Runs qemu until the guest powers off or timeoutMs passes (then SIGTERM, SIGKILL 5 s later).
 * @param {BootOptions} o
 * @returns {Promise<BootResult>}
 */
export function boot(o) {
  const argv = qemuArgv(o);
  const started = Date.now();
  return new Promise((resolvePromise, reject) => {
    const child = spawn(argv[0], argv.slice(1), { stdio: ['ignore', 'ignore', 'pipe'] });
    live.add(child);
    let stderr = '';
    let timedOut = false;
    child.stderr.on('data', (d) => { if (stderr.length < 65536) stderr += d.toString('utf8'); });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 5000).unref();
    }, o.timeoutMs);
    child.on('error', (e) => { clearTimeout(timer); live.delete(child); reject(e); });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      live.delete(child);
      resolvePromise({ code, signal, timedOut, ms: Date.now() - started, stderr, argv });
    });
  });
}

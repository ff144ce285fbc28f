// Tests the bounded reader: regular files under the cap are read; FIFOs, devices, directories,
// oversized files and links to devices are refused without blocking or reading them.
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRegularFile } from '../../src/util/read-regular-file.js';
import { tempDir } from '../helpers/tmp.js';

describe('readRegularFile', () => {
  const dir = tempDir('relayconf-read-');

  it('reads a regular file up to and including the cap, and through a symlink', () => {
    writeFileSync(path.join(dir, 'key.pub'), 'x'.repeat(16));
    symlinkSync('key.pub', path.join(dir, 'link.pub'));
    expect(readRegularFile(path.join(dir, 'key.pub'), 16)).toEqual({ ok: true, text: 'x'.repeat(16) });
    expect(readRegularFile(path.join(dir, 'link.pub'), 16)).toEqual({ ok: true, text: 'x'.repeat(16) });
  });

  it('refuses what is not a regular file or is over the cap', () => {
    execFileSync('mkfifo', [path.join(dir, 'fifo')]);
    mkdirSync(path.join(dir, 'sub'));
    symlinkSync('/dev/zero', path.join(dir, 'zero'));
    writeFileSync(path.join(dir, 'big'), 'x'.repeat(17));
    const refused = (file: string) => {
      const result = readRegularFile(file, 16);
      return result.ok ? 'read' : `${result.reason}: ${result.message}`;
    };
    expect(refused(path.join(dir, 'fifo'))).toBe('not-regular: it is a FIFO (named pipe), not a regular file');
    expect(refused('/dev/zero')).toBe('not-regular: it is a character device, not a regular file');
    expect(refused(path.join(dir, 'zero'))).toBe('not-regular: it is a character device, not a regular file');
    expect(refused(path.join(dir, 'sub'))).toBe('not-regular: it is a directory, not a regular file');
    expect(refused(path.join(dir, 'big'))).toBe('too-large: it is larger than the 16 bytes limit');
    expect(refused(path.join(dir, 'absent'))).toBe('missing: no such file');
  });
});

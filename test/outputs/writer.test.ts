import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OutputDirError, writeTree } from '../../src/outputs/writer.js';
import { tempDir } from '../helpers/tmp.js';

const FILES = [
  { path: 'MANIFEST', mode: 0o644, content: 'm\n' },
  { path: 'etc/postfix/main.cf', mode: 0o644, content: 'a = b\n' },
  { path: 'etc/secret.env', mode: 0o600, content: 'x\n' },
  { path: 'opt/relay/server.js', mode: 0o755, content: 'js\n' },
];

let root: string;
let oldUmask: number;
beforeEach(() => {
  root = tempDir('relayconf-writer-');
  oldUmask = process.umask(0o077); // a strict umask must not leak into the tree
});
afterEach(() => {
  process.umask(oldUmask);
});

const mode = (p: string) => statSync(p).mode & 0o7777;

describe('writeTree', () => {
  it('writes exact file modes and 0755 directories, the top one included', () => {
    writeTree('out', FILES, root);
    const out = path.join(root, 'out');
    expect(readFileSync(path.join(out, 'etc/postfix/main.cf'), 'utf8')).toBe('a = b\n');
    expect(mode(path.join(out, 'etc/secret.env'))).toBe(0o600);
    expect(mode(path.join(out, 'opt/relay/server.js'))).toBe(0o755);
    for (const dir of ['', 'etc', 'etc/postfix', 'opt', 'opt/relay']) expect(mode(path.join(out, dir)), dir || 'out/').toBe(0o755);
    // Nothing left beside it.
    expect(readdirSync(root)).toEqual(['out']);
  });

  it('replaces an earlier build entirely: stale files go', () => {
    writeTree('out', [...FILES, { path: 'etc/stale', mode: 0o644, content: 'old\n' }], root);
    writeTree('out', FILES, root);
    expect(existsSync(path.join(root, 'out/etc/stale'))).toBe(false);
    expect(readdirSync(root)).toEqual(['out']);
  });

  it('refuses a non-empty directory that is not a build, a file, and the working directory', () => {
    mkdirSync(path.join(root, 'mine'));
    writeFileSync(path.join(root, 'mine/notes.txt'), 'keep me\n');
    expect(() => writeTree('mine', FILES, root)).toThrow(OutputDirError);
    expect(readFileSync(path.join(root, 'mine/notes.txt'), 'utf8')).toBe('keep me\n');
    writeFileSync(path.join(root, 'afile'), '');
    expect(() => writeTree('afile', FILES, root)).toThrow(/not a directory/);
    expect(() => writeTree('.', FILES, root)).toThrow(/working directory/);
    expect(() => writeTree('..', FILES, root)).toThrow(/working directory/);
    // An empty directory is fine.
    mkdirSync(path.join(root, 'empty'));
    writeTree('empty', FILES, root);
    expect(existsSync(path.join(root, 'empty/MANIFEST'))).toBe(true);
  });

  it('leaves the old tree in place when writing the new one fails', () => {
    writeTree('out', FILES, root);
    const broken = [...FILES, { path: 'etc/postfix/main.cf', mode: 0o644, content: 'duplicate\n' }];
    expect(() => writeTree('out', broken, root)).toThrow(/EEXIST/);
    expect(readFileSync(path.join(root, 'out/etc/postfix/main.cf'), 'utf8')).toBe('a = b\n');
    expect(readdirSync(root)).toEqual(['out']);
  });
});

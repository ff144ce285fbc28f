// APPLY.md's copy, install and rollback commands run for real with rsync, cp and awk, in a temp directory standing in for the server's / and /var/lib/relayconf.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../../../src/outputs/compile.js';
import { STORE_ROOT } from '../../../src/outputs/apply/tree-store.js';
import { tempDir } from '../../helpers/tmp.js';
import { modelFrom } from '../model.js';

/** Every fenced sh block of APPLY.md: `step` for `sh step=NAME`, null for a procedure's block. */
function blocks(applyMd: string): Array<{ step: string | null; lines: string[] }> {
  return [...applyMd.matchAll(/^```sh(?: step=([a-z-]+))?\n([\s\S]*?)^```$/gm)].map((m) => ({ step: m[1] ?? null, lines: m[2].split('\n').filter(Boolean) }));
}

/** A built tree on "the admin's machine": the files compile() returns, with their modes. */
function writeTree(dir: string, fragment: string): { files: Map<string, string>; applyMd: string } {
  const files = new Map<string, string>();
  for (const file of compile(modelFrom(fragment))) {
    const target = path.join(dir, file.path);
    mkdirSync(path.dirname(target), { recursive: true, mode: 0o755 });
    writeFileSync(target, file.content, { mode: file.mode });
    chmodSync(target, file.mode);
    files.set(file.path, file.content);
  }
  return { files, applyMd: files.get('APPLY.md')! };
}

/** Files under `root`, relative, sorted. */
function listFiles(root: string, prefix = ''): string[] {
  if (!existsSync(path.join(root, prefix))) return [];
  return readdirSync(path.join(root, prefix), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? listFiles(root, path.join(prefix, e.name)) : [path.join(prefix, e.name)]))
    .sort();
}

const INSTALLED = (files: Map<string, string>) => [...files.keys()].filter((f) => !f.startsWith('dns/') && f !== 'MANIFEST' && f !== 'APPLY.md').sort();
const SMALL = '';
// A second build of the same relay: a throttled destination adds etc/postfix/transport and changes main.cf.
const THROTTLED = 'delivery: { destinations: [{ domain: qq.com, concurrency: 1, rateDelay: 2s }] }';

describe('the server keeps the trees it runs and rolls back to the previous one', () => {
  const sandbox = () => {
    const dir = tempDir('relayconf-store-');
    const root = path.join(dir, 'root');
    mkdirSync(root, { mode: 0o755 });
    chmodSync(root, 0o755);
    /** A line of APPLY.md as it would run on the server, with / and /var/lib/relayconf moved into the sandbox. */
    const onServer = (line: string) => line
      .replaceAll(`${STORE_ROOT}/`, `${dir}/store/`)
      .replace(/ \/$/, ` ${root}/`)
      .replace('print "/" $3', `print "${root}/" $3`)
      .replace(/ out\/ root@"\$HOST":/, ' "$OUT"/ ');
    const sh = (lines: string[], env: Record<string, string> = {}) => spawnSync('sh', ['-ec', lines.map(onServer).join('\n')], { encoding: 'utf8', env: { PATH: process.env.PATH, ...env } });
    mkdirSync(path.join(dir, 'store', 'example-relay'), { recursive: true, mode: 0o700 });
    return { dir, root, sh };
  };

  it('installs a tree, keeps the one before it, reruns without losing it, and rolls back to it', () => {
    const { dir, root, sh } = sandbox();
    const a = writeTree(path.join(dir, 'a'), `name: example-relay\n${SMALL}`);
    const b = writeTree(path.join(dir, 'b'), `name: example-relay\n${THROTTLED}`);
    const steps = (tree: typeof a) => Object.fromEntries(blocks(tree.applyMd).filter((x) => x.step).map((x) => [x.step!, x.lines]));
    const [rollbackStart, removeLeftovers] = blocks(a.applyMd).filter((x) => x.step === null).map((x) => x.lines);
    const store = path.join(dir, 'store/example-relay');
    const deploy = (tree: typeof a, out: string) => {
      const copy = sh(steps(tree).copy, { OUT: out }); // the admin's out/, here a local directory
      expect(copy.stderr, 'copy').toBe('');
      const install = sh(steps(tree).install);
      expect([install.status, install.stderr], 'install').toEqual([0, '']);
    };
    const installed = () => listFiles(root);
    const same = (tree: typeof a) => {
      expect(installed()).toEqual(INSTALLED(tree.files));
      for (const file of INSTALLED(tree.files)) expect(readFileSync(path.join(root, file), 'utf8'), file).toBe(tree.files.get(file));
    };
    expect(steps(a).copy[0]).toContain(' out/ root@"$HOST":/var/lib/relayconf/example-relay/incoming/');

    deploy(a, path.join(dir, 'a'));
    same(a);
    expect(readdirSync(path.join(store, 'previous'))).toEqual([]);
    expect(listFiles(path.join(store, 'current'))).toEqual([...a.files.keys()].sort());
    // Modes as built; every directory 0755 (the sandbox's / keeps its own).
    expect((statSync(path.join(root, 'etc/postfix')).mode & 0o7777).toString(8)).toBe('755');
    expect((statSync(root).mode & 0o7777).toString(8)).toBe('755');

    // Before a second tree there is nothing to go back to: the rollback stops at its first test.
    const early = sh(rollbackStart);
    expect(early.status).not.toBe(0);
    expect(listFiles(path.join(store, 'incoming'))).toEqual([...a.files.keys()].sort());

    deploy(b, path.join(dir, 'b'));
    same(b);
    expect(installed()).toContain('etc/postfix/transport');
    expect(readFileSync(path.join(store, 'previous/MANIFEST'), 'utf8')).toBe(a.files.get('MANIFEST'));
    // A rerun of install (nothing new arrived) keeps previous/ as it was.
    expect(sh(steps(b).install).status).toBe(0);
    expect(readFileSync(path.join(store, 'previous/MANIFEST'), 'utf8')).toBe(a.files.get('MANIFEST'));
    expect(readFileSync(path.join(store, 'current/MANIFEST'), 'utf8')).toBe(b.files.get('MANIFEST'));

    // Rolling back: previous/ becomes incoming/, the restored tree's own install step, then the leftovers go.
    expect(sh(rollbackStart).status).toBe(0);
    const restored = steps({ ...a, applyMd: readFileSync(path.join(store, 'incoming/APPLY.md'), 'utf8') });
    expect(sh(restored.install).status).toBe(0);
    expect(readFileSync(path.join(store, 'current/MANIFEST'), 'utf8')).toBe(a.files.get('MANIFEST'));
    expect(readFileSync(path.join(store, 'previous/MANIFEST'), 'utf8')).toBe(b.files.get('MANIFEST'));
    expect(installed()).toContain('etc/postfix/transport'); // rsync never deletes
    const removal = sh(removeLeftovers);
    expect([removal.status, removal.stderr]).toEqual([0, '']);
    same(a);
  });

  it('refuses a tree that does not match its MANIFEST and installs nothing', () => {
    const { dir, root, sh } = sandbox();
    const a = writeTree(path.join(dir, 'a'), 'name: example-relay');
    const steps = Object.fromEntries(blocks(a.applyMd).filter((x) => x.step).map((x) => [x.step!, x.lines]));
    expect(sh(steps.copy, { OUT: path.join(dir, 'a') }).status).toBe(0);
    const mainCf = path.join(dir, 'store/example-relay/incoming/etc/postfix/main.cf');
    writeFileSync(mainCf, `${readFileSync(mainCf, 'utf8')}relayhost = [evil.example]:25\n`);
    const install = sh(steps.install);
    expect(install.status).not.toBe(0);
    expect(install.stdout + install.stderr).toContain('etc/postfix/main.cf: FAILED');
    expect(listFiles(root)).toEqual([]);
    expect(existsSync(path.join(dir, 'store/example-relay/current'))).toBe(false);
  });
});

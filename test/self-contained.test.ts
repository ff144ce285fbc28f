// The repository is self-contained: no file under src/ or test/ reaches for a path outside it, so
// `npm test` passes in a fresh clone placed anywhere (no sibling checkout, no author's machine).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const TEXT = /\.(?:[cm]?[jt]s|json|ya?ml|md|sh|txt|conf)$/;

/** Installed dependencies are not ours to judge. */
const SKIP_DIRS = new Set(['node_modules']);

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return SKIP_DIRS.has(entry.name) ? [] : filesUnder(full);
    return TEXT.test(entry.name) ? [full] : [];
  });
}

/** Absolute paths of a build machine or a sibling checkout; generated outputs name /etc, /var, /opt, never these. */
const FOREIGN_ABSOLUTE = /(?<![\w.~-])\/(?:work|home|Users|mnt|srv\/work)\/[\w.-]/;
const SHARED = /\bshared\/(?:testdata|design|seeds)\b/;
/** A string literal starting with ./ or ../, or a run of '..' arguments as path.join/resolve take them. */
const RELATIVE_LITERAL = /(['"`])((?:\.\.?\/)+[^'"`\s]*)\1/g;
const DOTDOT_ARGS = /(?:(['"])\.\.\1\s*,\s*)+(['"])\.\.\2/g;
/** path.resolve(ROOT_VAR, '..') style climbs that start at the repository root itself. */
const ROOT_CLIMB = /\b(?:ROOT|REPO|repoRoot|root)\s*,\s*(['"])\.\.(?:\/[^'"]*)?\1/g;

export interface OutsideReference {
  line: number;
  text: string;
  why: string;
}

/** Every reference in one file's text that leaves the repository rooted at `root`. */
export function outsideReferences(file: string, text: string, root: string): OutsideReference[] {
  const found: OutsideReference[] = [];
  const dir = path.dirname(file);
  const escapes = (target: string) => {
    const relative = path.relative(root, path.resolve(dir, target));
    return relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative);
  };
  text.split('\n').forEach((lineText, index) => {
    const add = (why: string) => found.push({ line: index + 1, text: lineText.trim(), why });
    if (FOREIGN_ABSOLUTE.test(lineText)) add('absolute path of a build machine');
    if (SHARED.test(lineText)) add('the shared folder beside the checkout');
    for (const match of lineText.matchAll(RELATIVE_LITERAL)) {
      // Attack strings ('../../etc/passwd' sent to the relay or writer) are data, not references.
      if (/\/(?:etc|proc|dev|tmp|var)(?:\/|$)/.test(match[2])) continue;
      if (escapes(match[2])) add(`${match[2]} climbs above the repository root`);
    }
    for (const match of lineText.matchAll(DOTDOT_ARGS)) {
      const depth = (match[0].match(/\.\./g) ?? []).length;
      if (escapes(Array(depth).fill('..').join('/'))) add(`${depth} '..' steps climb above the repository root`);
    }
    for (const match of lineText.matchAll(ROOT_CLIMB)) add(`${match[0]} climbs above the repository root`);
  });
  return found;
}

describe('self-contained repository', () => {
  // This file itself is skipped: its cases below spell out the very references it forbids.
  const files = ['src', 'test'].flatMap((top) => filesUnder(path.join(ROOT, top))).filter((file) => file !== fileURLToPath(import.meta.url));

  it('scans the source and test trees', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files).toContain(path.join(ROOT, 'test/dns/spf-rfc7208.test.ts'));
    expect(files).toContain(path.join(ROOT, 'test/data/README.md'));
  });

  it('no file under src/ or test/ refers to a path outside the repository', () => {
    const problems = files.flatMap((file) =>
      outsideReferences(file, readFileSync(file, 'utf8'), ROOT).map((p) => `${path.relative(ROOT, file)}:${p.line}: ${p.why}: ${p.text}`),
    );
    expect(problems).toEqual([]);
  });

  describe('the scanner catches each way out', () => {
    const file = path.join(ROOT, 'test/dns/example.test.ts');
    const why = (text: string) => outsideReferences(file, text, ROOT).map((p) => p.why);

    it('a URL climbing out of the repository', () => {
      expect(why("const SUITE = new URL('../../../shared/testdata/spf/x.yml', import.meta.url);")).toEqual([
        'the shared folder beside the checkout',
        '../../../shared/testdata/spf/x.yml climbs above the repository root',
      ]);
      expect(why("new URL('../../../other/x.yml', import.meta.url)")).toEqual(['../../../other/x.yml climbs above the repository root']);
    });

    it("a run of '..' arguments and a climb from the root", () => {
      expect(why("path.join(import.meta.dirname, '..', '..', '..', 'x')")).toEqual(["3 '..' steps climb above the repository root"]);
      expect(why("path.resolve(ROOT, '..', 'shared')")).toEqual(["ROOT, '..' climbs above the repository root"]);
    });

    it('an absolute path of the build machine', () => {
      expect(why("readFileSync('/work/shared/testdata/spf/x.yml')")).toEqual([
        'absolute path of a build machine',
        'the shared folder beside the checkout',
      ]);
      expect(why("const home = '/home/alice/keys';")).toEqual(['absolute path of a build machine']);
    });

    it('passes references inside the repository and output paths of the relay host', () => {
      expect(why("import { x } from '../../src/dns/spf.js';")).toEqual([]);
      expect(why("new URL('../data/spf/rfc7208-tests.yml', import.meta.url)")).toEqual([]);
      expect(why("const out = '/etc/postfix/main.cf'; const q = '/var/spool/relay';")).toEqual([]);
      expect(why("send({ path: '../../etc/passwd' })")).toEqual([]);
    });
  });
});

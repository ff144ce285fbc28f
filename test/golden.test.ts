// Every example builds byte-exactly to golden/<example>/ (invalid-* lint to golden/<case>/findings.txt);
// the relay bundle their server.js files share is golden/_relay-bundle/ once, put back before comparing.
// `npm run golden:update` (UPDATE_GOLDEN=1) rewrites them, never under CI.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseManifest, sha256 } from '../src/outputs/apply-notes.js';
import { compareTree, describeChange } from '../src/plan/compare.js';
import {
  BUNDLE_GOLDEN_DIR,
  GOLDEN_DIR,
  expectedFiles,
  listExamples,
  listGoldens,
  readBundleGolden,
  readGoldenTree,
  removeGolden,
  updateMode,
  writeBundleGolden,
  writeGolden,
} from './helpers/golden.js';
import { BUNDLE_FILE, BUNDLE_GOLDEN, EMBEDS_BUNDLE, SHARED_GOLDEN, hasBundleMarker, packageBundle } from './helpers/golden-bundle.js';

const examples = listExamples();
const update = updateMode();

describe('goldens', () => {
  it('refuses to update goldens under CI', () => {
    expect(() => updateMode({ UPDATE_GOLDEN: '1', CI: 'true' })).toThrow(/refusing to rewrite goldens with CI set/);
    expect(updateMode({ UPDATE_GOLDEN: '1' })).toBe(true);
    expect(updateMode({})).toBe(false);
  });

  it('knows valid and invalid examples apart', () => {
    expect(examples.some((e) => e.invalid)).toBe(true);
    expect(examples.filter((e) => !e.invalid).map((e) => e.name)).toEqual(
      expect.arrayContaining(['direct-multi-domain', 'dkim-rotation', 'ipv6', 'minimal', 'sender-transports', 'smarthost-sasl', 'throttled-destinations']),
    );
  });

  // First, so an update run has written the bundle golden before the examples are compared with it.
  it(`keeps the relay bundle once, in ${BUNDLE_GOLDEN}`, () => {
    if (update) writeBundleGolden();
    expect(existsSync(BUNDLE_GOLDEN_DIR) ? readdirSync(BUNDLE_GOLDEN_DIR) : [], `golden/${SHARED_GOLDEN}/ holds the bundle and nothing else`).toEqual([BUNDLE_FILE]);
    // Said here in one line; the server.js comparisons below would each report it as a changed file.
    expect(readBundleGolden() === packageBundle(), `${BUNDLE_GOLDEN} is not the relay bundle this package builds: run npm run golden:update`).toBe(true);
  });

  for (const example of examples) {
    it(`${example.name} ${example.invalid ? 'lints' : 'builds'} to golden/${example.name}/ byte for byte`, async () => {
      const { files, exitCode } = await expectedFiles(example);
      if (example.invalid) {
        expect(exitCode, `${example.config} is invalid on purpose, so lint must fail`).toBe(1);
        expect(files[0].content).toMatch(/error: /);
      }
      if (update) writeGolden(example.name, files);
      const tree = readGoldenTree(example.name);
      // git keeps no modes but the executable bit: modes are checked through MANIFEST below.
      for (const file of files) {
        const entry = tree.get(file.path);
        if (entry) entry.mode = file.mode;
      }
      const drift = compareTree(files, tree);
      // One line per drifted file (added/removed/changed/mode) reads better than a giant diff.
      expect(drift.map(describeChange), `golden/${example.name} drifted: run npm run golden:update and review the diff`).toEqual([]);
      if (!example.invalid) {
        // The MANIFEST carries the modes git does not keep; its hashes must match the golden bytes.
        const manifest = parseManifest(tree.get('MANIFEST')!.content.toString('utf8'));
        expect([...manifest.keys()].sort()).toEqual([...tree.keys()].filter((p) => p !== 'MANIFEST').sort());
        for (const [file, entry] of manifest) expect(entry.sha256, file).toBe(sha256(tree.get(file)!.content.toString('utf8')));
        // The golden holds the relay bundle by reference only: a full copy must not creep back in.
        const embedding = files.filter((f) => EMBEDS_BUNDLE.test(f.path)).map((f) => f.path);
        expect(embedding.length, 'a relay build has opt/<name>/server.js').toBeGreaterThan(0);
        for (const file of embedding) {
          const stored = readFileSync(path.join(GOLDEN_DIR, example.name, file), 'utf8');
          expect(hasBundleMarker(stored), `golden/${example.name}/${file} refers to ${BUNDLE_GOLDEN}`).toBe(true);
        }
      }
    });
  }

  // Last, so an update run has written the goldens before they are paired.
  it('pairs every example with a golden and every golden with an example', () => {
    const names = examples.map((e) => e.name);
    expect(names, `${SHARED_GOLDEN} is the shared bundle golden, not an example name`).not.toContain(SHARED_GOLDEN);
    if (update) for (const orphan of listGoldens().filter((g) => !names.includes(g))) removeGolden(orphan);
    const goldens = listGoldens();
    expect({ examplesWithoutGolden: names.filter((n) => !goldens.includes(n)), goldensWithoutExample: goldens.filter((g) => !names.includes(g)) }).toEqual({
      examplesWithoutGolden: [],
      goldensWithoutExample: [],
    });
  });
});

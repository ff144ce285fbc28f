// Every example builds byte-exactly to golden/<example>/ (invalid-* lint to golden/<case>/findings.txt);
// `npm run golden:update` (UPDATE_GOLDEN=1) rewrites them, never under CI.
import { describe, expect, it } from 'vitest';
import { parseManifest, sha256 } from '../src/outputs/apply-notes.js';
import { readTree } from '../src/plan/tree.js';
import { compareTree, describeChange } from '../src/plan/compare.js';
import { GOLDEN_DIR, expectedFiles, listExamples, listGoldens, removeGolden, updateMode, writeGolden } from './helpers/golden.js';
import path from 'node:path';

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

  for (const example of examples) {
    it(`${example.name} ${example.invalid ? 'lints' : 'builds'} to golden/${example.name}/ byte for byte`, async () => {
      const { files, exitCode } = await expectedFiles(example);
      if (example.invalid) {
        expect(exitCode, `${example.config} is invalid on purpose, so lint must fail`).toBe(1);
        expect(files[0].content).toMatch(/error: /);
      }
      if (update) writeGolden(example.name, files);
      const tree = readTree(path.join(GOLDEN_DIR, example.name));
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
      }
    });
  }

  // Last, so an update run has written the goldens before they are paired.
  it('pairs every example with a golden and every golden with an example', () => {
    const names = examples.map((e) => e.name);
    if (update) for (const orphan of listGoldens().filter((g) => !names.includes(g))) removeGolden(orphan);
    const goldens = listGoldens();
    expect({ examplesWithoutGolden: names.filter((n) => !goldens.includes(n)), goldensWithoutExample: goldens.filter((g) => !names.includes(g)) }).toEqual({
      examplesWithoutGolden: [],
      goldensWithoutExample: [],
    });
  });
});

// The bundle split that keeps golden/ to one copy of the relay bundle: it round-trips a real
// server.js, and a golden whose bundle or marker does not match is an error, never a silent pass.
import { describe, expect, it } from 'vitest';
import { compareTree, describeChange } from '../src/plan/compare.js';
import { expectedFiles, listExamples, readBundleGolden, readGoldenTree } from './helpers/golden.js';
import { BUNDLE_GOLDEN, EMBEDS_BUNDLE, bundleMarker, joinBundle, packageBundle, splitBundle } from './helpers/golden-bundle.js';

async function minimalServerJs() {
  const { files } = await expectedFiles(listExamples().find((e) => e.name === 'minimal')!);
  return files.find((f) => EMBEDS_BUNDLE.test(f.path))!;
}

describe('the relay bundle golden', () => {
  it('cuts the bundle out of server.js and puts it back byte for byte', async () => {
    const server = await minimalServerJs();
    const bundle = packageBundle();
    const stored = splitBundle(server.content, bundle, server.path);
    // What stays per example is the header and the config's data, then the marker and the call.
    expect(stored.length).toBeLessThan(4096);
    expect(stored).toContain('const RELAY_DATA = {\n  "name": "minimal-relay",');
    expect(stored.endsWith(`\n${bundleMarker(bundle)}\nmodule.exports.runRelay(RELAY_DATA);\n`)).toBe(true);
    expect(joinBundle(stored, bundle, server.path)).toBe(server.content);
  });

  it('refuses a bundle golden that is not the one the marker was made with', async () => {
    const server = await minimalServerJs();
    const bundle = packageBundle();
    const stored = splitBundle(server.content, bundle, 'minimal/server.js');
    const tampered = bundle.replace('runRelay', 'runRelaY');
    expect(() => joinBundle(stored, tampered, 'minimal/server.js')).toThrow(/^minimal\/server\.js was made with the relay bundle of sha256 [0-9a-f]{64}, but golden\/_relay-bundle\/server\.bundle\.cjs has [0-9a-f]{64}: run npm run golden:update/);
    expect(() => joinBundle(stored, null, 'minimal/server.js')).toThrow(`minimal/server.js refers to ${BUNDLE_GOLDEN}, which is missing`);
    expect(() => joinBundle(stored.replace(BUNDLE_GOLDEN, 'golden/elsewhere.cjs'), bundle, 'x')).toThrow('x: its marker names golden/elsewhere.cjs');
  });

  it('refuses to split a server.js that does not embed the bundle on lines of its own', async () => {
    const server = await minimalServerJs();
    const bundle = packageBundle();
    expect(() => splitBundle(server.content.replace(bundle, `/* */${bundle}`), bundle, 'x.js')).toThrow('x.js does not embed the relay bundle verbatim');
    expect(() => splitBundle(`${server.content}${bundle}`, bundle, 'x.js')).toThrow('x.js embeds the relay bundle twice');
  });

  it('a committed golden put back together is the build, and one changed bundle byte is caught', async () => {
    const { files } = await expectedFiles(listExamples().find((e) => e.name === 'minimal')!);
    expect(compareTree(files, withModes(readGoldenTree('minimal'), files)).map(describeChange)).toEqual([]);
    const bundle = readBundleGolden()!;
    expect(() => readGoldenTree('minimal', bundle.replace('runRelay', 'runRelaY'))).toThrow(/was made with the relay bundle of sha256/);
  });
});

/** git keeps no modes: take them from the build (the golden test checks them through MANIFEST). */
function withModes(tree: ReturnType<typeof readGoldenTree>, files: { path: string; mode: number }[]) {
  for (const f of files) {
    const entry = tree.get(f.path);
    if (entry) entry.mode = f.mode;
  }
  return tree;
}

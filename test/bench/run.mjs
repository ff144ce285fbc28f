// `npm run bench`: every benchmark section, each reporting ratios against a baseline measured in
// the same run (never absolute thresholds in a test). Sections: lint start-up, build scaling,
// relay throughput. Pass section names to run only some: `npm run bench -- lint build`.
import { existsSync } from 'node:fs';
import path from 'node:path';

const HERE = import.meta.dirname;
const wanted = process.argv.slice(2);
const sections = [
  { name: 'lint', file: 'lint.mjs', run: async (m) => m.benchLintAll() },
  { name: 'build', file: 'build.mjs', run: async (m) => m.benchBuild() },
  { name: 'relay', file: 'relay.mjs', run: async (m) => m.benchRelay() },
];

for (const section of sections) {
  if (wanted.length && !wanted.includes(section.name)) continue;
  const file = path.join(HERE, section.file);
  if (!existsSync(file)) {
    console.log(`## ${section.name}: not present`);
    continue;
  }
  console.log(`## ${section.name}`);
  const result = await section.run(await import(file));
  if (result !== undefined) console.log(JSON.stringify(result, null, 2));
}

// Generates src/config/schema-types.generated.ts from schema/relay.schema.json,
// so the JSON schema stays the one source of truth for the config's shape.
// `--check` exits 1 when the committed file differs (used by the tests).
import { readFile, writeFile } from 'node:fs/promises';
import { compile } from 'json-schema-to-typescript';

const root = new URL('../../', import.meta.url);
const schema = JSON.parse(await readFile(new URL('schema/relay.schema.json', root), 'utf8'));
const target = new URL('src/config/schema-types.generated.ts', root);

/** The schema without if/then rules (typed rdata per record type): they narrow strings, not the shape, and the compiler mistypes them. */
function withoutConditionals(node) {
  if (Array.isArray(node)) return node.map(withoutConditionals);
  if (!node || typeof node !== 'object') return node;
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'allOf' && Array.isArray(value) && value.every((item) => 'if' in item)) continue;
    out[key] = withoutConditionals(value);
  }
  return out;
}

export async function renderTypes() {
  return compile(withoutConditionals(schema), 'RelayConfig', {
    bannerComment:
      '// Generated from schema/relay.schema.json by src/tools/gen-types.mjs. Do not edit; run `npm run gen:types`.',
    additionalProperties: false,
    strictIndexSignatures: true,
    format: true,
    style: { singleQuote: true, printWidth: 100 },
  });
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  const text = await renderTypes();
  if (process.argv.includes('--check')) {
    const current = await readFile(target, 'utf8').catch(() => '');
    if (current !== text) {
      console.error('src/config/schema-types.generated.ts is stale: run `npm run gen:types`');
      process.exit(1);
    }
  } else {
    await writeFile(target, text);
  }
}

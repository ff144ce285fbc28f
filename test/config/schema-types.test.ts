// The config's TypeScript types are generated from the JSON schema: one source of truth.
import { expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const REPO = path.resolve(import.meta.dirname, '../..');

test('src/config/schema-types.generated.ts matches schema/relay.schema.json', async () => {
  // @ts-expect-error: a plain .mjs tool without types
  const { renderTypes } = await import('../../src/tools/gen-types.mjs');
  const committed = readFileSync(path.join(REPO, 'src/config/schema-types.generated.ts'), 'utf8');
  expect(committed, 'stale types: run `npm run gen:types`').toBe(await renderTypes());
});

test('every schema property has a title and a description, and objects forbid unknown keys', () => {
  const schema = JSON.parse(readFileSync(path.join(REPO, 'schema/relay.schema.json'), 'utf8'));
  const problems: string[] = [];
  const walk = (node: Record<string, any>, where: string) => {
    if (node.type === 'object' && node.properties && node.additionalProperties !== false) problems.push(`${where}: additionalProperties is not false`);
    for (const [key, child] of Object.entries<Record<string, any>>(node.properties ?? {})) {
      if (!child.title || !child.description) problems.push(`${where}.${key}: title or description missing`);
      walk(child, `${where}.${key}`);
    }
    if (node.items && typeof node.items === 'object') walk(node.items, `${where}[]`);
  };
  walk(schema, '$');
  expect(problems).toEqual([]);
});

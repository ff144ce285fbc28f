// The precompiled schema validator (src/tools/gen-validator.mjs): it embeds the schema without its
// annotations (every CLI start builds that object), and still validates what the schema says.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import validate from '../../src/config/schema-validator.generated.js';

const generated = readFileSync(new URL('../../src/config/schema-validator.generated.js', import.meta.url), 'utf8');
const schema = JSON.parse(readFileSync(new URL('../../schema/relay.schema.json', import.meta.url), 'utf8'));

describe('the generated schema validator', () => {
  it('embeds no title or description of the schema', () => {
    expect(schema.properties.version.description).toMatch(/format/);
    expect(generated).not.toContain(JSON.stringify(schema.properties.version.description));
    expect(generated).not.toMatch(/"(title|description)":/);
  });

  it('still reports a value outside an enum with the allowed values, and an unknown key', () => {
    expect(validate({ version: 1, delivery: { mode: 'teleport' } })).toBe(false);
    const enumError = validate.errors!.find((e) => e.instancePath === '/delivery/mode' && e.keyword === 'enum');
    expect(enumError?.params).toEqual({ allowedValues: schema.properties.delivery.properties.mode.enum });
    expect(validate({ version: 1, unknownKey: true })).toBe(false);
    expect(validate.errors!.some((e) => e.keyword === 'additionalProperties' && (e.params as { additionalProperty: string }).additionalProperty === 'unknownKey')).toBe(true);
  });
});

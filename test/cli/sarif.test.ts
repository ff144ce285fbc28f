// SARIF output validates against the official SARIF 2.1.0 schema (vendored in test/data).
import { expect, test } from 'vitest';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { runCli } from '../helpers/cli.js';

const REPO = path.resolve(import.meta.dirname, '../..');

function sarifValidator() {
  const schema = JSON.parse(readFileSync(path.join(REPO, 'test/data/sarif-schema-2.1.0.json'), 'utf8'));
  // The schema is draft-04: its root `id` is draft-07's `$id`; nothing else in it differs for ajv.
  // unicodeRegExp off: one of its patterns (a language tag) is only valid as a non-unicode RegExp.
  schema.$id = schema.id;
  delete schema.id;
  delete schema.$schema;
  return new Ajv({ strict: false, allErrors: true, validateFormats: false, unicodeRegExp: false }).compile(schema);
}

test('lint --format sarif is valid SARIF 2.1.0 with rule metadata and positions', async () => {
  const run = await runCli(['lint', 'examples/invalid-bad-enum/relay.config.yaml', '--format', 'sarif'], { cwd: REPO });
  expect(run.code).toBe(1);
  const log = JSON.parse(run.stdout);
  const validate = sarifValidator();
  expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
  const driver = log.runs[0].tool.driver;
  expect(driver.name).toBe('relayconf');
  const schemaRule = driver.rules.find((r: { id: string }) => r.id === 'schema');
  expect(schemaRule.shortDescription.text).toContain('schema');
  expect(log.runs[0].results).toHaveLength(6);
  expect(log.runs[0].results[0]).toMatchObject({
    ruleId: 'schema',
    level: 'error',
    ruleIndex: driver.rules.indexOf(schemaRule),
    locations: [{ physicalLocation: { artifactLocation: { uri: 'examples/invalid-bad-enum/relay.config.yaml' }, region: { startLine: 9, startColumn: 9 } } }],
  });
});

test('the validator really rejects a malformed log', () => {
  const validate = sarifValidator();
  expect(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] })).toBe(false);
});

// The Postfix and relay rules together: the docs base config and the root relay.config.yaml are
// clean under them, and each rule's docs examples flag (invalid) or pass (valid) as they claim.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfigFile } from '../../../src/config/load.js';
import { lintLoaded } from '../../../src/lint/engine.js';
import { postfixRelayRules } from '../../../src/rules/registry-postfix-relay.js';
import { BASE_CONFIG, lintFragment, lintText } from '../../helpers/rule-tester.js';

const root = new URL('../../../', import.meta.url).pathname;

describe('registry-postfix-relay', () => {
  it('lists every rule once, each id equal to its file name', () => {
    const ids = postfixRelayRules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(readFileSync(path.join(root, 'src/rules', `${id}.ts`), 'utf8')).toContain(`id: '${id}'`);
  });

  it('finds nothing in the docs base config', () => {
    expect(lintText(BASE_CONFIG, { rules: postfixRelayRules }).findings).toEqual([]);
  });

  it('finds nothing in the root relay.config.yaml', async () => {
    const loaded = await loadConfigFile(path.join(root, 'relay.config.yaml'), root);
    expect(lintLoaded(loaded, { rules: postfixRelayRules })).toEqual([]);
  });

  for (const rule of postfixRelayRules) {
    describe(rule.id, () => {
      rule.docs.examples.invalid.forEach((example) => {
        it(`flags: ${example.description}`, () => {
          const ids = lintFragment(example.config, { rules: postfixRelayRules }).findings.map((f) => f.ruleId);
          expect(ids.length).toBeGreaterThan(0);
          expect(new Set(ids)).toEqual(new Set([rule.id]));
        });
      });
      rule.docs.examples.valid.forEach((example) => {
        it(`passes: ${example.description}`, () => {
          expect(lintFragment(example.config, { rules: postfixRelayRules }).findings).toEqual([]);
        });
      });
    });
  }
});

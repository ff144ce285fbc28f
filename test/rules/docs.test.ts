// The committed rule reference (docs/rules.md) is generated from the rule modules and must not
// drift. Update it with `UPDATE_DOCS=1 npx vitest run test/rules/docs.test.ts` and review the diff;
// with CI set the test refuses to write, so CI can only fail on drift.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../../src/rules/index.js';
import { renderRuleReference } from '../../src/rules/docs.js';
import { dnsRules } from '../../src/dns/check/rules.js';

const DOCS = fileURLToPath(new URL('../../docs/rules.md', import.meta.url));
const UPDATE = 'UPDATE_DOCS=1 npx vitest run test/rules/docs.test.ts';
const normalize = (text: string) => text.replace(/\r\n/g, '\n');

describe('docs/rules.md', () => {
  const rendered = renderRuleReference(rules, dnsRules);

  it('is up to date with the rule modules', () => {
    if (process.env.UPDATE_DOCS) {
      if (process.env.CI) throw new Error(`refusing to write docs/rules.md with CI set; run \`${UPDATE}\` locally and commit the result`);
      mkdirSync(path.dirname(DOCS), { recursive: true });
      writeFileSync(DOCS, rendered);
    }
    expect(existsSync(DOCS), `docs/rules.md is missing: run \`${UPDATE}\``).toBe(true);
    expect(normalize(readFileSync(DOCS, 'utf8')), `docs/rules.md drifted from src/rules: run \`${UPDATE}\` and review the diff`).toBe(rendered);
  });

  it('documents every registered rule with its own section', () => {
    for (const rule of [...rules, ...dnsRules]) {
      expect(rendered).toContain(`\n## ${rule.id}\n`);
      expect(rendered).toContain(`| [${rule.id}](#${rule.id}) | ${rule.defaultSeverity} |`);
    }
    expect(rendered).toContain('\n# check-dns findings\n');
  });
});

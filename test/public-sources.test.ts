// User-facing text cites what a user can open (RFC sections, man pages, the self-hosted HTTP relay
// build guide by its title), never the project's internal source numbering ("seed 01") or its issue
// tracker ("issue 5", "#5"). Checked on what users read: the rule catalogue as rendered, every golden
// output file, the docs, the examples and root config, the schema's descriptions, and the CLI's text.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { rules } from '../src/rules/index.js';
import { dnsRules } from '../src/dns/check/rules.js';
import { renderDnsRuleDoc, renderRuleDoc } from '../src/rules/docs.js';
import { LOADER_RULES } from '../src/cli/rule-meta.js';
import { COMMANDS } from '../src/cli/commands/index.js';

const REPO = path.resolve(import.meta.dirname, '..');
/**
 * "seed 01", "seeds 02, 05", "issue 5", "issue #5", and a bare "#5" (a tracker reference). Not a
 * colour (#336699) and not check-dns's ordinal "lookup #11".
 */
export const INTERNAL_REFERENCE = /\bseeds?\s*#?\d+|\bissues?\s*#?\d+|(?:^|[\s(])(?<!lookup\s)#\d{1,4}\b/i;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : entry.isFile() ? [full] : [];
  });
}

/** Each line that cites internally, as "where: line". */
function offending(where: string, text: string): string[] {
  return text
    .split('\n')
    .map((line, i) => ({ line, n: i + 1 }))
    .filter(({ line }) => INTERNAL_REFERENCE.test(line))
    .map(({ line, n }) => `${where}:${n}: ${line.trim().slice(0, 160)}`);
}

const repoFile = (relative: string) => offending(relative, readFileSync(path.join(REPO, relative), 'utf8'));
const repoTree = (relative: string) => filesUnder(path.join(REPO, relative)).flatMap((file) => repoFile(path.relative(REPO, file)));

describe('the pattern', () => {
  test('catches the internal forms and leaves ordinary text alone', () => {
    for (const bad of ['(seed 01 step 3)', 'seeds 02, 05', 'Seed 01 step 1:', 'issue 5 item 3', 'see issue #12', 'fixed in #42']) expect(bad).toMatch(INTERNAL_REFERENCE);
    for (const good of ['RFC 7208 §4.6.4', 'postconf(5)', 'lookup #11 is include:x', 'step 6 (DKIM)', 'mail202606', '# 10 lines', 'color: #336699', 'the seed value 0']) {
      expect(good).not.toMatch(INTERNAL_REFERENCE);
    }
  });
});

describe('no internal references in user-facing text', () => {
  test('the rule catalogue as explain, docs/rules.md and SARIF render it, with every message', () => {
    const text = [
      ...rules.flatMap((r) => [renderRuleDoc(r), ...Object.values<string>(r.messages)]),
      ...dnsRules.flatMap((r) => [renderDnsRuleDoc(r), ...Object.values<string>(r.messages)]),
      ...LOADER_RULES.flatMap((r) => [r.summary, r.help]),
    ].join('\n');
    expect(offending('catalogue', text)).toEqual([]);
  });

  test('every golden output file (what build writes, server.js and APPLY.md included)', () => {
    expect(statSync(path.join(REPO, 'golden')).isDirectory()).toBe(true);
    expect(repoTree('golden')).toEqual([]);
  });

  test('README, docs/, the root config, the examples and the schema descriptions', () => {
    expect([...repoFile('README.md'), ...repoTree('docs'), ...repoFile('relay.config.yaml'), ...repoTree('examples'), ...repoFile('schema/relay.schema.json')]).toEqual([]);
  });

  test("the CLI's help and messages", async () => {
    const helps = await Promise.all(COMMANDS.map(async (c) => `${c.summary}\n${(await c.load()).help}`));
    expect([...offending('help', helps.join('\n')), ...repoTree('src/cli')]).toEqual([]);
  });
});

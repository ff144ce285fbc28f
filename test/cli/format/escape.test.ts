// Findings quote config values (and check-dns quotes live DNS): a control character in one must not
// end the finding's line, so nothing in a value can forge another finding or a CI workflow command.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { escapeControl } from '../../../src/cli/format/escape.js';
import { formatGithub } from '../../../src/cli/format/github.js';
import { formatText } from '../../../src/cli/format/text.js';
import type { FormatInput } from '../../../src/cli/format/types.js';
import type { Finding } from '../../../src/findings.js';
import { runCli } from '../../helpers/cli.js';
import { BASE_CONFIG, fixtureDir } from '../../helpers/rule-tester.js';

const FORGED = 'all\n::error file=x::forged';

function input(message: string, file = 'relay.config.yaml'): FormatInput {
  const finding: Finding = { ruleId: 'postfix-loopback-only', severity: 'error', message, file, line: 3, column: 7 };
  return { findings: [finding], rules: [], color: false, toolVersion: '0.0.0' };
}

describe('escapeControl', () => {
  test('spells out C0, DEL, C1 and the Unicode line separators; leaves printable text alone', () => {
    expect(escapeControl('a\nb\rc\td')).toBe('a\\nb\\rc\\td');
    expect(escapeControl('\u0000\u001b[2J\u007f\u0085\u009b\u2028\u2029')).toBe('\\u0000\\u001b[2J\\u007f\\u0085\\u009b\\u2028\\u2029');
    expect(escapeControl('Acme Ünïcode ✓ "quoted" %0A \\n')).toBe('Acme Ünïcode ✓ "quoted" %0A \\n');
  });
});

describe('text format', () => {
  test('a message holding a newline prints as one finding line', () => {
    expect(formatText(input(`Postfix listens on all (inet_interfaces = ${FORGED})`))).toBe(
      'relay.config.yaml:3:7: error: Postfix listens on all (inet_interfaces = all\\n::error file=x::forged) [postfix-loopback-only]\n1 error, 0 warnings, 0 info\n',
    );
  });

  test('every control character class in the message and the file name is escaped, colour codes stay ours', () => {
    const text = formatText({ ...input('a\r\u001b[31mb\u0085c\u2028d\u2029e\u007f', 'dir\n/relay.config.yaml'), color: true });
    const [line, summary, end] = text.split('\n');
    expect(end).toBe('');
    expect(summary).toBe('1 error, 0 warnings, 0 info');
    expect(line).toBe(
      'dir\\n/relay.config.yaml:3:7: \u001b[31merror\u001b[0m: a\\r\\u001b[31mb\\u0085c\\u2028d\\u2029e\\u007f \u001b[2m[postfix-loopback-only]\u001b[0m',
    );
  });
});

describe('github format', () => {
  test('a message holding "\\n::error file=x::forged" stays inside one annotation line', () => {
    expect(formatGithub(input(FORGED))).toBe('::error file=relay.config.yaml,line=3,col=7,title=postfix-loopback-only::all\\n::error file=x::forged [postfix-loopback-only]\n');
  });

  test('% is escaped after the control characters, so the runner cannot decode %0A into a newline', () => {
    const out = formatGithub(input('100%0A\r\n\u2028', 'a,b:c\n.yaml'));
    expect(out).toBe('::error file=a%2Cb%3Ac\\n.yaml,line=3,col=7,title=postfix-loopback-only::100%250A\\r\\n\\u2028 [postfix-loopback-only]\n');
    expect(out.split('\n')).toHaveLength(2);
  });
});

describe('relayconf lint on a config whose value holds a newline', () => {
  // A raw Postfix parameter is quoted into the posture finding (or refused by the schema check):
  // either way every output line must be one finding (or the count), never a forged one.
  function hostileConfig(): string {
    const file = path.join(fixtureDir(), 'forged.yaml');
    writeFileSync(file, `${BASE_CONFIG}\npostfix:\n  parameters:\n    inet_interfaces: ${JSON.stringify(FORGED)}\n`);
    return file;
  }

  test('text: each line is file:line:col: severity: message [rule] or the count', async () => {
    const file = hostileConfig();
    const run = await runCli(['lint', 'forged.yaml'], { cwd: path.dirname(file) });
    expect(run.code).toBe(1);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines.at(-1)).toMatch(/^\d+ errors?, \d+ warnings?, \d+ info$/);
    for (const line of lines.slice(0, -1)) expect(line).toMatch(/^forged\.yaml:\d+:\d+: (error|warning|info): .* \[[a-z0-9-]+\]$/);
    expect(run.stdout).not.toMatch(/^::/m);
  });

  test('github: each line is one annotation on forged.yaml', async () => {
    const file = hostileConfig();
    const run = await runCli(['lint', 'forged.yaml', '--format', 'github'], { cwd: path.dirname(file) });
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/^::(error|warning|notice) file=forged\.yaml,line=\d+,col=\d+[^:]*::[^\n]* \[[a-z0-9-]+\]$/);
  });
});

// Tests the lint engine's severity overrides: lint.rules may not touch the command rules, the CLI's --rule may.
import { describe, expect, it } from 'vitest';
import { lintText, mergeConfig, positionOf } from '../helpers/rule-tester.js';

const COMMAND = 'postfix:\n  parameters:\n    mailbox_command: /bin/sh -c id\n';
const brief = (f: { ruleId: string; severity: string }) => [f.ruleId, f.severity];
const about = (ruleId: string) => (f: { ruleId: string }) => f.ruleId === ruleId || f.ruleId === 'lint-config';

describe('lint engine overrides', () => {
  it.each(['postfix-param-runs-command', 'postfix-service-runs-command', 'relay-sendmail-path', 'acknowledged-command'])(
    'refuses lint.rules for %s, naming the key, and keeps the rule at its default',
    (id) => {
      const text = mergeConfig(`${COMMAND}lint:\n  rules:\n    ${id}: "off"\n`);
      const { findings } = lintText(text);
      const refusal = findings.find((f) => f.ruleId === 'lint-config');
      expect(refusal).toMatchObject({
        severity: 'error',
        ...positionOf(text, `${id}:`),
        message: `lint.rules cannot change ${id}: the config under review may not switch off or lower the rules for the commands it makes the server run; list each intended command under lint.acknowledgedCommands instead (it stays visible as an acknowledged-command note)`,
      });
      expect(findings.filter(about('postfix-param-runs-command')).map(brief)).toEqual([
        ['postfix-param-runs-command', 'error'],
        ['lint-config', 'error'],
      ]);
    },
  );

  it('refuses raising a command rule from the config too, and lets other rules be overridden', () => {
    const raised = lintText(mergeConfig(`${COMMAND}lint:\n  rules:\n    acknowledged-command: error\n    spf-all-qualifier: "off"\n`));
    expect(raised.findings.filter((f) => f.ruleId === 'lint-config').map((f) => f.message.split(':')[0])).toEqual(['lint.rules cannot change acknowledged-command']);
  });

  it("applies the CLI's --rule to a command rule: it comes from the CI workflow, not from the config", () => {
    const text = mergeConfig(COMMAND);
    expect(lintText(text, { ruleOverrides: { 'postfix-param-runs-command': 'warning' } }).findings.filter(about('postfix-param-runs-command')).map(brief)).toEqual([['postfix-param-runs-command', 'warning']]);
    expect(lintText(text, { ruleOverrides: { 'postfix-param-runs-command': 'off' } }).findings.filter(about('postfix-param-runs-command'))).toEqual([]);
  });
});

// Tests acknowledged-command: acknowledged commands stay visible as info, and unused acknowledgements are named.
import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/acknowledged-command.js';
import { BASE_CONFIG, expectFindings, lintText, mergeConfig } from '../helpers/rule-tester.js';
import { at } from './postfix-util/at.js';

const lint = (fragment: string) => lintText(mergeConfig(fragment), { rules: [rule] });

describe('acknowledged-command', () => {
  it('notes each acknowledged command where it is configured, and an acknowledgement nothing runs', () => {
    const result = lint(
      'relay:\n  sendmail:\n    path: /opt/mta/sendmail\npostfix:\n  services:\n    - "filter unix - n n - 10 pipe user=filter argv=/usr/bin/filter"\n' +
        'lint:\n  acknowledgedCommands:\n    - /usr/bin/filter\n    - /opt/mta/sendmail\n    - /usr/bin/old-filter\n',
    );
    expectFindings(result, rule.id, [
      { severity: 'info', ...at(result.text, 'path: /opt', '/opt'), message: /to "\/opt\/mta\/sendmail" as user mailrelay \(acknowledged in lint\.acknowledgedCommands\)$/ },
      { severity: 'info', ...at(result.text, '- filter unix', 'filter'), message: /^master\.cf service filter \(unix\) makes pipe\(8\), for each message routed to it, run "\/usr\/bin\/filter" as user filter \(acknowledged/ },
      {
        severity: 'info',
        ...at(result.text, '- /usr/bin/old-filter', '/usr'),
        message: 'lint.acknowledgedCommands lists "/usr/bin/old-filter", which nothing in this config runs: remove it, so that a command added later is reviewed',
      },
    ]);
  });

  it('is silent without acknowledgements', () => {
    expect(lintText(BASE_CONFIG, { rules: [rule] }).findings).toEqual([]);
    expect(lint('postfix:\n  services:\n    - "filter unix - n n - 10 pipe user=filter argv=/usr/bin/filter"\n').findings).toEqual([]);
  });
});

// Tests relay-sendmail-path: any program but Postfix's sendmail is reported with the relay user until acknowledged.
import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/relay-sendmail-path.js';
import { BASE_CONFIG, expectFindings, lintText, mergeConfig } from '../helpers/rule-tester.js';
import { at } from './postfix-util/at.js';

const lint = (fragment: string) => lintText(mergeConfig(fragment), { rules: [rule] });

describe('relay-sendmail-path', () => {
  it('reports another sendmail with the relay user it runs as, at the path', () => {
    const result = lint('relay:\n  user: acmerelay\n  sendmail:\n    path: /usr/local/bin/copy-and-send\n');
    expectFindings(result, rule.id, [
      {
        severity: 'error',
        ...at(result.text, 'path: /usr/local', '/usr/local'),
        message:
          'relay.sendmail.path replaces Postfix\'s /usr/sbin/sendmail (sendmail(1)): the relay hands every message it accepts, on stdin with -t -oi -f <return path>, to "/usr/local/bin/copy-and-send" as user acmerelay; ' +
          'if that is intended, list "/usr/local/bin/copy-and-send" under lint.acknowledgedCommands',
      },
    ]);
  });

  it('passes the default, Postfix sendmail written out, and an acknowledged path', () => {
    expect(lintText(BASE_CONFIG, { rules: [rule] }).findings).toEqual([]);
    expect(lint('relay:\n  sendmail:\n    path: /usr/sbin/sendmail\n').findings).toEqual([]);
    expect(lint('relay:\n  sendmail:\n    path: /opt/mta/sendmail\nlint:\n  acknowledgedCommands: [/opt/mta/sendmail]\n').findings).toEqual([]);
  });
});

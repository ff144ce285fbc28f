// Tests postfix-service-runs-command: pipe(8) and spawn(8) services report their command and user until acknowledged.
import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/postfix-service-runs-command.js';
import { BASE_CONFIG, expectFindings, lintText, mergeConfig } from '../helpers/rule-tester.js';
import { at } from './postfix-util/at.js';

const lint = (fragment: string) => lintText(mergeConfig(fragment), { rules: [rule] });

describe('postfix-service-runs-command', () => {
  it('reports a pipe and a spawn service with the argv they run and their user, at the service line', () => {
    const result = lint(
      'postfix:\n  services:\n    - "filter unix - n n - 10 pipe flags=Rq user=filter:filter argv=/usr/bin/spamc -u ${user} -e /usr/sbin/sendmail -oi -f ${sender} ${recipient}"\n' +
        '    - "policy unix - n n - 0 spawn user=nobody argv=/usr/local/bin/policyd"\n',
    );
    expectFindings(result, rule.id, [
      {
        severity: 'error',
        ...at(result.text, '- filter unix', 'filter'),
        message:
          'master.cf service filter (unix) makes pipe(8), for each message routed to it, run "/usr/bin/spamc -u ${user} -e /usr/sbin/sendmail -oi -f ${sender} ${recipient}" as user filter:filter; ' +
          'if that is intended, list "/usr/bin/spamc -u ${user} -e /usr/sbin/sendmail -oi -f ${sender} ${recipient}" under lint.acknowledgedCommands',
      },
      { severity: 'error', ...at(result.text, '- policy unix', 'policy'), message: /spawn\(8\), for each connection to it, run "\/usr\/local\/bin\/policyd" as user nobody/ },
    ]);
  });

  it('says when pipe(8) has no user= (it would refuse to run) and when there is no argv=', () => {
    const result = lint('postfix:\n  services:\n    - "filter unix - n n - 10 pipe flags=Rq"\n');
    expectFindings(result, rule.id, [{ severity: 'error', ...at(result.text, '- filter unix', 'filter'), message: /run "\(no argv=\)" as no user \(pipe\(8\) refuses to run without user=\)/ }]);
  });

  it('passes an acknowledged command, and fails again once the command changes', () => {
    const service = 'postfix:\n  services:\n    - "filter unix - n n - 10 pipe user=filter argv=/usr/bin/filter --strict"\n';
    expect(lint(`${service}lint:\n  acknowledgedCommands: ["/usr/bin/filter --strict"]\n`).findings).toEqual([]);
    const changed = lint(`${service}lint:\n  acknowledgedCommands: ["/usr/bin/filter"]\n`);
    expectFindings(changed, rule.id, [{ severity: 'error', ...at(changed.text, '- filter unix', 'filter'), message: /run "\/usr\/bin\/filter --strict"/ }]);
  });

  it('passes the base config (stock local and virtual run no argv) and smtp/smtpd services', () => {
    expect(lintText(BASE_CONFIG, { rules: [rule] }).findings).toEqual([]);
    expect(lint('postfix:\n  services:\n    - "127.0.0.1:10025 inet n - n - - smtpd -o content_filter="\n    - "slow unix - - n - 2 smtp"\n').findings).toEqual([]);
  });
});

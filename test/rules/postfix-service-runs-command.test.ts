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

  it('reads attributes as pipe(8) does (any case, last wins, first argv=) and refuses mixed-case or repeated names, even when acknowledged', () => {
    const acked = (service: string, ack: string) => lint(`postfix:\n  services:\n    - "${service}"\nlint:\n  acknowledgedCommands: ["${ack}"]\n`);
    const repeated = acked('filter unix - n n - 10 pipe user=nobody flags=R user=mailrelay argv=/usr/bin/filter', '/usr/bin/filter');
    expectFindings(repeated, rule.id, [
      {
        severity: 'error',
        ...at(repeated.text, '- filter unix', 'filter'),
        message:
          'master.cf service filter (unix) makes pipe(8), for each message routed to it, run "/usr/bin/filter" as user mailrelay, but "user=" (word 3 after the command name) repeats user=: ' +
          'pipe(8) and spawn(8) read attribute names in any case, a repeated name replaces the earlier one and the first argv= in any case starts the command, so write each attribute once, in lower case (this cannot be acknowledged)',
      },
    ]);
    const upper = acked('policy unix - n n - 0 spawn User=nobody ARGV=/bin/sh -c id argv=/usr/bin/policyd', '/usr/bin/policyd');
    expectFindings(upper, rule.id, [
      { severity: 'error', ...at(upper.text, '- policy unix', 'policy'), message: /run "\/bin\/sh -c id argv=\/usr\/bin\/policyd" as user nobody, but "User=" \(word 1 after the command name\) is not in lower case, "ARGV=" \(word 2 after the command name\) is not in lower case:/ },
    ]);
  });

  it('does not take -o overrides for attributes', () => {
    const result = lint('postfix:\n  services:\n    - "filter unix - n n - 10 pipe -o user=root user=filter argv=/usr/bin/filter"\nlint:\n  acknowledgedCommands: [/usr/bin/filter]\n');
    expect(result.findings).toEqual([]);
  });
});

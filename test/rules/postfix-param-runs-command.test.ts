// Tests postfix-param-runs-command: parameters that run or load programs, and routes into pipe(8) services, until acknowledged.
import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/postfix-param-runs-command.js';
import { BASE_CONFIG, expectFindings, lintText, mergeConfig } from '../helpers/rule-tester.js';
import { at } from './postfix-util/at.js';

const lint = (fragment: string) => lintText(mergeConfig(fragment), { rules: [rule] });
const PIPE = '    - "filter unix - n n - 10 pipe flags=Rq user=filter argv=/usr/bin/filter ${sender}"\n';

describe('postfix-param-runs-command', () => {
  it('reports each command-running or program-loading parameter with its user, at its value', () => {
    const result = lint(
      'postfix:\n  parameters:\n    mailbox_command: /usr/bin/procmail -a $EXTENSION\n    debugger_command: /bin/sh -c id\n    daemon_directory: /var/tmp/d\n' +
        '    import_environment: "MAIL_CONFIG LD_PRELOAD=/var/tmp/x.so"\n    default_privs: mailnull\n    multi_instance_wrapper: /var/tmp/w\n',
    );
    expectFindings(result, rule.id, [
      {
        severity: 'error',
        ...at(result.text, 'mailbox_command: /usr', '/usr'),
        message:
          'main.cf mailbox_command (postconf(5)): local(8) pipes every local mailbox delivery into "/usr/bin/procmail -a $EXTENSION" as the recipient\'s user (default_privs, mailnull, for root); ' +
          'if that is intended, list "/usr/bin/procmail -a $EXTENSION" under lint.acknowledgedCommands',
      },
      { severity: 'error', ...at(result.text, 'debugger_command: /bin', '/bin'), message: /a Postfix daemon started with -D runs "\/bin\/sh -c id" as root/ },
      { severity: 'error', ...at(result.text, 'daemon_directory: /var', '/var'), message: /master\(8\) runs every Postfix daemon from the directory "\/var\/tmp\/d" as root/ },
      { severity: 'error', ...at(result.text, 'import_environment: MAIL', 'MAIL'), message: /environment overrides \(LD_PRELOAD loads code into it\) "MAIL_CONFIG LD_PRELOAD=\/var\/tmp\/x.so" as root/ },
      { severity: 'error', ...at(result.text, 'multi_instance_wrapper: /var', '/var'), message: /^main\.cf multi_instance_wrapper \(postconf\(5\)\): postfix\(1\) start, stop and reload run the multi-instance manager "\/var\/tmp\/w" as root;/ },
    ]);
  });

  it('reports main.cf, inline: table and -o routes into a pipe(8) service with the command it runs', () => {
    const result = lint(
      'postfix:\n  parameters:\n    default_transport: "filter:"\n    transport_maps: "inline:{ acme-mail.net=smtp:, partner.de=filter:[x] }"\n  services:\n' +
        PIPE + '    - "127.0.0.1:2526 inet n - n - - smtpd -o content_filter=filter:dummy"\n',
    );
    expectFindings(result, rule.id, [
      { severity: 'error', ...at(result.text, 'default_transport: "', '"'), message: /^main\.cf default_transport routes mail to master\.cf service filter, whose pipe\(8\), for each message routed to it, runs "\/usr\/bin\/filter \$\{sender\}" as user filter;/ },
      { severity: 'error', ...at(result.text, 'transport_maps: inline', 'inline'), message: /^main\.cf transport_maps routes mail to master\.cf service filter/ },
      { severity: 'error', ...at(result.text, '- 127.0.0.1:2526', '127'), message: /^master\.cf service 127\.0\.0\.1:2526 \(-o\) content_filter routes mail to master\.cf service filter/ },
    ]);
  });

  it('follows $name references to a pipe(8) service, and reports routes that re-enable local(8) command delivery', () => {
    const result = lint(
      'postfix:\n  parameters:\n    content_filter: $my_filter\n    my_filter: "${my_transport}:"\n    my_transport: filter\n    local_transport: "local:$myhostname"\n  services:\n' + PIPE,
    );
    expectFindings(result, rule.id, [
      { severity: 'error', ...at(result.text, 'content_filter: $my', '$my'), message: /^main\.cf content_filter routes mail to master\.cf service filter, whose pipe\(8\)/ },
      {
        severity: 'error',
        ...at(result.text, '_transport: local', 'local'),
        message:
          'main.cf local_transport routes mail to master.cf service local, whose local(8), for each delivery to a local recipient, from aliases(5) and ~/.forward files, runs ' +
          '"|command entries (allow_mail_to_commands = alias, forward)" as the recipient\'s user (default_privs, nobody, for root and root-owned aliases); ' +
          'if that is intended, list "|command entries (allow_mail_to_commands = alias, forward)" under lint.acknowledgedCommands',
      },
    ]);
    expect(lint('postfix:\n  parameters:\n    local_transport: "local:$myhostname"\n    allow_mail_to_commands: ""\n').findings).toEqual([]);
    // References that double at every level stop at a bounded length instead of exhausting lint.
    const doubling = Array.from({ length: 12 }, (_, i) => `    p${i}: "$p${i + 1}$p${i + 1}$p${i + 1}$p${i + 1}"\n`).join('');
    expect(lint(`postfix:\n  parameters:\n    content_filter: $p0\n${doubling}    p12: "${'x'.repeat(1000)}"\n`).findings).toEqual([]);
  });

  it('passes acknowledged commands, and routes to smtp(8) or the error transport', () => {
    expect(lint('postfix:\n  parameters:\n    mailbox_command: /usr/bin/procmail\nlint:\n  acknowledgedCommands: [/usr/bin/procmail]\n').findings).toEqual([]);
    expect(lint(`postfix:\n  parameters:\n    content_filter: "filter:"\n  services:\n${PIPE}lint:\n  acknowledgedCommands: ["/usr/bin/filter \${sender}"]\n`).findings).toEqual([]);
    expect(lint('postfix:\n  parameters:\n    content_filter: "smtp:[127.0.0.1]:10024"\n    relay_transport: relay\n    import_environment: MAIL_CONFIG TZ\n').findings).toEqual([]);
  });

  it('passes the base config: local_transport is the error transport and alias_maps is empty', () => {
    expect(lintText(BASE_CONFIG, { rules: [rule] }).findings).toEqual([]);
  });

  it('judges and acknowledges a parameter on its postconf -x expansion, with defaults of parameters the config leaves unset', () => {
    const result = lint('postfix:\n  parameters:\n    lmtp_sasl_path: /var/tmp/evil\n    daemon_directory: "${lmtp_sasl_path?{$lmtp_sasl_path}:{$shlib_directory}}/sbin"\nlint:\n  acknowledgedCommands: ["$lmtp_sasl_path"]\n');
    expectFindings(result, rule.id, [
      {
        severity: 'error',
        ...at(result.text, 'daemon_directory: ${', '${'),
        message:
          'main.cf daemon_directory (postconf(5); written "${lmtp_sasl_path?{$lmtp_sasl_path}:{$shlib_directory}}/sbin", expanded as postconf -x does): master(8) runs every Postfix daemon from the directory "/var/tmp/evil/sbin" as root; ' +
          'if that is intended, list "/var/tmp/evil/sbin" under lint.acknowledgedCommands',
      },
    ]);
    expect(lint('postfix:\n  parameters:\n    daemon_directory: "$shlib_directory/sbin"\nlint:\n  acknowledgedCommands: [/usr/lib/postfix/sbin]\n').findings).toEqual([]);
    expect(lint('postfix:\n  parameters:\n    mailbox_command: "/usr/bin/procmail -a $extension"\nlint:\n  acknowledgedCommands: ["/usr/bin/procmail -a $extension"]\n').findings).toEqual([]);
  });

  it('reports the program parameters the postconf(5) audit added, and refuses to accept a value it cannot expand', () => {
    const result = lint(
      'postfix:\n  parameters:\n    openssl_path: /var/tmp/openssl\n    maillog_file_compressor: /var/tmp/gz\n    forward_path: /var/tmp/$user.forward\n    export_environment: "TZ LD_PRELOAD=/var/tmp/x.so"\n' +
        '    multi_instance_directories: /var/tmp/pf2\n    alternate_config_directories: /var/tmp/pf3\n    debugger_command: "${a==b?{x}}"\nlint:\n  acknowledgedCommands: ["${a==b?{x}}"]\n',
    );
    expect(result.findings.filter((f) => f.ruleId === rule.id).map((f) => f.message.split(' (postconf(5)')[0] + ' => ' + /"[^"]*"( as [^;]*)/.exec(f.message.split('): ')[1])?.[0])).toEqual([
      'main.cf openssl_path => "/var/tmp/openssl" as root',
      'main.cf maillog_file_compressor => "/var/tmp/gz" as root',
      "main.cf forward_path => \"/var/tmp/$user.forward\" as the recipient's user (default_privs, nobody, for root)",
      "main.cf export_environment => \"TZ LD_PRELOAD=/var/tmp/x.so\" as the recipient's user (default_privs, nobody, for root)",
      'main.cf multi_instance_directories => "/var/tmp/pf2" as root',
      'main.cf alternate_config_directories => "/var/tmp/pf3" as any local user, with the postdrop group',
      'main.cf debugger_command => "${a==b?{x}}" as root',
    ]);
    expect(result.findings.find((f) => f.message.includes('debugger_command'))!.message).toContain('its $ references cannot be expanded (the reference "${a==b?{x}}", a form lint does not expand), so it cannot be acknowledged');
  });
});

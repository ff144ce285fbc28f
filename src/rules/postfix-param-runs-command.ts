// postfix-param-runs-command: a main.cf or -o parameter runs or loads a program, or routes mail into a command service; lint fails until it is acknowledged.
import { createRule } from './types.js';
import { commandData, RUNS_COMMAND } from './util/commands.js';

export default createRule({
  id: 'postfix-param-runs-command',
  defaultSeverity: 'error',
  docs: {
    summary: 'A Postfix parameter runs or loads a program, or routes mail to a command service: fail until lint.acknowledgedCommands lists it',
    rationale:
      'Some parameters name programs Postfix runs (postconf(5) mailbox_command, mailbox_command_maps, local_command_shell, ' +
      'debugger_command, multi_instance_wrapper, and the |command entries of alias_maps tables, aliases(5)); some name where root finds the programs and ' +
      'libraries it runs (daemon_directory, command_directory, shlib_directory, meta_directory) or the environment it runs them ' +
      'with (import_environment name=value overrides such as LD_PRELOAD); and the transport parameters (content_filter, ' +
      'default_transport, relay_transport, transport_maps with inline: or static: tables, ...; transport(5)) route mail into a ' +
      'master.cf service, which may be a pipe(8) or spawn(8) command, or local(8), which runs the |command entries of aliases(5) ' +
      'and ~/.forward files (allow_mail_to_commands). Each value is judged, and matched against lint.acknowledgedCommands, as ' +
      'postconf -x expands it: $name, ${name}, $(name), ${name?value} and ${name:value} with the config\'s parameters (for a -o override, the service\'s other overrides first, as postconf -P -x does) and Postfix\'s ' +
      'defaults for the others (the raw parameters mailbox_command and forward_path are taken as written, as postconf does), so an ' +
      'acknowledgement cannot name a reference whose target changes later; a value lint cannot expand cannot be acknowledged. ' +
      'The parameters were chosen by reading every entry of postconf(5) and postconf -d for a program, a directory of programs or ' +
      'plugins, a shell or an environment: mailbox_command, mailbox_command_maps, local_command_shell, alias_maps and forward_path ' +
      '(local(8) commands), debugger_command, multi_instance_wrapper, multi_instance_directories, openssl_path (postfix tls), tls_config_file (an OpenSSL configuration, which can load provider and engine modules), ' +
      'maillog_file_compressor (postfix logrotate), daemon_directory, command_directory, shlib_directory, meta_directory, ' +
      'alternate_config_directories, import_environment and export_environment (name=value entries). Not listed: sendmail_path, ' +
      'mailq_path and newaliases_path (where Postfix installs its commands; nothing in Postfix runs them), the *_sasl_path and ' +
      'milter and policy parameters (a configuration name or a socket, not a program), command_execution_directory (a working ' +
      'directory). From a pull request applied by root, each is a way to run ' +
      'a program on the server that a reviewer may not see in a one-line parameter change. Listing the exact command under ' +
      'lint.acknowledgedCommands turns the error into an acknowledged-command note.',
    source: 'postconf(5), transport(5), aliases(5), local(8)',
    fix:
      'Remove the parameter if nothing needs it. If the command or directory is intended, add its value (or, for a route, the ' +
      "service's command) exactly as the finding quotes it to lint.acknowledgedCommands.",
    examples: {
      invalid: [
        { description: 'mailbox_command runs a shell for every local delivery', config: 'postfix:\n  parameters:\n    mailbox_command: /bin/sh -c id\n' },
        { description: 'import_environment preloads a library into every privileged Postfix process', config: 'postfix:\n  parameters:\n    import_environment: "MAIL_CONFIG LD_PRELOAD=/var/tmp/x.so"\n' },
      ],
      valid: [
        { description: 'A content filter that hands mail to an smtp(8) service runs no command', config: 'postfix:\n  parameters:\n    content_filter: "smtp:[127.0.0.1]:10024"\n' },
      ],
    },
  },
  messages: {
    runsCommand: RUNS_COMMAND,
  },
  check({ views, report }) {
    for (const run of views.commands) {
      if ((run.origin === 'parameter' || run.origin === 'route') && !run.acknowledged) report({ messageId: 'runsCommand', path: run.path, data: commandData(run) });
    }
  },
});

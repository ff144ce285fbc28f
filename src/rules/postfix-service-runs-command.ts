// postfix-service-runs-command: a pipe(8) or spawn(8) service in postfix.services runs an external command; lint fails until it is acknowledged.
import { createRule } from './types.js';
import { AMBIGUOUS_SERVICE, commandData, RUNS_COMMAND } from './util/commands.js';

export default createRule({
  id: 'postfix-service-runs-command',
  defaultSeverity: 'error',
  docs: {
    summary: 'A master.cf pipe(8) or spawn(8) service runs an external command: fail until lint.acknowledgedCommands lists it',
    rationale:
      'master(5) starts a pipe(8) service for each message routed to it and a spawn(8) service for each connection, and both ' +
      'execute their argv= command with the rights of their user= attribute (pipe(8), spawn(8)). A postfix.services line is ' +
      'applied by root from a pull request, so it can make the server run any program on every message (argv=/bin/sh -c ...), ' +
      'with the mail on its standard input. A reviewer must see the command and the user, and agree to them in the config ' +
      'itself: listing the exact command under lint.acknowledgedCommands turns this error into an acknowledged-command note, ' +
      'and any later change to the command fails again. The command and user are read as the daemons read them: attribute names in ' +
      'any case, a repeated name replacing the earlier one, the first argv= in any case starting the command; because a reviewer reads ' +
      '`user=nobody USER=root` or `ARGV=... argv=...` differently, an attribute name repeated or not in lower case is an error that ' +
      'no acknowledgement accepts.',
    source: 'master(5), pipe(8), spawn(8)',
    fix:
      'Remove the service if nothing needs it. If the command is intended (a content filter such as spamc, a policy daemon), ' +
      'add its command exactly as the finding quotes it to lint.acknowledgedCommands.',
    examples: {
      invalid: [
        {
          description: 'A pipe service that hands every message to a shell',
          config: 'postfix:\n  services:\n    - "filter unix - n n - 10 pipe flags=Rq user=nobody argv=/bin/sh -c cat>/tmp/x"\n',
        },
        {
          description: 'A spawn service that runs a policy script for each connection',
          config: 'postfix:\n  services:\n    - "policy unix - n n - 0 spawn user=nobody argv=/usr/local/bin/policy.py"\n',
        },
      ],
      valid: [
        { description: 'Extra smtp(8) and smtpd(8) services run no external command', config: 'postfix:\n  services:\n    - "127.0.0.1:10025 inet n - n - - smtpd -o content_filter="\n' },
      ],
    },
  },
  messages: {
    runsCommand: RUNS_COMMAND,
    ambiguous: AMBIGUOUS_SERVICE,
  },
  check({ views, report }) {
    for (const run of views.commands) {
      if (run.origin !== 'service') continue;
      if (run.ambiguity !== undefined) report({ messageId: 'ambiguous', path: run.path, data: { ...commandData(run), ambiguity: run.ambiguity } });
      else if (!run.acknowledged) report({ messageId: 'runsCommand', path: run.path, data: commandData(run) });
    }
  },
});

// relay-sendmail-path: the relay hands every message to relay.sendmail.path; anything but Postfix's sendmail fails lint until acknowledged.
import { createRule } from './types.js';
import { commandData, POSTFIX_SENDMAIL, RUNS_COMMAND } from './util/commands.js';

export default createRule({
  id: 'relay-sendmail-path',
  defaultSeverity: 'error',
  docs: {
    summary: `relay.sendmail.path is Postfix's ${POSTFIX_SENDMAIL}, or another program lint.acknowledgedCommands lists`,
    rationale:
      'The relay runs relay.sendmail.path with -t -oi -f <return path> for every message it accepts and writes the message to ' +
      `its standard input (sendmail(1) as Postfix implements it). Anything but Postfix's ${POSTFIX_SENDMAIL} is a program that ` +
      'receives every message and runs as the relay user, whose group postdrop may write into the Postfix queue: a different path ' +
      'in a pull request changes where all mail goes. A reviewer must agree to it in the config itself: listing the exact path ' +
      'under lint.acknowledgedCommands turns this error into an acknowledged-command note.',
    source: 'sendmail(1), postconf(5) sendmail_path',
    fix: `Leave relay.sendmail.path out (it defaults to ${POSTFIX_SENDMAIL}); if another program is intended, add its path to lint.acknowledgedCommands.`,
    examples: {
      invalid: [{ description: 'A script in place of Postfix sendmail', config: 'relay:\n  sendmail:\n    path: /usr/local/bin/sendmail-wrapper\n' }],
      valid: [{ description: "Postfix's sendmail, written out", config: `relay:\n  sendmail:\n    path: ${POSTFIX_SENDMAIL}\n` }],
    },
  },
  messages: {
    otherSendmail: RUNS_COMMAND,
  },
  check({ views, report }) {
    for (const run of views.commands) {
      if (run.origin === 'sendmail' && !run.acknowledged) report({ messageId: 'otherSendmail', path: run.path, data: commandData(run) });
    }
  },
});

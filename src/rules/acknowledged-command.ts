// acknowledged-command: every command lint.acknowledgedCommands accepts stays in view, and an acknowledgement nothing uses is pointed out.
import { createRule } from './types.js';
import { commandData } from './util/commands.js';

export default createRule({
  id: 'acknowledged-command',
  defaultSeverity: 'info',
  docs: {
    summary: 'Shows each command the config runs on purpose (lint.acknowledgedCommands), and acknowledgements no command matches',
    rationale:
      'postfix-service-runs-command, postfix-param-runs-command and relay-sendmail-path fail lint for every program the config ' +
      'makes the server run (pipe(8), spawn(8), postconf(5) mailbox_command, sendmail(1)) until lint.acknowledgedCommands lists ' +
      'it. An acknowledged command still runs, so each review should still see it: this rule notes it where it is configured. ' +
      'An acknowledgement that matches nothing would silently accept a command added later with the same text, so it is noted too. ' +
      'An acknowledgement matches the exact text the finding quotes: for a parameter, its value expanded as postconf -x expands it. ' +
      "The config's lint.rules cannot change this rule or the three command rules (a lint-config error): the config is what is under " +
      'review, and lint.acknowledgedCommands is its only way to accept a command. The command line\'s --rule still can, because it ' +
      'comes from the CI workflow that runs lint, not from the pull request.',
    source: 'master(5), pipe(8), postconf(5), sendmail(1)',
    fix: 'Nothing, while the command is still intended; remove an acknowledgement no command matches.',
    examples: {
      invalid: [
        {
          description: 'An acknowledged pipe(8) content filter',
          config:
            'postfix:\n  services:\n    - "filter unix - n n - 10 pipe flags=Rq user=filter argv=/usr/bin/spamc -e /usr/sbin/sendmail -oi -f ${sender} ${recipient}"\nlint:\n  acknowledgedCommands:\n    - "/usr/bin/spamc -e /usr/sbin/sendmail -oi -f ${sender} ${recipient}"\n',
        },
        { description: 'An acknowledgement nothing runs', config: 'lint:\n  acknowledgedCommands: [/usr/local/bin/old-filter]\n' },
      ],
      valid: [{ description: 'No acknowledged commands', config: 'lint:\n  acknowledgedCommands: []\n' }],
    },
  },
  messages: {
    acknowledged: '{{how}} {{command}} as {{user}} (acknowledged in lint.acknowledgedCommands)',
    unused: 'lint.acknowledgedCommands lists {{command}}, which nothing in this config runs: remove it, so that a command added later is reviewed',
  },
  check({ model, views, report }) {
    const used = new Set<string>();
    const listed = new Set(model.lint.acknowledgedCommands);
    for (const run of views.commands) {
      if (listed.has(run.command)) used.add(run.command); // matched, even where an ambiguous service refuses the acknowledgement
      if (!run.acknowledged) continue;
      report({ messageId: 'acknowledged', path: run.path, data: commandData(run) });
    }
    model.lint.acknowledgedCommands.forEach((command, i) => {
      if (!used.has(command)) report({ messageId: 'unused', path: ['lint', 'acknowledgedCommands', i], data: { command: JSON.stringify(command) } });
    });
  },
});

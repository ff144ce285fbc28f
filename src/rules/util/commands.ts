// Every program the written config makes the server run beyond Postfix's and the relay's own: pipe(8)
// and spawn(8) services in master.cf, main.cf (and -o) parameters that run or load programs or route
// mail into such a service, and a non-standard sendmail for the relay; each with who runs it and where.
import type { KeyPath } from '../../findings.js';
import type { RelayModel } from '../../config/model.js';
import type { MainCfParameter, MasterService } from '../../outputs/encode/postfix.js';
import type { PostfixModel } from '../../outputs/postfix-model.js';
import type { EnvAssignment, UnitDirective } from '../../outputs/encode/systemd.js';
import { expandSetting } from './postconf-expand.js';

/**
 * The rules that guard these commands. A config may not change their severity (lint.rules): the config
 * comes from the pull request under review, and lint.acknowledgedCommands, which keeps a note, is its only way.
 */
export const COMMAND_RULE_IDS: ReadonlySet<string> = new Set(['postfix-service-runs-command', 'postfix-param-runs-command', 'relay-sendmail-path', 'acknowledged-command']);

/** Where a command comes from: a master.cf service, a parameter that runs or loads it, one that routes mail to it, the relay. */
export type CommandOrigin = 'service' | 'parameter' | 'route' | 'sendmail';

export interface CommandRun {
  origin: CommandOrigin;
  /** The config key that causes it: where it is reported. */
  path: KeyPath;
  /** Exactly what runs (an argv, a parameter value, a path): the text lint.acknowledgedCommands must repeat. */
  command: string;
  /** Who runs it, in words. */
  user: string;
  /** What runs it and when, with the man page that says so: a phrase the command follows. */
  how: string;
  /** Listed in lint.acknowledgedCommands (never while ambiguity is set: an ambiguous service cannot be acknowledged). */
  acknowledged: boolean;
  /** Why it cannot be acknowledged: a service's attribute names a reviewer could misread (also on routes into it), or a parameter's $ references lint cannot expand. */
  ambiguity?: string;
}

/** The sendmail Postfix installs (postconf -d sendmail_path on Debian). */
export const POSTFIX_SENDMAIL = '/usr/sbin/sendmail';

/** The daemons that execute an external command given as argv= (master(5), pipe(8), spawn(8)). */
const COMMAND_DAEMONS: Record<string, string> = {
  pipe: 'for each message routed to it',
  spawn: 'for each connection to it',
};

const recipient = (p: Params) => `the recipient's user (default_privs, ${p('default_privs') ?? 'nobody'}, for root)`;
type Params = (name: string) => string | undefined;

/** main.cf parameters that run or load a program (postconf(5)), with when they count and who runs it. */
const RUNNING_PARAMETERS: Record<string, { runs: (value: string) => boolean; how: string; user: (p: Params) => string }> = {
  mailbox_command: { runs: (v) => v !== '', how: 'local(8) pipes every local mailbox delivery into', user: recipient },
  mailbox_command_maps: { runs: (v) => v !== '', how: 'local(8) runs the per-recipient commands of tables this config does not show,', user: recipient },
  local_command_shell: { runs: (v) => v !== '', how: 'local(8) runs every command delivery through the shell', user: recipient },
  alias_maps: { runs: (v) => v !== '', how: 'local(8) runs the |command entries (aliases(5)) of tables this config does not show,', user: (p) => `the table's owner (default_privs, ${p('default_privs') ?? 'nobody'}, for a table owned by root)` },
  debugger_command: { runs: (v) => v !== '', how: 'a Postfix daemon started with -D runs', user: () => 'root' },
  multi_instance_wrapper: { runs: (v) => v !== '', how: 'postfix(1) start, stop and reload run the multi-instance manager', user: () => 'root' },
  daemon_directory: { runs: () => true, how: 'master(8) runs every Postfix daemon from the directory', user: () => 'root' },
  command_directory: { runs: () => true, how: 'postfix(1) runs the administrative commands from the directory', user: () => 'root' },
  shlib_directory: { runs: () => true, how: 'every Postfix program loads its shared libraries and database plugins from the directory', user: () => 'root' },
  meta_directory: { runs: () => true, how: 'Postfix programs load the database plugins named by dynamicmaps.cf in the directory', user: () => 'root' },
  import_environment: { runs: (v) => v.includes('='), how: 'every privileged Postfix process starts with the environment overrides (LD_PRELOAD loads code into it)', user: () => 'root' },
  export_environment: { runs: (v) => v.includes('='), how: 'local(8), pipe(8) and spawn(8) start every external command with the environment overrides (LD_PRELOAD loads code into it)', user: recipient },
  forward_path: { runs: (v) => v !== '', how: "local(8) runs the |command entries of the .forward files (aliases(5)) it reads from", user: recipient },
  openssl_path: { runs: () => true, how: '"postfix tls" (postfix-tls(1)) runs the OpenSSL command', user: () => 'root' },
  tls_config_file: {
    runs: (v) => v !== 'default' && v !== '',
    how: 'every Postfix program that initialises TLS (smtp(8), smtpd(8), tlsmgr(8), posttls-finger(1)) reads this OpenSSL configuration, whose provider and engine sections load shared objects named in it,',
    user: () => 'the Postfix daemons that use TLS',
  },
  maillog_file_compressor: { runs: (v) => v !== '', how: '"postfix logrotate" (postfix(1)) runs the compressor after rotating maillog_file', user: () => 'root' },
  multi_instance_directories: { runs: (v) => v !== '', how: 'postfix(1) start, stop and reload run the instances configured (daemon_directory, commands, ...) in the directories', user: () => 'root' },
  alternate_config_directories: { runs: (v) => v !== '', how: 'sendmail(1), postqueue(1) and postdrop(1), setgid postdrop, accept from any local user -c with the configuration directories', user: () => 'any local user, with the postdrop group' },
};

/** The names of the parameters that run or load a program (the postconf(5) audit in postfix-param-runs-command's docs). */
export const RUNNING_PARAMETER_NAMES: readonly string[] = Object.keys(RUNNING_PARAMETERS);

/** Parameters whose value is transport[:nexthop] (postconf(5)): they route mail into a master.cf service. */
const ROUTE_PARAMETERS = new Set([
  'content_filter',
  'default_transport',
  'relay_transport',
  'local_transport',
  'virtual_transport',
  'mailbox_transport',
  'fallback_transport',
  'best_mx_transport',
  'address_verify_default_transport',
  'address_verify_local_transport',
  'address_verify_relay_transport',
  'address_verify_virtual_transport',
]);

/** Parameters whose tables answer transport[:nexthop] (transport(5), postconf(5)); only inline: and static: tables show their answers here. */
const ROUTE_TABLES = new Set([
  'transport_maps',
  'mailbox_transport_maps',
  'fallback_transport_maps',
  'sender_dependent_default_transport_maps',
  'address_verify_transport_maps',
  'address_verify_sender_dependent_default_transport_maps',
]);

/** The transport[:nexthop] answers an inline:{...} or static:... table gives (postconf(5), inline_table, static_table). */
function tableAnswers(value: string): string[] {
  const answers: string[] = [];
  for (const match of value.matchAll(/inline:\{([^}]*)\}|static:\{([^}]*)\}|static:([^\s,{}]+)/g)) {
    if (match[1] !== undefined) answers.push(...match[1].split(/,/).map((entry) => entry.slice(entry.indexOf('=') + 1).trim()));
    else answers.push((match[2] ?? match[3]).trim());
  }
  return answers.filter((a) => a !== '');
}

/**
 * A pipe(8)/spawn(8) service's attributes as Postfix reads them: attribute names in any case (the
 * daemons compare them with strncasecmp), a later name=value replacing an earlier one, and the first
 * argv= in any case starting the command, every word after it belonging to the command.
 */
export function serviceAttributes(words: readonly string[]): { values: Map<string, string>; argv: string[] | null; ambiguous: string[] } {
  const values = new Map<string, string>();
  const ambiguous: string[] = [];
  for (const [i, word] of words.entries()) {
    const eq = word.indexOf('=');
    const name = eq < 0 ? word : word.slice(0, eq);
    const lower = name.toLowerCase();
    if (eq >= 0 && (name !== lower || values.has(lower))) {
      ambiguous.push(`${JSON.stringify(`${name}=`)} (word ${i + 1} after the command name) ${name !== lower ? 'is not in lower case' : `repeats ${lower}=`}`);
    }
    if (lower === 'argv' && eq >= 0) return { values, argv: [word.slice(eq + 1), ...words.slice(i + 1)], ambiguous };
    if (eq >= 0) values.set(lower, word.slice(eq + 1));
  }
  return { values, argv: null, ambiguous };
}

/** What a service runs, as a route into it reports it. */
interface ServiceRun {
  command: string;
  user: string;
  how: string;
  ambiguity?: string;
}

/** The command a pipe(8)/spawn(8) service runs and its user= attribute, exactly as the daemon reads them. */
function serviceCommand(service: MasterService): ServiceRun | null {
  const daemon = COMMAND_DAEMONS[service.command];
  if (!daemon) return null;
  // -o name=value overrides go to the daemon's main.cf parameters (master(5)), not to its attributes.
  const words = service.args.flatMap((a) => ('word' in a ? [a.word] : []));
  const { values, argv, ambiguous } = serviceAttributes(words);
  const user = values.get('user');
  return {
    command: argv === null ? '(no argv=)' : argv.join(' '),
    user: user ? `user ${user}` : `no user (${service.command}(8) refuses to run without user=)`,
    how: `${service.command}(8), ${daemon},`,
    ...(ambiguous.length > 0 ? { ambiguity: ambiguous.join(', ') } : {}),
  };
}

/**
 * local(8) runs the |command entries of aliases(5) and ~/.forward files for the kinds allow_mail_to_commands
 * names (postconf(5), default "alias, forward"); this relay's own main.cf never routes mail to it.
 */
function localCommands(service: MasterService, param: Params): ServiceRun | null {
  const allowed = param('allow_mail_to_commands') ?? 'alias, forward';
  if (service.command !== 'local' || allowed.trim() === '') return null;
  return {
    command: `|command entries (allow_mail_to_commands = ${allowed})`,
    user: `the recipient's user (default_privs, ${param('default_privs') ?? 'nobody'}, for root and root-owned aliases)`,
    how: 'local(8), for each delivery to a local recipient, from aliases(5) and ~/.forward files,',
  };
}

/** A parameter setting: main.cf's effective value, or a service's -o override, with the scope it is read in. */
interface Setting {
  name: string;
  value: string;
  path: KeyPath;
  where: string;
  /** Other parameters as this setting's reader sees them: main.cf, or the service's own -o overrides first. */
  param: Params;
}

/**
 * Parameters as a master.cf service's daemon sees them: its -o overrides replace main.cf's values, and
 * an override's $name may name another override of the same service (postconf -P -x expands so).
 */
function serviceScope(service: MasterService, param: Params): Params {
  const overrides = new Map<string, string>();
  for (const arg of service.args) if ('option' in arg) overrides.set(arg.option, arg.value);
  return (name) => overrides.get(name) ?? param(name);
}

function settings(postfix: PostfixModel, param: Params): Setting[] {
  const out: Setting[] = [...postfix.parameters.values()].map((p: MainCfParameter) => ({ name: p.name, value: p.value, path: p.from, where: 'main.cf', param }));
  for (const { service } of postfix.services) {
    const scope = serviceScope(service, param);
    for (const arg of service.args) if ('option' in arg) out.push({ name: arg.option, value: arg.value, path: service.from, where: `master.cf service ${service.service} (-o)`, param: scope });
  }
  return out;
}

/** Every command the written config runs, in model order (services, parameters and routes, sendmail). */
export function commandRuns(model: RelayModel, postfix: PostfixModel, env: Record<string, EnvAssignment>, unit: { service: Array<{ directives: UnitDirective[] }> }): CommandRun[] {
  const acknowledged = new Set(model.lint.acknowledgedCommands);
  const runs: Omit<CommandRun, 'acknowledged'>[] = [];
  const param: Params = (name) => postfix.parameters.get(name)?.value;
  const unixServices = new Map<string, MasterService>();
  for (const { service } of postfix.services) {
    if (service.type === 'unix') unixServices.set(service.service, service);
    const run = serviceCommand(service);
    if (run && service.from.length > 0) runs.push({ origin: 'service', path: service.from, ...run, how: `master.cf service ${service.service} (${service.type}) makes ${run.how} run` });
  }
  for (const s of settings(postfix, param)) {
    // Judged as postconf -x expands it: an acknowledgement names what runs, not a $reference whose target can change.
    const expansion = expandSetting(s.name, s.value, s.param);
    const value = 'text' in expansion ? expansion.text : s.value;
    const expanded = 'error' in expansion ? `; its $ references cannot be expanded (${expansion.error}), so it cannot be acknowledged` : value !== s.value ? `; written ${JSON.stringify(s.value)}, expanded as postconf -x does` : '';
    const running = RUNNING_PARAMETERS[s.name];
    if (running?.runs(value)) {
      runs.push({ origin: 'parameter', path: s.path, command: value, user: running.user(s.param), how: `${s.where} ${s.name} (postconf(5)${expanded}): ${running.how}`, ...('error' in expansion ? { ambiguity: expansion.error } : {}) });
    }
    const answers = ROUTE_PARAMETERS.has(s.name) ? [value] : ROUTE_TABLES.has(s.name) ? tableAnswers(value) : [];
    for (const answer of answers) {
      const transport = answer.split(':')[0];
      const target = unixServices.get(transport);
      // The target daemon reads allow_mail_to_commands (and the rest) with its own -o overrides.
      const run = target && (serviceCommand(target) ?? localCommands(target, serviceScope(target, param)));
      if (run) runs.push({ origin: 'route', path: s.path, command: run.command, user: run.user, ...(run.ambiguity !== undefined ? { ambiguity: run.ambiguity } : {}), how: `${s.where} ${s.name} routes mail to master.cf service ${transport}, whose ${run.how} runs` });
    }
  }
  const sendmail = env.SENDMAIL_PATH;
  if (sendmail && sendmail.value !== POSTFIX_SENDMAIL) {
    const user = unit.service.flatMap((g) => g.directives).find((d) => d.key === 'User')?.value;
    runs.push({
      origin: 'sendmail',
      path: sendmail.from,
      command: sendmail.value,
      user: `user ${typeof user === 'string' ? user : model.relay.user}`,
      how: `relay.sendmail.path replaces Postfix's ${POSTFIX_SENDMAIL} (sendmail(1)): the relay hands every message it accepts, on stdin with -t -oi -f <return path>, to`,
    });
  }
  return runs.map((run) => ({ ...run, acknowledged: run.ambiguity === undefined && acknowledged.has(run.command) }));
}

/** The message of the three rules that fail lint on an unacknowledged command (data: commandData). */
export const RUNS_COMMAND = '{{how}} {{command}} as {{user}}; if that is intended, list {{command}} under lint.acknowledgedCommands';

/** The message of postfix-service-runs-command for a service whose attribute names are ambiguous (data: commandData and ambiguity). */
export const AMBIGUOUS_SERVICE =
  '{{how}} {{command}} as {{user}}, but {{ambiguity}}: pipe(8) and spawn(8) read attribute names in any case, a repeated name replaces the earlier one and the first argv= in any case starts the command, ' +
  'so write each attribute once, in lower case (this cannot be acknowledged)';

/** How a finding quotes a command, and the acknowledgement that would accept it. */
export function commandData(run: CommandRun): { how: string; command: string; user: string } {
  return { how: run.how, command: JSON.stringify(run.command), user: run.user };
}

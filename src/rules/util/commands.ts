// Every program the written config makes the server run beyond Postfix's and the relay's own: pipe(8)
// and spawn(8) services in master.cf, main.cf (and -o) parameters that run or load programs or route
// mail into such a service, and a non-standard sendmail for the relay; each with who runs it and where.
import type { KeyPath } from '../../findings.js';
import type { RelayModel } from '../../config/model.js';
import type { MainCfParameter, MasterService } from '../../outputs/encode/postfix.js';
import type { PostfixModel } from '../../outputs/postfix-model.js';
import type { EnvAssignment, UnitDirective } from '../../outputs/encode/systemd.js';

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
  /** Listed in lint.acknowledgedCommands. */
  acknowledged: boolean;
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
};

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

/** The command a pipe(8)/spawn(8) service runs and its user= attribute. */
function serviceCommand(service: MasterService): { command: string; user: string; how: string } | null {
  const daemon = COMMAND_DAEMONS[service.command];
  if (!daemon) return null;
  const words = service.args.map((a) => ('word' in a ? a.word : `-o ${a.option}=${a.value}`));
  const argv = words.findIndex((w) => w.startsWith('argv='));
  const user = words.find((w, i) => w.startsWith('user=') && (argv < 0 || i < argv))?.slice('user='.length);
  return {
    command: argv < 0 ? '(no argv=)' : [words[argv].slice('argv='.length), ...words.slice(argv + 1)].join(' '),
    user: user ? `user ${user}` : `no user (${service.command}(8) refuses to run without user=)`,
    how: `${service.command}(8), ${daemon},`,
  };
}

const EXPANDED_MAX = 65_536;

/**
 * A value with its $name, ${name} and $(name) references to main.cf parameters replaced (postconf(5)),
 * so that `content_filter = $my_filter` is followed to what it names. Conditional forms stay as written.
 */
function expand(value: string, param: Params): string {
  let out = value;
  // Bounded in depth and in length: references that double at every level must not exhaust lint.
  for (let depth = 0; depth < 10 && /\$/.test(out); depth++) {
    const next = out.replace(/\$(?:\{(\w+)\}|\((\w+)\)|(\w+))/g, (ref, a?: string, b?: string, c?: string) => param((a ?? b ?? c)!) ?? ref);
    if (next === out || next.length > EXPANDED_MAX) break;
    out = next;
  }
  return out;
}

/**
 * local(8) runs the |command entries of aliases(5) and ~/.forward files for the kinds allow_mail_to_commands
 * names (postconf(5), default "alias, forward"); this relay's own main.cf never routes mail to it.
 */
function localCommands(service: MasterService, param: Params): { command: string; user: string; how: string } | null {
  const allowed = param('allow_mail_to_commands') ?? 'alias, forward';
  if (service.command !== 'local' || allowed.trim() === '') return null;
  return {
    command: `|command entries (allow_mail_to_commands = ${allowed})`,
    user: `the recipient's user (default_privs, ${param('default_privs') ?? 'nobody'}, for root and root-owned aliases)`,
    how: 'local(8), for each delivery to a local recipient, from aliases(5) and ~/.forward files,',
  };
}

/** A parameter setting: main.cf's effective value, or a service's -o override. */
interface Setting {
  name: string;
  value: string;
  path: KeyPath;
  where: string;
}

function settings(postfix: PostfixModel): Setting[] {
  const out: Setting[] = [...postfix.parameters.values()].map((p: MainCfParameter) => ({ name: p.name, value: p.value, path: p.from, where: 'main.cf' }));
  for (const { service } of postfix.services) {
    for (const arg of service.args) if ('option' in arg) out.push({ name: arg.option, value: arg.value, path: service.from, where: `master.cf service ${service.service} (-o)` });
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
  for (const s of settings(postfix)) {
    const running = RUNNING_PARAMETERS[s.name];
    if (running?.runs(s.value)) runs.push({ origin: 'parameter', path: s.path, command: s.value, user: running.user(param), how: `${s.where} ${s.name} (postconf(5)): ${running.how}` });
    const value = expand(s.value, param);
    const answers = ROUTE_PARAMETERS.has(s.name) ? [value] : ROUTE_TABLES.has(s.name) ? tableAnswers(value) : [];
    for (const answer of answers) {
      const transport = answer.split(':')[0];
      const target = unixServices.get(transport);
      const run = target && (serviceCommand(target) ?? localCommands(target, param));
      if (run) runs.push({ origin: 'route', path: s.path, command: run.command, user: run.user, how: `${s.where} ${s.name} routes mail to master.cf service ${transport}, whose ${run.how} runs` });
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
  return runs.map((run) => ({ ...run, acknowledged: acknowledged.has(run.command) }));
}

/** The message of the three rules that fail lint on an unacknowledged command (data: commandData). */
export const RUNS_COMMAND = '{{how}} {{command}} as {{user}}; if that is intended, list {{command}} under lint.acknowledgedCommands';

/** How a finding quotes a command, and the acknowledgement that would accept it. */
export function commandData(run: CommandRun): { how: string; command: string; user: string } {
  return { how: run.how, command: JSON.stringify(run.command), user: run.user };
}

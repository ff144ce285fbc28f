// Runs the generated relay the way its generated systemd unit would, on a machine without systemd as PID 1:
// the unit's User/Group/SupplementaryGroups, NoNewPrivileges, empty CapabilityBoundingSet and UMask through
// setpriv(1); WorkingDirectory; a clean environment (systemd's PATH, the user's HOME/USER/LOGNAME/SHELL, the
// EnvironmentFile's variables); and LoadCredential= copied into $CREDENTIALS_DIRECTORY. What the unit
// withholds (root, setgid, capabilities) is withheld here too, so it fails here as it would on the server.
// Not emulated: the namespace sandboxing (ProtectSystem, PrivateTmp, ...), IP and syscall filters.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, chmodSync, chownSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { HostChanges } from './host-changes.js';
import { SYSTEM_PATH, stopPid, waitFor } from './processes.js';

export interface UnitService {
  /** The unit's file name, e.g. example-mail-relay.service. */
  unitName: string;
  user: string;
  group: string;
  supplementaryGroups: string[];
  workingDirectory: string;
  environmentFiles: string[];
  loadCredentials: { id: string; path: string }[];
  execStart: string[];
  noNewPrivileges: boolean;
  capabilityBoundingSetEmpty: boolean;
  umask: string | null;
}

/** The [Service] settings of a unit file this emulation understands; throws on an ExecStart it cannot split. */
export function parseUnit(unitName: string, text: string): UnitService {
  const service = new Map<string, string[]>();
  let section = '';
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[(.+)\]$/.exec(line);
    if (header) {
      section = header[1];
      continue;
    }
    const eq = line.indexOf('=');
    if (section !== 'Service' || eq < 0) continue;
    const key = line.slice(0, eq).trim();
    service.set(key, [...(service.get(key) ?? []), line.slice(eq + 1).trim()]);
  }
  const one = (key: string): string | null => service.get(key)?.at(-1) ?? null;
  const words = (key: string) => (service.get(key) ?? []).flatMap((v) => v.split(/\s+/)).filter(Boolean);
  const execStart = one('ExecStart');
  if (!execStart || /["'\\$%]/.test(execStart)) throw new Error(`ExecStart=${execStart}: the emulation splits plain words only`);
  const user = one('User');
  if (!user) throw new Error(`${unitName} has no User=: the relay must not run as root`);
  return {
    unitName,
    user,
    group: one('Group') ?? user,
    supplementaryGroups: words('SupplementaryGroups'),
    workingDirectory: one('WorkingDirectory') ?? '/',
    environmentFiles: service.get('EnvironmentFile') ?? [],
    loadCredentials: (service.get('LoadCredential') ?? []).map((v) => {
      const colon = v.indexOf(':');
      return { id: v.slice(0, colon), path: v.slice(colon + 1) };
    }),
    execStart: execStart.split(/\s+/),
    noNewPrivileges: one('NoNewPrivileges') === 'yes',
    capabilityBoundingSetEmpty: service.has('CapabilityBoundingSet') && one('CapabilityBoundingSet') === '',
    umask: one('UMask'),
  };
}

/** systemd.exec(5) EnvironmentFile= lines: KEY=VALUE, # and ; comments, optional double or single quotes. */
export function parseEnvFile(text: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const match = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
    if (!match) throw new Error(`environment file line ${JSON.stringify(line)} is not KEY=VALUE`);
    const value = match[2];
    const quoted = /^"(.*)"$|^'(.*)'$/.exec(value);
    env[match[1]] = quoted ? (quoted[1] ?? quoted[2]) : value;
  }
  return env;
}

export interface RelayLine {
  event: string;
  id?: string;
  [key: string]: unknown;
}

export interface RunningRelay {
  pid: number;
  port: number;
  child: ChildProcess;
  /** Parsed stdout JSON lines, in order (what journalctl -u shows). */
  lines: RelayLine[];
  stdout(): string;
  stderr(): string;
  waitForLine(what: string, match: (line: RelayLine) => boolean, timeoutMs: number): Promise<RelayLine>;
  stop(): Promise<void>;
}

function passwdEntry(user: string): { home: string; shell: string } {
  const fields = execFileSync('getent', ['passwd', user], { encoding: 'utf8' }).trim().split(':');
  return { home: fields[5], shell: fields[6] };
}

function idOf(kind: 'u' | 'g', name: string): number {
  return Number(execFileSync('id', [kind === 'u' ? '-u' : '-g', name], { encoding: 'utf8' }).trim());
}

/**
 * systemctl start UNIT: the credentials first (systemd: /run/credentials/UNIT, files readable by the
 * service user only), then setpriv ... /bin/sh -c 'umask ...; exec ExecStart'. ENV_OVERLAY replaces
 * EnvironmentFile variables (the test overlay), and is empty unless a port is taken on this machine.
 */
export async function startRelayUnit(unit: UnitService, changes: HostChanges, envOverlay: Record<string, string> = {}): Promise<RunningRelay> {
  const credentials = path.join('/run/credentials', unit.unitName);
  changes.claimNew(credentials);
  // systemd's /run/credentials is 0755 root; each unit's directory is the service user's alone.
  mkdirSync(path.dirname(credentials), { recursive: true, mode: 0o755 });
  mkdirSync(credentials, { recursive: true, mode: 0o700 });
  const uid = idOf('u', unit.user);
  const gid = idOf('g', unit.user);
  for (const { id, path: source } of unit.loadCredentials) {
    const target = path.join(credentials, id);
    copyFileSync(source, target);
    chownSync(target, uid, gid);
    chmodSync(target, 0o400);
  }
  chownSync(credentials, uid, gid);
  chmodSync(credentials, 0o500);

  const fromFiles = Object.assign({}, ...unit.environmentFiles.map((file) => parseEnvFile(readFileSync(file.replace(/^-/, ''), 'utf8'))));
  const { home, shell } = passwdEntry(unit.user);
  const env: NodeJS.ProcessEnv = {
    PATH: SYSTEM_PATH,
    HOME: home,
    USER: unit.user,
    LOGNAME: unit.user,
    SHELL: shell,
    INVOCATION_ID: randomBytes(16).toString('hex'),
    CREDENTIALS_DIRECTORY: credentials,
    ...fromFiles,
    ...envOverlay,
  };
  const setpriv = [`--reuid=${unit.user}`, `--regid=${unit.group}`];
  setpriv.push(unit.supplementaryGroups.length > 0 ? `--groups=${unit.supplementaryGroups.join(',')}` : '--clear-groups');
  if (unit.noNewPrivileges) setpriv.push('--no-new-privs');
  if (unit.capabilityBoundingSetEmpty) setpriv.push('--bounding-set=-all');
  if (unit.umask !== null && !/^[0-7]{3,4}$/.test(unit.umask)) throw new Error(`UMask=${unit.umask} is not octal`);
  const umask = unit.umask ?? '0022';
  const child = spawn('/usr/bin/setpriv', [...setpriv, '--', '/bin/sh', '-c', `umask ${umask} && exec "$@"`, 'relay', ...unit.execStart], {
    cwd: unit.workingDirectory,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: RelayLine[] = [];
  let out = '';
  let err = '';
  let pending = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk;
    pending += chunk;
    let nl;
    while ((nl = pending.indexOf('\n')) >= 0) {
      const text = pending.slice(0, nl);
      pending = pending.slice(nl + 1);
      try {
        lines.push(JSON.parse(text) as RelayLine);
      } catch {
        lines.push({ event: 'unparsed', text });
      }
    }
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  let exit = null as string | null;
  child.on('exit', (code, signal) => (exit = `exited ${code ?? signal}`));

  const waitForLine = (what: string, match: (line: RelayLine) => boolean, timeoutMs: number) =>
    waitFor(what, () => {
      const found = lines.find(match);
      if (found) return found;
      if (exit) throw new Error(`the relay ${exit} while waiting for ${what}:\n${out}${err}`);
      return undefined;
    }, timeoutMs, 50);

  const started = await waitForLine('the relay to log "started"', (l) => l.event === 'started', 20_000);
  const pid = child.pid!;
  changes.daemon(unit.unitName, pid);
  return {
    pid,
    port: Number(started.port),
    child,
    lines,
    stdout: () => out,
    stderr: () => err,
    waitForLine,
    async stop() {
      // systemctl stop: KillSignal=SIGTERM, the relay finishes the job in hand and exits.
      if (!(await stopPid(pid, 'SIGTERM', 45_000))) throw new Error(`the relay (pid ${pid}) did not exit on SIGTERM`);
      changes.gone(pid);
    },
  };
}

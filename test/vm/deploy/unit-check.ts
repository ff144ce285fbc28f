// Compares a generated systemd unit's [Service] directives with what systemd in the guest reports it enforces (`systemctl show`).
// Every directive of the unit must be accounted for: compared by value (the default), by a known
// translation (systemd shows KillSignal=SIGTERM as 15, IPAddressDeny=any as 0.0.0.0/0 ::/0 ...),
// or checked elsewhere (ExecStart against /proc/PID/cmdline). A directive this table does not know
// is compared literally, so a hardening line added to the generator later is checked, not skipped.

export type Directive = { key: string; value: string };

/** The [Service] section's KEY=VALUE lines, in order, comments and blank lines left out. */
export function serviceDirectives(unitText: string): Directive[] {
  const out: Directive[] = [];
  let section = '';
  for (const raw of unitText.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[(.+)\]$/.exec(line);
    if (header) { section = header[1]; continue; }
    if (section !== 'Service') continue;
    const eq = line.indexOf('=');
    if (eq <= 0) throw new Error(`not a directive: ${line}`);
    out.push({ key: line.slice(0, eq).trim(), value: line.slice(eq + 1).trim() });
  }
  return out;
}

/** `systemctl show` output as a map (first '=' splits; values may contain '='). */
export function parseShow(text: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const line of text.split('\n')) {
    const eq = line.indexOf('=');
    if (eq > 0) map.set(line.slice(0, eq), line.slice(eq + 1));
  }
  return map;
}

/**
 * The syscall groups of `systemd-analyze syscall-filter` (no argument: every group, as the guest's
 * systemd defines them): group -> its members, where a member is a call or another @group.
 */
export function parseSyscallGroups(listing: string): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  let current: string[] | null = null;
  for (const line of listing.split('\n')) {
    const header = /^(@[a-z0-9_-]+)\s*$/.exec(line);
    if (header) { current = []; groups.set(header[1], current); continue; }
    const member = /^\s+(@?[a-z0-9_]+(?:-[a-z0-9_]+)*)\s*$/.exec(line);
    if (member && current) current.push(member[1]);
    else if (!line.trim()) current = null;
  }
  return groups;
}

/** Every call of a group, nested groups expanded. */
export function expandGroup(groups: Map<string, string[]>, name: string, seen = new Set<string>()): Set<string> {
  const out = new Set<string>();
  if (seen.has(name)) return out;
  seen.add(name);
  const members = groups.get(name);
  if (!members) throw new Error(`systemd knows no syscall group ${name}`);
  for (const m of members) {
    if (m.startsWith('@')) for (const s of expandGroup(groups, m, seen)) out.add(s);
    else out.add(m);
  }
  return out;
}

const words = (v: string) => v.split(/\s+/).filter(Boolean);
const sameSet = (a: string[], b: string[]) => a.length === b.length && [...a].sort().join(' ') === [...b].sort().join(' ');

export interface Check {
  directive: string;
  property: string;
  expected: string;
  actual: string;
  ok: boolean;
}

export interface SyscallGroups {
  /** @system-service, expanded (expandGroup) */
  systemService: Set<string>;
  /** @privileged, expanded */
  privileged: Set<string>;
}

/** Signal names systemd shows as numbers (x86-64 Linux). */
/** errno names systemd shows as numbers (SystemCallErrorNumber). */
const ERRNOS: Record<string, string> = { EPERM: '1', EACCES: '13', ENOSYS: '38' };
const SIGNALS: Record<string, string> = { SIGTERM: '15', SIGINT: '2', SIGKILL: '9', SIGHUP: '1', SIGQUIT: '3', SIGUSR1: '10', SIGUSR2: '12' };
/** `systemd-analyze` time spans as `systemctl show` prints them (RestartSec=2s -> RestartUSec=2s). */
const USEC: Record<string, string> = { RestartSec: 'RestartUSec', TimeoutStopSec: 'TimeoutStopUSec', TimeoutStartSec: 'TimeoutStartUSec' };
/**
 * Directives checked elsewhere: ExecStart against /proc/PID/cmdline (the argv systemd started),
 * LoadCredential against /run/credentials/UNIT/ (systemctl show does not print it).
 */
export const ELSEWHERE = new Set(['ExecStart', 'LoadCredential']);

/**
 * One Check per directive (SystemCallFilter lines are checked together, as the one filter systemd
 * builds from them). Supported SystemCallFilter shape: an allow list of @system-service, then deny
 * lines of @privileged (what relayconf generates); anything else is reported as unchecked (ok=false).
 */
export function checkDirectives(directives: Directive[], show: Map<string, string>, groups: SyscallGroups): Check[] {
  const checks: Check[] = [];
  const get = (p: string) => show.get(p) ?? '(not shown)';
  const push = (directive: string, property: string, expected: string, actual: string, ok: boolean) =>
    checks.push({ directive, property, expected, actual, ok });
  const byKey = new Map<string, string[]>();
  for (const d of directives) byKey.set(d.key, [...(byKey.get(d.key) ?? []), d.value]);

  for (const [key, values] of byKey) {
    const value = values.join(' ');
    const directive = `${key}=${values.join(` | ${key}=`)}`;
    if (ELSEWHERE.has(key)) continue;
    if (key === 'SystemCallFilter') {
      const actual = get('SystemCallFilter');
      const allowed = new Set(words(actual.replace(/^~/, '')));
      if (values.length !== 2 || values[0] !== '@system-service' || values[1] !== '~@privileged' || actual.startsWith('~')) {
        push(directive, 'SystemCallFilter', 'an allow list of @system-service minus ~@privileged', actual.slice(0, 120), false);
        continue;
      }
      // The allow list systemd stored: @system-service minus @privileged, as the guest's systemd
      // defines the groups. Nothing beyond it may be allowed (that would be a weakening). Calls the
      // groups name but the guest's libseccomp does not know (e.g. riscv_hwprobe, uretprobe on
      // Debian 12) are dropped by systemd when it parses the unit: only ever tighter, so they are
      // listed, not failed; more than a few would mean this check misreads the listing.
      const expected = [...groups.systemService].filter((s) => !groups.privileged.has(s));
      const missing = expected.filter((s) => !allowed.has(s));
      const extra = [...allowed].filter((s) => !expected.includes(s));
      push(directive, 'SystemCallFilter', `${expected.length} calls (@system-service minus @privileged), none beyond`,
        `${allowed.size} calls${extra.length ? `; beyond the groups: ${extra.join(' ')}` : ''}${missing.length ? `; not stored (unknown to libseccomp here): ${missing.join(' ')}` : ''}`,
        allowed.size > 0 && extra.length === 0 && [...allowed].every((s) => !groups.privileged.has(s)) && missing.length < expected.length / 20);
      continue;
    }
    if (values.length > 1 && key !== 'ReadWritePaths') {
      push(directive, key, 'one line', `${values.length} lines`, false);
      continue;
    }
    switch (key) {
      case 'SystemCallErrorNumber':
        push(directive, key, ERRNOS[value] ?? value, get(key), get(key) === (ERRNOS[value] ?? value));
        break;
      case 'KillSignal':
        push(directive, key, SIGNALS[value] ?? value, get(key), get(key) === (SIGNALS[value] ?? value));
        break;
      case 'RestartSec':
      case 'TimeoutStopSec':
      case 'TimeoutStartSec':
        push(directive, USEC[key], value, get(USEC[key]), get(USEC[key]) === value);
        break;
      case 'EnvironmentFile': {
        // "-/path" is an optional file; the unit's file is mandatory
        const expected = value.startsWith('-') ? `${value.slice(1)} (ignore_errors=yes)` : `${value} (ignore_errors=no)`;
        push(directive, 'EnvironmentFiles', expected, get('EnvironmentFiles'), get('EnvironmentFiles') === expected);
        break;
      }
      case 'ReadWritePaths':
      case 'RestrictAddressFamilies':
      case 'SupplementaryGroups':
        push(directive, key, value, get(key), sameSet(words(value), words(get(key))));
        break;
      case 'IPAddressDeny':
      case 'IPAddressAllow': {
        // systemd's names for address sets (systemd.resource-control(5))
        const named: Record<string, string> = { any: '0.0.0.0/0 ::/0', localhost: '127.0.0.0/8 ::1/128' };
        const expected = words(value).flatMap((w) => words(named[w] ?? w));
        push(directive, key, expected.join(' '), get(key), sameSet(expected, words(get(key))));
        break;
      }
      case 'CapabilityBoundingSet':
      case 'AmbientCapabilities':
        // empty = no capabilities at all
        push(directive, key, value || '(none)', get(key) || '(none)', get(key) === value);
        break;
      default:
        push(directive, key, value, get(key), get(key) === value);
    }
  }
  return checks;
}

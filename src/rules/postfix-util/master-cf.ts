// Parses the extra master.cf lines of postfix.services (master(5)): service name and type, the
// command it runs, its listen host and port for inet services, and its -o parameter overrides.
import type { KeyPath } from '../../findings.js';
import type { RelayModel } from '../../config/model.js';

export interface MasterService {
  index: number;
  path: KeyPath;
  /** The first field as written: a name, a port, or host:port for inet services. */
  name: string;
  type: string;
  /** The daemon the service runs (smtpd, smtp, pipe, ...), without arguments. */
  command: string;
  /** For inet services: the explicit listen host, if the name has one ([::1]:25 -> ::1). */
  host: string | null;
  /** For inet services: the port or service-name part (587, submission, smtp). */
  port: string | null;
  /** -o name=value overrides, in order; a later one wins, as in Postfix. */
  options: Map<string, string>;
  line: string;
}

/** Splits an inet service name into host and port: `127.0.0.1:2526`, `[::1]:25`, `submission`. */
export function splitInetName(name: string): { host: string | null; port: string } {
  const bracketed = /^\[([^\]]+)\]:(.+)$/.exec(name);
  if (bracketed) return { host: bracketed[1], port: bracketed[2] };
  const colon = name.lastIndexOf(':');
  if (colon < 0) return { host: null, port: name };
  return { host: name.slice(0, colon), port: name.slice(colon + 1) };
}

/** -o name=value, -oname=value and the Postfix 3.0 form -o { name = value with spaces }. */
function readOptions(args: string[]): Map<string, string> {
  const options = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    let setting: string | undefined;
    if (args[i] === '-o') {
      if (args[i + 1] === '{' || args[i + 1]?.startsWith('{')) {
        const parts: string[] = [];
        let j = i + 1;
        for (; j < args.length; j++) {
          parts.push(args[j]);
          if (args[j].endsWith('}')) break;
        }
        setting = parts.join(' ').replace(/^\{\s*/, '').replace(/\s*\}$/, '');
        i = j;
      } else {
        setting = args[++i];
      }
    } else if (args[i].startsWith('-o') && args[i].length > 2) {
      setting = args[i].slice(2);
    }
    if (!setting) continue;
    const eq = setting.indexOf('=');
    if (eq <= 0) continue;
    options.set(setting.slice(0, eq).trim(), setting.slice(eq + 1).trim());
  }
  return options;
}

/** One master.cf line; null when it has fewer than the 8 fields master(5) requires. */
export function parseServiceLine(line: string, index: number): MasterService | null {
  const fields = line.trim().split(/\s+/);
  if (fields.length < 8) return null;
  const [name, type, , , , , , command, ...args] = fields;
  const inet = type === 'inet' ? splitInetName(name) : null;
  return {
    index,
    path: ['postfix', 'services', index],
    name,
    type,
    command,
    host: inet?.host ?? null,
    port: inet?.port ?? null,
    options: readOptions(args),
    line,
  };
}

/** The parsed postfix.services lines (unparsable lines are skipped: `postfix check` reports those). */
export function masterServices(model: RelayModel): MasterService[] {
  return model.postfix.services
    .map((line, index) => parseServiceLine(line, index))
    .filter((s): s is MasterService => s !== null);
}

// Reads a postfix.services line (master(5)) into a typed service: the eight fields, then the command's
// arguments with `-o name=value`, `-oname=value` and Postfix 3.0's `-o { name = value }` as overrides.
import type { KeyPath } from '../findings.js';
import type { MasterArg, MasterService } from './encode/postfix.js';
import { CONTROL_CHARACTER } from './encode/refuse.js';

const TYPES: ReadonlySet<string> = new Set(['inet', 'unix', 'unix-dgram', 'fifo', 'pass']);

/** Whitespace-separated words, a `{ ... }` group kept as one word (master(5), Postfix 3.0). */
function words(text: string): string[] {
  const out: string[] = [];
  const pattern = /\{[^}]*\}|\S+/g;
  for (const match of text.matchAll(pattern)) out.push(match[0]);
  return out;
}

function setting(text: string): MasterArg | null {
  const body = text.startsWith('{') ? text.replace(/^\{\s*/, '').replace(/\s*\}$/, '') : text;
  const eq = body.indexOf('=');
  if (eq <= 0) return null;
  return { option: body.slice(0, eq).trim(), value: body.slice(eq + 1).trim() };
}

function readArgs(args: string[]): MasterArg[] {
  const out: MasterArg[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    // pipe(8) and spawn(8): argv= is the last attribute, and what follows is the command's own argv.
    if (arg.startsWith('argv=')) {
      out.push(...args.slice(i).map((word) => ({ word })));
      break;
    }
    const joined = arg === '-o' && i + 1 < args.length ? setting(args[i + 1]) : null;
    const attached = arg.startsWith('-o') && arg.length > 2 ? setting(arg.slice(2)) : null;
    if (joined) i++;
    // Anything else stays a plain word: the encoder writes it back or refuses it ({ } groups).
    out.push(joined ?? attached ?? { word: arg });
  }
  return out;
}

/**
 * One master.cf line as a typed service; null when it has fewer than the 8 fields master(5) requires,
 * an unknown type, or a control character (a line break would otherwise be read as mere whitespace).
 */
export function parseServiceLine(line: string, from: KeyPath): MasterService | null {
  if (CONTROL_CHARACTER.test(line)) return null;
  const fields = words(line.trim());
  if (fields.length < 8 || !TYPES.has(fields[1])) return null;
  const [service, type, priv, unpriv, chroot, wakeup, maxproc, command, ...args] = fields;
  return { service, type: type as MasterService['type'], private: priv, unpriv, chroot, wakeup, maxproc, command, args: readArgs(args), from };
}

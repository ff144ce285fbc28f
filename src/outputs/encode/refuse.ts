// What every encoder shares: the refusal of a value its format cannot carry, and the characters no
// output file may hold raw (C0, DEL, C1, and the Unicode line and paragraph separators).
import { formatKeyPath, type KeyPath } from '../../findings.js';

/** C0 controls, DEL, C1 controls, U+2028 and U+2029: each can end or forge a line somewhere. */
export const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/**
 * An encoder met a value it cannot represent. This is a bug or a gap in the input checks (the schema
 * refuses such values first, with a position), never something to write around: build writes nothing.
 */
export class EncodeError extends Error {
  constructor(
    /** The output file, e.g. `etc/postfix/main.cf`. */
    readonly output: string,
    /** The key, directive or record the value belongs to. */
    readonly key: string,
    /** The config key path that produced the value. */
    readonly from: KeyPath,
    readonly reason: string,
  ) {
    super(`internal error: ${output}: cannot encode ${key}${from.length ? ` (from ${formatKeyPath(from)})` : ''}: ${reason}`);
    this.name = 'EncodeError';
  }
}

/** Where a value is going, for the refusal message. */
export interface EncodeSite {
  output: string;
  key: string;
  from: KeyPath;
}

export function refuse(site: EncodeSite, reason: string): never {
  throw new EncodeError(site.output, site.key, site.from, reason);
}

/** Names the first control character, for refusal messages (`U+000A`). */
export function describeControl(text: string): string | null {
  const match = CONTROL_CHARACTER.exec(text);
  return match ? `U+${match[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}` : null;
}

/** Refuses a control character anywhere in `text`. */
export function refuseControl(site: EncodeSite, text: string): void {
  const control = describeControl(text);
  if (control) refuse(site, `a control character (${control}) cannot appear in this file`);
}

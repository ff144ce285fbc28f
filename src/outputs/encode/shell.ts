// The one shell quoter of APPLY.md: a command is an argument vector of words and operators, and a
// word is literal text and variable references. Literal text is always POSIX single-quoted unless it
// is plainly safe; a variable the admin supplies ($HOST) is always a double-quoted reference. No
// interpolated text is ever left for the shell to split, glob or expand.
import { refuse, refuseControl, type EncodeSite } from './refuse.js';

/** A reference to a variable the admin sets; `required` makes sh stop with that message when it is unset. */
export interface ShellVariable {
  variable: string;
  required?: string;
}
/** One word: literal parts and variables, concatenated with nothing between them. */
export type ShellWord = string | ReadonlyArray<string | ShellVariable>;
/** Operators from a fixed set: never built from config text. */
export const SHELL_OPERATORS = ['||', '&&', '|', ';', '(', ')', '>', '>/dev/null', '2>&1'] as const;
export type ShellOperator = (typeof SHELL_OPERATORS)[number];
export type ShellToken = { word: ShellWord } | { op: ShellOperator } | { comment: string };
export type ShellCommand = ReadonlyArray<ShellToken | string>;

const SAFE = /^[A-Za-z0-9@%+=:,./_-]+$/;
const VARIABLE = /^[A-Za-z_][A-Za-z0-9_]*$/;
const MESSAGE = /^[A-Za-z0-9 ,._-]*$/;

export const variable = (name: string, required?: string): ShellVariable => ({ variable: name, ...(required ? { required } : {}) });
export const op = (operator: ShellOperator): ShellToken => ({ op: operator });
export const word = (...parts: Array<string | ShellVariable>): ShellToken => ({ word: parts });
export const comment = (text: string): ShellToken => ({ comment: text });

/** Literal text for sh: as is when plainly safe, else in single quotes ('\'' for a quote inside). */
export function shellQuote(text: string): string {
  return SAFE.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

function part(site: EncodeSite, p: string | ShellVariable): string {
  if (typeof p === 'string') {
    refuseControl(site, p);
    return p === '' ? '' : shellQuote(p);
  }
  if (!VARIABLE.test(p.variable)) refuse(site, `${JSON.stringify(p.variable)} is not a variable name`);
  if (p.required === undefined) return `"$${p.variable}"`;
  if (!MESSAGE.test(p.required)) refuse(site, 'the message of ${name:?message} is expanded by sh: letters, digits and spaces only');
  return `"\${${p.variable}:?${p.required}}"`;
}

function encodeWord(site: EncodeSite, w: ShellWord): string {
  const parts = typeof w === 'string' ? [w] : w;
  const text = parts.map((p) => part(site, p)).join('');
  return text === '' ? "''" : text;
}

/** One command line: words separated by spaces, `(` and `)` hugging what they group, `;` its left word. */
export function encodeShellCommand(command: ShellCommand, site: EncodeSite): string {
  let out = '';
  // Whether `out` ends in "(", kept beside it: asking the growing string (out.endsWith) made V8 flatten
  // it once per word, quadratic in a command that names every domain (8,000 words at 4,000 domains).
  let afterParen = false;
  const append = (piece: string) => {
    out += piece;
    if (piece !== '') afterParen = piece.endsWith('(');
  };
  for (const item of command) {
    const token: ShellToken = typeof item === 'string' ? { word: item } : item;
    if ('comment' in token) {
      refuseControl(site, token.comment);
      append(`${out ? ' ' : ''}# ${token.comment}`);
      continue;
    }
    if ('op' in token && !(SHELL_OPERATORS as readonly string[]).includes(token.op)) refuse(site, `unknown operator ${JSON.stringify(token.op)}`);
    const text = 'op' in token ? token.op : encodeWord(site, token.word);
    const hug = out === '' || afterParen || ('op' in token && (token.op === ')' || token.op === ';'));
    append(`${hug ? '' : ' '}${text}`);
  }
  return out;
}

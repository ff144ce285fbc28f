// Reads an inline style attribute the way a browser does, for the one question the text part asks of it:
// which display the element's own declarations put in force. Tokens come from @csstools/css-tokenizer
// (CSS Syntax Level 3), so strings, url(), comments and escapes are what CSS says they are; the split
// into declarations follows "consume a list of declarations" (CSS Syntax Level 3, section 5.4.5).
import {
  isTokenCloseCurly,
  isTokenCloseParen,
  isTokenCloseSquare,
  isTokenColon,
  isTokenDelim,
  isTokenEOF,
  isTokenFunction,
  isTokenIdent,
  isTokenOpenCurly,
  isTokenOpenParen,
  isTokenOpenSquare,
  isTokenSemicolon,
  isTokenWhiteSpaceOrComment,
  tokenize,
  type CSSToken,
} from '@csstools/css-tokenizer';

interface Declaration {
  /** ASCII lower case, escapes decoded: property names are ASCII case-insensitive. */
  name: string;
  /** The value's tokens, white space and comments at either end and a trailing !important removed. */
  value: CSSToken[];
  important: boolean;
}

/** CSS compares names and keywords ASCII case-insensitively: `İ` or `K` (Kelvin) must not fold to i or k. */
const asciiLower = (text: string): string => text.replace(/[A-Z]/g, (letter) => letter.toLowerCase());

const trimmed = (tokens: CSSToken[]): CSSToken[] => {
  let start = 0;
  let end = tokens.length;
  while (start < end && isTokenWhiteSpaceOrComment(tokens[start])) start++;
  while (end > start && isTokenWhiteSpaceOrComment(tokens[end - 1])) end--;
  return tokens.slice(start, end);
};

/** One declaration, or null for what is none (no name, no colon): skipped, as browsers skip it. */
function declaration(tokens: CSSToken[]): Declaration | null {
  const [name, ...rest] = trimmed(tokens);
  if (!isTokenIdent(name)) return null;
  const afterName = trimmed(rest);
  if (!isTokenColon(afterName[0])) return null;
  let value = trimmed(afterName.slice(1));
  const bang = value[value.length - 2];
  const last = value[value.length - 1];
  const important = isTokenDelim(bang) && bang[4].value === '!' && isTokenIdent(last) && asciiLower(last[4].value) === 'important';
  if (important) value = trimmed(value.slice(0, -2));
  return { name: asciiLower(name[4].value), value, important };
}

/**
 * The declarations of a style attribute in order. A semicolon ends one only outside blocks and functions
 * (`url(a;b)` is one token, `progid(a;b)` one function), each bracket closed only by its own kind.
 */
function declarations(style: string): Declaration[] {
  const found: Declaration[] = [];
  const open: ('(' | '[' | '{')[] = [];
  let current: CSSToken[] = [];
  const flush = () => {
    const parsed = declaration(current);
    if (parsed) found.push(parsed);
    current = [];
  };
  for (const token of tokenize({ css: style })) {
    if (isTokenEOF(token)) break;
    if (open.length === 0 && isTokenSemicolon(token)) {
      flush();
      continue;
    }
    if (isTokenFunction(token) || isTokenOpenParen(token)) open.push('(');
    else if (isTokenOpenSquare(token)) open.push('[');
    else if (isTokenOpenCurly(token)) open.push('{');
    else if (isTokenCloseParen(token) && open[open.length - 1] === '(') open.pop();
    else if (isTokenCloseSquare(token) && open[open.length - 1] === '[') open.pop();
    else if (isTokenCloseCurly(token) && open[open.length - 1] === '{') open.pop();
    current.push(token);
  }
  flush();
  return found;
}

/**
 * The display the style attribute puts in force, or null when it sets none: the last display declaration,
 * an !important one before any later normal one (the cascade within one attribute). A value that is one
 * keyword comes decoded and in lower case (`N\6f NE` is `none`); any other value as written. A value a
 * browser would reject (`none block`) is returned too, never taken for none: the caller keeps content
 * unless it is surely hidden.
 */
export function inlineDisplay(style: string): string | null {
  let inForce: Declaration | null = null;
  for (const candidate of declarations(style)) {
    if (candidate.name === 'display' && (candidate.important || !inForce?.important)) inForce = candidate;
  }
  if (inForce === null) return null;
  const [only, ...more] = inForce.value;
  if (isTokenIdent(only) && more.length === 0) return asciiLower(only[4].value);
  return inForce.value.map((token) => token[1]).join('');
}

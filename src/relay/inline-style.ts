// Reads an inline style attribute the way a browser does, for the one question the text part asks of it:
// which display the element's own declarations put in force. Tokens come from @csstools/css-tokenizer
// (CSS Syntax Level 3), so strings, url(), comments and escapes are what CSS says they are; the split
// into declarations follows "consume a list of declarations" (CSS Syntax Level 3, section 5.4.5).
import {
  isTokenAtKeyword,
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
import { isDisplayValue } from './display-value.js';

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

const significant = (token: CSSToken): boolean => !isTokenWhiteSpaceOrComment(token);

/**
 * One declaration, or null for what is none (no name, no colon): skipped, as browsers skip it. !important is
 * the last two tokens that are not white space or comments (section 5.4.6), so `none ! important` and
 * `none !` + a comment + `important` are important too.
 */
function declaration(tokens: CSSToken[]): Declaration | null {
  const [name, ...rest] = trimmed(tokens);
  if (!isTokenIdent(name)) return null;
  const afterName = trimmed(rest);
  if (!isTokenColon(afterName[0])) return null;
  let value = trimmed(afterName.slice(1));
  const kept = value.filter(significant);
  const bang = kept[kept.length - 2];
  const last = kept[kept.length - 1];
  const important = isTokenDelim(bang) && bang[4].value === '!' && isTokenIdent(last) && asciiLower(last[4].value) === 'important';
  if (important) value = trimmed(value.slice(0, value.lastIndexOf(bang)));
  return { name: asciiLower(name[4].value), value, important };
}

/**
 * The declarations of a style attribute in order. A semicolon ends one only outside blocks and functions
 * (`url(a;b)` is one token, `progid(a;b)` one function), each bracket closed only by its own kind. An
 * at-rule also ends at the close of its top-level {} block ("consume an at-rule", section 5.4.2), so a
 * declaration right after `@media x {}` counts, as browsers count it.
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
    else if (isTokenCloseCurly(token) && open[open.length - 1] === '{') {
      open.pop();
      if (open.length === 0 && isTokenAtKeyword(current.find(significant))) {
        current = [];
        continue;
      }
    }
    current.push(token);
  }
  flush();
  return found;
}

/**
 * The value of a display declaration as a browser takes it: one keyword or a list of them, decoded and in
 * lower case (`N\6f NE` is `none`); a value with a function (var(), env(), attr()) as written, since
 * browsers accept it when parsing and resolve it later; null for a value a browser rejects (`none block`,
 * `bogus`, a string), which drops the declaration.
 */
function displayValue(value: CSSToken[]): string | null {
  const tokens = value.filter(significant);
  if (tokens.some(isTokenFunction)) return value.map((token) => token[1]).join('');
  if (!tokens.every(isTokenIdent)) return null;
  const keywords = tokens.map((token) => asciiLower(token[4].value));
  return isDisplayValue(keywords) ? keywords.join(' ') : null;
}

/**
 * The display the style attribute puts in force, or null when it sets none a browser takes: the last valid
 * display declaration, an !important one before any later normal one (the cascade within one attribute).
 * A declaration with a value browsers reject is skipped, so `display:none; display:bogus` is none.
 */
export function inlineDisplay(style: string): string | null {
  let inForce: { display: string; important: boolean } | null = null;
  for (const candidate of declarations(style)) {
    if (candidate.name !== 'display' || !(candidate.important || !inForce?.important)) continue;
    const display = displayValue(candidate.value);
    if (display !== null) inForce = { display, important: candidate.important };
  }
  return inForce?.display ?? null;
}

// Parses config text with `yaml`, keeping node ranges, and turns key paths into line/column.
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node, type Pair } from 'yaml';
import type { Finding, KeyPath, Position } from '../findings.js';

export interface ConfigSource {
  /** The file as shown in findings. */
  file: string;
  /** Absolute path. */
  absPath: string;
  text: string;
  doc: Document.Parsed;
  lineCounter: LineCounter;
  /** Where the config sits inside the document: [] for YAML files, ['relayconf'] in package.json. */
  prefix: KeyPath;
}

export function parseSource(file: string, absPath: string, text: string, prefix: KeyPath = []): ConfigSource {
  const lineCounter = new LineCounter();
  // uniqueKeys stays on so duplicate keys are reported as errors with their position.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, keepSourceTokens: false });
  return { file, absPath, text, doc, lineCounter, prefix };
}

/**
 * YAML syntax errors and duplicate keys, as findings. Every duplicate key is reported, but only
 * the first syntax error: after a line indented wrongly the parser reports each later sibling
 * again ("All mapping items must start at the same column"), and those are not separate mistakes.
 */
export function syntaxFindings(source: ConfigSource): Finding[] {
  const duplicates = source.doc.errors.filter((error) => error.code === 'DUPLICATE_KEY' && !outsidePrefix(source, error.pos[0]));
  const firstSyntax = source.doc.errors.find((error) => error.code !== 'DUPLICATE_KEY');
  return [...duplicates, ...(firstSyntax ? [firstSyntax] : [])].map((error) => {
    const offset = errorOffset(source.text, error.code, error.message, error.pos[0]);
    const unclosedQuote = offset !== error.pos[0];
    const { line, col } = source.lineCounter.linePos(unclosedQuote ? offset : firstNonBlankFrom(source.text, offset));
    const firstLine = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    if (error.code === 'DUPLICATE_KEY') {
      const key = /^["']?([^"':\n]+?)["']?\s*:/.exec(source.text.slice(offset))?.[1] ?? '';
      return {
        ruleId: 'yaml-duplicate-key',
        severity: 'error' as const,
        message: `duplicate key "${key}": YAML would silently keep only one of the two; merge the entries or remove one`,
        file: source.file,
        line,
        column: col,
      };
    }
    const what = unclosedQuote ? 'this quoted string is never closed: add the closing quote' : `${firstLine}${indentationHint(error.code, firstLine)}`;
    return {
      ruleId: 'yaml-syntax',
      severity: 'error' as const,
      message: `YAML syntax error: ${what} (the rest of the file is checked once it parses)`,
      file: source.file,
      line,
      column: col,
    };
  });
}

/**
 * Is `offset` in a top-level entry other than the config's (package.json's "name", "scripts" ...)?
 * npm reads a key given twice there (the last wins), and that part of the file is not relayconf's.
 */
function outsidePrefix(source: ConfigSource, offset: number): boolean {
  const top = source.doc.contents;
  if (source.prefix.length === 0 || !isMap(top)) return false;
  return top.items.some((pair) => {
    const key = pair.key as Node | null;
    const end = (pair.value as Node | null)?.range?.[1] ?? key?.range?.[1];
    return isScalar(key) && key.value !== source.prefix[0] && key.range != null && end !== undefined && key.range[0] <= offset && offset < end;
  });
}

/** The yaml parser's indentation errors say what it expected, not that indentation is the cause. */
function indentationHint(code: string, message: string): string {
  const indentation = code === 'BAD_INDENT' || code === 'TAB_AS_INDENT' || /without - indicator|same column|indent/i.test(message);
  return indentation ? "; check this line's indentation: the keys of one block start in the same column, indented with spaces" : '';
}

/**
 * Where to point for a syntax error. The parser reports an unclosed quote at the end of the
 * file; the useful place is the quote that opened it: the first line with an odd quote count.
 */
function errorOffset(text: string, code: string, message: string, offset: number): number {
  if (code !== 'MISSING_CHAR' || !/quote/i.test(message)) return offset;
  const quote = /'/.test(message) && !/"/.test(message) ? "'" : '"';
  let lineStart = 0;
  for (const line of text.slice(0, offset).split('\n')) {
    const body = line.replace(/\s#.*$/, '');
    const count = body.split(quote).length - 1;
    if (count % 2 === 1) return lineStart + line.indexOf(quote);
    lineStart += line.length + 1;
  }
  return offset;
}

/** An offset inside a line's leading indentation moves to the line's first character. */
function firstNonBlankFrom(text: string, offset: number): number {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  if (!/^[ \t]*$/.test(text.slice(lineStart, offset))) return offset;
  const indent = /^[ \t]*/.exec(text.slice(lineStart))![0].length;
  return text[lineStart + indent] === '\n' || lineStart + indent >= text.length ? offset : lineStart + indent;
}

export type Anchor = 'key' | 'value';

/**
 * The position of a key path in the document. `key` points at the key of the last
 * segment (for "this key should not be here"), `value` at its value. A path that does
 * not exist in the text (a default) falls back to its deepest existing ancestor.
 */
export function locate(source: ConfigSource, path: KeyPath, anchor: Anchor = 'value'): Position {
  const fullPath = [...source.prefix, ...path];
  let node: unknown = source.doc.contents;
  let found: { pair?: Pair; node?: unknown } = { node };
  for (const segment of fullPath) {
    const next = child(node, segment);
    if (!next) break;
    found = next;
    node = next.node;
  }
  const target = anchor === 'key' && found.pair?.key ? found.pair.key : (found.node ?? found.pair?.key);
  const range = (target as Node | undefined)?.range ?? (found.pair?.key as Node | undefined)?.range;
  if (!range) return { line: 1, column: 1 };
  const start = source.lineCounter.linePos(range[0]);
  const end = source.lineCounter.linePos(range[1]);
  return { line: start.line, column: start.col, endLine: end.line, endColumn: end.col };
}

function child(node: unknown, segment: string | number): { pair?: Pair; node?: unknown } | undefined {
  if (isMap(node)) {
    const pair = node.items.find((item) => isPair(item) && keyOf(item.key) === String(segment));
    return pair ? { pair, node: pair.value ?? undefined } : undefined;
  }
  if (isSeq(node) && typeof segment === 'number') {
    const item = node.items[segment];
    return item === undefined ? undefined : { node: item };
  }
  return undefined;
}

function keyOf(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return undefined;
}

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

/** YAML syntax errors and duplicate keys, as findings. */
export function syntaxFindings(source: ConfigSource): Finding[] {
  return source.doc.errors.map((error) => {
    const offset = errorOffset(source.text, error.code, error.message, error.pos[0]);
    const { line, col } = source.lineCounter.linePos(offset);
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
    const what = offset !== error.pos[0] ? 'this quoted string is never closed: add the closing quote' : firstLine;
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

// YAML aliases that expand past a cap (a "billion laughs" document) become one positioned finding.
import { isAlias, visit, type Node } from 'yaml';
import type { Finding } from '../findings.js';
import type { ConfigSource } from './source.js';

/** yaml's maxAliasCount: how far aliases may expand when the document becomes data. */
export const ALIAS_LIMIT = 100;

/** The finding for yaml's resource-exhaustion error, or null when `error` is something else. */
export function aliasLimitFinding(source: ConfigSource, error: unknown): Finding | null {
  if (!(error instanceof ReferenceError) || !/alias count/i.test(error.message)) return null;
  let first: Node | undefined;
  visit(source.doc, {
    Alias(_key, node) {
      first = node;
      return visit.BREAK;
    },
  });
  const offset = first && isAlias(first) && first.range ? first.range[0] : 0;
  const { line, col } = source.lineCounter.linePos(offset);
  return {
    ruleId: 'yaml-alias-limit',
    severity: 'error',
    message:
      `YAML aliases here expand to more than ${ALIAS_LIMIT} copies (an alias bomb makes a small file huge in memory): ` +
      'write the values out instead of nesting aliases of aliases',
    file: source.file,
    line,
    column: col,
  };
}

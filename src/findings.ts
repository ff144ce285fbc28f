// A finding is data ({ruleId, severity, message, position}); formatting lives in src/cli/format/.
import { byteCompare } from './util/compare.js';

export type Severity = 'error' | 'warning' | 'info';
export type SeverityOrOff = Severity | 'off';
export const SEVERITY_ORDER: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** A path of keys into the config document, e.g. ['domains', 0, 'dmarc', 'policy']. */
export type KeyPath = ReadonlyArray<string | number>;

export interface Position {
  line: number; // 1-based
  column: number; // 1-based
  endLine?: number;
  endColumn?: number;
}

export interface Finding extends Position {
  ruleId: string;
  severity: Severity;
  message: string;
  /** The file as shown to the user (relative to the working directory when inside it). */
  file: string;
  path?: KeyPath;
}

/** Renders a key path the way people write it: domains[0].dmarc.policy */
export function formatKeyPath(path: KeyPath): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? key : `.${key}`;
  }
  return out === '' ? '(root)' : out;
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    byteCompare(a.file, b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    byteCompare(a.ruleId, b.ruleId) ||
    byteCompare(a.message, b.message)
  );
}

/** Drops repeated findings (same rule, position and message), keeping the first. */
export function dedupeFindings(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.ruleId}|${f.line}|${f.column}|${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

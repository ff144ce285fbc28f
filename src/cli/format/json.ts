// Machine-readable findings: a stable JSON document with a summary.
import type { FormatInput } from './types.js';
import { formatKeyPath } from '../../findings.js';

export function formatJson({ findings }: FormatInput): string {
  const count = (s: string) => findings.filter((f) => f.severity === s).length;
  const doc = {
    findings: findings.map((f) => ({
      file: f.file,
      line: f.line,
      column: f.column,
      ...(f.endLine !== undefined ? { endLine: f.endLine, endColumn: f.endColumn } : {}),
      severity: f.severity,
      ruleId: f.ruleId,
      message: f.message,
      ...(f.path ? { path: formatKeyPath(f.path) } : {}),
    })),
    summary: { errors: count('error'), warnings: count('warning'), infos: count('info') },
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

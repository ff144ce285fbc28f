// `file:line:col: severity: message [rule-id]` (actionlint style), one finding a line, then a count.
import type { FormatInput } from './types.js';
import { escapeControl } from './escape.js';

const COLORS = { error: '\u001b[31m', warning: '\u001b[33m', info: '\u001b[36m', reset: '\u001b[0m', dim: '\u001b[2m' };

export function formatText({ findings, color }: FormatInput): string {
  const lines = findings.map((f) => {
    const severity = color ? `${COLORS[f.severity]}${f.severity}${COLORS.reset}` : f.severity;
    const rule = color ? `${COLORS.dim}[${f.ruleId}]${COLORS.reset}` : `[${f.ruleId}]`;
    // The file and the message may quote config values: one finding stays one line whatever they hold.
    return `${escapeControl(f.file)}:${f.line}:${f.column}: ${severity}: ${escapeControl(f.message)} ${rule}`;
  });
  if (findings.length > 0) lines.push(summaryLine(findings));
  return lines.length ? `${lines.join('\n')}\n` : '';
}

export function summaryLine(findings: FormatInput['findings']): string {
  const count = (s: string) => findings.filter((f) => f.severity === s).length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, ${count('info')} info`;
}

// GitHub Actions workflow commands, so findings show as annotations on the changed lines.
import type { FormatInput } from './types.js';
import { escapeControl } from './escape.js';

const LEVEL = { error: 'error', warning: 'warning', info: 'notice' } as const;

// Workflow-command escaping: the Actions runner unescapes %25, %0D, %0A in data and also %3A, %2C in
// properties. Control characters are spelled out first (\n, \u001b), so no CR or LF is left to encode
// and a value with a newline shows as one annotation line, never one that mimics another annotation.
const escapeData = (s: string) => escapeControl(s).replace(/%/g, '%25');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function formatGithub({ findings }: FormatInput): string {
  return findings
    .map((f) => {
      const props = [`file=${escapeProperty(f.file)}`, `line=${f.line}`, `col=${f.column}`];
      if (f.endLine !== undefined) props.push(`endLine=${f.endLine}`, `endColumn=${f.endColumn}`);
      props.push(`title=${escapeProperty(f.ruleId)}`);
      return `::${LEVEL[f.severity]} ${props.join(',')}::${escapeData(`${f.message} [${f.ruleId}]`)}\n`;
    })
    .join('');
}

// GitHub Actions workflow commands, so findings show as annotations on the changed lines.
import type { FormatInput } from './types.js';

const LEVEL = { error: 'error', warning: 'warning', info: 'notice' } as const;

// Workflow-command escaping: data escapes %, CR, LF; properties also : and ,.
const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
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

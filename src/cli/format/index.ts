// Picks the formatter for --format.
import type { FormatInput, FormatName } from './types.js';
import { formatText } from './text.js';
import { formatJson } from './json.js';
import { formatSarif } from './sarif.js';
import { formatGithub } from './github.js';

const FORMATTERS: Record<FormatName, (input: FormatInput) => string> = {
  text: formatText,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub,
};

export function formatFindings(format: FormatName, input: FormatInput): string {
  return FORMATTERS[format](input);
}

// What a findings formatter needs besides the findings: the rules' metadata (for SARIF) and colour.
import type { Finding, Severity } from '../../findings.js';

export interface RuleMeta {
  id: string;
  summary: string;
  /** Longer help (rationale and fix), plain text. */
  help: string;
  defaultSeverity: Severity;
  /** e.g. "RFC 7208 §4.6.4"; optional. */
  source?: string;
  /** The command that reports it: lint (with the loader's checks) or check-dns. */
  command?: 'lint' | 'check-dns';
}

export interface FormatInput {
  findings: Finding[];
  rules: RuleMeta[];
  /** ANSI colour (text format only): on a TTY and without NO_COLOR. */
  color: boolean;
  toolVersion: string;
}

export type FormatName = 'text' | 'json' | 'sarif' | 'github';
export const FORMAT_NAMES: FormatName[] = ['text', 'json', 'sarif', 'github'];

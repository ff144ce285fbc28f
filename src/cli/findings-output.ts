// The options every findings-producing command shares (--format, --fail-on, --max-warnings, --rule)
// and the one place that prints findings and turns them into an exit code.
import type { Finding, Severity, SeverityOrOff } from '../findings.js';
import { EXIT, UsageError, type CliIO } from './types.js';
import { formatFindings } from './format/index.js';
import { FORMAT_NAMES, type FormatName, type RuleMeta } from './format/types.js';
import { failsAt } from '../lint/engine.js';
import { closest } from '../util/closest.js';
import { toolVersion } from './version.js';

export interface FindingsOptions {
  format: FormatName;
  failOn: Severity;
  maxWarnings: number | null;
  ruleOverrides: Record<string, SeverityOrOff>;
}

export const FINDINGS_OPTION_SPEC = {
  format: { type: 'string', short: 'f' },
  'fail-on': { type: 'string' },
  'max-warnings': { type: 'string' },
  rule: { type: 'string', multiple: true },
} as const;

export const FINDINGS_OPTIONS_HELP = `  -f, --format FMT       text (default), json, sarif (SARIF 2.1.0) or github (annotations)
      --fail-on LEVEL    exit 1 when a finding is at or above LEVEL: error (default), warning, info
      --max-warnings N   exit 1 when there are more than N warnings (-1: no limit, as in ESLint)
      --rule ID=LEVEL    override a rule's severity: off, info, warning or error (repeatable)`;

export const EXIT_CODES_HELP = `Exit codes: 0 clean, 1 findings at or above --fail-on (or over --max-warnings),
            2 usage error, unreadable config or unwritable output, 3 internal error.`;

const LEVELS = ['off', 'info', 'warning', 'error'] as const;

export function parseFindingsOptions(
  values: { format?: string; 'fail-on'?: string; 'max-warnings'?: string; rule?: string[] },
  knownRuleIds: Iterable<string>,
): FindingsOptions {
  const format = (values.format ?? 'text') as FormatName;
  if (!FORMAT_NAMES.includes(format)) throw new UsageError(`--format must be one of ${FORMAT_NAMES.join(', ')} (got "${values.format}")`);
  const failOn = (values['fail-on'] ?? 'error') as Severity;
  if (!['error', 'warning', 'info'].includes(failOn)) throw new UsageError(`--fail-on must be error, warning or info (got "${values['fail-on']}")`);
  let maxWarnings: number | null = null;
  if (values['max-warnings'] !== undefined) {
    if (!/^(\d+|-1)$/.test(values['max-warnings'])) throw new UsageError(`--max-warnings takes a whole number, or -1 for no limit (got "${values['max-warnings']}")`);
    // -1 is ESLint's spelling of "no limit", which CI configs copied from ESLint carry.
    maxWarnings = values['max-warnings'] === '-1' ? null : Number(values['max-warnings']);
  }
  const known = new Set(knownRuleIds);
  const ruleOverrides: Record<string, SeverityOrOff> = {};
  for (const item of values.rule ?? []) {
    const match = /^([a-z0-9-]+)=(\w+)$/.exec(item);
    if (!match) throw new UsageError(`--rule takes ID=LEVEL, e.g. --rule spf-all-qualifier=error (got "${item}")`);
    const [, id, level] = match;
    if (!known.has(id)) {
      const suggestion = closest(id, known);
      throw new UsageError(`--rule names an unknown rule "${id}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}; \`relayconf rules\` lists them`);
    }
    if (!(LEVELS as readonly string[]).includes(level)) throw new UsageError(`--rule ${id}= takes off, info, warning or error (got "${level}")`);
    ruleOverrides[id] = level as SeverityOrOff;
  }
  return { format, failOn, maxWarnings, ruleOverrides };
}


export function useColor(io: CliIO): boolean {
  return Boolean(io.stdout.isTTY) && io.env.NO_COLOR === undefined && io.env.TERM !== 'dumb';
}

/** Prints findings in the chosen format and returns the exit code they call for. */
export function reportFindings(findings: Finding[], options: FindingsOptions, rules: RuleMeta[], io: CliIO): number {
  io.stdout.write(formatFindings(options.format, { findings, rules, color: useColor(io), toolVersion: toolVersion() }));
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  if (failsAt(findings, options.failOn)) return EXIT.findings;
  if (options.maxWarnings !== null && warnings > options.maxWarnings) {
    io.stderr.write(`relayconf: ${warnings} warnings, more than --max-warnings ${options.maxWarnings}\n`);
    return EXIT.findings;
  }
  return EXIT.ok;
}

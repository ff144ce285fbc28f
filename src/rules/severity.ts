// The one severity resolver for every finding of the catalogue, lint rules and check-dns findings
// alike: --rule on the command line beats the config's lint.rules (never for the command rules),
// which beats what a report asks for, which beats the default. Also checks lint.rules itself.
import type { Finding, Severity, SeverityOrOff } from '../findings.js';
import type { ConfigSource } from '../config/source.js';
import { locate } from '../config/source.js';
import { closest } from '../util/closest.js';
import { rules } from './index.js';
import { dnsRules } from '../dns/check/rules.js';
import { COMMAND_RULE_IDS } from './util/commands.js';

/** Every id lint.rules and --rule may name: the lint rules and the check-dns findings. */
export const CATALOGUE_IDS: ReadonlySet<string> = new Set([...rules.map((r) => r.id), ...dnsRules.map((r) => r.id)]);

export interface SeverityOverrides {
  /** `--rule id=level`, from whoever runs the command (the CI workflow). */
  cli?: Readonly<Record<string, SeverityOrOff>>;
  /** lint.rules of the config under review. */
  config?: Readonly<Record<string, SeverityOrOff>>;
}

/** The override that applies to an id, if any. The command rules ignore lint.rules (reported by ruleOverrideFindings). */
export function forcedSeverity(id: string, overrides: SeverityOverrides): SeverityOrOff | undefined {
  return overrides.cli?.[id] ?? (COMMAND_RULE_IDS.has(id) ? undefined : overrides.config?.[id]);
}

/** The severity a finding is reported at, or 'off' when it is switched off. */
export function resolveSeverity(id: string, defaultSeverity: Severity, overrides: SeverityOverrides, reported?: Severity): SeverityOrOff {
  return forcedSeverity(id, overrides) ?? reported ?? defaultSeverity;
}

/** lint.rules entries that cannot apply: an unknown id (a typo would silently keep a rule on), or a command rule. */
export function ruleOverrideFindings(source: ConfigSource, configOverrides: Readonly<Record<string, SeverityOrOff>>): Finding[] {
  const findings: Finding[] = [];
  const at = (id: string) => ({ file: source.file, path: ['lint', 'rules', id], ...locate(source, ['lint', 'rules', id], 'key') });
  for (const id of Object.keys(configOverrides).sort()) {
    if (COMMAND_RULE_IDS.has(id)) {
      findings.push({
        ruleId: 'lint-config',
        severity: 'error',
        message:
          `lint.rules cannot change ${id}: the config under review may not switch off or lower the rules for the commands it makes the server run; ` +
          'list each intended command under lint.acknowledgedCommands instead (it stays visible as an acknowledged-command note)',
        ...at(id),
      });
      continue;
    }
    if (CATALOGUE_IDS.has(id)) continue;
    const suggestion = closest(id, CATALOGUE_IDS);
    findings.push({
      ruleId: 'lint-config',
      severity: 'error',
      message: `lint.rules names an unknown rule "${id}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}; \`relayconf rules\` lists them`,
      ...at(id),
    });
  }
  return findings;
}

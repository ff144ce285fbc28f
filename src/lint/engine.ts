// Runs the rules over a loaded config, with severities from the one resolver lint and check-dns
// share (src/rules/severity.ts).
import type { Finding, Severity, SeverityOrOff } from '../findings.js';
import { SEVERITY_ORDER, compareFindings, dedupeFindings } from '../findings.js';
import type { LoadedConfig } from '../config/load.js';
import { locate } from '../config/source.js';
import { rules as allRules } from '../rules/index.js';
import { formatMessage, type Rule } from '../rules/types.js';
import { forcedSeverity, resolveSeverity, ruleOverrideFindings } from '../rules/severity.js';
import { derivedViews, type DerivedViews } from './views.js';
import { postfixEncodingProblems } from './encodable.js';

export interface LintOptions {
  /** Severity overrides from the command line (`--rule id=level`); ids must be known (checked by the CLI). */
  ruleOverrides?: Record<string, SeverityOrOff>;
  /** The rule set; all rules by default (tests pass one rule). */
  rules?: readonly Rule[];
  /** The derived views of loaded.model, when the caller goes on to use them (build compiles from the same ones). */
  views?: DerivedViews;
}

/** All findings for a loaded config: its load findings, or the rules' findings over its model. */
export function lintLoaded(loaded: LoadedConfig, options: LintOptions = {}): Finding[] {
  if (!loaded.model) return [...loaded.findings].sort(compareFindings);
  const ruleSet = options.rules ?? allRules;
  const findings: Finding[] = [...loaded.findings];
  const configOverrides = loaded.model.lint.rules;

  // lint.rules entries that cannot apply (an unknown id, a command rule) are themselves errors.
  findings.push(...ruleOverrideFindings(loaded.source, configOverrides));

  const views = options.views ?? derivedViews(loaded.model);
  const overrides = { cli: options.ruleOverrides, config: configOverrides };
  for (const rule of ruleSet) {
    if (forcedSeverity(rule.id, overrides) === 'off') continue;
    rule.check({
      model: loaded.model,
      views,
      report(descriptor) {
        const severity = resolveSeverity(rule.id, rule.defaultSeverity, overrides, descriptor.severity) as Severity;
        const template = (rule.messages as Record<string, string>)[descriptor.messageId];
        if (template === undefined) throw new Error(`rule ${rule.id} reported unknown message id ${descriptor.messageId}`);
        findings.push({
          ruleId: rule.id,
          severity,
          message: formatMessage(template, descriptor.data),
          file: loaded.source.file,
          path: descriptor.path,
          ...locate(loaded.source, descriptor.path, descriptor.anchor ?? 'value'),
        });
      },
    });
  }
  // With the whole rule set (not a single rule under test): what build's encoders would refuse.
  if (!options.rules) {
    for (const problem of postfixEncodingProblems(views.postfix)) {
      findings.push({
        ruleId: 'output-encoding',
        severity: 'error',
        message: problem.message,
        file: loaded.source.file,
        path: problem.path,
        ...locate(loaded.source, problem.path, 'value'),
      });
    }
  }
  return dedupeFindings(findings).sort(compareFindings);
}


/** True when any finding is at or above `failOn`. */
export function failsAt(findings: Finding[], failOn: Severity): boolean {
  return findings.some((f) => SEVERITY_ORDER[f.severity] >= SEVERITY_ORDER[failOn]);
}

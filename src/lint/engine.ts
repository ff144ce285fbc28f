// Runs the rules over a loaded config and resolves severities: CLI --rule beats the config's
// lint.rules (never for the command rules), which beats what a report asks for, which beats the rule's default.
import type { Finding, Severity, SeverityOrOff } from '../findings.js';
import { SEVERITY_ORDER, compareFindings, dedupeFindings } from '../findings.js';
import type { LoadedConfig } from '../config/load.js';
import { locate } from '../config/source.js';
import { rules as allRules } from '../rules/index.js';
import { formatMessage, type Rule } from '../rules/types.js';
import { closest } from '../util/closest.js';
import { COMMAND_RULE_IDS } from '../rules/util/commands.js';
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
  const known = new Set(allRules.map((r) => r.id));
  const findings: Finding[] = [...loaded.findings];
  const configOverrides = loaded.model.lint.rules;

  // Unknown ids in lint.rules are themselves errors: a typo would silently keep a rule on.
  for (const id of Object.keys(configOverrides).sort()) {
    if (COMMAND_RULE_IDS.has(id)) {
      findings.push({
        ruleId: 'lint-config',
        severity: 'error',
        message:
          `lint.rules cannot change ${id}: the config under review may not switch off or lower the rules for the commands it makes the server run; ` +
          'list each intended command under lint.acknowledgedCommands instead (it stays visible as an acknowledged-command note)',
        file: loaded.source.file,
        path: ['lint', 'rules', id],
        ...locate(loaded.source, ['lint', 'rules', id], 'key'),
      });
      continue;
    }
    if (known.has(id)) continue;
    const suggestion = closest(id, known);
    findings.push({
      ruleId: 'lint-config',
      severity: 'error',
      message: `lint.rules names an unknown rule "${id}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}; \`relayconf rules\` lists them`,
      file: loaded.source.file,
      path: ['lint', 'rules', id],
      ...locate(loaded.source, ['lint', 'rules', id], 'key'),
    });
  }

  const views = options.views ?? derivedViews(loaded.model);
  for (const rule of ruleSet) {
    // The command rules ignore lint.rules (reported above); the CLI's --rule, set by the CI workflow, still applies.
    const forced = options.ruleOverrides?.[rule.id] ?? (COMMAND_RULE_IDS.has(rule.id) ? undefined : configOverrides[rule.id]);
    if (forced === 'off') continue;
    rule.check({
      model: loaded.model,
      views,
      report(descriptor) {
        const severity: Severity = forced ?? descriptor.severity ?? rule.defaultSeverity;
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

// The library API for programmatic use: load a config, lint it, compile it. No argv, no console.
import { loadConfigFile, loadConfigText, type LoadedConfig } from './config/load.js';
import { lintLoaded, type LintOptions } from './lint/engine.js';
import { derivedViews } from './lint/views.js';
import { compile as compileModel } from './outputs/compile.js';
import type { Finding } from './findings.js';
import type { OutputFile } from './outputs/types.js';

export type { Finding, Severity, KeyPath } from './findings.js';
export type { RelayModel } from './config/model.js';
export type { RelayConfig } from './config/schema-types.generated.js';
export type { LoadedConfig } from './config/load.js';
export type { OutputFile } from './outputs/types.js';
export type { Rule } from './rules/types.js';
export { ConfigReadError } from './config/load.js';
export { rules } from './rules/index.js';
export { dnsRules } from './dns/check/rules.js';
export type { DnsRule } from './dns/check/rule-types.js';
export { buildRecordModel } from './dns/records.js';

/** Finds (in cwd) or reads the config, parses it with positions, validates and normalizes it. */
export async function loadConfig(file?: string, cwd: string = process.cwd()): Promise<LoadedConfig> {
  return loadConfigFile(file, cwd);
}

export { loadConfigText };

/** Every finding for a loaded config: YAML and schema problems, or the policy rules' findings. */
export function lint(loaded: LoadedConfig, options: LintOptions = {}): Finding[] {
  return lintLoaded(loaded, options);
}

/**
 * The server tree for a config that lints without errors, as data (path, mode, content). Throws when
 * the config has error findings: a build never compiles a config the linter rejects.
 */
export function compile(loaded: LoadedConfig): OutputFile[] {
  const views = loaded.model ? derivedViews(loaded.model) : undefined;
  const errors = lint(loaded, { views }).filter((f) => f.severity === 'error');
  if (!loaded.model || errors.length > 0) {
    throw new Error(`the config has ${errors.length} error finding(s); run lint first:\n${errors.map((f) => `${f.file}:${f.line}:${f.column}: ${f.message} [${f.ruleId}]`).join('\n')}`);
  }
  return compileModel(loaded.model, views);
}

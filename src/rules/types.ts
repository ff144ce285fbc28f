// The rule contract (after typescript-eslint's createRule): metadata, docs, typed message ids, and a
// check over the normalized model that reports key paths; the engine turns paths into positions.
import type { KeyPath, Severity } from '../findings.js';
import type { RelayModel } from '../config/model.js';
import type { DerivedViews } from '../lint/views.js';

export interface RuleExample {
  /** What the example shows, one line. */
  description: string;
  /**
   * A YAML fragment deep-merged into the docs base config (test/helpers/base-config.yaml: a clean
   * config every rule passes). Mappings merge key by key; lists and scalars replace. Key files:
   * keys/rsa2048.pub, keys/rsa2048-b.pub, keys/rsa1024.pub, keys/rsa512.pub, keys/ed25519.pub,
   * keys/private.pem (a private key), keys/garbage.pub, and keys/missing.pub (absent) are provided.
   */
  config: string;
}

export interface RuleDocs {
  /** One line, shown by `relayconf rules` and in SARIF shortDescription. */
  summary: string;
  /** Why the rule exists, citing an RFC section, a man page or a public guide by its title (never an internal source number). */
  rationale: string;
  /** The source reference alone, e.g. "the self-hosted HTTP relay build guide, step 3" or "RFC 7208 §4.6.4". */
  source: string;
  /** How to fix a finding. */
  fix: string;
  examples: { invalid: RuleExample[]; valid: RuleExample[] };
}

export interface ReportDescriptor<M extends string> {
  messageId: M;
  /** Key path of the offending key or value in the config document. */
  path: KeyPath;
  /** Point at the key (for "should not be here") or its value (default). */
  anchor?: 'key' | 'value';
  /** Values for {{placeholders}} in the message template. */
  data?: Record<string, string | number>;
  /** Overrides the rule's default severity for this report (e.g. spf-all-qualifier by qualifier). */
  severity?: Severity;
}

export interface RuleContext<M extends string> {
  model: RelayModel;
  /** Record model, Postfix model, services and SPF terms: built once per run, shared by every rule. */
  views: DerivedViews;
  report(descriptor: ReportDescriptor<M>): void;
}

export interface Rule<M extends string = string> {
  /** kebab-case, equal to the file name under src/rules/. */
  id: string;
  defaultSeverity: Severity;
  docs: RuleDocs;
  /** Message templates by id, with {{name}} placeholders. */
  messages: Record<M, string>;
  check(context: RuleContext<M>): void;
}

/** Declares a rule; message ids become a type, so a misspelled id does not compile. */
export function createRule<const M extends string>(rule: Rule<M>): Rule<M> {
  return rule;
}

/** Fills {{name}} placeholders; an unknown placeholder is a bug in the rule, so it throws. */
export function formatMessage(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => {
    if (!(name in data)) throw new Error(`message placeholder {{${name}}} has no value`);
    return String(data[name]);
  });
}

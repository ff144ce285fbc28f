// The check-dns finding contract, after the lint rule's (src/rules/types.ts): metadata, docs with a
// flagged and a passing example, and typed message ids. The checks in src/dns/check/*.ts report them.
import type { Severity } from '../../findings.js';

/**
 * How live DNS differs from the zone the build writes. Names are written without the final dot.
 * - remove: "TYPE name": every record of that type at that name is gone (NXDOMAIN or NODATA)
 * - add: "name TYPE data", as in a zone file: A/AAAA address, TXT "quoted" "strings",
 *   MX priority host, PTR/CNAME target
 * - edit: in the TXT record at `edit`, the text `replace` becomes `with`
 * - noAnswer: queries for this name (or "*": every name) are never answered (a timeout)
 * - servfail: queries for this name are answered SERVFAIL
 */
export type DnsAnswerChange =
  | { remove: string }
  | { add: string }
  | { edit: string; replace: string; with: string }
  | { noAnswer: string }
  | { servfail: string };

export interface DnsRuleExample {
  /** What the example shows, one line. */
  description: string;
  /**
   * The config check-dns reads: a YAML fragment merged into the docs base config, as for lint
   * examples (src/rules/types.ts); '' for the base config itself.
   */
  config: string;
  /** When DNS serves the zone built from another config (a record published from an older config): that config, as a fragment. */
  published?: string;
  /** Changes to the served zone. None: DNS serves exactly the zone the build writes (with the provider's PTR). */
  dns?: DnsAnswerChange[];
}

export interface DnsRuleDocs {
  /** One line, shown by `relayconf rules` and in SARIF shortDescription. */
  summary: string;
  /** Why the finding matters, citing an RFC section, a man page or a public guide by its title. */
  rationale: string;
  /** The source reference alone, e.g. "RFC 7208 §4.6.4". */
  source: string;
  /** How to fix a finding. */
  fix: string;
  examples: { invalid: DnsRuleExample[]; valid: DnsRuleExample[] };
}

export interface DnsRule<I extends string = string, M extends string = string> {
  /** kebab-case, starting with dns-. */
  id: I;
  defaultSeverity: Severity;
  docs: DnsRuleDocs;
  /** Message templates by id, with {{name}} placeholders (filled by src/rules/types.ts formatMessage). */
  messages: Record<M, string>;
}

/** Declares a check-dns finding; its id and message ids become types, so a misspelled one does not compile. */
export function createDnsRule<const I extends string, const M extends string>(rule: DnsRule<I, M>): DnsRule<I, M> {
  return rule;
}

/** One change as a line of the docs ("- TXT _dmarc.example.com", "+ example.com MX 10 mx.example.net"). */
export function describeDnsChange(change: DnsAnswerChange): string {
  if ('remove' in change) return `- ${change.remove} (no such record)`;
  if ('add' in change) return `+ ${change.add}`;
  if ('edit' in change) return `~ TXT ${change.edit}: "${change.replace}" becomes "${change.with}"`;
  if ('noAnswer' in change) return change.noAnswer === '*' ? '! the resolver answers no query (every lookup times out)' : `! ${change.noAnswer}: no answer (the lookup times out)`;
  return `! ${change.servfail}: SERVFAIL`;
}

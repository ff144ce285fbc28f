// Rule metadata for formatters, `rules` and `explain`: the one catalogue of the loader's
// pseudo-rules, the lint rules and the check-dns findings.
import { rules } from '../rules/index.js';
import { dnsRules } from '../dns/check/rules.js';
import type { RuleMeta } from './format/types.js';

/** Findings that come from loading, not from a rule module. */
export const LOADER_RULES: RuleMeta[] = [
  { id: 'yaml-syntax', summary: 'The file is valid YAML', help: 'The YAML parser could not read the file. Fix the syntax at the position shown.', defaultSeverity: 'error' },
  { id: 'yaml-duplicate-key', summary: 'No key appears twice in one mapping', help: 'YAML keeps only one of two equal keys, silently. Merge the entries or remove one.', defaultSeverity: 'error' },
  { id: 'schema', summary: 'The config matches schema/relay.schema.json', help: 'Every key, type and allowed value is defined by schema/relay.schema.json. Editors show it via the yaml-language-server $schema line.', defaultSeverity: 'error' },
  { id: 'yaml-alias-limit', summary: 'YAML aliases expand to at most 100 copies', help: 'An alias of aliases (a "billion laughs" document) turns a small file into gigabytes in memory. Write the values out instead of nesting aliases.', defaultSeverity: 'error' },
  { id: 'referenced-file', summary: 'A file the config references is a regular file under its size cap', help: 'relayconf reads a referenced file (a DKIM public key: at most 64 KiB) only when it is a regular file. A FIFO, a device such as /dev/zero, a directory or an oversized file is refused unread. Point the key at the PEM file relayconf keygen wrote.', defaultSeverity: 'error' },
  { id: 'output-encoding', summary: 'Every Postfix value can be written as it is', help: 'main.cf, master.cf and map values are written by one encoder that refuses what the format cannot carry: a line break, leading or trailing whitespace, a $ that starts no parameter name (postconf(5): write $$ for a literal $), { } inside a master.cf argument. Change the value in postfix.parameters or postfix.services.', defaultSeverity: 'error' },
  { id: 'lint-config', summary: 'lint.rules names only known rules, and never the command rules', help: 'A misspelled rule id in lint.rules would silently keep the rule at its default. Use an id from `relayconf rules`. The rules for the commands a config makes the server run (postfix-service-runs-command, postfix-param-runs-command, relay-sendmail-path, acknowledged-command) cannot be changed from the config: use lint.acknowledgedCommands.', defaultSeverity: 'error' },
];

/** What a documented rule (lint or check-dns) gives the formatters. */
interface Documented {
  id: string;
  defaultSeverity: RuleMeta['defaultSeverity'];
  docs: { summary: string; rationale: string; fix: string; source: string };
}

// Getters: only the formats that print docs (SARIF) read them, and in the CLI bundle a rule's
// docs are compiled on first read (src/tools/bundle-cli.mjs), so a text lint never pays for them.
function documentedMeta(r: Documented, command: RuleMeta['command']): RuleMeta {
  return {
    id: r.id,
    defaultSeverity: r.defaultSeverity,
    command,
    get summary() {
      return r.docs.summary;
    },
    get help() {
      return `${r.docs.rationale}\n\nHow to fix: ${r.docs.fix}`;
    },
    get source() {
      return r.docs.source;
    },
  };
}

/** The whole catalogue: the loader's checks, the lint rules, the check-dns findings. */
export function catalogueMeta(): RuleMeta[] {
  return [
    ...LOADER_RULES.map((r): RuleMeta => ({ ...r, command: 'lint' })),
    ...rules.map((r) => documentedMeta(r, 'lint')),
    ...dnsRules.map((r) => documentedMeta(r, 'check-dns')),
  ];
}

// Renders a rule's docs as Markdown: shared by `relayconf explain` and the committed docs/rules.md,
// for lint rules and check-dns findings alike.
import type { Rule } from './types.js';
import { describeDnsChange, type DnsRule, type DnsRuleExample } from '../dns/check/rule-types.js';
import { byteCompare } from '../util/compare.js';

const yamlBlock = (text: string) => `\`\`\`yaml\n${text.trimEnd()}\n\`\`\`\n`;

/** A check-dns example: the config check-dns reads, and how live DNS answers. */
function renderDnsExample(kind: string, e: DnsRuleExample): string {
  const config = e.config.trim() === '' ? 'The docs base config.\n' : `The base config with:\n\n${yamlBlock(e.config)}`;
  const other = e.published !== undefined && e.published.trim() !== '';
  const zone =
    e.published === undefined
      ? 'DNS serves the zone the build writes for this config (and the PTR the provider sets)'
      : other
        ? `DNS serves the zone built from another config, the base config with:\n\n${yamlBlock(e.published!)}`
        : 'DNS serves the zone built from the docs base config';
  const changes = e.dns ?? [];
  const list = `\`\`\`text\n${changes.map(describeDnsChange).join('\n')}\n\`\`\`\n`;
  const dns = changes.length === 0 ? (other ? zone : `${zone}.\n`) : other ? `${zone}\nwith these changes:\n\n${list}` : `${zone}, with these changes:\n\n${list}`;
  return `${kind}: ${e.description}\n\n${config}\n${dns}`;
}

/** The sections every rule's docs share: summary, severity, source, why, how to fix. */
function renderDocHead(rule: Rule | DnsRule, facts: string[]): string {
  return `## ${rule.id}

${rule.docs.summary}

${[...facts, `Default severity: ${rule.defaultSeverity}`, `Source: ${rule.docs.source}`].map((f) => `- ${f}`).join('\n')}

### Why

${rule.docs.rationale}

### How to fix

${rule.docs.fix}

### Examples

`;
}

export function renderDnsRuleDoc(rule: DnsRule): string {
  return `${renderDocHead(rule, ['Reported by: relayconf check-dns'])}${rule.docs.examples.invalid.map((e) => renderDnsExample('Flagged', e)).join('\n')}
${rule.docs.examples.valid.map((e) => renderDnsExample('Passes', e)).join('\n')}`;
}

export function renderRuleDoc(rule: Rule): string {
  const example = (kind: string, list: Rule['docs']['examples']['invalid']) =>
    list.map((e) => `${kind}: ${e.description}\n\n${yamlBlock(e.config)}`).join('\n');
  return `${renderDocHead(rule, [])}${example('Flagged', rule.docs.examples.invalid)}
${example('Passes', rule.docs.examples.valid)}`;
}

const tableRow = (r: { id: string; defaultSeverity: string; docs: { summary: string } }) => `| [${r.id}](#${r.id}) | ${r.defaultSeverity} | ${r.docs.summary.replace(/\|/g, '\\|')} |`;

export function renderRuleReference(rules: readonly Rule[], dnsRules: readonly DnsRule[]): string {
  const sorted = [...rules].sort((a, b) => byteCompare(a.id, b.id));
  const dnsSorted = [...dnsRules].sort((a, b) => byteCompare(a.id, b.id));
  const table = sorted.map(tableRow).join('\n');
  return `# relayconf rules

Generated from the rule modules in src/rules/ and src/dns/check/catalogue/ by \`npm run docs:rules\`. Do not edit by hand.

Each example is a fragment merged into a clean base config (test/helpers/base-config.yaml):
mappings merge key by key, lists and scalars replace, \`key: null\` removes a key, and
\`domain0:\` stands for \`domains[0]\`. The tests run every example: a flagged one yields exactly
its rule, a passing one no finding at all.

| rule | default | summary |
| --- | --- | --- |
${table}

${sorted.map(renderRuleDoc).join('\n')}
# check-dns findings

\`relayconf check-dns\` asks live DNS for every record the build writes and reports what differs
under these ids. They take severity overrides like the lint rules (\`lint.rules\`, \`--rule\`).
Each example is a config (a fragment merged into the same base config) and the DNS answers that
flag or pass it: the zone the build writes for that config, with the provider's PTR, changed as
listed (\`-\` a record that is gone, \`+\` one added, \`~\` one edited, \`!\` a lookup that fails). The
tests serve each example from a DNS server on loopback and run check-dns against it.

| finding | default | summary |
| --- | --- | --- |
${dnsSorted.map(tableRow).join('\n')}

${dnsSorted.map(renderDnsRuleDoc).join('\n')}`;
}

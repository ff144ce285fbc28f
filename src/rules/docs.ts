// Renders a rule's docs as Markdown: shared by `relayconf explain` and the committed docs/rules.md.
import type { Rule } from './types.js';
import { byteCompare } from '../util/compare.js';

export function renderRuleDoc(rule: Rule): string {
  const example = (kind: string, list: Rule['docs']['examples']['invalid']) =>
    list.map((e) => `${kind}: ${e.description}\n\n\`\`\`yaml\n${e.config.trimEnd()}\n\`\`\`\n`).join('\n');
  return `## ${rule.id}

${rule.docs.summary}

- Default severity: ${rule.defaultSeverity}
- Source: ${rule.docs.source}

### Why

${rule.docs.rationale}

### How to fix

${rule.docs.fix}

### Examples

${example('Flagged', rule.docs.examples.invalid)}
${example('Passes', rule.docs.examples.valid)}`;
}

export function renderRuleReference(rules: readonly Rule[]): string {
  const sorted = [...rules].sort((a, b) => byteCompare(a.id, b.id));
  const table = sorted.map((r) => `| [${r.id}](#${r.id}) | ${r.defaultSeverity} | ${r.docs.summary.replace(/\|/g, '\\|')} |`).join('\n');
  return `# relayconf rules

Generated from the rule modules in src/rules/ by \`npm run docs:rules\`. Do not edit by hand.

Each example is a fragment merged into a clean base config (test/helpers/base-config.yaml):
mappings merge key by key, lists and scalars replace, \`key: null\` removes a key, and
\`domain0:\` stands for \`domains[0]\`. The tests run every example: a flagged one yields exactly
its rule, a passing one no finding at all.

| rule | default | summary |
| --- | --- | --- |
${table}

${sorted.map(renderRuleDoc).join('\n')}`;
}

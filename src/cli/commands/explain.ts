// `relayconf explain <rule-id>`: a rule's docs (why, source, how to fix, examples).
import type { Command } from '../types.js';
import { parseCommandArgs } from '../args.js';
import { EXIT, UsageError } from '../types.js';
import { rules, rulesById } from '../../rules/index.js';
import { renderDnsRuleDoc, renderRuleDoc } from '../../rules/docs.js';
import { dnsRules, dnsRulesById } from '../../dns/check/rules.js';
import { LOADER_RULES } from '../rule-meta.js';
import { closest } from '../../util/closest.js';

const command: Command = {
  name: 'explain',
  summary: "print a rule's documentation",
  help: `Usage: relayconf explain <rule-id>

Prints the rule's summary, default severity, the RFC, man page or guide it comes from, why it exists,
how to fix a finding, and a flagged and a passing example (for a check-dns finding: a config and the
DNS answers that flag or pass it). \`relayconf rules\` lists the ids.
`,
  async run(args, io) {
    const { positionals } = parseCommandArgs('explain', args, {});
    if (positionals.length !== 1) throw new UsageError('explain takes one rule id, e.g. `relayconf explain spf-lookup-limit`');
    const id = positionals[0];
    const rule = rulesById.get(id);
    if (rule) {
      io.stdout.write(renderRuleDoc(rule));
      return EXIT.ok;
    }
    const dns = dnsRulesById.get(id);
    if (dns) {
      io.stdout.write(renderDnsRuleDoc(dns));
      return EXIT.ok;
    }
    const loader = LOADER_RULES.find((r) => r.id === id);
    if (loader) {
      io.stdout.write(`## ${loader.id}\n\n${loader.summary}\n\n- Default severity: ${loader.defaultSeverity}\n\n${loader.help}\n`);
      return EXIT.ok;
    }
    const ids = [...rules.map((r) => r.id), ...dnsRules.map((r) => r.id), ...LOADER_RULES.map((r) => r.id)];
    // A family prefix ("spf-all", "dmarc") is how people look for a rule: list the family.
    const family = id.length >= 3 ? ids.filter((known) => known.startsWith(id)) : [];
    if (family.length > 0) throw new UsageError(`no rule "${id}"; the rules starting with it: ${family.join(', ')}`);
    const suggestion = closest(id, ids);
    throw new UsageError(`no rule "${id}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}; \`relayconf rules\` lists them`);
  },
};
export default command;

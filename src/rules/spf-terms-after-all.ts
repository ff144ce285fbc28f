// spf-terms-after-all: mechanisms written after an all are never evaluated.
import { createRule } from './types.js';
import { parseSpfTerm } from './util/spf-static.js';
import { spfAllTerms } from './util/spf-all.js';

export default createRule({
  id: 'spf-terms-after-all',
  defaultSeverity: 'warning',
  docs: {
    summary: 'mechanisms after an all are dead: evaluation stops at all',
    rationale:
      'SPF evaluates mechanisms left to right and stops at the first match; all always matches, so mechanisms after it are never evaluated (RFC 7208 §4.6.2, §5.1). An all can land in the middle only when it is written among spf.mechanisms: the hosts listed after it are not authorized, whatever the record seems to say.',
    source: 'RFC 7208 §4.6.2, §5.1',
    fix: 'Remove the all from spf.mechanisms and set its qualifier in spf.all, which relayconf writes last.',
    examples: {
      invalid: [{ description: 'An ip4 after -all', config: 'domain0:\n  spf: { mechanisms: ["-all", "ip4:94.130.10.0/28"], all: "-all" }\n' }],
      valid: [{ description: 'The all in spf.all, written last', config: 'domain0:\n  spf: { mechanisms: ["ip4:94.130.10.0/28"], all: "-all" }\n' }],
    },
  },
  messages: {
    deadTerms: '"{{term}}" comes after "{{all}}" in the SPF record of {{domain}} and is never evaluated: terms after all are ignored',
  },
  check({ views, report }) {
    for (const { spf, all } of spfAllTerms(views.spf)) {
      if (!all) continue;
      const deadIndex = spf.terms.findIndex((term, k) => k > all.index && !parseSpfTerm(term).modifier);
      if (deadIndex >= 0) report({ messageId: 'deadTerms', path: spf.paths[deadIndex], data: { domain: spf.name, term: spf.terms[deadIndex], all: all.term } });
    }
  },
});

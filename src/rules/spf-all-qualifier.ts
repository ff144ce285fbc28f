// spf-all-qualifier: the closing all of each published SPF record, graded by its qualifier.
import { createRule } from './types.js';
import { parseSpfTerm, publishedSpfRecords } from './util/spf-static.js';

export default createRule({
  id: 'spf-all-qualifier',
  defaultSeverity: 'warning',
  docs: {
    summary: '+all is an error, ?all or no all a warning, ~all info (tighten to -all once sure)',
    rationale:
      'Seed 01 (SPF) publishes "~all: other sources soft-fail" first and says "if only this VPS should send mail for the domain, tighten it later" to -all, "only after confirming there are no other legitimate senders"; seed 03 writes -all from the start. The all term decides what every unlisted host gets (RFC 7208 §5.1): +all authorizes the whole Internet to send as the domain (error), ?all and a record without all or redirect give "neutral", which protects nothing (warning), ~all is the right transition state (info, a reminder). An all written among spf.mechanisms ends evaluation there, so later terms are dead (RFC 7208 §4.6.2); it is graded the same way and the dead terms are pointed out.',
    source: 'seed 01 SPF; seed 03; RFC 7208 §5.1',
    fix: 'Set spf.all to "-all" once every legitimate sender is in the record; "~all" while you are still finding them. Write the qualifier in spf.all, not in spf.mechanisms.',
    examples: {
      invalid: [
        { description: 'Anyone may send as the domain', config: 'domain0:\n  spf: { include: [], all: "+all" }\n' },
        { description: 'Soft-fail (reported as info)', config: 'domain0:\n  spf: { include: [], all: "~all" }\n' },
      ],
      valid: [{ description: 'Hard fail for everyone else', config: 'domain0:\n  spf: { include: [], all: "-all" }\n' }],
    },
  },
  messages: {
    plusAll: 'the SPF record of {{domain}} ends in "{{term}}": every host on the Internet passes SPF for it; use -all (or ~all while other senders may exist)',
    neutralAll: 'the SPF record of {{domain}} ends in "{{term}}": unlisted hosts get "neutral", which protects nothing; use ~all, then -all',
    noAll: 'the SPF record of {{domain}} has no all and no redirect: unlisted hosts get "neutral"; add spf.all: "~all", then "-all" once sure',
    softAll: 'the SPF record of {{domain}} ends in "~all": fine while other senders may exist; tighten to -all once you are sure (seed 01)',
    deadTerms: '"{{term}}" comes after "{{all}}" in the SPF record of {{domain}} and is never evaluated: terms after all are ignored',
  },
  check({ model, views, report }) {
    for (const spf of views.spf) {
      const allIndex = spf.terms.findIndex((term) => {
        const parsed = parseSpfTerm(term);
        return !parsed.modifier && parsed.name === 'all';
      });
      if (allIndex < 0) {
        const hasRedirect = spf.terms.some((term) => parseSpfTerm(term).name === 'redirect');
        if (!hasRedirect) report({ messageId: 'noAll', path: ['domains', spf.domainIndex, 'spf', 'all'], severity: 'warning', data: { domain: spf.name } });
        continue;
      }
      const term = spf.terms[allIndex];
      const path = spf.paths[allIndex];
      const data = { domain: spf.name, term };
      switch (parseSpfTerm(term).qualifier) {
        case '+':
          report({ messageId: 'plusAll', path, severity: 'error', data });
          break;
        case '?':
          report({ messageId: 'neutralAll', path, severity: 'warning', data });
          break;
        case '~':
          report({ messageId: 'softAll', path, severity: 'info', data });
          break;
        case '-':
          break;
      }
      // Terms after the first all (possible only when spf.mechanisms holds an all) are never evaluated.
      const deadIndex = spf.terms.findIndex((t, k) => k > allIndex && !parseSpfTerm(t).modifier);
      if (deadIndex >= 0) {
        report({ messageId: 'deadTerms', path: spf.paths[deadIndex], severity: 'warning', data: { domain: spf.name, term: spf.terms[deadIndex], all: term } });
      }
    }
  },
});

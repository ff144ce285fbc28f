// spf-all-qualifier: the soft-fail reminder: ~all is right while finding senders, -all is the goal.
import { createRule } from './types.js';
import { spfAllTerms } from './util/spf-all.js';

export default createRule({
  id: 'spf-all-qualifier',
  defaultSeverity: 'info',
  docs: {
    summary: '~all is the transition state: tighten to -all once every sender is listed',
    rationale:
      'The self-hosted HTTP relay build guide publishes "~all: other sources soft-fail" first and tightens it to -all "only after confirming there are no other legitimate senders". ~all asks receivers to accept but mark unlisted hosts (RFC 7208 §8.5); -all asks them to reject (§8.4). This rule is the reminder for ~all only: +all (spf-all-pass, an error) and ?all or a missing all (spf-all-neutral) are separate rules, so a severity override here never hides them.',
    source: 'RFC 7208 §8.4, §8.5',
    fix: 'Set spf.all to "-all" once every legitimate sender is in the record; keep "~all" while you are still finding them, and turn this reminder off or up in lint.rules as your policy says.',
    examples: {
      invalid: [{ description: 'Soft-fail (reported as info)', config: 'domain0:\n  spf: { include: [], all: "~all" }\n' }],
      valid: [{ description: 'Hard fail for everyone else', config: 'domain0:\n  spf: { include: [], all: "-all" }\n' }],
    },
  },
  messages: {
    softAll: 'the SPF record of {{domain}} ends in "~all": fine while other senders may exist; tighten to -all once you are sure',
  },
  check({ views, report }) {
    for (const { spf, all } of spfAllTerms(views.spf)) {
      if (all?.qualifier === '~') report({ messageId: 'softAll', path: all.path, data: { domain: spf.name } });
    }
  },
});

// spf-all-neutral: an SPF record that leaves unlisted hosts "neutral" (?all, or neither all nor redirect).
import { createRule } from './types.js';
import { spfAllTerms } from './util/spf-all.js';

export default createRule({
  id: 'spf-all-neutral',
  defaultSeverity: 'warning',
  docs: {
    summary: '?all, or a record with neither all nor redirect, gives unlisted hosts "neutral"',
    rationale:
      'A record that ends in ?all, or that has no all and no redirect, gives every host not listed the result "neutral" (RFC 7208 §4.7 and §8.2): receivers treat it like no SPF at all, so the record protects nothing. The self-hosted HTTP relay build guide publishes ~all first and tightens it to -all once no other sender uses the domain.',
    source: 'RFC 7208 §4.7, §8.2',
    fix: 'Set spf.all to "~all" now and to "-all" once you are sure no other host sends for the domain.',
    examples: {
      invalid: [
        { description: 'Neutral for everyone else', config: 'domain0:\n  spf: { include: [], all: "?all" }\n' },
        { description: 'No all and no redirect', config: 'domain0:\n  spf: { include: [], all: none }\n' },
      ],
      valid: [
        { description: 'Hard fail for everyone else', config: 'domain0:\n  spf: { include: [], all: "-all" }\n' },
        { description: 'A redirect decides instead', config: 'domain0:\n  spf: { redirect: _spf.acme-mail.net, all: none }\n' },
      ],
    },
  },
  messages: {
    neutralAll: 'the SPF record of {{domain}} ends in "{{term}}": unlisted hosts get "neutral", which protects nothing; use ~all, then -all',
    noAll: 'the SPF record of {{domain}} has no all and no redirect: unlisted hosts get "neutral"; add spf.all: "~all", then "-all" once sure',
  },
  check({ views, report }) {
    for (const { spf, all, hasRedirect } of spfAllTerms(views.spf)) {
      if (all?.qualifier === '?') report({ messageId: 'neutralAll', path: all.path, data: { domain: spf.name, term: all.term } });
      else if (!all && !hasRedirect) report({ messageId: 'noAll', path: ['domains', spf.domainIndex, 'spf', 'all'], data: { domain: spf.name } });
    }
  },
});

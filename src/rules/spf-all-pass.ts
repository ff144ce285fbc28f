// spf-all-pass: an SPF record whose all passes (+all) lets every host on the Internet send as the domain.
import { createRule } from './types.js';
import { spfAllTerms } from './util/spf-all.js';

export default createRule({
  id: 'spf-all-pass',
  defaultSeverity: 'error',
  docs: {
    summary: '+all (or a bare all) authorizes every host on the Internet to send as the domain',
    rationale:
      'The all term decides what every host not listed before it gets (RFC 7208 §5.1). With the "+" qualifier, written or implied by a bare "all", every host on the Internet passes SPF for the domain, so SPF protects nothing and any forger aligns for DMARC through SPF (RFC 9989 section 4.4.2). This is its own rule, apart from spf-all-qualifier (the ~all reminder), so that relaxing that reminder can never hide this error.',
    source: 'RFC 7208 §5.1',
    fix: 'Set spf.all to "-all" once every legitimate sender is in the record; "~all" while you are still finding them.',
    examples: {
      invalid: [{ description: 'Anyone may send as the domain', config: 'domain0:\n  spf: { include: [], all: "+all" }\n' }],
      valid: [{ description: 'Hard fail for everyone else', config: 'domain0:\n  spf: { include: [], all: "-all" }\n' }],
    },
  },
  messages: {
    plusAll: 'the SPF record of {{domain}} ends in "{{term}}": every host on the Internet passes SPF for it; use -all (or ~all while other senders may exist)',
  },
  check({ views, report }) {
    for (const { spf, all } of spfAllTerms(views.spf)) {
      if (all?.qualifier === '+') report({ messageId: 'plusAll', path: all.path, data: { domain: spf.name, term: all.term } });
    }
  },
});

// spf-redirect-ignored: spf.redirect is written only when no all closes the record (RFC 7208 §6.1).
import { createRule } from './types.js';
import { publishedSpfRecords } from './util/spf-static.js';

export default createRule({
  id: 'spf-redirect-ignored',
  defaultSeverity: 'warning',
  docs: {
    summary: 'spf.redirect is set together with an all qualifier, so the redirect is dropped',
    rationale:
      'RFC 7208 §6.1: "If all mechanisms fail to match, and a redirect modifier is present, then processing proceeds"; and "any redirect modifier MUST be ignored if there is an all mechanism". relayconf therefore writes redirect= only when spf.all is "none" (the published record comes from spfTerms, the same function the zone output uses), and a redirect next to an all never reaches DNS: mail from the hosts the redirected record lists then meets the all instead. spf.all defaults to "~all" only without a redirect, so the finding comes from an all written next to one. This rule is an addition to rules.md, from RFC 7208, which rules.md cites for SPF.',
    source: 'RFC 7208 §6.1',
    fix: 'To delegate the whole policy, set spf.all: none next to spf.redirect; to add another sender\'s hosts, use spf.include instead of redirect.',
    examples: {
      invalid: [{ description: 'redirect next to an all', config: 'domain0:\n  spf: { redirect: _spf.acme-mail.net, all: "-all" }\n' }],
      valid: [{ description: 'redirect alone', config: 'domain0:\n  spf: { redirect: _spf.acme-mail.net, all: none }\n' }],
    },
  },
  messages: {
    ignored: 'spf.redirect "{{target}}" of {{domain}} is not published because spf.all is "{{all}}" (RFC 7208 §6.1 ignores redirect next to all); set all: none to delegate, or use include',
  },
  check({ model, views, report }) {
    for (const spf of views.spf) {
      const domain = model.domains[spf.domainIndex];
      if (!domain.spf.redirect || domain.spf.all === 'none') continue;
      report({ messageId: 'ignored', path: ['domains', spf.domainIndex, 'spf', 'redirect'], data: { target: domain.spf.redirect, domain: spf.name, all: domain.spf.all } });
    }
  },
});

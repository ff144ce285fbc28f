// dmarc-pct-removed: pct, rf and ri were removed by RFC 9989; a config that still sets them is told what now happens.
import { createRule } from './types.js';
import { isDmarcText } from './util/dmarc.js';
import { parseTags } from '../dns/tag-list.js';

/** Tags RFC 9989 removed (Appendix C.5.2): pct became t=, rf and ri went with failure and aggregate reporting. */
const REMOVED = ['pct', 'rf', 'ri'] as const;

export default createRule({
  id: 'dmarc-pct-removed',
  defaultSeverity: 'warning',
  docs: {
    summary: 'No pct, rf or ri in a DMARC record: RFC 9989 removed them; ramp up with p= and t=y instead',
    rationale:
      'RFC 9989 (DMARC, May 2026) obsoletes RFC 7489 and removes the pct, rf and ri tags (RFC 9989 Appendix A.6, Appendix C.5.2): pct was applied inconsistently by receivers for any value but 0 or 100, and its only useful value, pct=0, became t=y. Receivers that follow RFC 9989 ignore the removed tags, so relayconf never writes them. A config that sets dmarc.pct therefore no longer gets a partial policy: pct=100 was the default and changes nothing, but pct below 100 now means the policy applies to all failing mail. The staged path RFC 9989 describes is p=none while reading the aggregate reports (RFC 9990), then p=quarantine, then p=reject (RFC 9989 section 5.1.7, section 7.4); each step can first be published with t=y (testing: true), which asks receivers to apply one level lower (reject as quarantine, quarantine as none) and still sends the reports (RFC 9989 section 4.7). A DMARC record written by hand under dns.extraRecords is checked for the removed tags too.',
    source: 'RFC 9989 Appendix A.6, Appendix C.5.2, section 4.7',
    fix: 'Delete dmarc.pct. If you were still ramping up (pct below 100), keep the step below the policy you want, or publish it with testing: true (t=y) until the aggregate reports show every legitimate sender aligned, then drop testing. Remove pct=, rf= and ri= from any hand-written DMARC record.',
    examples: {
      invalid: [
        { description: 'A ramp-up share that receivers now ignore', config: 'domain0:\n  dmarc: { policy: quarantine, pct: 25, rua: [dmarc@acme-mail.net], adkim: s, aspf: s }\n' },
        { description: 'pct: 100 left in the config from RFC 7489 days', config: 'domain0:\n  dmarc: { policy: reject, pct: 100, rua: [dmarc@acme-mail.net], adkim: s, aspf: s }\n' },
      ],
      valid: [
        { description: 'Ramping up by whole steps: quarantine while the reports are read, reject later', config: 'domain0:\n  dmarc: { policy: quarantine, rua: [dmarc@acme-mail.net], adkim: s, aspf: s }\n' },
        { description: 'Full enforcement', config: 'domain0:\n  dmarc: { policy: reject, rua: [dmarc@acme-mail.net], adkim: s, aspf: s }\n' },
      ],
    },
  },
  messages: {
    full: 'dmarc.pct is not written: RFC 9989 removed the pct tag and 100 was its default, so nothing changes; delete the key',
    noPolicy: 'dmarc.pct is not written: RFC 9989 removed the pct tag, and under p=none it changed nothing; delete the key',
    partial:
      'dmarc.pct={{pct}} is not written: RFC 9989 removed the pct tag and receivers ignore it, so p={{policy}} of {{domain}} applies to all failing mail once this record is published; while still ramping up set testing: true (t=y, applied one level lower) or stay one step lower (none, then quarantine, then reject)',
    testingAlready: 'dmarc.pct={{pct}} is not written: RFC 9989 removed the pct tag; testing: true (t=y) already asks receivers to apply p={{policy}} of {{domain}} one level lower; delete the key',
    extra: 'this hand-written DMARC record for {{name}} has {{tags}}, which RFC 9989 removed and receivers ignore; remove them (pct=0 is t=y)',
  },
  check({ model, report }) {
    model.domains.forEach((domain, i) => {
      const dmarc = domain.dmarc;
      if (!dmarc || dmarc.pct === null) return;
      const path = ['domains', i, 'dmarc', 'pct'];
      const data = { pct: dmarc.pct, domain: domain.name, policy: dmarc.policy };
      if (dmarc.pct >= 100) report({ messageId: 'full', path, anchor: 'key' });
      // Under p=none there is nothing to apply partially: the share never mattered.
      else if (dmarc.policy === 'none') report({ messageId: 'noPolicy', path, anchor: 'key' });
      else report({ messageId: dmarc.testing ? 'testingAlready' : 'partial', path, data });
    });
    model.dns.extraRecords.forEach((r, i) => {
      if (r.type !== 'TXT' || !isDmarcText(r.value)) return;
      const tags = parseTags(r.value);
      const removed = REMOVED.filter((t) => tags.has(t));
      if (removed.length > 0) report({ messageId: 'extra', path: ['dns', 'extraRecords', i, 'value'], data: { name: r.name, tags: removed.map((t) => `${t}=`).join(', ') } });
    });
  },
});

// dmarc-rua-external-authorized: a DMARC report address in a third party's domain needs that domain's authorization record.
import { createRule } from './types.js';
import { normalizeName } from './util/dns-name.js';
import { nearestParent } from '../dns/name-index.js';
import { sameOrganization } from './util/org-domain.js';
import { isDmarcText } from './util/dmarc.js';
import { ruaAddress } from './dmarc-rua-deliverable.js';

export default createRule({
  id: 'dmarc-rua-external-authorized',
  defaultSeverity: 'info',
  docs: {
    summary: 'A rua address in a third-party domain receives reports only if that domain authorizes them (RFC 9990)',
    rationale:
      'RFC 9990 (DMARC aggregate reporting, Verifying External Destinations): when the report address lies in another organizational domain, reporters send aggregate reports ' +
      'only if that domain publishes "<policy-domain>._report._dmarc.<report-domain> TXT v=DMARC1". A DMARC report vendor ' +
      'publishes it for its customers, but this config cannot see it offline: it is a reminder to check (`relayconf ' +
      'check-dns` verifies it live). When this config writes the report domain\'s zone the record must be in ' +
      'dns.extraRecords, which is dmarc-rua-deliverable\'s finding (a warning).',
    source: 'RFC 9990 (Verifying External Destinations)',
    fix: 'Make sure the report domain publishes the authorization record (your DMARC report provider does so on sign-up), then run relayconf check-dns.',
    examples: {
      invalid: [{ description: 'Reports to a vendor\'s domain', config: 'domain0:\n  dmarc: { policy: reject, rua: [reports@dmarc-vendor.net], adkim: s, aspf: s }\n' }],
      valid: [{ description: 'Reports to the domain itself', config: 'domain0:\n  dmarc: { policy: reject, rua: ["mailto:dmarc@acme-mail.net"], adkim: s, aspf: s }\n' }],
    },
  },
  messages: {
    externalAuthorization: 'rua {{address}} of {{domain}} is in another organization\'s domain: reports arrive only if that domain publishes {{record}} TXT "v=DMARC1" (RFC 9990, Verifying External Destinations); check-dns verifies it',
  },
  check({ model, views, report }) {
    model.domains.forEach((domain, i) => {
      domain.dmarc?.rua.forEach((entry, k) => {
        const { scheme, address } = ruaAddress(entry);
        const match = scheme ? null : /^[^@\s]+@([^@\s]+\.[^@\s]+)$/.exec(address);
        if (!match) return; // dmarc-rua-deliverable's finding
        const reportDomain = normalizeName(match[1]);
        if (nearestParent(reportDomain, views.sendingNames) !== undefined) return;
        if (sameOrganization(reportDomain, domain.name)) return;
        const record = `${domain.name}._report._dmarc.${reportDomain}`;
        if ((views.recordsByName.get(record) ?? []).some((r) => r.type === 'TXT' && isDmarcText(r.value))) return;
        report({ messageId: 'externalAuthorization', path: ['domains', i, 'dmarc', 'rua', k], data: { address, domain: domain.name, record } });
      });
    });
  },
});

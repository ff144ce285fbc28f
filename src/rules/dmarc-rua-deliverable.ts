// dmarc-rua-deliverable: aggregate-report addresses are mailto: addresses that can receive mail,
// and an outside report domain is one that authorized the reports (RFC 9990, Verifying External Destinations).
import { createRule } from './types.js';
import { normalizeName } from './util/dns-name.js';
import { nearestParent } from '../dns/name-index.js';
import { sameOrganization } from './util/org-domain.js';
import { isDmarcText } from './util/dmarc.js';

/** A rua entry split into its URI scheme (null for a plain address or mailto:) and the address,
 * with "mailto:" and an obsolete "!10m" size suffix stripped (RFC 7489 had it; RFC 9989 drops it). */
export function ruaAddress(entry: string): { scheme: string | null; address: string } {
  const trimmed = entry.trim();
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed)?.[1].toLowerCase() ?? null;
  if (scheme && scheme !== 'mailto') return { scheme, address: trimmed };
  return { scheme: null, address: trimmed.replace(/^mailto:/i, '').replace(/!\d+[kmgt]?$/i, '') };
}

export default createRule({
  id: 'dmarc-rua-deliverable',
  defaultSeverity: 'warning',
  docs: {
    summary: 'DMARC rua addresses are mailto: addresses in a domain with MX; an outside domain needs its authorization record',
    rationale:
      'The self-hosted HTTP relay build guide (MX) keeps the domain\'s MX because "DMARC aggregate reports need [email protected]", and the report address is only useful if mail to it arrives. RFC 9989 section 4.7 defines rua as a list of URIs of which mailto: is the one every reporter must support. When the report address is in a subdomain this config writes (dmarc@reports.example.com), that name needs an MX here (the generated zones have none for it otherwise); a sending or return-path domain\'s own MX is mx-present\'s finding. When it lies in another organizational domain, RFC 9990 \"Verifying External Destinations\" has reporters send only if that domain publishes "<policy-domain>._report._dmarc.<report-domain> TXT v=DMARC1"; if this config writes that zone, the record must be in dns.extraRecords; for a third-party domain the reminder to check it is dmarc-rua-external-authorized\'s finding (info).',
    source: 'RFC 9989 section 4.7; RFC 9990 (Verifying External Destinations)',
    fix: 'Use mailto: addresses in a domain that receives mail (add its MX), or add the authorization TXT record (RFC 9990, Verifying External Destinations) at the report domain.',
    examples: {
      invalid: [
        { description: 'Reports to a subdomain without MX', config: 'domain0:\n  dmarc: { policy: reject, rua: [dmarc@reports.acme-mail.net], adkim: s, aspf: s }\n' },
        { description: 'An https report URI', config: 'domain0:\n  dmarc: { policy: reject, rua: ["https://reports.acme-mail.net/dmarc"], adkim: s, aspf: s }\n' },
      ],
      valid: [
        { description: 'Reports to the domain itself, which has MX', config: 'domain0:\n  dmarc: { policy: reject, rua: ["mailto:dmarc@acme-mail.net"], adkim: s, aspf: s }\n' },
        {
          description: 'A report subdomain with its own MX',
          config:
            'domain0:\n  dmarc: { policy: reject, rua: [dmarc@reports.acme-mail.net], adkim: s, aspf: s }\ndns:\n  extraRecords:\n    - { name: reports.acme-mail.net, type: MX, value: "10 mx1.mailhost-provider.net" }\n',
        },
      ],
    },
  },
  messages: {
    notMailto: 'rua "{{entry}}" of {{domain}} is not a mailto: address: reporters must support only mailto: (RFC 9989 section 4.7)',
    badAddress: 'rua "{{entry}}" of {{domain}} is not an e-mail address',
    noMx: 'rua {{address}} of {{domain}}: {{reportDomain}} has no MX in the generated zones, so reports cannot be delivered',
    missingAuthorization: 'rua {{address}} of {{domain}} is in another organization\'s domain: reporters send only if {{record}} TXT "v=DMARC1" exists (RFC 9990, Verifying External Destinations); add it to dns.extraRecords',
  },
  check({ model, views, report }) {
    const at = (name: string) => views.recordsByName.get(name) ?? [];
    const ours = (name: string) => nearestParent(normalizeName(name), views.sendingNames) !== undefined;
    // mx-present already requires an MX for sending and return-path domains: one problem, one finding.
    const mxOwnedElsewhere = new Set(model.domains.flatMap((d) => [d.name, d.returnPathDomain]));
    model.domains.forEach((domain, i) => {
      domain.dmarc?.rua.forEach((entry, k) => {
        const path = ['domains', i, 'dmarc', 'rua', k];
        const { scheme, address } = ruaAddress(entry);
        if (scheme) {
          report({ messageId: 'notMailto', path, data: { entry, domain: domain.name } });
          return;
        }
        const match = /^[^@\s]+@([^@\s]+\.[^@\s]+)$/.exec(address);
        if (!match) {
          report({ messageId: 'badAddress', path, data: { entry, domain: domain.name } });
          return;
        }
        const reportDomain = normalizeName(match[1]);
        if (ours(reportDomain) && !mxOwnedElsewhere.has(reportDomain) && !at(reportDomain).some((r) => r.type === 'MX' && r.value !== '')) {
          report({ messageId: 'noMx', path, data: { address, domain: domain.name, reportDomain } });
        }
        if (sameOrganization(reportDomain, domain.name)) return;
        const record = `${domain.name}._report._dmarc.${reportDomain}`;
        const authorized = at(record).some((r) => r.type === 'TXT' && isDmarcText(r.value));
        // A third-party report domain's record is dmarc-rua-external-authorized's reminder.
        if (!authorized && ours(reportDomain)) report({ messageId: 'missingAuthorization', path, data: { address, domain: domain.name, record } });
      });
    });
  },
});

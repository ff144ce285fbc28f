// dmarc-alignment: every allowed sender's From domain aligns with the DKIM d= domain or the SPF
// (return-path) domain under the adkim/aspf mode of the DMARC policy that applies to it.
import { createRule } from './types.js';
import { domainOf } from '../config/normalize.js';
import { aligned } from './util/org-domain.js';
import { appliedDmarc } from './util/dmarc.js';
import { signingKey, signingRows } from '../outputs/opendkim.js';

const MODE = { s: 'strict', r: 'relaxed' } as const;

export default createRule({
  id: 'dmarc-alignment',
  defaultSeverity: 'error',
  docs: {
    summary: 'Every allowed sender aligns with the DKIM d= domain or the SPF return-path domain under adkim/aspf',
    rationale:
      'The self-hosted HTTP relay build guide (DMARC): "DMARC looks at the visible From: domain and requires SPF or DKIM to align with it"; the guide keeps a From allowlist because arbitrary From values break "DMARC alignment". OpenDKIM picks the key by the From address (the guide\'s OpenDKIM step, "SigningTable: *@example.com -> mail202606._domainkey.example.com"); the d= domain of each allowed From domain is read from the SigningTable rows the OpenDKIM output writes (the same function), where a sender is signed with the key of the sending domain that lists it, the "sending domain where the signing selector lives". The envelope sender is the return path of the domains[] entry the sender is listed under (sendmail -f). For each allowed sender the rule compares its From domain with both: strict mode (adkim=s / aspf=s) needs the same name, relaxed mode the same organizational domain (RFC 9989 section 4.4). RFC 9989 section 4.10.2 finds organizational domains by a DNS tree walk, which needs live DNS; lint stays offline, so relaxed alignment here takes the organizational domain from the Public Suffix List by tldts (ICANN and private sections, as mailauth does, and as RFC 7489 did). The two agree whenever the registrable domain publishes the DMARC record and no psd= tag says otherwise. The policy that applies is the From domain\'s own DMARC record or else the one the tree walk reaches among the domains configured here (RFC 9989 section 4.10.1). Mail passes DMARC if either identifier aligns, so a sender is reported only when neither does: typically a subdomain sender under strict modes, or a sender of another organization\'s domain listed under a sending domain (both of which relay-sender-in-domain also reports, as not belonging to the entry).',
    source: 'RFC 9989 section 4.4, 4.10.2',
    fix: 'Give the sender\'s domain its own domains[] entry (its own DKIM selector, so it is signed with an aligned d=, and its own return path), or relax adkim/aspf to r for senders in subdomains of the same organizational domain.',
    examples: {
      invalid: [
        {
          description: 'A subdomain sender under strict alignment (relay-sender-in-domain, which also reports the sender, is off here to show this rule alone)',
          config:
            'domain0:\n  senders:\n    - { address: support@acme-mail.net }\n    - { address: alerts@status.acme-mail.net }\n  dmarc: { policy: reject, rua: [dmarc@acme-mail.net], adkim: s, aspf: s }\nlint:\n  rules:\n    relay-sender-in-domain: "off"\n',
        },
      ],
      valid: [
        {
          description: 'Senders of the domain itself: DKIM d= aligns even with a return path in another domain',
          config:
            'domain0:\n  returnPath: bounces@acme-bounces.net\n  dmarc: { policy: reject, rua: [dmarc@acme-mail.net], adkim: s, aspf: s }\n',
        },
      ],
    },
  },
  messages: {
    unaligned: 'From {{address}} fails DMARC alignment: {{dkim}}, and SPF (return path {{spfDomain}}) is not {{spfMode}}-aligned with {{fromDomain}} (policy of {{policyDomain}}: adkim={{adkim}}, aspf={{aspf}})',
  },
  check({ model, views, report }) {
    // d= per From domain, exactly as the OpenDKIM SigningTable/KeyTable output maps it.
    const keyDomain = new Map(model.domains.map((d) => [signingKey(d).keyName, d.name]));
    const signedBy = new Map(signingRows(model).map(([pattern, key]) => [pattern.replace(/^\*@/, ''), keyDomain.get(key) ?? null]));
    model.domains.forEach((domain, i) => {
      domain.senders.forEach((sender, j) => {
        if (!sender.address.includes('@')) return;
        const fromDomain = domainOf(sender.address);
        const applied = appliedDmarc(model, fromDomain, views.dmarcOwners);
        if (!applied) return; // no policy applies: dmarc-present / relay-sender-in-domain say so
        const { adkim, aspf } = applied.dmarc;
        const dkimDomain = signedBy.get(fromDomain) ?? null;
        const spfDomain = domain.returnPathDomain;
        if ((dkimDomain && aligned(fromDomain, dkimDomain, adkim)) || aligned(fromDomain, spfDomain, aspf)) return;
        report({
          messageId: 'unaligned',
          path: ['domains', i, 'senders', j, 'address'],
          data: {
            address: sender.address,
            dkim: dkimDomain ? `DKIM d=${dkimDomain} is not ${MODE[adkim]}-aligned` : `no DKIM signature (no SigningTable row for ${fromDomain})`,
            spfDomain,
            spfMode: MODE[aspf],
            fromDomain,
            policyDomain: applied.inherited ? `${model.domains[applied.domainIndex].name}, its organizational domain` : model.domains[applied.domainIndex].name,
            adkim,
            aspf,
          },
        });
      });
    });
  },
});

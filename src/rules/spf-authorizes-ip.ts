// spf-authorizes-ip: the SPF record of each return-path domain passes every IP that sends for it.
import { createRule } from './types.js';
import type { DomainModel } from '../config/model.js';
import { ipFamily } from './util/ip.js';
import { evaluateStatically, publishedSpfRecords, StaticDns } from './util/spf-static.js';

export default createRule({
  id: 'spf-authorizes-ip',
  defaultSeverity: 'error',
  docs: {
    summary: 'Each return-path domain\'s SPF record authorizes the IPs that send for it (ip4/ip6, or a/mx that point at them)',
    rationale:
      'The self-hosted HTTP relay build guide, step 2 (SPF): SPF "checks the SMTP envelope sender domain, commonly seen later as Return-Path" and answers "is this sending IP allowed to send mail for example.com?"; the hosted Outgoing Mail Server settings page adds "please make sure to include all other servers that should be able to send mails from your domain". The record checked here is the one the zone output publishes, built by the same function (spfTerms), and it is evaluated as a receiver would (RFC 7208 §4.6), offline: ip4:/ip6: ranges, and a/mx terms resolved against the A/AAAA/MX records this config itself writes. The sending IPs of a return-path domain are mta.ipv4 and mta.ipv6 (in direct delivery) and the bindAddress of each sender transport (the how-to Local mail relay with Postfix) of the domains using it. Only the first domain with a given return-path domain writes its SPF record, so a transport of a later domain is easily left out. Terms whose answer lives in zones this config does not write (include, exists, foreign names) and the smarthost of relayhost mode (the Postfix SMTP relay guide), whose addresses are not in the config, are left to `relayconf check-dns`.',
    source: 'the self-hosted HTTP relay build guide, step 2 (SPF); the hosted Outgoing Mail Server settings page; RFC 7208 §4.6',
    fix: 'Keep the sending IPs in the record (relayconf adds ip4:/ip6: for the MTA and for the transports of the publishing domain); give a domain that shares another domain\'s return path no transport of its own, or give it its own return path.',
    examples: {
      invalid: [
        {
          description: 'A sender transport of a second domain that shares the first domain\'s return path',
          config:
            'delivery:\n  senderTransports:\n    - { domain: acme-news.net, bindAddress: 94.130.10.21, heloName: out2.acme-mail.net }\ndomains:\n  - name: acme-mail.net\n    returnPath: bounces@acme-mail.net\n    senders: [{ address: support@acme-mail.net }]\n    dkim: { signWith: mail202606, selectors: [{ name: mail202606, publicKeyFile: keys/rsa2048.pub }] }\n    spf: { all: "-all" }\n    dmarc: { policy: reject, rua: [dmarc@acme-mail.net], adkim: s, aspf: s }\n    mx: [{ priority: 10, host: mx1.mailhost-provider.net }]\n  - name: acme-news.net\n    returnPath: bounces@acme-mail.net\n    senders: [{ address: news@acme-news.net }]\n    dkim: { signWith: news202606, selectors: [{ name: news202606, publicKeyFile: keys/rsa2048-b.pub }] }\n    dmarc: { policy: reject, rua: [dmarc@acme-news.net], adkim: r, aspf: r }\n    mx: [{ priority: 10, host: mx1.mailhost-provider.net }]\n',
        },
      ],
      valid: [
        { description: 'This VPS only, authorized by the generated ip4: term', config: 'domain0:\n  spf: { include: [], all: "-all" }\n' },
        {
          description: 'A second domain with its own return path, so its transport is in its own record',
          config:
            'delivery:\n  senderTransports:\n    - { domain: acme-news.net, bindAddress: 94.130.10.21, heloName: out2.acme-mail.net }\ndomains:\n  - name: acme-mail.net\n    returnPath: bounces@acme-mail.net\n    senders: [{ address: support@acme-mail.net }]\n    dkim: { signWith: mail202606, selectors: [{ name: mail202606, publicKeyFile: keys/rsa2048.pub }] }\n    spf: { all: "-all" }\n    dmarc: { policy: reject, rua: [dmarc@acme-mail.net], adkim: s, aspf: s }\n    mx: [{ priority: 10, host: mx1.mailhost-provider.net }]\n  - name: acme-news.net\n    returnPath: bounces@acme-news.net\n    senders: [{ address: news@acme-news.net }]\n    dkim: { signWith: news202606, selectors: [{ name: news202606, publicKeyFile: keys/rsa2048-b.pub }] }\n    spf: { all: "-all" }\n    dmarc: { policy: reject, rua: [dmarc@acme-news.net], adkim: r, aspf: r }\n    mx: [{ priority: 10, host: mx1.mailhost-provider.net }]\n',
        },
      ],
    },
  },
  messages: {
    notAuthorized: 'the SPF record of {{domain}} gives {{ip}} ({{source}}) the result "{{result}}"{{via}}: receivers will not count mail from it as SPF-authenticated',
  },
  check({ model, views, report }) {
    const dns = views.dns;
    // Every domain with a given return path sends under that one record. Grouped once: filtering the
    // domains per record was quadratic in them (a million comparisons at 1,000 domains).
    const usersByReturnPath = new Map<string, DomainModel[]>();
    for (const d of model.domains) {
      const users = usersByReturnPath.get(d.returnPathDomain);
      if (users) users.push(d);
      else usersByReturnPath.set(d.returnPathDomain, [d]);
    }
    for (const spf of views.spf) {
      const users = usersByReturnPath.get(spf.name) ?? [];
      const senders: { ip: string; source: string }[] = [];
      const add = (ip: string | null, source: string) => {
        // A malformed address is ip-public-unicast's finding.
        if (ip && ipFamily(ip) !== 0 && !senders.some((s) => s.ip === ip)) senders.push({ ip, source });
      };
      if (model.delivery.mode === 'direct') {
        if (ipFamily(model.mta.ipv4) === 4) add(model.mta.ipv4, 'mta.ipv4');
        add(model.mta.ipv6, 'mta.ipv6');
      }
      model.delivery.senderTransports.forEach((t, i) => {
        if (users.some((d) => t.domain === d.name || t.domain === d.returnPathDomain)) add(t.bindAddress, `delivery.senderTransports[${i}].bindAddress`);
      });
      for (const { ip, source } of senders) {
        const outcome = evaluateStatically(spf.terms, ip, spf.name, dns);
        if (outcome.result === 'pass' || outcome.result === 'unknown') continue; // unknown: check-dns decides
        report({
          messageId: 'notAuthorized',
          path: ['domains', spf.domainIndex, 'spf'],
          anchor: 'key',
          data: { domain: spf.name, ip, source, result: outcome.result, via: outcome.term ? ` (matched by "${outcome.term}")` : ' (no term matches)' },
        });
      }
    }
  },
});

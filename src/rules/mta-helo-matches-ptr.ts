// mta-helo-matches-ptr: the HELO name equals the declared PTR, and the generated A/AAAA records
// point that name back at the sending IP (forward-confirmed reverse DNS).
import { createRule } from './types.js';
import type { KeyPath } from '../findings.js';
import { classifyIp, ipFamily } from './util/ip.js';
import { normalizeName, sameName } from './util/dns-name.js';
import { heloOverride } from './util/helo.js';

export default createRule({
  id: 'mta-helo-matches-ptr',
  defaultSeverity: 'error',
  docs: {
    summary: 'HELO/myhostname equals the declared PTR name, and that name\'s A/AAAA record is the sending IP (FCrDNS)',
    rationale:
      'The self-hosted HTTP relay build guide, step 2 treats forward-confirmed reverse DNS as a production basic: "203.0.113.10 -> mail.example.com" in the provider\'s rDNS panel, "mail.example.com -> 203.0.113.10" in DNS, and Postfix announcing that same name in HELO/EHLO (myhostname, smtp_helo_name; the self-hosted HTTP relay build guide, step 3). Gmail and Yahoo reject or penalise mail whose HELO, PTR and A disagree, and a PTR left on the provider default (vps-203-0-113-10.provider.example, the self-hosted HTTP relay build guide, step 0) looks like a throwaway host. The check compares the names as written (mta.ptr, mta.ipv6Ptr, raw postfix.parameters myhostname/smtp_helo_name overrides) and reads the forward records from the same record model the zone files are written from, so a sender-dependent transport (the how-to Local mail relay with Postfix) whose heloName has no A record to its bindAddress is caught too. Whether the provider panel really holds the PTR is a live fact for `relayconf check-dns`.',
    source: 'the self-hosted HTTP relay build guide, step 2; the how-to Local mail relay with Postfix',
    fix: 'Make mta.ptr (and mta.ipv6Ptr) the MTA hostname and set that PTR in the provider\'s rDNS panel; drop raw myhostname/smtp_helo_name overrides that name something else; give each sender transport a heloName of its own that resolves to its bindAddress.',
    examples: {
      invalid: [
        { description: 'The PTR still holds the provider default name', config: 'mta:\n  ptr: static-20-10-130-94.clients.hostprovider.net\n' },
        { description: 'A raw override announces another HELO name', config: 'postfix:\n  parameters:\n    smtp_helo_name: relay.acme-mail.net\n' },
      ],
      valid: [
        { description: 'HELO, PTR and A all name mail.acme-mail.net', config: 'mta:\n  hostname: mail.acme-mail.net\n  ptr: mail.acme-mail.net\n' },
        { description: 'An override that only refers to myhostname', config: 'postfix:\n  parameters:\n    smtp_helo_name: $myhostname\n' },
      ],
    },
  },
  messages: {
    ptrNotHelo: 'the PTR of {{ip}} is declared as "{{ptr}}" but Postfix announces "{{helo}}" in HELO/EHLO: receivers expect both to be the same name (FCrDNS)',
    overrideNotPtr: 'postfix.parameters sets the HELO name to "{{helo}}" but the PTR of {{ip}} is "{{ptr}}": keep HELO, PTR and mta.hostname one name',
    noForward: '"{{name}}" is announced in HELO and is the PTR of {{ip}}, but the generated zones give it no {{type}} record to {{ip}}: forward-confirmed reverse DNS fails',
  },
  check({ model, views, report }) {
    const records = views.records.records;
    const forward = (name: string, ip: string) => {
      const type = ipFamily(ip) === 6 ? 'AAAA' : 'A';
      const n = normalizeName(name);
      return records.some((r) => r.name === n && r.type === type && r.value.toLowerCase() === ip.toLowerCase());
    };
    const override = heloOverride(model);
    const entry = model.relay.entry.hostname;
    // An override naming the HTTP entry is entry-host-not-mta-host's finding (one problem, one finding).
    const overrideIsEntry = override !== null && entry !== null && sameName(override.name, entry);
    const helo = override?.name ?? model.mta.hostname;
    const heloPath: KeyPath = override?.path ?? ['mta', 'hostname'];

    const v4 = model.mta.ipv4;
    if (ipFamily(v4) === 4 && !overrideIsEntry) {
      if (!sameName(model.mta.ptr, helo)) {
        if (override) report({ messageId: 'overrideNotPtr', path: override.path, data: { helo, ip: v4, ptr: model.mta.ptr } });
        else report({ messageId: 'ptrNotHelo', path: ['mta', 'ptr'], data: { ip: v4, ptr: model.mta.ptr, helo } });
      } else if (!forward(helo, v4)) {
        report({ messageId: 'noForward', path: heloPath, data: { name: helo, ip: v4, type: 'A' } });
      }
    }

    const v6 = model.mta.ipv6;
    // A missing ipv6Ptr is ipv6-needs-ptr's finding; a diverging override was reported above.
    if (v6 && ipFamily(v6) === 6 && model.mta.ipv6Ptr && !override) {
      if (!sameName(model.mta.ipv6Ptr, helo)) report({ messageId: 'ptrNotHelo', path: ['mta', 'ipv6Ptr'], data: { ip: v6, ptr: model.mta.ipv6Ptr, helo } });
      else if (!forward(helo, v6)) report({ messageId: 'noForward', path: heloPath, data: { name: helo, ip: v6, type: 'AAAA' } });
    }

    // A sender transport announces its heloName from its bindAddress; its PTR is expected to be that name.
    model.delivery.senderTransports.forEach((t, i) => {
      // A malformed or non-public address is ip-public-unicast's finding; FCrDNS is moot for it.
      const kind = classifyIp(t.bindAddress)?.kind;
      if (kind !== 'public' && kind !== 'documentation') return;
      if (!forward(t.heloName, t.bindAddress)) {
        report({
          messageId: 'noForward',
          path: ['delivery', 'senderTransports', i, 'heloName'],
          data: { name: t.heloName, ip: t.bindAddress, type: ipFamily(t.bindAddress) === 6 ? 'AAAA' : 'A' },
        });
      }
    });
  },
});

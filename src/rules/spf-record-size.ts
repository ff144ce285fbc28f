// spf-record-size: the TXT answer holding an SPF record stays under the 450-octet guideline (RFC 7208 §3.4).
import { createRule } from './types.js';
import { isSpfText } from './util/spf-static.js';

const GUIDELINE = 450;

export default createRule({
  id: 'spf-record-size',
  defaultSeverity: 'warning',
  docs: {
    summary: 'The TXT records at a name holding SPF stay under 450 octets, so the answer fits a UDP packet',
    rationale:
      'RFC 7208 §3.4: "If the size of the DNS message, the combined length of the DNS name and the text of all the records of a given type is under 450 octets, then DNS answers ought to fit in UDP packets. Records that are too long to fit in a single UDP packet could be silently ignored by SPF verifiers." The SPF query asks for all TXT records of the return-path domain, so site-verification strings in dns.extraRecords count too. The size is taken from the record model the zone files are written from: each character-string (at most 255 octets, RFC 1035 §3.3.14, as the notes The Postfix Mail Server (2019) point out for long DKIM keys) costs its length plus one. This rule is an addition to rules.md, from the RFC that rules.md cites for SPF.',
    source: 'RFC 7208 §3.4',
    fix: 'Shorten the record: collapse ip4: addresses into CIDR ranges, drop includes of services that no longer send (the self-hosted HTTP relay build guide, step 13), and remove stale verification TXT records at the return-path domain.',
    examples: {
      invalid: [
        {
          description: 'Seven long vendor includes',
          config:
            'domain0:\n  spf:\n    include: [_spf-outbound-eu-central.transactional-mail-vendor.net, _spf-outbound-eu-west.transactional-mail-vendor.net, _spf-outbound-us-east.transactional-mail-vendor.net, _spf-outbound-us-west.transactional-mail-vendor.net, _spf-outbound-ap-south.transactional-mail-vendor.net, _spf-outbound-ap-east.transactional-mail-vendor.net, _spf-outbound-sa-east.transactional-mail-vendor.net]\n    all: "-all"\n',
        },
      ],
      valid: [{ description: 'A short record', config: 'domain0:\n  spf: { include: [spf.mailhost-provider.net], all: "-all" }\n' }],
    },
  },
  messages: {
    tooLarge: 'the TXT records of {{name}}, which hold its SPF record, add up to {{size}} octets with the name; RFC 7208 §3.4 advises under 450 so the answer fits UDP, or some verifiers ignore it',
  },
  check({ model, views, report }) {
    const records = views.records.records.filter((r) => r.type === 'TXT');
    const names = new Set(records.filter((r) => isSpfText(r.value)).map((r) => r.name));
    for (const name of names) {
      const atName = (views.recordsByName.get(name) ?? []).filter((r) => r.type === 'TXT');
      const size =
        Buffer.byteLength(name) +
        atName.reduce((sum, r) => sum + (r.strings ?? [r.value]).reduce((s, part) => s + Buffer.byteLength(part) + 1, 0), 0);
      if (size < GUIDELINE) continue;
      const spf = atName.find((r) => isSpfText(r.value) && r.purpose === 'spf') ?? atName.find((r) => isSpfText(r.value))!;
      const path = spf.purpose === 'spf' ? spf.path : [...spf.path, 'value'];
      report({ messageId: 'tooLarge', path, anchor: spf.purpose === 'spf' ? 'key' : 'value', data: { name, size } });
    }
  },
});

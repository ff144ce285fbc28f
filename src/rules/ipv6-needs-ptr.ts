// ipv6-needs-ptr: an AAAA for a sending name is published only for an IPv6 address declared with its own PTR.
import { createRule } from './types.js';
import { ipFamily } from './util/ip.js';
import { normalizeName } from './util/dns-name.js';
import { heloOverride } from './util/helo.js';

export default createRule({
  id: 'ipv6-needs-ptr',
  defaultSeverity: 'error',
  docs: {
    summary: 'AAAA for the MTA is published only when mta.ipv6 is declared together with its own PTR (mta.ipv6Ptr)',
    rationale:
      'The self-hosted HTTP relay build guide, step 2 (A / AAAA): "Add AAAA only if the server really sends over IPv6 and the IPv6 side has matching routing, firewall, PTR, and reputation work. Do not publish AAAA just because the provider gives you one. A half-configured IPv6 path can create random-looking mail failures." Declaring mta.ipv6 makes relayconf publish AAAA, add ip6: to SPF and set inet_protocols = all, so Postfix will send over IPv6, where Gmail and others reject mail from addresses without a PTR. The IPv6 PTR is set separately in the provider panel, so it is declared separately (mta.ipv6Ptr). An AAAA for a HELO name slipped in through dns.extraRecords without a declared IPv6 is the same half-configured path.',
    source: 'the self-hosted HTTP relay build guide, step 2 (A / AAAA)',
    fix: 'Either remove mta.ipv6 (send over IPv4 only), or set the IPv6 PTR in the provider\'s rDNS panel to the MTA hostname and declare it as mta.ipv6Ptr. Remove AAAA records for the MTA name from dns.extraRecords.',
    examples: {
      invalid: [
        { description: 'IPv6 declared without its PTR', config: 'mta:\n  ipv6: 2a01:4f8:c012:1::20\n' },
        { description: 'A hand-written AAAA for the MTA name', config: 'dns:\n  extraRecords:\n    - { name: mail.acme-mail.net, type: AAAA, value: "2a01:4f8:c012:1::20" }\n' },
      ],
      valid: [{ description: 'IPv6 with its PTR', config: 'mta:\n  ipv6: 2a01:4f8:c012:1::20\n  ipv6Ptr: mail.acme-mail.net\n' }],
    },
  },
  messages: {
    noPtr: 'mta.ipv6 {{ip}} is declared without mta.ipv6Ptr: relayconf would publish AAAA and send over IPv6 from an address whose PTR is unknown',
    extraAaaa: 'dns.extraRecords publishes AAAA {{ip}} for "{{name}}", a name this MTA announces in HELO, but {{ip}} is not a declared IPv6 address with a PTR (mta.ipv6 + mta.ipv6Ptr)',
  },
  check({ model, report }) {
    const { mta } = model;
    if (mta.ipv6 && !mta.ipv6Ptr) report({ messageId: 'noPtr', path: ['mta', 'ipv6'], data: { ip: mta.ipv6 } });

    // IPv6 addresses whose PTR is declared: mta.ipv6 with ipv6Ptr, and a v6 transport (its PTR is its heloName).
    const declared = new Set<string>();
    if (mta.ipv6 && mta.ipv6Ptr) declared.add(mta.ipv6.toLowerCase());
    for (const t of model.delivery.senderTransports) if (ipFamily(t.bindAddress) === 6) declared.add(t.bindAddress.toLowerCase());
    const heloNames = new Set([mta.hostname, mta.ptr, ...model.delivery.senderTransports.map((t) => t.heloName)].map(normalizeName));
    const override = heloOverride(model);
    if (override) heloNames.add(normalizeName(override.name));

    model.dns.extraRecords.forEach((r, i) => {
      if (r.type !== 'AAAA' || !heloNames.has(normalizeName(r.name))) return;
      if (declared.has(r.value.trim().toLowerCase())) return;
      report({ messageId: 'extraAaaa', path: ['dns', 'extraRecords', i, 'value'], data: { ip: r.value.trim(), name: r.name } });
    });
  },
});

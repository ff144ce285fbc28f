// ip-public-unicast: every sending IP is a public unicast address of the right family.
import { createRule } from './types.js';
import type { KeyPath } from '../findings.js';
import { classifyIp, type IpKind } from './util/ip.js';

const KIND_TEXT: Record<Exclude<IpKind, 'public' | 'documentation'>, string> = {
  private: 'a private address',
  shared: 'a carrier-grade NAT (shared) address',
  loopback: 'a loopback address',
  'link-local': 'a link-local address',
  multicast: 'a multicast address',
  unspecified: 'the unspecified ("this network") address',
  broadcast: 'the broadcast address',
  benchmarking: 'a benchmarking address',
  'unique-local': 'a unique-local (private) IPv6 address',
  'ipv4-mapped': 'an IPv4-mapped IPv6 address',
  translation: 'a NAT64 translation address',
  tunnel: 'a tunnel (Teredo/6to4) address',
  reserved: 'a reserved address',
};

export default createRule({
  id: 'ip-public-unicast',
  defaultSeverity: 'error',
  docs: {
    summary: 'Each sending IP is a public unicast address: not RFC 1918, loopback, link-local, CGNAT, multicast or reserved',
    rationale:
      'The self-hosted HTTP relay build guide, step 0 starts before any software: the VPS and its public IP must be able to send (outbound TCP 25, reputation, a settable PTR). The address in mta.ipv4 becomes the A record, the ip4: term of SPF and the expected PTR (the self-hosted HTTP relay build guide, step 2), and each sender transport\'s bindAddress (the how-to Local mail relay with Postfix) likewise; a private (RFC 1918), shared/CGNAT (RFC 6598), loopback, link-local, multicast or otherwise reserved address (RFC 6890 registries) is not what recipients see, so SPF and FCrDNS would describe a host nobody can reach. The address must also be of its field\'s family (mta.ipv4 an IPv4 address, mta.ipv6 an IPv6 one). Documentation ranges (203.0.113.0/24, 2001:db8::/32) are left to ip-documentation-range, which warns about them.',
    source: 'the self-hosted HTTP relay build guide, step 0; RFC 6890',
    fix: 'Write the public address the provider assigned to the VPS (the one `curl -4 ifconfig.me` shows from it). Behind NAT, use the public address the traffic leaves from and make sure its PTR is settable.',
    examples: {
      invalid: [
        { description: 'A private LAN address as the sending IP', config: 'mta:\n  ipv4: 192.168.1.20\n' },
        { description: 'A carrier-grade NAT address as the sending IP', config: 'mta:\n  ipv4: 100.64.0.20\n' },
      ],
      valid: [{ description: 'The public address the VPS sends from', config: 'mta:\n  ipv4: 94.130.10.20\n' }],
    },
  },
  messages: {
    notIp: '{{field}} "{{value}}" is not an IPv{{family}} address',
    special: '{{field}} {{value}} is {{what}} ({{range}}, {{reference}}): recipients never see it, so A, SPF and PTR would describe an unreachable host',
  },
  check({ model, report }) {
    const fields: { value: string; family: 4 | 6 | 0; field: string; path: KeyPath }[] = [
      { value: model.mta.ipv4, family: 4, field: 'mta.ipv4', path: ['mta', 'ipv4'] },
      ...(model.mta.ipv6 ? [{ value: model.mta.ipv6, family: 6 as const, field: 'mta.ipv6', path: ['mta', 'ipv6'] as KeyPath }] : []),
      ...model.delivery.senderTransports.map((t, i) => ({
        value: t.bindAddress,
        family: 0 as const, // either family: the transport binds whatever it is given
        field: `delivery.senderTransports[${i}].bindAddress`,
        path: ['delivery', 'senderTransports', i, 'bindAddress'] as KeyPath,
      })),
    ];
    for (const { value, family, field, path } of fields) {
      const ip = classifyIp(value);
      if (!ip || (family !== 0 && ip.family !== family)) {
        report({ messageId: 'notIp', path, data: { field, value, family: family === 0 ? '4 or IPv6' : family } });
        continue;
      }
      if (ip.kind === 'public' || ip.kind === 'documentation') continue;
      report({ messageId: 'special', path, data: { field, value, what: KIND_TEXT[ip.kind], range: ip.range, reference: ip.reference } });
    }
  },
});

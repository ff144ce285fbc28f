// mx-not-this-relay: no MX of a sending or return-path domain points at this send-only MTA.
import { createRule } from './types.js';
import type { KeyPath } from '../findings.js';
import { normalizeName } from './util/dns-name.js';
import { heloOverride } from './util/helo.js';

export default createRule({
  id: 'mx-not-this-relay',
  defaultSeverity: 'warning',
  docs: {
    summary: 'MX does not point at the send-only MTA',
    rationale:
      'The self-hosted HTTP relay build guide, step 2 (MX): "Do not point MX at this VPS just because it sends mail. Keep using Google Workspace, Cloudflare Email Routing, Fastmail, or whatever currently receives mail for the domain unless you are intentionally building a receiving server too." This relay\'s Postfix listens on loopback only (the self-hosted HTTP relay build guide, step 3), so mail sent to an MX naming it (its hostname, PTR or a HELO name) or resolving to its sending IP in the generated zones is refused or times out: replies, bounces and DMARC reports are lost.',
    source: 'the self-hosted HTTP relay build guide, step 2 (MX)',
    fix: 'Point the MX records at the domain\'s receiving provider; keep the relay\'s hostname for SMTP identity (A, PTR, HELO) only.',
    examples: {
      invalid: [
        { description: 'MX at the relay\'s own hostname', config: 'domain0:\n  mx:\n    - { priority: 10, host: mail.acme-mail.net }\n' },
        {
          description: 'MX at a name that resolves to the sending IP',
          config: 'domain0:\n  mx:\n    - { priority: 10, host: inbound.acme-mail.net }\ndns:\n  extraRecords:\n    - { name: inbound.acme-mail.net, type: A, value: 94.130.10.20 }\n',
        },
      ],
      valid: [{ description: 'MX at the mailbox provider', config: 'domain0:\n  mx:\n    - { priority: 10, host: mx1.mailhost-provider.net }\n' }],
    },
  },
  messages: {
    ownName: 'MX of {{domain}} points at {{host}}, the {{what}} of this send-only relay, whose Postfix accepts no mail from outside: replies, bounces and DMARC reports would be lost',
    ownAddress: 'MX of {{domain}} points at {{host}}, which resolves to {{ip}}, the {{what}} of this send-only relay: replies, bounces and DMARC reports would be lost',
  },
  check({ model, views, report }) {
    const recordModel = views.records;
    const names = new Map<string, string>();
    const addName = (name: string | null | undefined, what: string) => {
      if (name && !names.has(normalizeName(name))) names.set(normalizeName(name), what);
    };
    addName(model.mta.hostname, 'MTA hostname');
    addName(model.mta.ptr, 'PTR name');
    addName(model.mta.ipv6Ptr, 'IPv6 PTR name');
    addName(heloOverride(model)?.name, 'HELO name');
    model.delivery.senderTransports.forEach((t) => addName(t.heloName, 'sender-transport HELO name'));
    const ips = new Map<string, string>();
    ips.set(model.mta.ipv4.toLowerCase(), 'sending IP');
    if (model.mta.ipv6) ips.set(model.mta.ipv6.toLowerCase(), 'sending IPv6 address');
    model.delivery.senderTransports.forEach((t) => ips.set(t.bindAddress.toLowerCase(), 'sender-transport address'));

    const domains = new Set(model.domains.flatMap((d) => [d.name, d.returnPathDomain]));
    for (const mx of recordModel.records) {
      if (mx.type !== 'MX' || !domains.has(mx.name) || mx.value === '') continue;
      const path: KeyPath = mx.path[0] === 'dns' ? [...mx.path, 'value'] : [...mx.path, 'host'];
      const what = names.get(mx.value);
      if (what) {
        report({ messageId: 'ownName', path, data: { domain: mx.name, host: mx.value, what } });
        continue;
      }
      const address = (views.recordsByName.get(mx.value) ?? []).find((r) => (r.type === 'A' || r.type === 'AAAA') && ips.has(r.value.toLowerCase()));
      if (address) report({ messageId: 'ownAddress', path, data: { domain: mx.name, host: mx.value, ip: address.value, what: ips.get(address.value.toLowerCase())! } });
    }
  },
});

// ip-documentation-range: documentation addresses and example names left in a config.
import { createRule } from './types.js';
import type { KeyPath } from '../findings.js';
import type { RelayModel } from '../config/model.js';
import { documentationHits } from './util/documentation-values.js';

/** Every user-written identity value of the config with its path (file paths and derived values excluded). */
function identityValues(model: RelayModel): { path: KeyPath; value: string }[] {
  const out: { path: KeyPath; value: string }[] = [];
  const add = (path: KeyPath, value: string | null | undefined) => {
    if (value) out.push({ path, value });
  };
  const list = (path: KeyPath, values: readonly string[]) => values.forEach((v, i) => add([...path, i], v));
  const { mta, delivery, dns, relay } = model;
  add(['mta', 'hostname'], mta.hostname);
  add(['mta', 'ipv4'], mta.ipv4);
  if (mta.ptrDeclared) add(['mta', 'ptr'], mta.ptr); // otherwise it is the hostname again
  add(['mta', 'ipv6'], mta.ipv6);
  add(['mta', 'ipv6Ptr'], mta.ipv6Ptr);
  if (delivery.relayhost) {
    add(['delivery', 'relayhost', 'host'], delivery.relayhost.host);
    add(['delivery', 'relayhost', 'auth', 'username'], delivery.relayhost.auth?.username);
  }
  if (Array.isArray(delivery.inetInterfaces)) list(['delivery', 'inetInterfaces'], delivery.inetInterfaces);
  list(['delivery', 'trustedNetworks'], delivery.trustedNetworks);
  list(['delivery', 'fallbackRelays'], delivery.fallbackRelays);
  delivery.destinations.forEach((d, i) => {
    add(['delivery', 'destinations', i, 'domain'], d.domain);
    add(['delivery', 'destinations', i, 'nexthop'], d.nexthop);
  });
  delivery.senderTransports.forEach((t, i) => {
    add(['delivery', 'senderTransports', i, 'domain'], t.domain);
    add(['delivery', 'senderTransports', i, 'bindAddress'], t.bindAddress);
    add(['delivery', 'senderTransports', i, 'heloName'], t.heloName);
  });
  model.domains.forEach((d, i) => {
    const base: KeyPath = ['domains', i];
    add([...base, 'name'], d.name);
    // The default bounces@<name> repeats the name: one example domain, one finding (at the name).
    if (d.returnPath.toLowerCase() !== `bounces@${d.name}`) add([...base, 'returnPath'], d.returnPath);
    d.senders.forEach((s, j) => add([...base, 'senders', j, 'address'], s.address));
    list([...base, 'spf', 'include'], d.spf.include);
    list([...base, 'spf', 'mechanisms'], d.spf.mechanisms);
    add([...base, 'spf', 'redirect'], d.spf.redirect);
    if (d.dmarc) list([...base, 'dmarc', 'rua'], d.dmarc.rua);
    d.mx.forEach((m, j) => add([...base, 'mx', j, 'host'], m.host));
    if (d.bimi) {
      add([...base, 'bimi', 'logo'], d.bimi.logo);
      add([...base, 'bimi', 'authority'], d.bimi.authority);
    }
  });
  dns.extraRecords.forEach((r, i) => {
    add(['dns', 'extraRecords', i, 'name'], r.name);
    add(['dns', 'extraRecords', i, 'value'], r.value);
  });
  add(['relay', 'listen'], relay.listen.text);
  add(['relay', 'entry', 'hostname'], relay.entry.hostname);
  for (const [name, value] of Object.entries(model.postfix.parameters)) add(['postfix', 'parameters', name], value);
  return out;
}

export default createRule({
  id: 'ip-documentation-range',
  defaultSeverity: 'warning',
  docs: {
    summary: 'No documentation address (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24, 2001:db8::/32) or example name left in the config',
    rationale:
      'Seed 01 says up front that it "uses example.com, 203.0.113.10 and example-mail-relay so the steps stay reusable" and that you must "replace those names with your own domain, IP, service directory, and sender addresses". Those values are reserved for documentation (RFC 5737, RFC 3849; example.com/.net/.org and the .example, .test and .invalid TLDs by RFC 2606 and RFC 6761): a config still holding one publishes records, SPF terms and HELO names that can never be right. The rule looks at every identity value (hosts, addresses, CIDRs, e-mail addresses, URLs, SPF terms, extra DNS records, raw Postfix values) and warns rather than fails, so a copied starter config still builds.',
    source: 'seed 01 intro; RFC 5737; RFC 3849; RFC 2606',
    fix: 'Replace each example value with your own: your sending IP, MTA hostname, domain, addresses and hosts.',
    examples: {
      invalid: [
        { description: 'The sending IP copied from the guide', config: 'mta:\n  ipv4: 203.0.113.10\n' },
        { description: 'An example.com MX host', config: 'domain0:\n  mx:\n    - { priority: 10, host: mx.example.com }\n' },
      ],
      valid: [{ description: 'Real values only', config: 'mta:\n  ipv4: 94.130.10.20\n' }],
    },
  },
  messages: {
    documentation: '{{hits}} {{verb}} reserved for documentation ({{references}}): replace it with your real value',
  },
  check({ model, report }) {
    for (const { path, value } of identityValues(model)) {
      const hits = documentationHits(value);
      if (hits.length === 0) continue;
      report({
        messageId: 'documentation',
        path,
        data: {
          hits: hits.map((h) => `"${h.text}"`).join(', '),
          verb: hits.length === 1 ? 'is' : 'are',
          references: [...new Set(hits.map((h) => h.reference))].join('; '),
        },
      });
    }
  },
});

// Every user-written identity value of a config (hosts, addresses, CIDRs, e-mail addresses, URLs, SPF
// terms, extra DNS records, raw Postfix values) with its key path: what ip-documentation-range and
// reserved-name look through. File paths and derived values are left out.
import type { KeyPath } from '../../findings.js';
import type { RelayModel } from '../../config/model.js';

/** Every user-written identity value of the config with its path (file paths and derived values excluded). */
export function identityValues(model: RelayModel): { path: KeyPath; value: string }[] {
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

// Builds the SPF record text for a return-path domain: the one function both the zone output and
// the linter use, so what lint counts is exactly what DNS publishes (RFC 7208). Each term carries
// the config key that put it there, so a rule reports at the key that wrote the term.
import type { KeyPath } from '../findings.js';
import type { DomainModel, RelayModel } from '../config/model.js';

export interface SpfTermSource {
  text: string;
  from: KeyPath;
}

/** The SPF terms in published order: the sending IPs first, then includes, extras, redirect, all. */
export function spfTermSources(model: RelayModel, domainIndex: number): SpfTermSource[] {
  const domain = model.domains[domainIndex];
  const base: KeyPath = ['domains', domainIndex, 'spf'];
  const terms: SpfTermSource[] = [{ text: `ip4:${model.mta.ipv4}`, from: ['mta', 'ipv4'] }];
  if (model.mta.ipv6) terms.push({ text: `ip6:${model.mta.ipv6}`, from: ['mta', 'ipv6'] });
  // Mail from a sender-dependent transport leaves from its own bind address: authorize it too.
  model.delivery.senderTransports.forEach((transport, j) => {
    if (transport.domain !== domain.name && transport.domain !== domain.returnPathDomain) return;
    const text = `${transport.bindAddress.includes(':') ? 'ip6' : 'ip4'}:${transport.bindAddress}`;
    if (!terms.some((t) => t.text === text)) terms.push({ text, from: ['delivery', 'senderTransports', j, 'bindAddress'] });
  });
  domain.spf.include.forEach((include, k) => terms.push({ text: `include:${include}`, from: [...base, 'include', k] }));
  domain.spf.mechanisms.forEach((text, k) => terms.push({ text, from: [...base, 'mechanisms', k] }));
  // RFC 7208 6.1: redirect is ignored when an all mechanism is present, so write it only without one.
  if (domain.spf.redirect && domain.spf.all === 'none') terms.push({ text: `redirect=${domain.spf.redirect}`, from: [...base, 'redirect'] });
  if (domain.spf.all !== 'none') terms.push({ text: domain.spf.all, from: [...base, 'all'] });
  return terms;
}

/** The SPF terms' text in published order. */
export function spfTerms(model: RelayModel, domain: DomainModel): string[] {
  return spfTermSources(model, model.domains.indexOf(domain)).map((t) => t.text);
}

export function spfText(model: RelayModel, domain: DomainModel): string {
  return ['v=spf1', ...spfTerms(model, domain)].join(' ');
}

/** Terms that cost a DNS lookup under RFC 7208 4.6.4 (include, a, mx, ptr, exists, redirect). */
export function isLookupTerm(term: string): boolean {
  const body = term.replace(/^[-+~?]/, '').toLowerCase();
  return /^(include:|a$|a[:/]|mx$|mx[:/]|ptr$|ptr:|exists:|redirect=)/.test(body);
}

// Builds the SPF record text for a return-path domain: the one function both the zone output and
// the linter use, so what lint counts is exactly what DNS publishes (RFC 7208).
import type { DomainModel, RelayModel } from '../config/model.js';

/** The SPF terms in published order: the sending IPs first (seed 01 SPF), then includes, extras, redirect, all. */
export function spfTerms(model: RelayModel, domain: DomainModel): string[] {
  const terms = [`ip4:${model.mta.ipv4}`];
  if (model.mta.ipv6) terms.push(`ip6:${model.mta.ipv6}`);
  // Mail from a sender-dependent transport leaves from its own bind address (seed 05): authorize it too.
  for (const transport of model.delivery.senderTransports) {
    if (transport.domain === domain.name || transport.domain === domain.returnPathDomain) {
      const term = `${transport.bindAddress.includes(':') ? 'ip6' : 'ip4'}:${transport.bindAddress}`;
      if (!terms.includes(term)) terms.push(term);
    }
  }
  for (const include of domain.spf.include) terms.push(`include:${include}`);
  terms.push(...domain.spf.mechanisms);
  // RFC 7208 6.1: redirect is ignored when an all mechanism is present, so write it only without one.
  if (domain.spf.redirect && domain.spf.all === 'none') terms.push(`redirect=${domain.spf.redirect}`);
  if (domain.spf.all !== 'none') terms.push(domain.spf.all);
  return terms;
}

export function spfText(model: RelayModel, domain: DomainModel): string {
  return ['v=spf1', ...spfTerms(model, domain)].join(' ');
}

/** Terms that cost a DNS lookup under RFC 7208 4.6.4 (include, a, mx, ptr, exists, redirect). */
export function isLookupTerm(term: string): boolean {
  const body = term.replace(/^[-+~?]/, '').toLowerCase();
  return /^(include:|a$|a[:/]|mx$|mx[:/]|ptr$|ptr:|exists:|redirect=)/.test(body);
}

// Offline SPF helpers for the spf-* rules: the SPF records the config publishes (read from the record
// model, whose terms carry the config key that wrote them), and a static evaluation of RFC 7208 §4.6
// over the records this config itself writes (anything else is check-dns's job).
import type { KeyPath } from '../../findings.js';
import type { RelayModel } from '../../config/model.js';
import { recordsByName, type DnsRecord, type RecordModel } from '../../dns/records.js';
import { nearestParent } from '../../dns/name-index.js';
import { cidrContains, ipFamily, parseCidr } from './ip.js';
import { normalizeName } from './dns-name.js';

export interface PublishedSpf {
  /** The domain whose spf block writes the record (the first one using this return-path domain). */
  domainIndex: number;
  /** Owner name: the return-path domain. */
  name: string;
  terms: string[];
  /** Source path of each term, index for index. */
  paths: KeyPath[];
}

/** True for TXT data that is an SPF record (RFC 7208 §4.5: "v=spf1" then a space or the end). */
export function isSpfText(value: string): boolean {
  return /^v=spf1(\s|$)/i.test(value.trim());
}

/** The terms of SPF record text, without the version. */
export function spfTextTerms(value: string): string[] {
  return value.trim().split(/\s+/).slice(1).filter(Boolean);
}

/** The SPF records relayconf writes, one per return-path domain, as the record model holds them. */
export function publishedSpfRecords(records: RecordModel): PublishedSpf[] {
  return records.records
    .filter((r) => r.purpose === 'spf' && r.terms)
    .map((r) => ({ domainIndex: Number(r.path[1]), name: r.name, terms: r.terms!.map((t) => t.text), paths: r.terms!.map((t) => t.from) }))
    .sort((a, b) => a.domainIndex - b.domainIndex);
}

export interface ExtraSpf {
  /** Index in dns.extraRecords. */
  index: number;
  name: string;
  terms: string[];
  path: KeyPath;
}

/** SPF records written verbatim through dns.extraRecords. */
export function extraSpfRecords(model: RelayModel): ExtraSpf[] {
  const out: ExtraSpf[] = [];
  model.dns.extraRecords.forEach((record, index) => {
    if (record.type !== 'TXT' || !isSpfText(record.value)) return;
    out.push({ index, name: normalizeName(record.name), terms: spfTextTerms(record.value), path: ['dns', 'extraRecords', index, 'value'] });
  });
  return out;
}

export interface SpfTerm {
  qualifier: '+' | '-' | '~' | '?';
  /** Lower-case mechanism or modifier name (ip4, a, include, redirect, ...). */
  name: string;
  modifier: boolean;
  /** domain-spec or address, without the CIDR suffix; null when absent. */
  argument: string | null;
  /** a/mx dual CIDR lengths (RFC 7208 §5.6). */
  cidr4: number | null;
  cidr6: number | null;
}

export function parseSpfTerm(term: string): SpfTerm {
  const modifier = /^([a-z][a-z0-9_.-]*)=(.*)$/i.exec(term);
  if (modifier) return { qualifier: '+', name: modifier[1].toLowerCase(), modifier: true, argument: modifier[2], cidr4: null, cidr6: null };
  const hasQualifier = /^[-+~?]/.test(term);
  const qualifier = hasQualifier ? (term[0] as SpfTerm['qualifier']) : '+';
  const body = hasQualifier ? term.slice(1) : term;
  const match = /^([a-z0-9]+)(?::([^/]*))?(.*)$/i.exec(body);
  if (!match) return { qualifier, name: body.toLowerCase(), modifier: false, argument: null, cidr4: null, cidr6: null };
  const name = match[1].toLowerCase();
  let argument: string | null = match[2] ?? null;
  let cidr4: number | null = null;
  let cidr6: number | null = null;
  if (name === 'ip4' || name === 'ip6') {
    // The address keeps its own prefix ("ip6:2001:db8::/32" splits at the first colon only).
    argument = body.slice(body.indexOf(':') + 1) || null;
  } else {
    const dual = /^(?:\/(\d+))?(?:\/\/(\d+))?$/.exec(match[3]);
    if (dual) {
      cidr4 = dual[1] !== undefined ? Number(dual[1]) : null;
      cidr6 = dual[2] !== undefined ? Number(dual[2]) : null;
    }
  }
  return { qualifier, name, modifier: false, argument, cidr4, cidr6 };
}

export type StaticOutcome =
  | { result: 'pass' | 'fail' | 'softfail' | 'neutral'; term: string | null; index: number | null }
  /** A term whose outcome needs DNS this config does not write (include, exists, ptr, foreign names). */
  | { result: 'unknown'; term: string; index: number };

const QUALIFIER_RESULT = { '+': 'pass', '-': 'fail', '~': 'softfail', '?': 'neutral' } as const;

/** Answers A/AAAA/MX questions from the records this config writes; null means "not ours, unknown". */
export class StaticDns {
  /** Records by owner name and the sending domains as a set: one lookup per question, not a scan per domain. */
  private readonly byName: Map<string, DnsRecord[]>;
  private readonly zones: Set<string>;

  constructor(model: RelayModel, records: RecordModel) {
    this.byName = recordsByName(records.records);
    this.zones = new Set(model.domains.map((d) => normalizeName(d.name)));
  }

  /** True when every record of `name` is written by this config (it lies in a sending domain's zone). */
  knows(name: string): boolean {
    return nearestParent(normalizeName(name), this.zones) !== undefined;
  }

  addresses(name: string, family: 4 | 6): string[] | null {
    if (!this.knows(name)) return null;
    const type = family === 4 ? 'A' : 'AAAA';
    const n = normalizeName(name);
    return (this.byName.get(n) ?? []).filter((r) => r.type === type).map((r) => r.value);
  }

  mxHosts(name: string): string[] | null {
    if (!this.knows(name)) return null;
    const n = normalizeName(name);
    return (this.byName.get(n) ?? []).filter((r) => r.type === 'MX').map((r) => r.value);
  }
}

function matchesHost(dns: StaticDns, host: string, ip: string, cidr4: number | null, cidr6: number | null): boolean | null {
  const family = ipFamily(ip) as 4 | 6;
  const addresses = dns.addresses(host, family);
  if (addresses === null) return null;
  const prefix = family === 4 ? (cidr4 ?? 32) : (cidr6 ?? 128);
  return addresses.some((address) => cidrContains(`${address}/${prefix}`, ip));
}

/**
 * Evaluates `terms` for `ip` as a receiver would (RFC 7208 §4.6.2, §5), as far as this config's
 * own records tell. Stops at the first term it cannot decide offline.
 */
export function evaluateStatically(terms: string[], ip: string, domain: string, dns: StaticDns): StaticOutcome {
  const family = ipFamily(ip);
  let redirect: { term: string; index: number } | null = null;
  for (let index = 0; index < terms.length; index++) {
    const term = terms[index];
    const parsed = parseSpfTerm(term);
    if (parsed.modifier) {
      if (parsed.name === 'redirect') redirect = { term, index };
      continue;
    }
    const target = parsed.argument ?? domain;
    if (target.includes('%')) return { result: 'unknown', term, index }; // macros expand per message
    let matched: boolean | null;
    switch (parsed.name) {
      case 'all':
        matched = true;
        break;
      case 'ip4':
      case 'ip6': {
        const cidr = parsed.argument ? parseCidr(parsed.argument) : null;
        matched = cidr !== null && cidr.family === family && cidrContains(cidr, ip);
        break;
      }
      case 'a':
        matched = matchesHost(dns, target, ip, parsed.cidr4, parsed.cidr6);
        break;
      case 'mx': {
        const hosts = dns.mxHosts(target);
        if (hosts === null) matched = null;
        else {
          const each = hosts.map((host) => matchesHost(dns, host, ip, parsed.cidr4, parsed.cidr6));
          matched = each.some((m) => m === true) ? true : each.some((m) => m === null) ? null : false;
        }
        break;
      }
      default: // include, exists, ptr: their answer lives in DNS this config does not write
        matched = null;
    }
    if (matched === null) return { result: 'unknown', term, index };
    if (matched) return { result: QUALIFIER_RESULT[parsed.qualifier], term, index };
  }
  if (redirect) return { result: 'unknown', term: redirect.term, index: redirect.index };
  return { result: 'neutral', term: null, index: null }; // RFC 7208 §4.7: no match is neutral
}

// The DNS record model: every record the relay needs, built once from the config. The zone output
// writes it and check-dns queries it, so the generator and the checker never disagree.
import { registrableDomain } from '../util/public-suffix.js';
import type { KeyPath } from '../findings.js';
import type { DomainModel, RelayModel } from '../config/model.js';
import { spfTermSources, type SpfTermSource } from './spf.js';
import { splitTxt } from './txt.js';
import { byteCompare } from '../util/compare.js';
import { entryRecords } from './entry-records.js';
import { nearestParent } from './name-index.js';

export type RecordPurpose = 'mta-a' | 'mta-aaaa' | 'transport-a' | 'spf' | 'dkim' | 'dmarc' | 'mx' | 'bimi' | 'extra' | 'entry';

export interface DnsRecord {
  /** The zone (apex, lower case, no trailing dot) whose file holds the record. */
  zone: string;
  /** Owner name, fully qualified, lower case, no trailing dot. */
  name: string;
  type: 'A' | 'AAAA' | 'TXT' | 'MX' | 'CNAME' | 'CAA';
  ttl: number;
  /** A/AAAA: the address. TXT: the whole text (strings joined). MX: the host. CNAME/CAA: as in a zone file. */
  value: string;
  /** TXT only: the character-strings as published (each at most 255 bytes). */
  strings?: string[];
  /** MX only. */
  priority?: number;
  purpose: RecordPurpose;
  /** Where the record comes from in the config, for findings. */
  path: KeyPath;
  /** For dkim records: the selector. */
  selector?: string;
  /** For the SPF records relayconf writes: each term after v=spf1 and the config key that wrote it. */
  terms?: SpfTermSource[];
}

/** A PTR lives in the IP owner's panel, not in a zone we write: it is a note and a live check. */
export interface PtrExpectation {
  ip: string;
  name: string;
  path: KeyPath;
}

export interface RecordModel {
  /** Zones in sorted order; each sending domain is one, plus any zone an MTA name needs. */
  zones: string[];
  /** Sorted by zone, name, type, value. */
  records: DnsRecord[];
  ptr: PtrExpectation[];
}

export function dkimTxt(domain: DomainModel, selectorIndex: number): string | null {
  const key = domain.dkim.selectors[selectorIndex].key;
  if (key.status !== 'ok') return null;
  // the self-hosted HTTP relay build guide, step 2: "v=DKIM1; h=sha256; k=rsa; p=<public-key>"
  return `v=DKIM1; h=sha256; k=${key.keyType}; p=${key.dnsPublicKey}`;
}

/**
 * The DMARC policy record (RFC 9989 section 4.7). p= follows v= because RFC 7489 receivers still
 * require it there. pct, rf and ri were removed by RFC 9989 and are never written; defaults
 * (t=n, psd=u, adkim=r, aspf=r only when set) are left out.
 */
export function dmarcTxt(domain: DomainModel): string | null {
  const d = domain.dmarc;
  if (!d) return null;
  const tags = [`v=DMARC1`, `p=${d.policy}`];
  if (d.subdomainPolicy) tags.push(`sp=${d.subdomainPolicy}`);
  if (d.nonExistentSubdomainPolicy) tags.push(`np=${d.nonExistentSubdomainPolicy}`);
  if (d.psd) tags.push(`psd=${d.psd}`);
  if (d.testing) tags.push('t=y');
  // Plain addresses get mailto:; a URI with its own scheme (RFC 9989 section 4.6) is kept as written.
  if (d.rua.length > 0) tags.push(`rua=${d.rua.map((a) => (/^[a-z][a-z0-9+.-]*:/i.test(a) ? a : `mailto:${a}`)).join(',')}`);
  tags.push(`adkim=${d.adkim}`, `aspf=${d.aspf}`);
  return tags.join('; ');
}

export function bimiTxt(domain: DomainModel): string | null {
  if (!domain.bimi) return null;
  return `v=BIMI1; l=${domain.bimi.logo}${domain.bimi.authority ? `; a=${domain.bimi.authority}` : ''}`;
}

/** The zone that holds `name`: the longest sending domain it falls under, else its registrable domain. */
export function zoneFor(name: string, sendingDomains: readonly string[] | ReadonlySet<string>): string {
  const lower = name.toLowerCase().replace(/\.$/, '');
  return nearestParent(lower, sendingDomains instanceof Set ? sendingDomains : new Set(sendingDomains)) ?? registrableDomain(lower, false) ?? lower;
}

/** `records` grouped by owner name, each group in the given order. */
export function recordsByName(records: readonly DnsRecord[]): Map<string, DnsRecord[]> {
  const byName = new Map<string, DnsRecord[]>();
  for (const record of records) {
    const group = byName.get(record.name);
    if (group) group.push(record);
    else byName.set(record.name, [record]);
  }
  return byName;
}

export function buildRecordModel(model: RelayModel): RecordModel {
  const ttl = model.dns.ttl;
  // A set, built once: zoneFor runs for every record name.
  const sending = new Set(model.domains.map((d) => d.name));
  const records: DnsRecord[] = [];
  const txt = (zone: string, name: string, value: string, purpose: RecordPurpose, path: KeyPath, selector?: string) =>
    records.push({ zone, name, type: 'TXT', ttl, value, strings: splitTxt(value), purpose, path, ...(selector ? { selector } : {}) });

  const host = model.mta.hostname.toLowerCase();
  records.push({ zone: zoneFor(host, sending), name: host, type: 'A', ttl, value: model.mta.ipv4, purpose: 'mta-a', path: ['mta', 'ipv4'] });
  // ipv6-needs-ptr: AAAA only when IPv6 is declared (with its PTR, which lint enforces).
  if (model.mta.ipv6) {
    records.push({ zone: zoneFor(host, sending), name: host, type: 'AAAA', ttl, value: model.mta.ipv6, purpose: 'mta-aaaa', path: ['mta', 'ipv6'] });
  }
  model.delivery.senderTransports.forEach((t, i) => {
    const name = t.heloName.toLowerCase();
    if (name === host) return;
    const type = t.bindAddress.includes(':') ? 'AAAA' : 'A';
    records.push({ zone: zoneFor(name, sending), name, type, ttl, value: t.bindAddress, purpose: 'transport-a', path: ['delivery', 'senderTransports', i, 'bindAddress'] });
  });

  for (const record of entryRecords(model)) records.push({ zone: zoneFor(record.name, sending), ttl, ...record, purpose: 'entry' });

  const spfDone = new Set<string>();
  model.domains.forEach((domain, i) => {
    const base: KeyPath = ['domains', i];
    // One SPF record per return-path domain (spf-single-record): the first domain using it writes it.
    if (!spfDone.has(domain.returnPathDomain)) {
      spfDone.add(domain.returnPathDomain);
      const terms = spfTermSources(model, i);
      txt(zoneFor(domain.returnPathDomain, sending), domain.returnPathDomain, ['v=spf1', ...terms.map((t) => t.text)].join(' '), 'spf', [...base, 'spf']);
      records[records.length - 1].terms = terms;
    }
    domain.dkim.selectors.forEach((selector, j) => {
      const value = dkimTxt(domain, j);
      if (value) txt(domain.name, `${selector.name}._domainkey.${domain.name}`.toLowerCase(), value, 'dkim', [...base, 'dkim', 'selectors', j], selector.name);
    });
    const dmarc = dmarcTxt(domain);
    if (dmarc) txt(domain.name, `_dmarc.${domain.name}`, dmarc, 'dmarc', [...base, 'dmarc']);
    domain.mx.forEach((mx, j) =>
      records.push({ zone: domain.name, name: domain.name, type: 'MX', ttl, value: mx.host.toLowerCase().replace(/\.$/, ''), priority: mx.priority, purpose: 'mx', path: [...base, 'mx', j] }),
    );
    const bimi = bimiTxt(domain);
    if (bimi && domain.bimi) txt(domain.name, `${domain.bimi.selector}._bimi.${domain.name}`, bimi, 'bimi', [...base, 'bimi']);
  });

  model.dns.extraRecords.forEach((r, i) => {
    const name = r.name.toLowerCase().replace(/\.$/, '');
    const path: KeyPath = ['dns', 'extraRecords', i];
    if (r.type === 'TXT') txt(zoneFor(name, sending), name, r.value, 'extra', path);
    else if (r.type === 'MX') {
      const [priority, target] = r.value.trim().split(/\s+/);
      records.push({ zone: zoneFor(name, sending), name, type: 'MX', ttl, value: (target ?? '').toLowerCase().replace(/\.$/, ''), priority: Number(priority), purpose: 'extra', path });
    } else records.push({ zone: zoneFor(name, sending), name, type: r.type, ttl, value: r.value, purpose: 'extra', path });
  });

  // Byte order, not localeCompare: the output must not depend on the machine's locale.
  records.sort((a, b) => byteCompare(a.zone, b.zone) || byteCompare(a.name, b.name) || byteCompare(a.type, b.type) || (a.priority ?? 0) - (b.priority ?? 0) || byteCompare(a.value, b.value));
  const ptr: PtrExpectation[] = [{ ip: model.mta.ipv4, name: model.mta.ptr.toLowerCase(), path: ['mta', 'ptr'] }];
  if (model.mta.ipv6) ptr.push({ ip: model.mta.ipv6, name: (model.mta.ipv6Ptr ?? model.mta.hostname).toLowerCase(), path: ['mta', 'ipv6Ptr'] });
  model.delivery.senderTransports.forEach((t, i) => ptr.push({ ip: t.bindAddress, name: t.heloName.toLowerCase(), path: ['delivery', 'senderTransports', i, 'heloName'] }));
  const zones = [...new Set([...sending, ...records.map((r) => r.zone)])].sort(byteCompare);
  return { zones, records, ptr };
}

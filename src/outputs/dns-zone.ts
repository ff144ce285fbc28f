// DNS output: one records-only zone fragment per zone plus records.json, both written from the one
// record model (src/dns/records.ts) that check-dns queries.
//
// Why a fragment and not a whole zone: the SOA and NS belong to whoever serves the zone (a provider
// or the admin's own primary, which already manages its serial and holds the domain's other
// records). A full zone would claim them: a content-hash serial is not monotonic, so secondaries
// would ignore updates (RFC 1982), and default NS names inside the zone would need glue addresses
// nobody configured. The fragment is what an admin $INCLUDEs or imports; the system test checks it
// with named-checkzone inside a wrapper zone that supplies a SOA and NS.
import type { RelayModel } from '../config/model.js';
import { formatKeyPath } from '../findings.js';
import { buildRecordModel, zoneFor, type DnsRecord, type RecordModel } from '../dns/records.js';
import type { OutputFile } from './types.js';
import { render } from './render.js';
import { ZONE } from './templates/dns-zone.js';
import { checkDnsName, encodeRdata, encodeRecord, relativeOwner, zoneString as encodeZoneString, type ZoneRecord } from './encode/zone.js';
import { refuseControl } from './encode/refuse.js';

const ZONE_SITE = { output: 'dns', key: 'TXT', from: [] };

/** A zone-file character-string (RFC 1035 5.1), as the zone encoder writes it. */
export function zoneString(text: string): string {
  return encodeZoneString(ZONE_SITE, text);
}

export { relativeOwner };

function zoneRecord(record: DnsRecord): ZoneRecord {
  return { name: record.name, type: record.type, ttl: record.ttl, value: record.value, strings: record.strings, priority: record.priority, from: record.path };
}

/** The rdata of a record of the model, in zone-file syntax. */
export function rdata(record: DnsRecord, output = `dns/${record.zone}.zone`): string {
  return encodeRdata(zoneRecord(record), output);
}

const TYPE_ORDER = ['A', 'AAAA', 'CNAME', 'MX', 'TXT', 'CAA'];

/** Zone-file order: the apex first, then owners, types and values in byte order (no locale). */
export function compareForZone(zone: string) {
  const key = (r: DnsRecord) => (r.name === zone ? '' : relativeOwner(r.name, zone));
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return (a: DnsRecord, b: DnsRecord) =>
    cmp(key(a), key(b)) || TYPE_ORDER.indexOf(a.type) - TYPE_ORDER.indexOf(b.type) || (a.priority ?? 0) - (b.priority ?? 0) || cmp(a.value, b.value);
}

export function zoneLines(records: DnsRecord[], zone: string, ttl: number): string[] {
  const output = `dns/${zone}.zone`;
  const rows = [...records].sort(compareForZone(zone)).map((r) => encodeRecord(zoneRecord(r), zone, ttl, output));
  const ownerWidth = Math.max(1, ...rows.map((r) => r.owner.length));
  const ttlWidth = Math.max(0, ...rows.map((r) => r.ttl.length));
  return rows.map((r) => [r.owner.padEnd(ownerWidth), ...(ttlWidth ? [r.ttl.padStart(ttlWidth)] : []), 'IN', r.type.padEnd(5), r.data].join(' ').replace(/\s+$/, ''));
}

/** One zone's fragment; `ptr` are the PTR notes of names in this zone. */
export function zoneFile(model: RelayModel, zone: string, records: DnsRecord[], ptr: string[]): OutputFile {
  const output = `dns/${zone}.zone`;
  // The zone name is a path component and the $ORIGIN; the PTR notes are comments: all checked.
  checkDnsName({ output, key: '$ORIGIN', from: [] }, zone);
  for (const line of [model.name, ...ptr]) refuseControl({ output, key: 'comment', from: [] }, line);
  const lines = zoneLines(records, zone, model.dns.ttl);
  return { path: `dns/${zone}.zone`, mode: 0o644, content: render('dns/zone', ZONE, { name: model.name, zone, ttl: model.dns.ttl, ptr, lines }) };
}

/** The record model as JSON for other tools: the same records, in the same order. */
export function recordsJson(model: RelayModel, records: RecordModel): OutputFile {
  const data = {
    relay: model.name,
    zones: records.zones,
    records: records.records.map((r) => ({
      zone: r.zone,
      name: r.name,
      type: r.type,
      ttl: r.ttl,
      ...(r.priority !== undefined ? { priority: r.priority } : {}),
      value: r.value,
      ...(r.strings ? { strings: r.strings } : {}),
      purpose: r.purpose,
      ...(r.selector ? { selector: r.selector } : {}),
      source: formatKeyPath(r.path),
    })),
    ptr: records.ptr.map((p) => ({ ip: p.ip, name: p.name, source: formatKeyPath(p.path), note: 'set in the IP owner\'s rDNS panel' })),
  };
  return { path: 'dns/records.json', mode: 0o644, content: `${JSON.stringify(data, null, 2)}\n` };
}

export function dnsFiles(model: RelayModel, records: RecordModel = buildRecordModel(model)): OutputFile[] {
  // Grouped once: a thousand zones must not each scan every record.
  const byZone = new Map<string, DnsRecord[]>(records.zones.map((zone) => [zone, []]));
  for (const record of records.records) byZone.get(record.zone)?.push(record);
  const sending = model.domains.map((d) => d.name);
  const ptrByZone = new Map<string, string[]>();
  for (const p of records.ptr) {
    const zone = zoneFor(p.name, sending);
    ptrByZone.set(zone, [...(ptrByZone.get(zone) ?? []), `${p.ip} -> ${p.name}`]);
  }
  return [...records.zones.map((zone) => zoneFile(model, zone, byZone.get(zone) ?? [], ptrByZone.get(zone) ?? [])), recordsJson(model, records)];
}

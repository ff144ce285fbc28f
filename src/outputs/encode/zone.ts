// The one encoder of zone-file records (RFC 1035 5.1): owner names and targets checked as DNS names,
// typed rdata per type, character-strings quoted with `"` and `\` escaped and other bytes as \DDD.
import { isIPv4, isIPv6 } from '../../util/ip-address.js';
import type { KeyPath } from '../../findings.js';
import type { DnsRecord } from '../../dns/records.js';
import { refuse, refuseControl, type EncodeSite } from './refuse.js';

/** One record as the zone file needs it: the record model's fields, and the config key that caused it. */
export type ZoneRecord = Pick<DnsRecord, 'name' | 'type' | 'ttl' | 'value' | 'strings' | 'priority'> & { from: KeyPath };

/** A label as names and service owners use it: letters, digits, hyphens inside, `_` for _dmarc and the like. */
const LABEL = /^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$/;

/** Checks a host or owner name: LDH (plus `_`) labels of 1-63 bytes, at most 253 in all. */
export function checkDnsName(site: EncodeSite, name: string): string {
  refuseControl(site, name);
  if (name.length > 253 || !name.split('.').every((label) => LABEL.test(label))) refuse(site, `${JSON.stringify(name)} is not a DNS name of letters, digits, - and _`);
  return name;
}

/** A zone-file character-string: printable ASCII as is with `"` and `\` escaped, other bytes as \DDD. */
export function zoneString(site: EncodeSite, text: string): string {
  refuseControl(site, text);
  if (Buffer.byteLength(text, 'utf8') > 255) refuse(site, 'a character-string holds at most 255 bytes (RFC 1035 3.3)');
  // The common case (DKIM keys, SPF, DMARC) is printable ASCII: no byte loop.
  if (/^[\x20-\x7e]*$/.test(text)) return `"${text.replace(/["\\]/g, (c) => `\\${c}`)}"`;
  let out = '"';
  for (const byte of Buffer.from(text, 'utf8')) {
    if (byte === 0x22 || byte === 0x5c) out += `\\${String.fromCharCode(byte)}`;
    else if (byte >= 0x20 && byte <= 0x7e) out += String.fromCharCode(byte);
    else out += `\\${String(byte).padStart(3, '0')}`;
  }
  return `${out}"`;
}

/** The owner relative to the zone's $ORIGIN: `@` for the apex. */
export function relativeOwner(name: string, zone: string): string {
  return name === zone ? '@' : name.slice(0, -(zone.length + 1));
}

const target = (site: EncodeSite, name: string) => (name === '' ? '.' : `${checkDnsName(site, name)}.`);

/** CAA rdata (RFC 8659 4.1): flags 0-255, an alphanumeric tag, and the value as one character-string. */
function caa(site: EncodeSite, value: string): string {
  refuseControl(site, value);
  const match = /^(\d{1,3})\s+([A-Za-z0-9]{1,15})\s+(?:"((?:[^"\\]|\\.)*)"|(\S+))$/.exec(value.trim());
  if (!match || Number(match[1]) > 255) refuse(site, 'CAA data must be: flags tag "value"');
  const text = match[3] !== undefined ? match[3].replace(/\\(.)/g, '$1') : match[4];
  return `${match[1]} ${match[2].toLowerCase()} ${zoneString(site, text)}`;
}

/** The rdata of one record in zone-file syntax. */
export function encodeRdata(record: ZoneRecord, output: string): string {
  const site: EncodeSite = { output, key: `${record.name} ${record.type}`, from: record.from };
  switch (record.type) {
    case 'A':
      if (!isIPv4(record.value)) refuse(site, `${JSON.stringify(record.value)} is not an IPv4 address`);
      return record.value;
    case 'AAAA':
      if (!isIPv6(record.value)) refuse(site, `${JSON.stringify(record.value)} is not an IPv6 address`);
      return record.value;
    case 'TXT':
      return (record.strings ?? [record.value]).map((s) => zoneString(site, s)).join(' ');
    case 'MX': {
      const priority = record.priority ?? 0;
      if (!Number.isInteger(priority) || priority < 0 || priority > 65535) refuse(site, 'MX preference must be 0-65535');
      return `${priority} ${target(site, record.value)}`;
    }
    case 'CNAME':
      // Config values are fully qualified names; without the dot the zone would append $ORIGIN.
      return target(site, record.value);
    case 'CAA':
      return caa(site, record.value);
    default:
      return refuse(site, `record type ${String((record as ZoneRecord).type)} has no encoder`);
  }
}

/** One record line's fields: owner (relative), TTL ('' for the zone default), type and rdata. */
export function encodeRecord(record: ZoneRecord, zone: string, defaultTtl: number, output: string) {
  const site: EncodeSite = { output, key: `${record.name} ${record.type}`, from: record.from };
  checkDnsName(site, record.name);
  if (record.name !== zone && !record.name.endsWith(`.${zone}`)) refuse(site, `owner is outside the zone ${zone}`);
  if (!Number.isInteger(record.ttl) || record.ttl < 0 || record.ttl > 2147483647) refuse(site, 'TTL must be 0-2147483647 seconds');
  return { owner: relativeOwner(record.name, zone), ttl: record.ttl === defaultTtl ? '' : String(record.ttl), type: record.type, data: encodeRdata(record, output) };
}

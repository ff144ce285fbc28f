// relay.entry.hostname: the name callers use reaches the gateway. nginx on this server: A/AAAA to the
// server's own addresses. A Cloudflare Tunnel: the CNAME to <tunnel>.cfargotunnel.com, which Cloudflare
// serves proxied, so the world sees Cloudflare's addresses instead of the CNAME (Cloudflare Tunnel docs,
// "DNS records"); then only that the name resolves can be checked from outside.
import type { DnsRecord } from '../records.js';
import { lookup, report, reportFailure, type CheckContext } from './context.js';
import { compareAddresses } from './address.js';
import { sameIp } from './ip.js';

export async function checkEntryRecords(ctx: CheckContext): Promise<void> {
  const byType = new Map<string, DnsRecord[]>();
  for (const record of ctx.records.records.filter((r) => r.purpose === 'entry')) byType.set(record.type, [...(byType.get(record.type) ?? []), record]);
  const checks = [...byType.values()].map((records) => (records[0].type === 'CNAME' ? checkTunnelName(ctx, records[0]) : checkAddresses(ctx, records)));
  // nginx on a server without IPv6 listens on IPv4 only: an AAAA for the entry name sends IPv6 callers elsewhere.
  const a = byType.get('A');
  if (a && !byType.has('AAAA')) checks.push(checkNoAaaa(ctx, a[0]));
  await Promise.all(checks);
}

/** The entry name answers exactly the server's addresses: one more and round robin sends some callers, and their tokens, to another host. */
async function checkAddresses(ctx: CheckContext, records: DnsRecord[]): Promise<void> {
  const { name, type, path } = records[0];
  const expected = records.map((r) => r.value);
  const answer = await compareAddresses(ctx, name, type as 'A' | 'AAAA', expected);
  if (answer.status === 'failed') return reportFailure(ctx, path, name, type, answer.error, `the ${type} record of ${name}`);
  if (answer.status === 'void') return report(ctx, 'dns-entry-missing', 'none', path, { name, type, detail: answer.detail, expected: expected.join(', ') });
  if (answer.missing.length > 0 || answer.extra.length > 0) report(ctx, 'dns-entry-mismatch', 'differs', path, { name, type, actual: answer.actual.join(', '), expected: expected.join(', ') });
}

async function checkNoAaaa(ctx: CheckContext, record: DnsRecord): Promise<void> {
  const answer = await lookup(ctx, record.name, 'AAAA');
  // Only a positive answer matters; a dead resolver is reported by the lookups that need an answer.
  if (answer.status === 'ok') report(ctx, 'dns-entry-mismatch', 'unexpectedAaaa', record.path, { name: record.name, actual: answer.answers.join(', ') });
}

async function checkTunnelName(ctx: CheckContext, record: DnsRecord): Promise<void> {
  const { name, path, value } = record;
  const cname = await lookup(ctx, name, 'CNAME');
  if (cname.status === 'failed') return reportFailure(ctx, path, name, 'CNAME', cname.error, `the CNAME record of ${name}`);
  if (cname.status === 'ok') {
    const targets = cname.answers.map((t) => t.toLowerCase().replace(/\.$/, ''));
    if (!targets.includes(value.toLowerCase())) report(ctx, 'dns-entry-mismatch', 'differs', path, { name, type: 'CNAME', actual: targets.join(', '), expected: value });
    return;
  }
  // No CNAME in sight: a proxied tunnel name answers Cloudflare's addresses, which is as it should be;
  // this server's own address instead is a record left from a setup without the tunnel, which bypasses it.
  const address = await lookup(ctx, name, 'A');
  if (address.status === 'failed') return reportFailure(ctx, path, name, 'A', address.error, `the A record of ${name}`);
  if (address.status === 'void') return report(ctx, 'dns-entry-missing', 'none', path, { name, type: 'CNAME', detail: cname.detail, expected: value });
  const own = address.answers.filter((a) => sameIp(a, ctx.model.mta.ipv4));
  if (own.length > 0) report(ctx, 'dns-entry-mismatch', 'ownAddress', path, { name, actual: own.join(', '), expected: value });
}

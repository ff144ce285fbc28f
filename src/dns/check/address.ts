// A/AAAA: the MTA hostname (and each sender transport's HELO name) resolves to exactly the
// configured IPs (the self-hosted HTTP relay build guide, steps 0 and 2), and no AAAA appears for an MTA without IPv6.
import type { DnsRecord } from '../records.js';
import { lookup, report, reportFailure, type CheckContext } from './context.js';
import { sameIp } from './ip.js';

export async function checkAddresses(ctx: CheckContext): Promise<void> {
  const groups = new Map<string, DnsRecord[]>();
  for (const record of ctx.records.records) {
    if (record.purpose !== 'mta-a' && record.purpose !== 'mta-aaaa' && record.purpose !== 'transport-a') continue;
    const key = `${record.type} ${record.name}`;
    groups.set(key, [...(groups.get(key) ?? []), record]);
  }
  await Promise.all([...groups.values()].map((records) => checkGroup(ctx, records)));
  await checkUnexpectedAaaa(ctx);
}

/** A name's A or AAAA answer against the addresses it should hold: the lookup's failure, or what is missing and what is extra. */
export type AddressComparison =
  | { status: 'failed'; error: unknown }
  | { status: 'void'; detail: string }
  | { status: 'ok'; actual: string[]; missing: string[]; extra: string[] };

export async function compareAddresses(ctx: CheckContext, name: string, type: 'A' | 'AAAA', expected: string[]): Promise<AddressComparison> {
  const answer = await lookup(ctx, name, type);
  if (answer.status === 'failed') return { status: 'failed', error: answer.error };
  if (answer.status === 'void') return { status: 'void', detail: answer.detail };
  const actual = answer.answers;
  return {
    status: 'ok',
    actual,
    missing: expected.filter((ip) => !actual.some((a) => sameIp(a, ip))),
    extra: actual.filter((a) => !expected.some((ip) => sameIp(a, ip))),
  };
}

async function checkGroup(ctx: CheckContext, records: DnsRecord[]): Promise<void> {
  const { name, type, path } = records[0];
  const expected = records.map((r) => r.value);
  const answer = await compareAddresses(ctx, name, type as 'A' | 'AAAA', expected);
  if (answer.status === 'failed') return reportFailure(ctx, path, name, type, answer.error, `the ${type} record of ${name}`);
  if (answer.status === 'void') {
    return report(ctx, 'dns-a-missing', 'none', path, { name, type, detail: answer.detail, expected: expected.join(', ') });
  }
  const { actual, missing, extra } = answer;
  if (missing.length > 0) {
    report(ctx, 'dns-a-mismatch', 'wrong', path, { name, type, actual: actual.join(', '), expected: expected.join(', ') });
  } else if (extra.length > 0) {
    report(ctx, 'dns-a-extra', 'extra', path, { name, type, extra: extra.join(', '), expected: expected.join(', ') });
  }
}

async function checkUnexpectedAaaa(ctx: CheckContext): Promise<void> {
  if (ctx.model.mta.ipv6) return;
  const host = ctx.model.mta.hostname.toLowerCase();
  const answer = await lookup(ctx, host, 'AAAA');
  // Only a positive answer matters here; a dead resolver is reported by the checks that need it.
  if (answer.status !== 'ok') return;
  report(ctx, 'dns-aaaa-unexpected', 'unexpected', ['mta', 'hostname'], { host, addresses: answer.answers.join(', ') });
}

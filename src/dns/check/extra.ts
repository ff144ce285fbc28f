// dns.extraRecords: each listed record is published with its value (A, AAAA, CNAME, TXT, MX, CAA).
import type { DnsRecord } from '../records.js';
import { joinedTxt, lookup, quote, report, reportFailure, type CheckContext, type Lookup } from './context.js';
import { sameIp } from './ip.js';

export async function checkExtraRecords(ctx: CheckContext): Promise<void> {
  await Promise.all(ctx.records.records.filter((r) => r.purpose === 'extra').map((record) => checkOne(ctx, record)));
}

async function checkOne(ctx: CheckContext, record: DnsRecord): Promise<void> {
  const { name, type, path, value } = record;
  const answer: Lookup<unknown[]> = await lookup(ctx, name, type);
  if (answer.status === 'failed') return reportFailure(ctx, path, name, type, answer.error, `the ${type} record of ${name}`);
  if (answer.status === 'void') return report(ctx, 'dns-record-missing', 'none', path, { name, type, detail: answer.detail, expected: quote(value) });
  let published: string[];
  let found: boolean;
  switch (type) {
    case 'A':
    case 'AAAA':
      published = answer.answers as string[];
      found = published.some((ip) => sameIp(ip, value));
      break;
    case 'TXT':
      published = joinedTxt(answer.answers as string[][]);
      found = published.includes(value);
      break;
    case 'MX':
      published = (answer.answers as { priority: number; exchange: string }[]).map((mx) => `${mx.priority} ${mx.exchange.toLowerCase()}`);
      found = published.includes(`${record.priority} ${value}`);
      break;
    case 'CNAME':
      published = (answer.answers as string[]).map((n) => n.toLowerCase());
      found = published.includes(value.toLowerCase().replace(/\.$/, ''));
      break;
    case 'CAA': {
      published = (answer.answers as { critical: number; tag: string; value: string }[]).map((c) => `${c.critical} ${c.tag} "${c.value}"`);
      const normal = value.trim().replace(/\s+/g, ' ').replace(/^(\d+) (\S+) ([^"].*)$/, '$1 $2 "$3"');
      found = published.includes(normal);
      break;
    }
  }
  if (!found) report(ctx, 'dns-record-mismatch', 'differs', path, { name, type, actual: published.map((p) => quote(p)).join(', '), expected: quote(value) });
}

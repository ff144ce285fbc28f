// PTR and FCrDNS: each sending IP's reverse name is the configured one, and that name resolves
// back to the IP (the self-hosted HTTP relay build guide, steps 0 and 2, "PTR / rDNS"). PTR lives in the provider's panel, not our zone.
import type { PtrExpectation } from '../records.js';
import { isIP } from 'node:net';
import { lookup, report, reportFailure, type CheckContext } from './context.js';
import { reverseName, sameIp } from './ip.js';

export async function checkPtrs(ctx: CheckContext): Promise<void> {
  await Promise.all(ctx.records.ptr.map((expectation) => checkPtr(ctx, expectation)));
}

async function checkPtr(ctx: CheckContext, { ip, name, path }: PtrExpectation): Promise<void> {
  const owner = reverseName(ip);
  const answer = await lookup(ctx, owner, 'PTR');
  if (answer.status === 'failed') return reportFailure(ctx, path, owner, 'PTR', answer.error, `the PTR of ${ip}`);
  if (answer.status === 'void') {
    return report(ctx, 'dns-ptr-missing', 'none', path, { ip, owner, detail: answer.detail, name });
  }
  const names = answer.answers.map((n) => n.toLowerCase());
  if (!names.includes(name)) {
    report(ctx, 'dns-ptr-mismatch', 'wrong', path, { ip, names: names.join(', '), name });
  }

  // Forward confirmation: some PTR name must resolve back to the IP.
  const type = isIP(ip) === 6 ? 'AAAA' : 'A';
  const forwards = await Promise.all(names.map(async (n) => ({ name: n, answer: await lookup(ctx, n, type) })));
  if (forwards.some((f) => f.answer.status === 'ok' && f.answer.answers.some((a) => sameIp(a, ip)))) return;
  // When the PTR is the expected name and the zone holds its A/AAAA, the address check already says what is wrong.
  const covered = names.includes(name) && ctx.records.records.some((r) => r.name === name && r.type === type && sameIp(r.value, ip));
  if (covered) return;
  const failed = forwards.find((f) => f.answer.status === 'failed');
  if (failed && failed.answer.status === 'failed') {
    return reportFailure(ctx, path, failed.name, type, failed.answer.error, `the round trip ${ip} -> ${failed.name}`);
  }
  const seen = forwards.map((f) => `${f.name} -> ${f.answer.status === 'ok' ? f.answer.answers.join(', ') : f.answer.detail}`);
  report(ctx, 'dns-fcrdns-mismatch', 'broken', path, { ip, seen: seen.join('; ') });
}

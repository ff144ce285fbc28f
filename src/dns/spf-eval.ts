// SPF verdicts (RFC 7208 check_host) from mailauth's evaluator, asking DNS through our dns2 resolver
// so --resolver reaches every lookup; proven on the openspf RFC 7208 suite (test/dns/spf-rfc7208.test.ts).
import { spf } from 'mailauth/lib/spf/index.js';
import type { DnsResolver, RecordType } from './resolver.js';
import { DnsLookupError } from './resolver.js';
import { checkSpfSyntax, isSpfRecord } from './check/spf-syntax.js';

export type SpfResult = 'pass' | 'fail' | 'softfail' | 'neutral' | 'none' | 'permerror' | 'temperror';

export interface SpfVerdict {
  result: SpfResult;
  /** mailauth's explanation, e.g. "permanent error in processing during lookup of ...: Too many DNS requests". */
  comment: string;
  /** The SPF record mailauth evaluated at the first domain, when it found one. */
  record: string | null;
  /** DNS-querying terms evaluated (stops at the first match, so it can be below the tree's worst case). */
  lookups: number;
  voidLookups: number;
}

export interface SpfQuery {
  /** The connecting IP. */
  ip: string;
  /** MAIL FROM (the return path); an empty string means the null sender (postmaster@helo). */
  sender: string;
  helo: string;
  /** The receiver's name in comments. */
  receiver?: string;
}

const TYPES = new Set<string>(['A', 'AAAA', 'MX', 'TXT', 'PTR', 'CNAME', 'CAA']);

/**
 * The resolver function mailauth calls: node:dns shapes and error codes, from our dns2 client.
 *
 * It also holds each SPF record it hands over to the RFC 7208 grammar. mailauth checks only the
 * mechanism names before evaluating, so "v=spf1 -all ip6" (a broken term after the match) would
 * pass as "fail" where RFC 7208 4.6 says permerror. A record that does not parse is answered with
 * mailauth's own error form (an error carrying `spfResult`, as its resolver wrapper uses), so the
 * permerror lands exactly where mailauth fetches that record: at the top, or when an include or
 * redirect is reached. The openspf suite cases bare-ip6, exp-twice, exp-syntax-error and
 * exp-only-macro-char prove it; if a mailauth release drops that form they fail.
 */
export function mailauthResolver(resolver: DnsResolver): (name: string, type: string) => Promise<unknown> {
  return async (name, type) => {
    // RFC 7208 3.1: SPF records are TXT only; any other type is not something we may ask about.
    if (!TYPES.has(type)) throw new DnsLookupError('ENOTIMP', name, 'TXT', `record type ${type} is not queried`);
    const answer = await resolver.resolve(name, type as RecordType);
    if (type === 'TXT') {
      const spfRecords = (answer as string[][]).map((strings) => strings.join('')).filter(isSpfRecord);
      // Two records are mailauth's own permerror; only a single record is ours to hold to the grammar.
      const problem = spfRecords.length === 1 ? checkSpfSyntax(spfRecords[0]) : null;
      if (problem) {
        const error = new DnsLookupError('EBADRESP', name, 'TXT', `SPF syntax error in "${problem.term}": ${problem.reason}`);
        Object.assign(error, { spfResult: { error: 'permerror', text: `SPF record of ${name} does not parse: ${problem.term}: ${problem.reason}` } });
        throw error;
      }
    }
    return answer;
  };
}

export async function evaluateSpf(resolver: DnsResolver, query: SpfQuery): Promise<SpfVerdict> {
  const response = await spf({
    ip: query.ip,
    sender: query.sender,
    helo: query.helo,
    mta: query.receiver ?? 'relayconf',
    resolver: mailauthResolver(resolver) as never,
  });
  const status = response.status as { result: string; comment?: string };
  const lookups = (response as { lookups?: { count?: number; void?: number } }).lookups;
  return {
    result: status.result as SpfResult,
    comment: status.comment ?? '',
    record: (response as { rr?: string }).rr ?? null,
    lookups: lookups?.count ?? 0,
    voidLookups: lookups?.void ?? 0,
  };
}

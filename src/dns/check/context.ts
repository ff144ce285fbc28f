// What every live check gets: the model, the record model, the resolver, and a report() that turns a
// key path into a positioned finding; plus lookup(), which sorts an answer into ok / void / failed.
import type { Finding, KeyPath } from '../../findings.js';
import type { RelayModel } from '../../config/model.js';
import type { ConfigSource } from '../../config/source.js';
import { locate } from '../../config/source.js';
import type { RecordModel } from '../records.js';
import type { AnswerOf, DnsResolver, RecordType } from '../resolver.js';
import { DnsLookupError, describeLookupError, isVoidError } from '../resolver.js';
import { formatMessage } from '../../rules/types.js';
import { resolveSeverity, type SeverityOverrides } from '../../rules/severity.js';
import { dnsRulesById, type DnsCheckId, type DnsMessageId } from './rules.js';

export interface CheckContext {
  model: RelayModel;
  records: RecordModel;
  resolver: DnsResolver;
  source: ConfigSource;
  /** --rule and lint.rules, applied by the resolver lint uses too. */
  overrides: SeverityOverrides;
  findings: Finding[];
}

export function createContext(model: RelayModel, records: RecordModel, resolver: DnsResolver, source: ConfigSource, overrides: SeverityOverrides = {}): CheckContext {
  return { model, records, resolver, source, overrides, findings: [] };
}

/** Reports a finding by its id and message id (src/dns/check/rules.ts), at the severity the overrides resolve to. */
export function report<I extends DnsCheckId>(ctx: CheckContext, id: I, messageId: DnsMessageId<I>, path: KeyPath, data: Record<string, string | number> = {}): void {
  const rule = dnsRulesById.get(id)!;
  const severity = resolveSeverity(id, rule.defaultSeverity, ctx.overrides);
  if (severity === 'off') return;
  const template = (rule.messages as Record<string, string>)[messageId];
  ctx.findings.push({ ruleId: id, severity, message: formatMessage(template, data), file: ctx.source.file, path, ...locate(ctx.source, path, 'value') });
}

export type Lookup<T> =
  | { status: 'ok'; answers: T }
  /** NXDOMAIN or NODATA: DNS says there is no such record. */
  | { status: 'void'; detail: string; error: DnsLookupError }
  /** Timeout, SERVFAIL, refused: DNS did not say. */
  | { status: 'failed'; detail: string; error: unknown };

export async function lookup<T extends RecordType>(ctx: CheckContext, name: string, type: T): Promise<Lookup<AnswerOf<T>>> {
  try {
    return { status: 'ok', answers: await ctx.resolver.resolve(name, type) };
  } catch (error) {
    if (isVoidError(error)) return { status: 'void', detail: describeLookupError(error), error };
    return { status: 'failed', detail: describeLookupError(error), error };
  }
}

/** A failed lookup as its own finding: timeouts say so, anything else is dns-servfail. */
export function reportFailure(ctx: CheckContext, path: KeyPath, name: string, type: string, error: unknown, what: string): void {
  const timeout = error instanceof DnsLookupError && error.code === 'ETIMEOUT';
  report(ctx, timeout ? 'dns-timeout' : 'dns-servfail', 'failed', path, { what, type, name, detail: describeLookupError(error) });
}

/** TXT answers joined across their strings (RFC 7208 3.3, RFC 6376 3.6.2.2). */
export function joinedTxt(answers: string[][]): string[] {
  return answers.map((strings) => strings.join(''));
}

export function quote(text: string, max = 120): string {
  return `"${text.length > max ? `${text.slice(0, max - 1)}…` : text}"`;
}

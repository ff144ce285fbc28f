// What every live check gets: the model, the record model, the resolver, and a report() that turns a
// key path into a positioned finding; plus lookup(), which sorts an answer into ok / void / failed.
import type { Finding, KeyPath, Severity } from '../../findings.js';
import type { RelayModel } from '../../config/model.js';
import type { ConfigSource } from '../../config/source.js';
import { locate } from '../../config/source.js';
import type { RecordModel } from '../records.js';
import type { AnswerOf, DnsResolver, RecordType } from '../resolver.js';
import { DnsLookupError, describeLookupError, isVoidError } from '../resolver.js';
import { defaultSeverity, type DnsCheckId } from './rules.js';

export interface CheckContext {
  model: RelayModel;
  records: RecordModel;
  resolver: DnsResolver;
  source: ConfigSource;
  findings: Finding[];
}

export function createContext(model: RelayModel, records: RecordModel, resolver: DnsResolver, source: ConfigSource): CheckContext {
  return { model, records, resolver, source, findings: [] };
}

export function report(ctx: CheckContext, id: DnsCheckId, path: KeyPath, message: string, severity: Severity = defaultSeverity(id)): void {
  ctx.findings.push({ ruleId: id, severity, message, file: ctx.source.file, path, ...locate(ctx.source, path, 'value') });
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
  report(ctx, timeout ? 'dns-timeout' : 'dns-servfail', path, `cannot check ${what}: ${type} ${name} ${describeLookupError(error)}`);
}

/** TXT answers joined across their strings (RFC 7208 3.3, RFC 6376 3.6.2.2). */
export function joinedTxt(answers: string[][]): string[] {
  return answers.map((strings) => strings.join(''));
}

export function quote(text: string, max = 120): string {
  return `"${text.length > max ? `${text.slice(0, max - 1)}…` : text}"`;
}

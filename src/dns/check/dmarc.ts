// DMARC: each sending domain's policy as receivers discover it (RFC 9989 section 4.10.1): its own
// _dmarc record, equal (tag by tag, RFC 9989 defaults applied) to the one the build emits and free
// of the tags RFC 9989 removed; or, when it has none, the record the DNS tree walk (section 4.10)
// finds at a parent, reported as an inherited policy.
import type { KeyPath } from '../../findings.js';
import type { DomainModel } from '../../config/model.js';
import { policyDomain, stopsWalk, treeWalkNames, type FoundRecord } from '../dmarc-tree-walk.js';
import { parseTags } from '../tag-list.js';
import { joinedTxt, lookup, quote, report, reportFailure, type CheckContext } from './context.js';

/** Removed by RFC 9989 (Appendix C.5.2): receivers that follow it ignore them. */
const REMOVED_TAGS = ['pct', 'rf', 'ri'];

/** RFC 9989 section 4.7 defaults, so "p=reject" and "p=reject; t=n; adkim=r" compare equal. */
function effective(tags: Map<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of tags) if (!REMOVED_TAGS.includes(k)) out.set(k, v);
  const lower = (tag: string, fallback: string) => (tags.get(tag) ?? fallback).toLowerCase();
  out.set('p', lower('p', ''));
  out.set('sp', lower('sp', out.get('p')!));
  out.set('np', lower('np', out.get('sp')!));
  out.set('t', lower('t', 'n'));
  out.set('psd', lower('psd', 'u'));
  out.set('adkim', lower('adkim', 'r'));
  out.set('aspf', lower('aspf', 'r'));
  for (const list of ['rua', 'ruf']) {
    if (tags.has(list)) out.set(list, tags.get(list)!.split(',').map((u) => u.trim().toLowerCase()).sort().join(','));
  }
  return out;
}

/** Why an unwritten tag shows the value it does. */
const DEFAULT_NOTE: Record<string, string> = { sp: 'sp defaults to p', np: 'np defaults to sp, then p' };

/** Tags whose default follows another tag: compared only when one side writes them. */
const FOLLOWING = new Set(['sp', 'np']);

/** `why` completes "_dmarc.<domain> has ...". */
type DmarcAnswer = { status: 'one'; text: string } | { status: 'none'; why: string } | { status: 'failed'; error: unknown };

/** The single v=DMARC1 record at _dmarc.<domain>, or why there is none (several count as none, RFC 9989 section 4.10). */
async function dmarcRecordAt(ctx: CheckContext, domain: string): Promise<DmarcAnswer> {
  const answer = await lookup(ctx, `_dmarc.${domain}`, 'TXT');
  if (answer.status === 'failed') return { status: 'failed', error: answer.error };
  if (answer.status === 'void') return { status: 'none', why: `no DMARC record (${answer.detail})` };
  const dmarc = joinedTxt(answer.answers).filter((t) => /^v\s*=\s*DMARC1\s*(;|$)/i.test(t));
  if (dmarc.length === 1) return { status: 'one', text: dmarc[0] };
  return { status: 'none', why: dmarc.length === 0 ? 'TXT records but none starts with v=DMARC1' : `${dmarc.length} DMARC records, which receivers discard (RFC 9989 section 4.10)` };
}

export async function checkDmarc(ctx: CheckContext): Promise<void> {
  await Promise.all(ctx.model.domains.map((domain, i) => checkDomain(ctx, domain, i)));
}

async function checkDomain(ctx: CheckContext, domain: DomainModel, i: number): Promise<void> {
  const name = `_dmarc.${domain.name}`.toLowerCase();
  const record = ctx.records.records.find((r) => r.purpose === 'dmarc' && r.name === name);
  const path = record?.path ?? ['domains', i, 'dmarc'];
  const own = await dmarcRecordAt(ctx, domain.name.toLowerCase());
  if (own.status === 'failed') return reportFailure(ctx, path, name, 'TXT', own.error, `the DMARC record of ${domain.name}`);
  if (own.status === 'one') {
    if (record) compareOwn(ctx, name, path, own.text, record.value);
    return;
  }
  await walkParents(ctx, domain.name.toLowerCase(), path, `${name} has ${own.why}`, record?.value ?? null);
}

/** The published record against the built one: removed tags as their own finding, then tag by tag. */
function compareOwn(ctx: CheckContext, name: string, path: KeyPath, published: string, built: string): void {
  const publishedTags = parseTags(published);
  const wantedTags = parseTags(built);
  const removed = REMOVED_TAGS.filter((t) => publishedTags.has(t));
  if (removed.length > 0) {
    const pct = publishedTags.get('pct');
    const pctNote = pct !== undefined && pct.trim() !== '100' ? `; pct=${pct} no longer limits the policy for them (t=y is what RFC 9989 keeps of pct=0)` : '';
    report(ctx, 'dns-dmarc-removed-tag', 'removed', path, {
      name,
      tags: removed.map((t) => `${t}=${publishedTags.get(t)}`).join(', '),
      which: removed.length === 1 ? 'this tag' : 'these tags',
      them: removed.length === 1 ? 'it' : 'them',
      pctNote,
      built: quote(built, 300),
    });
  }
  const publishedValues = effective(publishedTags);
  const wanted = effective(wantedTags);
  // A tag the record does not write is shown as its default, never as if it were published.
  const shown = (tag: string, values: Map<string, string>, written: Map<string, string>) =>
    !values.has(tag) ? '(none)' : written.has(tag) ? values.get(tag)! : `${values.get(tag)} (not written: ${DEFAULT_NOTE[tag] ?? 'the RFC 9989 default'})`;
  const differences = [...new Set([...publishedValues.keys(), ...wanted.keys()])]
    .filter((tag) => (publishedValues.get(tag) ?? '') !== (wanted.get(tag) ?? ''))
    // sp and np written by neither record only follow p: p's own difference says it all.
    .filter((tag) => !FOLLOWING.has(tag) || publishedTags.has(tag) || wantedTags.has(tag))
    .sort()
    .map((tag) => `${tag}: published ${shown(tag, publishedValues, publishedTags)}, expected ${shown(tag, wanted, wantedTags)}`);
  if (differences.length > 0) {
    report(ctx, 'dns-dmarc-mismatch', 'differs', path, { name, differences: differences.join('; '), published: quote(published, 200) });
  }
}

/**
 * No record of its own: walk up as a receiver would (at most 8 queries in all) and say which
 * policy then applies. A lookup that fails ends the walk: the policy is unknown, not absent.
 */
async function walkParents(ctx: CheckContext, domain: string, path: KeyPath, ownProblem: string, built: string | null): Promise<void> {
  const found: (FoundRecord & { text: string })[] = [];
  const queried: string[] = [];
  for (const parent of treeWalkNames(domain).slice(1)) {
    queried.push(`_dmarc.${parent}`);
    const answer = await dmarcRecordAt(ctx, parent);
    if (answer.status === 'failed') return reportFailure(ctx, path, `_dmarc.${parent}`, 'TXT', answer.error, `the DMARC policy of ${domain} (the DNS tree walk above _dmarc.${domain})`);
    if (answer.status !== 'one') continue;
    const entry = { name: parent, psd: parseTags(answer.text).get('psd'), text: answer.text };
    found.push(entry);
    if (stopsWalk(entry)) break;
  }
  const publish = built ? `; publish ${quote(built, 300)}` : ' and the config declares none: add domains[].dmarc';
  const applied = policyDomain(domain, found);
  if (!applied) {
    const walked = queried.length > 0 ? ` and the DNS tree walk (RFC 9989 section 4.10) found none at ${queried.join(', ')}` : '';
    return report(ctx, 'dns-dmarc-missing', 'noPolicy', path, { problem: ownProblem, walked, publish });
  }
  const inherited = `receivers apply the policy of _dmarc.${applied.record.name}, found by the DNS tree walk (RFC 9989 section 4.10.1): ${describeInherited(applied.record.text, applied.organizationalDomain)}`;
  // The build writes a record of its own that is not published: that is the error; what applies meanwhile is its context.
  if (built) return report(ctx, 'dns-dmarc-missing', 'unpublished', path, { problem: ownProblem, inherited, publish });
  report(ctx, 'dns-dmarc-inherited', 'inherited', path, { domain, inherited, published: quote(applied.record.text, 200) });
}

/** The policy a subdomain gets from a parent's record: sp= (else p=) while it exists, np= for names that do not. */
function describeInherited(text: string, organizationalDomain: string): string {
  const tags = parseTags(text);
  const p = (tags.get('p') ?? 'none').toLowerCase();
  const sp = tags.get('sp')?.toLowerCase();
  const np = tags.get('np')?.toLowerCase();
  const parts = [sp ? `sp=${sp}` : `p=${p} (no sp=)`];
  if (np) parts.push(`np=${np} for subdomains that do not exist`);
  if ((tags.get('t') ?? 'n').toLowerCase() === 'y') parts.push('in testing mode (t=y: applied one level lower)');
  return `${parts.join(', ')}; organizational domain ${organizationalDomain}`;
}

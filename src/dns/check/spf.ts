// SPF per return-path domain: exactly one record, it parses, it is the built one, its include tree
// stays within 10 lookups and 2 void lookups, and mailauth's RFC 7208 evaluation passes every
// sending IP the build authorizes (RFC 7208 §4.5 and §4.6.4).
import type { DnsRecord } from '../records.js';
import { evaluateSpf, type SpfVerdict } from '../spf-eval.js';
import { brokenTargets, buildSpfTree, lookupSummary, pathToLookup, SPF_LOOKUP_LIMIT, SPF_VOID_LIMIT, voidTerms, type SpfTree } from '../spf-tree.js';
import { joinedTxt, lookup, quote, report, reportFailure, type CheckContext } from './context.js';
import { checkSpfSyntax, isSpfRecord } from './spf-syntax.js';

export interface SpfCheckResult {
  domain: string;
  /** The include tree (null when there was no single record to walk). */
  tree: SpfTree | null;
  verdicts: { ip: string; verdict: SpfVerdict }[];
}

const normalize = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();

/** The IPs the built record authorizes by ip4:/ip6: terms: the ones a live evaluation must pass. */
function authorizedIps(expected: string): string[] {
  return expected
    .split(' ')
    .map((term) => /^\+?ip[46]:([^/]+)$/i.exec(term)?.[1])
    .filter((ip): ip is string => ip !== undefined);
}

export async function checkSpf(ctx: CheckContext): Promise<SpfCheckResult[]> {
  const records = ctx.records.records.filter((r) => r.purpose === 'spf');
  return Promise.all(records.map((record) => checkOne(ctx, record)));
}

async function checkOne(ctx: CheckContext, record: DnsRecord): Promise<SpfCheckResult> {
  const { name, path, value: expected } = record;
  const result: SpfCheckResult = { domain: name, tree: null, verdicts: [] };
  const domain = ctx.model.domains[Number(path[1])];
  const answer = await lookup(ctx, name, 'TXT');
  if (answer.status === 'failed') {
    reportFailure(ctx, path, name, 'TXT', answer.error, `the SPF record of ${name}`);
    return result;
  }
  if (answer.status === 'void') {
    report(ctx, 'dns-spf-missing', 'none', path, { name, detail: answer.detail, expected: quote(expected, 400) });
    return result;
  }
  const spf = joinedTxt(answer.answers).filter(isSpfRecord);
  if (spf.length === 0) {
    report(ctx, 'dns-spf-missing', 'noSpf', path, { name, count: answer.answers.length, expected: quote(expected, 400) });
    return result;
  }
  if (spf.length > 1) {
    report(ctx, 'dns-spf-multiple', 'multiple', path, { name, count: spf.length, records: spf.map((s) => quote(s)).join(' and '), expected: quote(expected, 400) });
    return result;
  }
  const [actual] = spf;
  const syntax = checkSpfSyntax(actual);
  if (syntax) report(ctx, 'dns-spf-syntax', 'syntax', path, { name, term: syntax.term, reason: syntax.reason });
  if (normalize(actual) !== normalize(expected)) {
    report(ctx, 'dns-spf-mismatch', 'differs', path, { name, actual: quote(actual, 400), expected: quote(expected, 400) });
  }

  const tree = await buildSpfTree(ctx.resolver, name);
  result.tree = tree;
  if (tree.lookups > SPF_LOOKUP_LIMIT) {
    const via = pathToLookup(tree, SPF_LOOKUP_LIMIT + 1);
    report(ctx, 'dns-spf-lookups', 'over', path, { name, summary: lookupSummary(tree), next: SPF_LOOKUP_LIMIT + 1, via: via.join(' > ') });
  }
  if (tree.voids > SPF_VOID_LIMIT) {
    const terms = voidTerms(tree).map((t) => `${t.term} (${t.note ?? 'no record'})`);
    report(ctx, 'dns-spf-void-lookups', 'over', path, { name, count: tree.voids, limit: SPF_VOID_LIMIT, terms: terms.join(', ') });
  }
  for (const broken of brokenTargets(tree)) {
    const voidNote = broken.term.voidIndex !== null ? ` (void lookup ${broken.term.voidIndex} of the ${SPF_VOID_LIMIT} allowed)` : '';
    report(ctx, 'dns-spf-include-broken', 'broken', path, { path: broken.path.join(' > '), name, problem: describeProblem(broken.problem), voidNote });
  }
  for (const failure of tree.failures) {
    reportFailure(ctx, path, failure.name, failure.type, failure.error, `${failure.term ?? 'the SPF record'} in the SPF tree of ${name}`);
  }

  // The verdict receivers reach for each sending IP, evaluated by mailauth through the same resolver.
  // A record that does not parse is permerror for every IP: dns-spf-syntax already says so.
  if (syntax) return result;
  for (const ip of authorizedIps(expected)) {
    const verdict = await evaluateSpf(ctx.resolver, { ip, sender: domain?.returnPath ?? `postmaster@${name}`, helo: ctx.model.mta.hostname });
    result.verdicts.push({ ip, verdict });
    if (verdict.result === 'pass') continue;
    // A temperror caused by a lookup already reported as a timeout/SERVFAIL would say the same twice.
    if (verdict.result === 'temperror' && tree.failures.length > 0) continue;
    report(ctx, 'dns-spf-not-authorized', 'verdict', path, {
      sender: domain?.returnPath ?? name,
      ip,
      result: verdict.result,
      comment: verdict.comment ? ` (${verdict.comment.replace(/^relayconf: /, '')})` : '',
    });
  }
  return result;
}

function describeProblem(problem: NonNullable<SpfTree['root']['problem']>): string {
  switch (problem.kind) {
    case 'void':
      return `no SPF record: ${problem.detail}`;
    case 'no-spf':
      return `no SPF record (${problem.detail})`;
    case 'multiple':
      return `${problem.detail}`;
    case 'syntax':
      return `a record that ${problem.detail}`;
    default:
      return problem.detail;
  }
}

// The SPF include tree of a domain with its RFC 7208 4.6.4 counts: every DNS-querying term in
// worst-case evaluation order (an IP that matches nothing walks the whole tree), void lookups, and
// the printout check-dns shows. Counting goes on past 10, so the report says by how much it is over.
import type { DnsResolver } from './resolver.js';
import { DnsLookupError, describeLookupError, isVoidError } from './resolver.js';
import { checkSpfSyntax, isSpfRecord } from './check/spf-syntax.js';

export const SPF_LOOKUP_LIMIT = 10;
export const SPF_VOID_LIMIT = 2;
/** Stop following includes after this many lookups: enough to show how far over the limit a tree is. */
const FOLLOW_CAP = 50;

export type SpfNodeProblem =
  | { kind: 'void'; detail: string }
  | { kind: 'no-spf'; detail: string }
  | { kind: 'multiple'; detail: string; records: string[] }
  | { kind: 'syntax'; detail: string }
  | { kind: 'failure'; detail: string; error: unknown }
  | { kind: 'loop'; detail: string }
  | { kind: 'not-followed'; detail: string };

export interface SpfTreeNode {
  domain: string;
  /** The one SPF record found there (null when there is none, or several). */
  record: string | null;
  problem: SpfNodeProblem | null;
  terms: SpfTermNode[];
}

export type LookupMechanism = 'include' | 'redirect' | 'a' | 'mx' | 'ptr' | 'exists';

export interface SpfTermNode {
  term: string;
  mechanism: LookupMechanism;
  /** 1-based place of this lookup in worst-case evaluation order. */
  lookup: number;
  /** The name the term asks about; null when it holds macros (it depends on the message). */
  target: string | null;
  /** The n-th void lookup (NXDOMAIN or no record), when this one was void. */
  voidIndex: number | null;
  /** The lookup failed (timeout, SERVFAIL): what happened. */
  failure: string | null;
  note: string | null;
  /** include/redirect: the record it leads to. */
  child: SpfTreeNode | null;
}

export interface SpfTree {
  root: SpfTreeNode;
  lookups: number;
  voids: number;
  /** Lookups that failed (not void: unknown), with where they happened. */
  failures: { name: string; type: string; error: unknown; term: string | null }[];
  /** Includes were no longer followed after FOLLOW_CAP lookups. */
  truncated: boolean;
}

interface Walk {
  resolver: DnsResolver;
  lookups: number;
  voids: number;
  failures: SpfTree['failures'];
  truncated: boolean;
}

/** Fetches the TXT records at `domain` and picks the SPF record, as check_host() would. */
async function fetchNode(walk: Walk, domain: string, via: string | null): Promise<SpfTreeNode> {
  const node: SpfTreeNode = { domain, record: null, problem: null, terms: [] };
  let answer: string[][];
  try {
    answer = await walk.resolver.resolve(domain, 'TXT');
  } catch (error) {
    if (isVoidError(error)) node.problem = { kind: 'void', detail: describeLookupError(error) };
    else {
      node.problem = { kind: 'failure', detail: describeLookupError(error), error };
      walk.failures.push({ name: domain, type: 'TXT', error, term: via });
    }
    return node;
  }
  const records = answer.map((strings) => strings.join('')).filter(isSpfRecord);
  if (records.length === 0) node.problem = { kind: 'no-spf', detail: `${answer.length} TXT record${answer.length === 1 ? '' : 's'}, none starting with v=spf1` };
  else if (records.length > 1) node.problem = { kind: 'multiple', detail: `${records.length} SPF records (RFC 7208 4.5: permerror)`, records };
  else {
    node.record = records[0];
    const syntax = checkSpfSyntax(records[0]);
    if (syntax) node.problem = { kind: 'syntax', detail: `does not parse: "${syntax.term}": ${syntax.reason}` };
  }
  return node;
}

function classify(term: string): { mechanism: LookupMechanism; target: string | null } | null {
  const body = term.replace(/^[-+~?]/, '');
  const redirect = /^redirect=(.*)$/i.exec(body);
  if (redirect) return { mechanism: 'redirect', target: redirect[1] };
  const match = /^(include|a|mx|ptr|exists)(?=$|[:/])(.*)$/i.exec(body);
  if (!match) return null;
  const mechanism = match[1].toLowerCase() as LookupMechanism;
  // a and mx may end in a dual CIDR length (a:host/24//64); the name is what comes before it.
  const rest = mechanism === 'a' || mechanism === 'mx' ? match[2].replace(/(\/\d+)?(\/\/\d+)?$/, '') : match[2];
  return { mechanism, target: rest.startsWith(':') ? rest.slice(1) : null };
}

async function expand(walk: Walk, node: SpfTreeNode, path: string[]): Promise<void> {
  if (!node.record) return;
  const terms = node.record.split(' ').slice(1).filter(Boolean);
  const hasAll = terms.some((t) => /^[-+~?]?all$/i.test(t));
  // RFC 7208 6.1: redirect is evaluated after every mechanism, and ignored when "all" is present.
  const ordered = [...terms.filter((t) => !/^redirect=/i.test(t)), ...terms.filter((t) => /^redirect=/i.test(t))];
  for (const term of ordered) {
    const kind = classify(term);
    if (!kind) continue;
    if (kind.mechanism === 'redirect' && hasAll) continue;
    walk.lookups++;
    const entry: SpfTermNode = { term, mechanism: kind.mechanism, lookup: walk.lookups, target: null, voidIndex: null, failure: null, note: null, child: null };
    node.terms.push(entry);
    const implicit = kind.mechanism === 'a' || kind.mechanism === 'mx' || kind.mechanism === 'ptr';
    const raw = kind.target ?? (implicit ? node.domain : null);
    if (raw === null) continue;
    if (raw.includes('%')) {
      entry.note = 'target has macros: depends on the message';
      continue;
    }
    const target = raw.toLowerCase().replace(/\.$/, '');
    entry.target = target;
    if (kind.mechanism === 'ptr') {
      entry.note = 'depends on the connecting IP (ptr is deprecated, RFC 7208 5.5)';
      continue;
    }
    if (kind.mechanism === 'include' || kind.mechanism === 'redirect') {
      if (path.includes(target)) {
        entry.child = { domain: target, record: null, problem: { kind: 'loop', detail: `loop: ${target} is already on the path` }, terms: [] };
        continue;
      }
      if (walk.lookups >= FOLLOW_CAP) {
        walk.truncated = true;
        entry.child = { domain: target, record: null, problem: { kind: 'not-followed', detail: `not followed: already ${walk.lookups} lookups` }, terms: [] };
        continue;
      }
      const child = await fetchNode(walk, target, term);
      entry.child = child;
      if (child.problem?.kind === 'void') entry.voidIndex = ++walk.voids;
      if (child.problem?.kind === 'failure') entry.failure = child.problem.detail;
      await expand(walk, child, [...path, target]);
      continue;
    }
    await resolveTerm(walk, entry, kind.mechanism, target);
  }
}

/** a, mx, exists: the lookup itself, to count it void or failed. */
async function resolveTerm(walk: Walk, entry: SpfTermNode, mechanism: 'a' | 'mx' | 'exists', target: string): Promise<void> {
  const types = mechanism === 'a' ? (['A', 'AAAA'] as const) : mechanism === 'mx' ? (['MX'] as const) : (['A'] as const);
  const results = await Promise.allSettled(types.map((type) => walk.resolver.resolve(target, type)));
  const failed = results.findIndex((r) => r.status === 'rejected' && !isVoidError(r.reason));
  if (failed >= 0) {
    const error = (results[failed] as PromiseRejectedResult).reason as DnsLookupError;
    entry.failure = describeLookupError(error);
    walk.failures.push({ name: target, type: types[failed], error, term: entry.term });
    return;
  }
  // mailauth counts an a-term void only when both A and AAAA are empty (a single-stack host is not void).
  if (results.every((r) => r.status === 'rejected')) {
    entry.voidIndex = ++walk.voids;
    entry.note = describeLookupError((results[0] as PromiseRejectedResult).reason);
    return;
  }
  if (mechanism === 'mx') {
    const hosts = (results[0] as PromiseFulfilledResult<{ exchange: string }[]>).value;
    if (hosts.length > SPF_LOOKUP_LIMIT) entry.note = `${hosts.length} MX hosts: receivers look up at most 10 (RFC 7208 4.6.4: permerror past that)`;
  }
}

export async function buildSpfTree(resolver: DnsResolver, domain: string): Promise<SpfTree> {
  const walk: Walk = { resolver, lookups: 0, voids: 0, failures: [], truncated: false };
  const name = domain.toLowerCase().replace(/\.$/, '');
  const root = await fetchNode(walk, name, null);
  await expand(walk, root, [name]);
  return { root, lookups: walk.lookups, voids: walk.voids, failures: walk.failures, truncated: walk.truncated };
}

/** One line: the lookup and void-lookup counts against their limits. */
export function lookupSummary(tree: SpfTree): string {
  const over = tree.lookups - SPF_LOOKUP_LIMIT;
  return `${tree.lookups}${tree.truncated ? '+' : ''} DNS lookups (limit ${SPF_LOOKUP_LIMIT}${over > 0 ? `, ${over} over: receivers return permerror` : ''}), ${tree.voids} void lookup${tree.voids === 1 ? '' : 's'} (limit ${SPF_VOID_LIMIT})`;
}

/** Every include/redirect that leads nowhere usable, with the path to it. */
export function brokenTargets(tree: SpfTree): { term: SpfTermNode; path: string[]; problem: SpfNodeProblem }[] {
  const out: { term: SpfTermNode; path: string[]; problem: SpfNodeProblem }[] = [];
  const visit = (node: SpfTreeNode, path: string[]) => {
    for (const t of node.terms) {
      if (!t.child) continue;
      const here = [...path, t.term];
      const p = t.child.problem;
      if (p && p.kind !== 'failure' && p.kind !== 'not-followed') out.push({ term: t, path: here, problem: p });
      visit(t.child, here);
    }
  };
  visit(tree.root, []);
  return out;
}

/** The tree as text lines (check-dns prints it before the findings in text format). */
export function renderSpfTree(tree: SpfTree): string {
  const lines = [`SPF ${tree.root.domain}: ${lookupSummary(tree)}`];
  const head = tree.root.record ?? `(${tree.root.problem?.detail ?? 'no record'})`;
  lines.push(`  ${tree.root.domain}  ${tree.root.record ? `"${head}"` : head}`);
  const walk = (node: SpfTreeNode, indent: string) => {
    node.terms.forEach((t, i) => {
      const last = i === node.terms.length - 1;
      const status: string[] = [];
      if (t.lookup > SPF_LOOKUP_LIMIT) status.push('over the limit');
      if (t.voidIndex !== null) status.push(`void lookup #${t.voidIndex}${t.voidIndex > SPF_VOID_LIMIT ? ` (over the limit of ${SPF_VOID_LIMIT})` : ''}${t.note ? `: ${t.note}` : ''}`);
      else if (t.note) status.push(t.note);
      if (t.failure) status.push(`lookup failed: ${t.failure}`);
      const p = t.child?.problem;
      if (p && p.kind !== 'void' && p.kind !== 'failure') status.push(p.detail);
      else if (p?.kind === 'void') status.push(`no SPF record there: ${p.detail}`);
      lines.push(`  ${indent}${last ? '└─' : '├─'} #${t.lookup} ${t.term}${status.length ? `  (${status.join('; ')})` : ''}`);
      if (t.child) walk(t.child, `${indent}${last ? '   ' : '│  '}`);
    });
  };
  walk(tree.root, '');
  return `${lines.join('\n')}\n`;
}

/** The terms leading to lookup number `n` ("include:a.example", "include:b.example", "mx"), or [] when there is none. */
export function pathToLookup(tree: SpfTree, n: number): string[] {
  const find = (node: SpfTreeNode): string[] | null => {
    for (const t of node.terms) {
      if (t.lookup === n) return [t.term];
      if (t.child) {
        const below = find(t.child);
        if (below) return [t.term, ...below];
      }
    }
    return null;
  };
  return find(tree.root) ?? [];
}

/** Every void lookup: the term, and the name that did not exist or held no record. */
export function voidTerms(tree: SpfTree): SpfTermNode[] {
  const out: SpfTermNode[] = [];
  const visit = (node: SpfTreeNode) => {
    for (const t of node.terms) {
      if (t.voidIndex !== null) out.push(t);
      if (t.child) visit(t.child);
    }
  };
  visit(tree.root);
  return out;
}

// RFC 7208 record syntax (section 12 ABNF): "does the published SPF record parse". mailauth reads
// records leniently (it stops at the first match), so a broken term after the matching one would
// go unseen; receivers with strict parsers return permerror for the whole record.
import { isIP } from 'node:net';

export interface SpfSyntaxProblem {
  /** The offending term as published (or the whole record for record-level problems). */
  term: string;
  reason: string;
}

/** RFC 7208 4.5: a record is "v=spf1" followed by a space or the end (case-insensitive). */
export function isSpfRecord(text: string): boolean {
  return /^v=spf1( |$)/i.test(text);
}

const QNUM = '(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IP4_NETWORK = new RegExp(`^${QNUM}\\.${QNUM}\\.${QNUM}\\.${QNUM}$`);
// toplabel = ( *alphanum ALPHA *alphanum ) / ( 1*alphanum "-" *( alphanum / "-" ) alphanum )
const DOMAIN_END = /\.([a-z0-9]*[a-z][a-z0-9]*|[a-z0-9]+-[a-z0-9-]*[a-z0-9])\.?$/i;
// Letters c, r and t are for explanation text only (RFC 7208 7.1), never in a domain-spec.
const MACRO = /^([slodiphv])(\d*)(r?)([-.+,/_=]*)$/i;

/** The first syntax problem of an SPF record, or null when every term is valid. */
export function checkSpfSyntax(record: string): SpfSyntaxProblem | null {
  const bad = /[^\x20-\x7e]/.exec(record);
  if (bad) {
    const code = bad[0].codePointAt(0) ?? 0;
    return { term: record, reason: `contains the character U+${code.toString(16).toUpperCase().padStart(4, '0')}: SPF records are printable ASCII separated by spaces (RFC 7208 3.1, 4.6.1)` };
  }
  if (!isSpfRecord(record)) return { term: record, reason: 'does not start with "v=spf1"' };
  const counts = { redirect: 0, exp: 0 };
  for (const term of record.slice(6).split(' ').filter(Boolean)) {
    const modifier = /^([a-z][a-z0-9_.-]*)=(.*)$/is.exec(term);
    if (modifier) {
      const name = modifier[1].toLowerCase();
      if (name === 'redirect' || name === 'exp') {
        counts[name]++;
        if (counts[name] > 1) return { term, reason: `${name}= appears more than once (RFC 7208 6)` };
        const problem = domainSpecProblem(modifier[2]);
        if (problem) return { term, reason: `${name}= needs a domain: ${problem}` };
      } else {
        const problem = macroStringProblem(modifier[2]);
        if (problem) return { term, reason: `modifier ${modifier[1]}=: ${problem}` };
      }
      continue;
    }
    const problem = mechanismProblem(term);
    if (problem) return { term, reason: problem };
  }
  return null;
}

function mechanismProblem(term: string): string | null {
  const body = term.replace(/^[-+~?]/, '');
  const name = (/^[a-z0-9]+/i.exec(body)?.[0] ?? '').toLowerCase();
  const rest = body.slice(name.length);
  if (rest !== '' && rest[0] !== ':' && rest[0] !== '/') return `unknown mechanism "${term}"`;
  switch (name) {
    case 'all':
      return rest === '' ? null : '"all" takes no argument';
    case 'include':
    case 'exists':
      if (!rest.startsWith(':')) return `${name} needs ":domain"`;
      return prefixed(domainSpecProblem(rest.slice(1)));
    case 'ptr':
      if (rest === '') return null;
      if (!rest.startsWith(':')) return 'ptr takes no CIDR length';
      return prefixed(domainSpecProblem(rest.slice(1)));
    case 'a':
    case 'mx': {
      const cidr = /(\/(0|[1-9]\d*))?(\/\/(0|[1-9]\d*))?$/.exec(rest);
      const v4 = cidr?.[2] !== undefined ? Number(cidr[2]) : null;
      const v6 = cidr?.[4] !== undefined ? Number(cidr[4]) : null;
      const target = rest.slice(0, cidr ? cidr.index : rest.length);
      if (target !== '' && !target.startsWith(':')) return `malformed CIDR length "${rest}"`;
      if (v4 !== null && v4 > 32) return `IPv4 CIDR length /${v4} is over 32`;
      if (v6 !== null && v6 > 128) return `IPv6 CIDR length //${v6} is over 128`;
      return target === '' ? null : prefixed(domainSpecProblem(target.slice(1)));
    }
    case 'ip4':
    case 'ip6': {
      if (!rest.startsWith(':')) return `${name} needs ":address"`;
      const value = rest.slice(1);
      const slash = value.indexOf('/');
      const network = slash < 0 ? value : value.slice(0, slash);
      const length = slash < 0 ? null : value.slice(slash + 1);
      const ok = name === 'ip4' ? IP4_NETWORK.test(network) : isIP(network) === 6;
      if (!ok) return `"${network}" is not an ${name === 'ip4' ? 'IPv4' : 'IPv6'} address`;
      if (length !== null) {
        if (!/^(0|[1-9]\d*)$/.test(length)) return `malformed CIDR length "/${length}"`;
        if (Number(length) > (name === 'ip4' ? 32 : 128)) return `CIDR length /${length} is over ${name === 'ip4' ? 32 : 128}`;
      }
      return null;
    }
    default:
      return `unknown mechanism "${term}"`;
  }
}

const prefixed = (problem: string | null) => (problem ? `target ${problem}` : null);

/** domain-spec = macro-string domain-end; domain-end = "." toplabel ["."] / macro-expand */
function domainSpecProblem(spec: string): string | null {
  if (spec === '') return 'is empty';
  const macro = macroStringProblem(spec);
  if (macro) return macro;
  if (DOMAIN_END.test(spec) || /(%\{[^}]*\}|%%|%_|%-)$/.test(spec)) return null;
  return `"${spec}" does not end in a valid top-level label (RFC 7208 7.1)`;
}

/** macro-string = *( macro-expand / macro-literal ), where a literal is any visible character but "%". */
function macroStringProblem(text: string): string | null {
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c !== '%') continue;
    const next = text[i + 1];
    if (next === '%' || next === '_' || next === '-') {
      i++;
      continue;
    }
    if (next !== '{') return `"%" must start %{...}, %%, %_ or %- in "${text}"`;
    const end = text.indexOf('}', i);
    if (end < 0) return `unclosed macro in "${text}"`;
    const inner = text.slice(i + 2, end);
    const match = MACRO.exec(inner);
    if (!match) return `invalid macro %{${inner}} (letters s l o d i p h v; c r t only in explanation text)`;
    if (match[2] !== '' && Number(match[2]) === 0) return `macro %{${inner}} keeps zero labels`;
    i = end;
  }
  return null;
}

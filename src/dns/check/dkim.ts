// DKIM: every published selector's TXT, joined across its strings, carries exactly the configured
// public key with v=DKIM1 and the right k= (catches records a provider truncated or mangled), and
// says per selector whether it is live yet: the signal a rotation waits for (the self-hosted HTTP relay build guide, steps 4 and 13).
import { nodeCrypto } from '../../util/node-crypto.js';
import type { DnsRecord } from '../records.js';
import { joinedTxt, lookup, quote, report, reportFailure, type CheckContext } from './context.js';
import { parseTags } from '../tag-list.js';

export async function checkDkim(ctx: CheckContext): Promise<void> {
  const jobs: Promise<void>[] = [];
  ctx.model.domains.forEach((domain, i) => {
    domain.dkim.selectors.forEach((selector, j) => {
      const path = ['domains', i, 'dkim', 'selectors', j];
      const record = ctx.records.records.find((r) => r.purpose === 'dkim' && r.path.join('.') === path.join('.'));
      if (!record) {
        const why = selector.key.status === 'ok' ? 'it has no record in the record model' : selector.key.message;
        report(ctx, 'dns-dkim-unchecked', 'unreadable', [...path, 'publicKeyFile'], { selector: selector.name, domain: domain.name, file: selector.publicKeyFile, why });
        return;
      }
      jobs.push(checkSelector(ctx, record, selector.publicKeyFile, domain.dkim.signWith));
    });
  });
  await Promise.all(jobs);
}

const fingerprint = (p: string) => nodeCrypto().createHash('sha256').update(Buffer.from(p, 'base64')).digest('hex').slice(0, 16);

/** The date a selector name carries (mail202606, s20260115), for telling the next key from a retiring one. */
const selectorDate = (name: string) => /(\d{6}(?:\d{2})?)$/.exec(name)?.[1]?.padEnd(8, '0');

/**
 * Where a published, non-signing selector stands in a rotation. Only dated names tell: one newer
 * than signWith is the next key, an older one is being retired; otherwise it is simply not signing.
 */
export function selectorRole(selector: string, signWith: string): 'signing' | 'next' | 'retiring' | 'standby' {
  if (selector.toLowerCase() === signWith.toLowerCase()) return 'signing';
  const mine = selectorDate(selector);
  const current = selectorDate(signWith);
  if (!mine || !current || mine === current) return 'standby';
  return mine > current ? 'next' : 'retiring';
}

const MISSING_ROLE = {
  signing: 'the signing selector (signWith): receivers fail DKIM until it is fixed',
  next: 'the next key (not signing yet): keep signWith on the current selector until this passes',
  retiring: 'an older key that no longer signs: if it is retired, remove it from the config',
  standby: 'not signing: switch signWith to it only after this passes',
} as const;
const LIVE_ROLE = {
  signing: 'signing',
  next: 'the next key, not signing yet: it can become signWith',
  retiring: 'an older key, no longer signing: remove it after the TTL and a grace period',
  standby: 'not signing',
} as const;

async function checkSelector(ctx: CheckContext, record: DnsRecord, keyFile: string, signWith: string): Promise<void> {
  const { name, path, value: expected } = record;
  const selector = record.selector ?? name.split('.')[0];
  const position = selectorRole(selector, signWith);
  const role = MISSING_ROLE[position];
  const answer = await lookup(ctx, name, 'TXT');
  if (answer.status === 'failed') return reportFailure(ctx, path, name, 'TXT', answer.error, `DKIM selector ${selector}`);
  if (answer.status === 'void') {
    return report(ctx, 'dns-dkim-missing', 'none', path, { selector, name, detail: answer.detail, role });
  }
  const texts = joinedTxt(answer.answers);
  if (texts.length > 1) {
    return report(ctx, 'dns-dkim-mismatch', 'several', path, { name, count: texts.length, expected: quote(expected, 80) });
  }
  const actual = texts[0];
  const published = parseTags(actual);
  const wanted = parseTags(expected);
  const problems: string[] = [];
  const firstTag = actual.split(';')[0].split('=')[0].trim().toLowerCase();
  if (!published.has('v')) problems.push('no v=DKIM1 tag');
  else if (published.get('v') !== 'DKIM1') problems.push(`v=${published.get('v')} (expected v=DKIM1)`);
  else if (firstTag !== 'v') problems.push('v=DKIM1 is not the first tag (RFC 6376 3.6.1)');
  const k = published.get('k') ?? 'rsa';
  if (k.toLowerCase() !== wanted.get('k')) problems.push(`k=${k}${published.has('k') ? '' : ' (the default)'} (expected k=${wanted.get('k')})`);
  const p = (published.get('p') ?? '').replace(/\s+/g, '');
  const wantP = wanted.get('p') ?? '';
  if (!published.has('p')) problems.push('no p= tag');
  else if (p === '') problems.push('p= is empty: the key is revoked (RFC 6376 3.6.1)');
  else if (p !== wantP) {
    if (wantP.startsWith(p)) {
      const strings = answer.answers[0];
      const cut = strings.some((s) => Buffer.byteLength(s) === 255) || Buffer.byteLength(actual) === 255 ? ' at 255 characters' : '';
      problems.push(
        `p= is cut short${cut}: ${p.length} of ${wantP.length} characters published (the record is ${Buffer.byteLength(actual)} bytes in ${strings.length} string${strings.length === 1 ? '' : 's'}); the DNS provider truncated it: publish it as several quoted strings`,
      );
    } else {
      problems.push(`p= is another key (published key SHA-256 ${fingerprint(p)}…, expected ${fingerprint(wantP)}… from ${keyFile})`);
    }
  }
  if (problems.length > 0) {
    return report(ctx, 'dns-dkim-mismatch', 'wrong', path, { selector, name, problems: problems.join('; ') });
  }
  // The key is right; other tags may still differ from the build (h= dropped, t=y testing mode).
  const differences = [...new Set([...published.keys(), ...wanted.keys()])]
    .filter((tag) => tag !== 'p' && (published.get(tag) ?? '').toLowerCase() !== (wanted.get(tag) ?? '').toLowerCase())
    .map((tag) => `${tag}= ${published.has(tag) ? `published "${published.get(tag)}"` : 'missing'}${wanted.has(tag) ? `, the build emits "${wanted.get(tag)}"` : ''}`);
  if (differences.length > 0) {
    return report(ctx, 'dns-dkim-tags-differ', 'differs', path, { selector, name, differences: differences.join('; ') });
  }
  report(ctx, 'dns-dkim-live', 'live', path, { selector, file: keyFile, role: LIVE_ROLE[position] });
}

// DMARC: each sending domain publishes exactly one v=DMARC1 record, equal (tag by tag, RFC 7489
// defaults applied) to the one the build emits (the self-hosted HTTP relay build guide, step 2, DMARC).
import { parseTags } from './dkim.js';
import { joinedTxt, lookup, quote, report, reportFailure, type CheckContext } from './context.js';

/** RFC 7489 6.3 defaults, so "p=reject" and "p=reject; pct=100; adkim=r" compare equal. */
function effective(tags: Map<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of tags) out.set(k, v);
  out.set('p', (tags.get('p') ?? '').toLowerCase());
  out.set('sp', (tags.get('sp') ?? tags.get('p') ?? '').toLowerCase());
  out.set('pct', tags.get('pct') ?? '100');
  out.set('adkim', (tags.get('adkim') ?? 'r').toLowerCase());
  out.set('aspf', (tags.get('aspf') ?? 'r').toLowerCase());
  for (const list of ['rua', 'ruf']) {
    if (tags.has(list)) out.set(list, tags.get(list)!.split(',').map((u) => u.trim().toLowerCase()).sort().join(','));
  }
  return out;
}

export async function checkDmarc(ctx: CheckContext): Promise<void> {
  await Promise.all(
    ctx.model.domains.map(async (domain, i) => {
      const name = `_dmarc.${domain.name}`.toLowerCase();
      const record = ctx.records.records.find((r) => r.purpose === 'dmarc' && r.name === name);
      const path = record?.path ?? ['domains', i, 'dmarc'];
      const publish = record ? `; publish ${quote(record.value, 300)}` : ' and the config declares none: add domains[].dmarc';
      const answer = await lookup(ctx, name, 'TXT');
      if (answer.status === 'failed') return reportFailure(ctx, path, name, 'TXT', answer.error, `the DMARC record of ${domain.name}`);
      if (answer.status === 'void') {
        return report(ctx, 'dns-dmarc-missing', 'none', path, { name, detail: answer.detail, publish });
      }
      const dmarc = joinedTxt(answer.answers).filter((t) => /^v\s*=\s*DMARC1\s*(;|$)/i.test(t));
      if (dmarc.length !== 1) {
        const what = dmarc.length === 0 ? 'TXT records but none starts with v=DMARC1' : `${dmarc.length} DMARC records, which receivers ignore (RFC 7489 6.6.3)`;
        return report(ctx, 'dns-dmarc-missing', 'notOne', path, { name, what, publish });
      }
      if (!record) return;
      const publishedTags = parseTags(dmarc[0]);
      const wantedTags = parseTags(record.value);
      const published = effective(publishedTags);
      const wanted = effective(wantedTags);
      // A tag the record does not write is shown as its default, never as if it were published.
      const shown = (tag: string, values: Map<string, string>, written: Map<string, string>) =>
        !values.has(tag) ? '(none)' : written.has(tag) ? values.get(tag)! : `${values.get(tag)} (not written: ${tag === 'sp' ? 'sp defaults to p' : 'the RFC 7489 default'})`;
      const differences = [...new Set([...published.keys(), ...wanted.keys()])]
        .filter((tag) => (published.get(tag) ?? '') !== (wanted.get(tag) ?? ''))
        // sp written by neither record only follows p: p's own difference says it all.
        .filter((tag) => tag !== 'sp' || publishedTags.has('sp') || wantedTags.has('sp'))
        .sort()
        .map((tag) => `${tag}: published ${shown(tag, published, publishedTags)}, expected ${shown(tag, wanted, wantedTags)}`);
      if (differences.length > 0) {
        report(ctx, 'dns-dmarc-mismatch', 'differs', path, { name, differences: differences.join('; '), published: quote(dmarc[0], 200) });
      }
    }),
  );
}

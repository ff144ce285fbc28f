// BIMI, when configured: the v=BIMI1 record is visible and its l= / a= are the configured ones (the self-hosted HTTP relay build guide, step 14).
import { parseTags } from '../tag-list.js';
import { joinedTxt, lookup, quote, report, reportFailure, type CheckContext } from './context.js';

export async function checkBimi(ctx: CheckContext): Promise<void> {
  const records = ctx.records.records.filter((r) => r.purpose === 'bimi');
  await Promise.all(
    records.map(async ({ name, path, value }) => {
      const answer = await lookup(ctx, name, 'TXT');
      if (answer.status === 'failed') return reportFailure(ctx, path, name, 'TXT', answer.error, 'the BIMI record');
      const bimi = answer.status === 'ok' ? joinedTxt(answer.answers).filter((t) => /^v\s*=\s*BIMI1\s*(;|$)/i.test(t)) : [];
      if (bimi.length === 0) {
        const why = answer.status === 'void' ? answer.detail : 'TXT records but none starts with v=BIMI1';
        return report(ctx, 'dns-bimi-missing', 'none', path, { name, why, expected: quote(value, 300) });
      }
      const published = parseTags(bimi[0]);
      const wanted = parseTags(value);
      const differences = ['l', 'a']
        .filter((tag) => (published.get(tag) ?? '') !== (wanted.get(tag) ?? ''))
        .map((tag) => `${tag}= published ${published.get(tag) ?? '(none)'}, expected ${wanted.get(tag) ?? '(none)'}`);
      if (bimi.length > 1) differences.unshift(`${bimi.length} BIMI records (receivers use none)`);
      if (differences.length > 0) report(ctx, 'dns-bimi-mismatch', 'differs', path, { name, differences: differences.join('; ') });
    }),
  );
}

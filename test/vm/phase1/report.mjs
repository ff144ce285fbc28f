// Turns the phase-1 guest results into one row per hardening variant and a Markdown table (test/vm).
// Inputs: variants.tsv (what was tried, what we expect) and the $RESULTS files guest.sh wrote.

/**
 * @typedef {{ name: string, driver: string, expect: 'ok' | 'fail' | '?', round: string, set: 'core' | 'full',
 *   directives: string[] }} Variant
 * @typedef {Variant & {
 *   result: string, exitCode: string, exitStatus: string, delivered: boolean, exposure: number | null,
 *   rating: string, postfixParams: string, evidence: string, outcome: 'ok' | 'fail' }} VariantRow
 */

/** @param {string} tsv @returns {Variant[]} */
export function parseVariants(tsv) {
  return tsv.split('\n').filter((l) => l.trim() && !l.startsWith('#')).map((line) => {
    const [name, driver, expect, round, set, directives = ''] = line.split('\t');
    if (!['ok', 'fail', '?'].includes(expect)) throw new Error(`variants.tsv: bad expect '${expect}' for ${name}`);
    if (!['core', 'full'].includes(set)) throw new Error(`variants.tsv: bad set '${set}' for ${name}`);
    return { name, driver, expect: /** @type {'ok'|'fail'|'?'} */ (expect), round, set: /** @type {'core'|'full'} */ (set),
      directives: directives.split(';').map((d) => d.trim()).filter(Boolean) };
  });
}

/** `systemctl show` output (KEY=value lines) as an object. */
function parseShow(/** @type {string} */ text) {
  return Object.fromEntries(text.split('\n').filter((l) => l.includes('=')).map((l) => {
    const i = l.indexOf('=');
    return [l.slice(0, i), l.slice(i + 1)];
  }));
}

/** Exposure per unit from one `systemd-analyze security U1 U2 ...` run. */
export function parseExposure(/** @type {string} */ text) {
  /** @type {Record<string, { exposure: number, rating: string }>} */
  const out = {};
  for (const m of text.matchAll(/Overall exposure level for (\S+?): ([\d.]+) (\w+)/g)) {
    out[m[1]] = { exposure: Number(m[2]), rating: m[3] };
  }
  return out;
}

/** The journal lines that say why a variant failed (or what sendmail answered). */
function evidence(/** @type {string} */ journal) {
  const keep = journal.split('\n').filter((l) =>
    /sendmail (exit|said|hung)|fatal|Fatal|warning|code=killed|timed out|status=/.test(l)
    && !/^vmtest-.*: (Failed with result|Consumed)/.test(l));
  return keep.join(' | ').slice(0, 400);
}

/**
 * @param {Variant[]} variants
 * @param {Record<string, Buffer>} results files from $RESULTS
 * @returns {VariantRow[]}
 */
export function collectRows(variants, results) {
  const s = (/** @type {string} */ k) => results[k]?.toString('utf8') ?? '';
  const exposure = parseExposure(s('security-all.txt'));
  return variants.map((v) => {
    const show = parseShow(s(`variants/${v.name}/show`));
    const delivered = s(`variants/${v.name}/delivered`).trim() === 'yes';
    const result = show.Result ?? 'missing';
    const sec = exposure[`vmtest-${v.name}.service`];
    return {
      ...v,
      result,
      exitCode: show.ExecMainCode ?? '',
      exitStatus: show.ExecMainStatus ?? '',
      delivered,
      exposure: sec?.exposure ?? null,
      rating: sec?.rating ?? '',
      postfixParams: s(`variants/${v.name}/postfix-params`).trim(),
      evidence: evidence(s(`variants/${v.name}/journal`)),
      outcome: result === 'success' && delivered ? 'ok' : 'fail',
    };
  });
}

/** @param {VariantRow[]} rows */
export function renderMarkdown(rows) {
  const esc = (/** @type {string} */ t) => t.replace(/\|/g, '\\|');
  const lines = [
    '| variant | driver | main.cf | directives (beyond User/Group, SupplementaryGroups=postdrop, NoNewPrivileges=yes) | unit result | delivered | exposure | evidence |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const r of rows) {
    const res = r.result === 'success' ? 'success' : `${r.result} (${r.exitCode === '2' ? 'signal' : 'status'} ${r.exitStatus})`;
    lines.push(`| ${r.name} | ${r.driver} | ${esc(r.postfixParams)} | ${esc(r.directives.join('; ') || '(none)')} | ${res} | ${r.delivered ? 'yes' : 'no'} | ${r.exposure ?? '?'} ${r.rating} | ${esc(r.outcome === 'ok' ? '' : r.evidence)} |`);
  }
  return `${lines.join('\n')}\n`;
}

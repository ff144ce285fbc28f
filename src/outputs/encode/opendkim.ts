// The one encoder of OpenDKIM's files: opendkim.conf(5) `Name value` lines and the rows of its
// tables (KeyTable, SigningTable, host lists). OpenDKIM reads `#` as the start of a comment, so a
// value never holds one; a key or table key never holds whitespace.
import type { KeyPath } from '../../findings.js';
import { refuse, refuseControl, type EncodeSite } from './refuse.js';

/** One opendkim.conf setting or table row; `value` '' for a one-column list row. */
export interface OpendkimRow {
  key: string;
  value: string;
  from: KeyPath;
}

export function encodeOpendkimRows(rows: readonly OpendkimRow[], output: string, gap = 2): string[] {
  for (const row of rows) {
    const site: EncodeSite = { output, key: row.key, from: row.from };
    refuseControl(site, `${row.key}${row.value}`);
    if (row.key === '' || /\s/u.test(row.key)) refuse(site, 'a key must be one non-empty word');
    if (`${row.key}${row.value}`.includes('#')) refuse(site, '# starts a comment in OpenDKIM files');
    if (/\s/u.test(row.value)) refuse(site, 'OpenDKIM splits a row at whitespace');
  }
  const width = Math.max(0, ...rows.map((r) => r.key.length)) + gap;
  return rows.map((r) => (r.value === '' ? r.key : `${r.key.padEnd(width)}${r.value}`));
}

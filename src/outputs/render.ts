// The one eta instance every output renders through: escaping off, trimming explicit, one final newline.
import { Eta } from 'eta/core';

// eta/core has no file loader: templates are TypeScript string constants (src/outputs/templates/),
// so tsc carries them into dist/ and there is nothing to copy. autoEscape is off because these are
// config files, not HTML; autoTrim is off so every template says where it eats a newline (`-%>`).
const eta = new Eta({ autoEscape: false, autoTrim: false, cache: true, useWith: false, varName: 'it' });

const loaded = new Set<string>();

/** Renders a named template string with `data`; the result ends in exactly one newline. */
export function render(name: string, template: string, data: object): string {
  const key = `@${name}`;
  if (!loaded.has(key)) {
    eta.loadTemplate(key, template);
    loaded.add(key);
  }
  return finalNewline(eta.render(key, data));
}

/** Exactly one trailing newline, no trailing blank lines: files diff and concatenate cleanly. */
export function finalNewline(text: string): string {
  return `${text.replace(/\s+$/u, '')}\n`;
}

/** Aligns `key value` pairs into two columns (the opendkim.conf and map-file habit). */
export function columns(rows: ReadonlyArray<readonly [string, string]>, gap = 2): string[] {
  const width = Math.max(0, ...rows.map(([key]) => key.length)) + gap;
  return rows.map(([key, value]) => (value === '' ? key : `${key.padEnd(width)}${value}`));
}

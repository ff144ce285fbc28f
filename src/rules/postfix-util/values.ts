// Reads Postfix parameter values the way Postfix does: lists, booleans, integers and time values (postconf(5)).

/**
 * Splits a Postfix list value: elements are separated by commas and/or whitespace, and a
 * `{ ... }` group (Postfix 3.0 syntax for values with spaces) stays one element.
 */
export function splitList(value: string): string[] {
  const out: string[] = [];
  let current = '';
  let depth = 0;
  for (const ch of value) {
    if (ch === '{') depth++;
    if (ch === '}' && depth > 0) depth--;
    if (depth === 0 && (ch === ',' || /\s/.test(ch))) {
      if (current) out.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  if (current) out.push(current);
  return out;
}

/** Postfix booleans are yes/no; true/false are read too because YAML writers reach for them. */
export function parseBool(value: string): boolean | undefined {
  const v = value.trim().toLowerCase();
  if (v === 'yes' || v === 'true') return true;
  if (v === 'no' || v === 'false') return false;
  return undefined;
}

/** A Postfix integer (digits only); undefined when Postfix itself would refuse the value. */
export function parseInteger(value: string): number | undefined {
  const v = value.trim();
  return /^-?\d+$/.test(v) ? Number(v) : undefined;
}

const TIME_UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/**
 * A Postfix time value in milliseconds: digits and an optional one-letter unit s, m, h, d or w;
 * `defaultUnit` (s for the rate delays) applies to a bare number. Postfix has no `ms` unit for
 * these, so `500ms` is undefined: Postfix would refuse it.
 */
export function parseTime(value: string, defaultUnit = 's'): number | undefined {
  const match = /^(\d+)([smhdw]?)$/.exec(value.trim());
  if (!match) return undefined;
  return Number(match[1]) * TIME_UNIT_MS[match[2] || defaultUnit];
}

/** Human text for a duration in ms: 1h3m30s, 45s, 500ms. */
export function formatMs(ms: number): string {
  if (ms < 1000) return `${ms}ms`;
  let rest = Math.round(ms / 1000);
  const parts: string[] = [];
  for (const [unit, size] of [['d', 86_400], ['h', 3_600], ['m', 60], ['s', 1]] as const) {
    if (rest >= size) {
      parts.push(`${Math.floor(rest / size)}${unit}`);
      rest %= size;
    }
  }
  return parts.join('');
}

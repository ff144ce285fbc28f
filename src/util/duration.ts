// Durations as the config writes them (500ms, 30s, 10m, 1h, 2d), in milliseconds.

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Parses `<digits><unit>`; the schema's pattern has already checked the shape. */
export function parseDuration(text: string): number {
  const match = /^(\d+)(ms|s|m|h|d)$/.exec(text.trim());
  if (!match) throw new Error(`not a duration: ${JSON.stringify(text)} (use a number and ms, s, m, h or d, e.g. 30s)`);
  return Number(match[1]) * UNIT_MS[match[2]];
}

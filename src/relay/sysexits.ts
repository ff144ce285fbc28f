// Which of sendmail's exit statuses are worth a retry. The names are sysexits.h's; the split follows
// Postfix's own table (sys_exits.c: only EX_OSERR and EX_TEMPFAIL carry a 4.x.x status) with two
// deliberate exceptions on the side of keeping mail: EX_IOERR and EX_UNAVAILABLE are retried, because on
// a submitting host they mostly mean a disk or a Postfix restart in progress, and a retry is bounded by
// QUEUE_MAX_ATTEMPTS anyway. The README's relay section holds the same table with the reasons.

export interface ExitClass {
  /** sysexits.h name, or null for a status outside 64..78. */
  name: string | null;
  /** True: retry with backoff. False: failed/ at once, no retry can help. */
  temporary: boolean;
}

const SYSEXITS: Record<number, [string, boolean]> = {
  64: ['EX_USAGE', false],
  65: ['EX_DATAERR', false],
  66: ['EX_NOINPUT', false],
  67: ['EX_NOUSER', false],
  68: ['EX_NOHOST', false],
  69: ['EX_UNAVAILABLE', true],
  70: ['EX_SOFTWARE', false],
  71: ['EX_OSERR', true],
  72: ['EX_OSFILE', false],
  73: ['EX_CANTCREAT', false],
  74: ['EX_IOERR', true],
  75: ['EX_TEMPFAIL', true],
  76: ['EX_PROTOCOL', false],
  77: ['EX_NOPERM', false],
  78: ['EX_CONFIG', false],
};

/**
 * A non-zero exit status of sendmail. Statuses outside sysexits.h (a wrapper script's 1, a shell's 126)
 * say nothing about the message, so they are retried like a temporary failure.
 */
export function classifyExit(status: number): ExitClass {
  const known = SYSEXITS[status];
  return known ? { name: known[0], temporary: known[1] } : { name: null, temporary: true };
}

/** Every classified status, for the README table test. */
export const SYSEXITS_TABLE: readonly { status: number; name: string; temporary: boolean }[] = Object.entries(SYSEXITS).map(
  ([status, [name, temporary]]) => ({ status: Number(status), name, temporary }),
);

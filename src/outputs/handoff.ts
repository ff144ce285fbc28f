// The relay's hand-off to Postfix as the outputs describe it: where the smtp mode connects (master.cf's
// stock `smtp inet` service under inet_interfaces = loopback-only) and how many jobs are in hand at once.

/** Postfix's smtpd on loopback: the generated master.cf keeps the stock smtp service on port 25. */
export const HANDOFF_SMTP_ADDRESS = '127.0.0.1:25';

/**
 * Jobs in hand at once. SMTP: eight connections in the pool keep Postfix's cleanup busy (each message
 * waits on its own fsync and milter round trip) without a thundering herd of smtpd processes
 * (default_process_limit is 100). sendmail: one process at a time. Every job in hand is one a SIGKILL
 * can leave half-handed and send again, and a sendmail(1) run has a long such window (postdrop has
 * written the maildrop file before sendmail reports); on Debian 12 under systemd, eight sendmail
 * processes turned a SIGKILL into four recovered jobs, for little speed (the SMTP hand-off is the fast mode).
 */
export function handoffConcurrency(mode: 'smtp' | 'sendmail'): number {
  return mode === 'smtp' ? 8 : 1;
}

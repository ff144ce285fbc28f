// The relay's hand-off to Postfix as the outputs describe it: where the smtp mode connects (master.cf's
// stock `smtp inet` service under inet_interfaces = loopback-only) and how many jobs are in hand at once.

/** Postfix's smtpd on loopback: the generated master.cf keeps the stock smtp service on port 25. */
export const HANDOFF_SMTP_ADDRESS = '127.0.0.1:25';

/**
 * Jobs in hand at once. SMTP: sixteen connections in the pool. Each message waits on Postfix's milter
 * round trip and cleanup's fsync, so the pool size sets the hand-off rate: on a 2-core machine with
 * OpenDKIM signing, 8 connections moved 0.56x of what smtp-source (64 sessions) got into Postfix, 16
 * moved 0.70x, 32 0.76x and 64 0.79x (the relay bench's chain, 2,500 messages from 64 clients).
 * Sixteen takes most of that gain while keeping few the jobs a SIGKILL can send twice and the smtpd
 * processes held open (Postfix's own default_destination_concurrency_limit is 20). sendmail: one process at a time. Every job in hand is
 * one a SIGKILL can leave half-handed and send again, and a sendmail(1) run has a long such window
 * (postdrop has written the maildrop file before sendmail reports); on Debian 12 under systemd, eight
 * sendmail processes turned a SIGKILL into four recovered jobs, for little speed (the SMTP hand-off is the fast mode).
 */
export function handoffConcurrency(mode: 'smtp' | 'sendmail'): number {
  return mode === 'smtp' ? 16 : 1;
}

// The relay's hand-off to Postfix as the outputs describe it: where the smtp mode connects (master.cf's
// stock `smtp inet` service under inet_interfaces = loopback-only) and how many jobs are in hand at once.

/** Postfix's smtpd on loopback: the generated master.cf keeps the stock smtp service on port 25. */
export const HANDOFF_SMTP_ADDRESS = '127.0.0.1:25';

/**
 * Jobs in hand at once: SMTP connections in the pool, or sendmail processes. Eight keeps Postfix's
 * cleanup busy (each message waits on its own fsync and milter round trip) without a thundering herd
 * of smtpd processes (default_process_limit is 100).
 */
export const HANDOFF_CONCURRENCY = 8;

// One JSON line per event on stdout: what `journalctl -u <name>` shows. Lines carry
// the job id, recipient domains (never full addresses) and a reason; fields are fixed per event so a
// log query (`jq 'select(.event=="failed")'`) keeps working.

export type RelayEvent =
  | 'started'
  | 'enqueued'
  | 'delivered'
  | 'retry'
  | 'failed'
  | 'recovered'
  | 'stale_lock'
  | 'auth_throttled'
  | 'connections_capped'
  | 'client_gone'
  | 'queue_error'
  | 'outcome'
  | 'outcome_error'
  | 'suppressed'
  | 'unsuppressed'
  | 'webhook_sent'
  | 'webhook_retry'
  | 'webhook_dropped'
  | 'webhook_error'
  | 'stopping'
  | 'stopped';

export type LogFields = Record<string, string | number | boolean | null | string[]>;

export type Logger = (event: RelayEvent, fields?: LogFields) => void;

/** A logger writing to `write` (process.stdout.write in the relay; a collector in tests). */
export function jsonLogger(service: string, write: (line: string) => void, now: () => number = Date.now): Logger {
  return (event, fields = {}) => {
    write(`${JSON.stringify({ ts: new Date(now()).toISOString(), service, event, ...fields })}\n`);
  };
}

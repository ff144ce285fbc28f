// queue-backoff-sane: retry delays and attempts are sane, and the total retry window they add up to is stated.
import { createRule } from './types.js';
import { formatMs } from './postfix-util/values.js';

/** Below this a short Postfix restart or network blip exhausts every retry (the self-hosted HTTP relay build guide, step 7's purpose). */
export const MIN_WINDOW_MS = 5 * 60_000;
/** Postfix's own maximal_queue_lifetime: past it Postfix would have bounced the message itself. */
export const MAX_WINDOW_MS = 5 * 86_400_000;

/** Total wait between the first and the last attempt: delay k = min(first * 2^(k-1), max), attempts - 1 of them. */
export function retryWindowMs(firstMs: number, maxMs: number, attempts: number): number {
  let total = 0;
  let delay = firstMs;
  for (let k = 1; k < attempts; k++) {
    const capped = Math.min(delay, maxMs);
    if (capped === maxMs || delay === 0) return total + capped * (attempts - k);
    total += capped;
    delay *= 2;
  }
  return total;
}

export default createRule({
  id: 'queue-backoff-sane',
  defaultSeverity: 'warning',
  docs: {
    summary: 'Retry backoff: first delay >= 1 s, max >= first; the total retry window is stated',
    rationale:
      'The self-hosted HTTP relay build guide, step 7: "first failure: retry after about 30 seconds, second failure: retry after about 60 seconds, later ' +
      'failures: keep doubling, maximum backoff: 1 hour, maximum attempts: 8": a window of about 1h03m30s, long enough that ' +
      '"a brief Postfix or network problem does not drop transaction messages". A first delay under a second hammers a ' +
      'broken sendmail; a maximum below the first delay stops the doubling (zero attempts is queue-attempts-positive\'s finding, an error). The window ' +
      'is the sum of the delays between attempts; under 5 minutes a restart of Postfix exhausts it, and beyond 5 days ' +
      '(Postfix\'s maximal_queue_lifetime) the relay keeps retrying mail nobody is waiting for any more.',
    source: 'the self-hosted HTTP relay build guide, step 7',
    fix: 'Use relay.queue.backoff { first: 30s, max: 1h } and relay.queue.maxAttempts: 8 (the defaults), or adjust the window.',
    examples: {
      invalid: [
        {
          description: 'Three quick attempts: the retry window is 3 seconds',
          config: 'relay:\n  queue:\n    maxAttempts: 3\n    backoff: { first: 1s, max: 1h }\n',
        },
      ],
      valid: [
        {
          description: 'The self-hosted HTTP relay build guide: 30 s doubling to 1 h, 8 attempts (about 1h03m30s)',
          config: 'relay:\n  queue:\n    maxAttempts: 8\n    backoff: { first: 30s, max: 1h }\n',
        },
      ],
    },
  },
  messages: {
    firstTooShort: 'First retry delay {{first}} is under 1 s: a failing sendmail is retried in a tight loop (retry window {{window}})',
    maxBelowFirst: 'Maximum delay {{max}} is below the first delay {{first}}: every retry waits {{max}} (retry window {{window}})',
    windowShort:
      'The retry window is only {{window}} ({{attempts}} attempts, {{first}} doubling to at most {{max}}): a short Postfix or network outage sends jobs to failed/',
    windowLong:
      'The retry window is {{window}} ({{attempts}} attempts, {{first}} doubling to at most {{max}}): longer than Postfix\'s own 5-day queue lifetime',
  },
  check({ model, report }) {
    const { maxAttempts: attempts, backoff } = model.relay.queue;
    const data = { attempts, first: backoff.first, max: backoff.max };
    if (attempts < 1) return; // queue-attempts-positive's finding
    const window = formatMs(retryWindowMs(backoff.firstMs, backoff.maxMs, attempts));
    if (backoff.firstMs < 1000) {
      report({ messageId: 'firstTooShort', path: ['relay', 'queue', 'backoff', 'first'], data: { ...data, window } });
    } else if (backoff.maxMs < backoff.firstMs) {
      report({ messageId: 'maxBelowFirst', path: ['relay', 'queue', 'backoff', 'max'], data: { ...data, window } });
    } else {
      const ms = retryWindowMs(backoff.firstMs, backoff.maxMs, attempts);
      if (ms < MIN_WINDOW_MS) report({ messageId: 'windowShort', path: ['relay', 'queue', 'maxAttempts'], data: { ...data, window } });
      else if (ms > MAX_WINDOW_MS) report({ messageId: 'windowLong', path: ['relay', 'queue', 'maxAttempts'], data: { ...data, window } });
    }
  },
});

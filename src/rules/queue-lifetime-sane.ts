// queue-lifetime-sane: Postfix's queue lifetimes fit transactional mail and the relay's own retry window.
import type { KeyPath } from '../findings.js';
import { createRule } from './types.js';
import { retryWindowMs } from './queue-backoff-sane.js';
import { throttleValues } from './postfix-util/throttle.js';
import { formatMs, parseTime } from './postfix-util/values.js';

/** Postfix's own default for both lifetimes (postconf -d): past it mail waits longer than Postfix itself would keep it. */
const POSTFIX_DEFAULT_MS = 5 * 86_400_000;
const MAXIMAL = 'maximal_queue_lifetime';
const BOUNCE = 'bounce_queue_lifetime';

export default createRule({
  id: 'queue-lifetime-sane',
  defaultSeverity: 'warning',
  docs: {
    summary: 'maximal_queue_lifetime and bounce_queue_lifetime suit transactional mail and outlast the relay\'s retry window',
    rationale:
      'A message waits in two queues. The relay retries handing it to sendmail (relay.queue: backoff and maxAttempts, a ' +
      'window of about 1 hour by default) only while Postfix will not take it; once sendmail accepts it, the message is ' +
      'Postfix\'s to retry, for up to maximal_queue_lifetime, after which Postfix bounces it to the return path ' +
      '(postconf(5)). Postfix\'s default of 5 days follows RFC 5321 section 4.5.4.1 for mail between people; a password ' +
      'reset or a one-time code delivered days late is useless, so transactional relays commonly keep mail 1 to 2 days ' +
      '(relayconf writes 2d) and let the sender learn of the failure sooner. bounce_queue_lifetime (relayconf writes 12h) ' +
      'bounds Postfix\'s own non-delivery notices; one longer than the message lifetime keeps notices about mail that ' +
      'already expired. A relay retry window longer than maximal_queue_lifetime means the relay holds on to mail longer ' +
      'than Postfix would ever try to deliver it, which only delays the bounce; a lifetime of 0 tries once and bounces on ' +
      'the first temporary error, such as greylisting.',
    source: 'postconf(5) maximal_queue_lifetime, bounce_queue_lifetime; RFC 5321 section 4.5.4.1',
    fix: 'Keep delivery.queueLifetime between the relay\'s retry window and 5d (2d by default) and delivery.bounceQueueLifetime at or below it (12h by default).',
    examples: {
      invalid: [
        {
          description: 'Bounces kept longer than the mail they report on',
          config: 'delivery:\n  queueLifetime: 1d\n  bounceQueueLifetime: 3d\n',
        },
      ],
      valid: [
        {
          description: 'One day for mail, twelve hours for bounces',
          config: 'delivery:\n  queueLifetime: 1d\n  bounceQueueLifetime: 12h\n',
        },
      ],
    },
  },
  messages: {
    once: '{{name}} = {{value}}: Postfix tries once and bounces on the first temporary error (greylisting, a busy MX)',
    long: '{{name}} = {{value}} keeps transactional mail longer than Postfix\'s own 5 days: a reset link or code that late is useless',
    bounceLonger: 'bounce_queue_lifetime = {{bounce}} is longer than maximal_queue_lifetime = {{maximal}}: notices outlive the mail they report on',
    relayOutlives:
      'The relay retries handing mail to Postfix for {{window}} ({{attempts}} attempts), longer than maximal_queue_lifetime = {{maximal}}: the relay holds mail Postfix would already have bounced',
  },
  check({ model, views, report }) {
    const value = throttleValues(views.postfix);
    const params = views.postfix.parameters;
    // Both lifetimes default to days when no unit is written (postconf(5)).
    const read = (name: string) => {
      const raw = value(name);
      const ms = raw === undefined ? POSTFIX_DEFAULT_MS : parseTime(raw, 'd');
      return { raw: raw ?? '5d', ms, path: params.get(name)?.from ?? (['delivery'] as KeyPath) };
    };
    const maximal = read(MAXIMAL);
    const bounce = read(BOUNCE);
    for (const [name, lifetime] of [[MAXIMAL, maximal], [BOUNCE, bounce]] as const) {
      if (lifetime.ms === undefined) continue; // not a time value: Postfix itself refuses to start
      if (lifetime.ms === 0) report({ messageId: 'once', path: lifetime.path, data: { name, value: lifetime.raw } });
      else if (lifetime.ms > POSTFIX_DEFAULT_MS) report({ messageId: 'long', path: lifetime.path, data: { name, value: lifetime.raw } });
    }
    if (maximal.ms === undefined || maximal.ms === 0) return;
    if (bounce.ms !== undefined && bounce.ms > maximal.ms) {
      report({ messageId: 'bounceLonger', path: bounce.path, data: { bounce: bounce.raw, maximal: maximal.raw } });
    }
    const { maxAttempts, backoff } = model.relay.queue;
    if (maxAttempts < 1) return;
    const window = retryWindowMs(backoff.firstMs, backoff.maxMs, maxAttempts);
    if (window > maximal.ms) {
      report({ messageId: 'relayOutlives', path: maximal.path, data: { window: formatMs(window), attempts: maxAttempts, maximal: maximal.raw } });
    }
  },
});

// relay-client-limits-fit: a client's message limits are consistent and fit what Postfix's per-destination rate delays can deliver.
import type { KeyPath } from '../findings.js';
import { createRule } from './types.js';
import { RATE_DELAY, throttleValues } from './postfix-util/throttle.js';
import { formatMs, parseTime } from './postfix-util/values.js';

const HOUR_MS = 3_600_000;

/** The most messages a client can have accepted in one hour, Infinity when nothing caps it. */
function hourlyCeiling(limits: { requestsPerMinute: number; messagesPerHour: number; messagesPerDay: number }): number {
  const caps = [limits.messagesPerHour, limits.requestsPerMinute * 60, limits.messagesPerDay].filter((n) => n > 0);
  return caps.length === 0 ? Infinity : Math.min(...caps);
}

export default createRule({
  id: 'relay-client-limits-fit',
  defaultSeverity: 'warning',
  docs: {
    summary: 'A client\'s limits are consistent and fit inside the Postfix rate delays mail leaves through',
    rationale:
      'Each relay client has its own requests per minute, messages per hour and per day. An hourly cap above the daily ' +
      'one, or above what the per-minute request limit allows in an hour, is never reached and only misleads whoever ' +
      'reads the config. Postfix sends at most one message per rate delay to a destination ' +
      '(postconf(5) default_destination_rate_delay, and the delay of each delivery.destinations entry): a client allowed ' +
      'more messages in an hour than that hands Postfix mail that waits in its queue, where it ages toward ' +
      'maximal_queue_lifetime and bounces, after the caller was told 202. Transactional mail is read within minutes, so ' +
      'the relay should refuse the excess (429) rather than accept mail that will be late. A client with no limit at all ' +
      '(requestsPerMinute 0 and no message caps) is what per-client limits exist to prevent: one leaked token or runaway ' +
      'job sending without bound.',
    source: 'postconf(5) default_destination_rate_delay, transport_destination_rate_delay; the self-hosted HTTP relay build guide, step 6',
    fix: 'Lower the client\'s messagesPerHour (or requestsPerMinute) below what the rate delay lets through, or shorten the rate delay; keep messagesPerHour <= messagesPerDay.',
    examples: {
      invalid: [
        {
          description: 'An hourly cap above the daily cap',
          config: 'relay:\n  clients:\n    - { name: billing, senders: [support@acme-mail.net], limits: { messagesPerHour: 500, messagesPerDay: 100 } }\n',
        },
      ],
      valid: [
        {
          description: 'Hourly within daily within what a 10s delay to one destination delivers (360 an hour)',
          config:
            'delivery:\n  destinations:\n    - { domain: qq.com, concurrency: 1, rateDelay: 10s, recipientLimit: 3 }\nrelay:\n  clients:\n    - { name: billing, senders: [support@acme-mail.net], limits: { requestsPerMinute: 5, messagesPerHour: 300, messagesPerDay: 2000 } }\n',
        },
      ],
    },
  },
  messages: {
    unbounded: 'client {{client}} has no limit at all (requestsPerMinute 0, no messagesPerHour or messagesPerDay): a leaked token or a looping job can send without bound',
    hourAboveDay: 'client {{client}} allows {{hour}} messages per hour but only {{day}} per day: the hourly cap is never reached',
    hourAboveRequests: 'client {{client}} allows {{hour}} messages per hour, but {{rpm}} requests per minute admit at most {{max}}: the hourly cap is never reached',
    aboveDelay:
      'client {{client}} may hand over {{allowed}} messages an hour, but {{parameter}} = {{delay}} lets Postfix deliver at most {{capacity}} an hour to {{where}}: the rest waits in the Postfix queue',
  },
  check({ model, views, report }) {
    const value = throttleValues(views.postfix);
    // The rate delays mail can leave through: the smtp transport's (all destinations) and each throttled destination's.
    const delays: Array<{ parameter: string; ms: number; where: string }> = [];
    const global = value(`smtp${RATE_DELAY}`);
    const globalMs = global === undefined ? undefined : parseTime(global);
    if (globalMs) delays.push({ parameter: `smtp${RATE_DELAY}`, ms: globalMs, where: 'any one destination' });
    for (const d of model.delivery.destinations) {
      if (d.rateDelayMs) delays.push({ parameter: `${d.transport}${RATE_DELAY}`, ms: Math.max(1000, d.rateDelayMs), where: d.domain });
    }
    model.relay.clients.forEach((client, i) => {
      const limits = client.limits;
      const path = (key: string): KeyPath => ['relay', 'clients', i, 'limits', key];
      const data = { client: client.name, hour: limits.messagesPerHour, day: limits.messagesPerDay };
      if (limits.messagesPerHour > 0 && limits.messagesPerDay > 0 && limits.messagesPerHour > limits.messagesPerDay) {
        report({ messageId: 'hourAboveDay', path: path('messagesPerHour'), data });
      }
      if (limits.messagesPerHour > 0 && limits.requestsPerMinute > 0 && limits.messagesPerHour > limits.requestsPerMinute * 60) {
        report({ messageId: 'hourAboveRequests', path: path('messagesPerHour'), data: { ...data, rpm: limits.requestsPerMinute, max: limits.requestsPerMinute * 60 } });
      }
      const allowed = hourlyCeiling(limits);
      if (allowed === Infinity) report({ messageId: 'unbounded', path: ['relay', 'clients', i, 'name'], data: { client: client.name } });
      for (const delay of delays) {
        const capacity = Math.floor(HOUR_MS / delay.ms);
        if (allowed <= capacity) continue;
        // An hourly cap is written when set (it defaults to none); otherwise the client itself is at fault.
        report({
          messageId: 'aboveDelay',
          path: limits.messagesPerHour > 0 ? path('messagesPerHour') : ['relay', 'clients', i, 'name'],
          data: { client: client.name, allowed: allowed === Infinity ? 'unlimited' : allowed, parameter: delay.parameter, delay: formatMs(delay.ms), capacity, where: delay.where },
        });
      }
    });
  },
});

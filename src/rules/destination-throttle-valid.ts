// destination-throttle-valid: per-destination throttle values are ones Postfix accepts at all.
import { createRule } from './types.js';
import { CONCURRENCY, RATE_DELAY, RECIPIENTS, throttleValues } from './postfix-util/throttle.js';
import { parseInteger, parseTime } from './postfix-util/values.js';

export default createRule({
  id: 'destination-throttle-valid',
  defaultSeverity: 'error',
  docs: {
    summary: 'Per-destination concurrency and recipient limits are whole numbers >= 0, rate delays Postfix times',
    rationale:
      'postconf(5) reads *_destination_concurrency_limit and *_destination_recipient_limit as whole numbers and ' +
      '*_destination_rate_delay as a time in whole seconds, minutes, hours, days or weeks (s, m, h, d, w). Any other ' +
      'value, a negative number or a 500ms delay, makes Postfix refuse the parameter: the throttle is not applied and ' +
      'postfix check reports a fatal error. Whether a valid value throttles sensibly is destination-throttle-sane\'s finding.',
    source: 'postconf(5) default_destination_concurrency_limit, default_destination_rate_delay',
    fix: 'Write a whole number (concurrency 1 to 20, recipients 2 to 50) or a time such as 10s.',
    examples: {
      invalid: [
        { description: 'A rate delay below Postfix\'s one-second unit', config: 'postfix:\n  parameters:\n    smtp_destination_rate_delay: 500ms\n' },
      ],
      valid: [
        { description: 'A per-destination throttle for qq.com', config: 'delivery:\n  destinations:\n    - { domain: qq.com, concurrency: 1, rateDelay: 10s, recipientLimit: 3 }\n' },
      ],
    },
  },
  messages: {
    notNumber: '{{name}} = {{value}} is not a whole number: Postfix refuses to start',
    negative: '{{name}} = {{value}} is negative: Postfix refuses it',
    notTime: '{{name}} = {{value}} is not a Postfix time (whole s, m, h, d or w): Postfix refuses it',
  },
  check({ views, report }) {
    const value = throttleValues(views.postfix);
    for (const { name, from: path } of views.postfix.parameters.values()) {
      const raw = value(name) ?? '';
      if (name.endsWith(CONCURRENCY) || name.endsWith(RECIPIENTS)) {
        const n = parseInteger(raw);
        if (n === undefined) report({ messageId: 'notNumber', path, data: { name, value: raw } });
        else if (n < 0) report({ messageId: 'negative', path, data: { name, value: raw } });
      } else if (name.endsWith(RATE_DELAY) && parseTime(raw) === undefined) {
        report({ messageId: 'notTime', path, data: { name, value: raw } });
      }
    }
  },
});

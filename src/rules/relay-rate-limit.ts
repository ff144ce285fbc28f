// relay-rate-limit: the relay limits requests per source IP (ratePerMinute > 0).
import { createRule } from './types.js';

export default createRule({
  id: 'relay-rate-limit',
  defaultSeverity: 'error',
  docs: {
    summary: 'A per-source rate limit is set (relay.limits.ratePerMinute > 0)',
    rationale:
      'Seed 01 step 6 lists "rate limit: for example 60 requests per source IP per minute" among what keeps the relay from ' +
      'becoming a mail-forging endpoint. Without it a leaked token or a looping caller can push mail as fast as Postfix ' +
      'takes it, and the domain\'s reputation pays for every message ("Do not use a small VPS as a bulk marketing ' +
      'sender", seed 01 TLS and inbox placement). ratePerMinute: 0 switches the limit off.',
    source: 'seed 01 step 6',
    fix: 'Set relay.limits.ratePerMinute to a positive number (60 by default).',
    examples: {
      invalid: [{ description: 'The rate limit switched off', config: 'relay:\n  limits: { ratePerMinute: 0 }\n' }],
      valid: [{ description: 'Seed 01\'s 60 requests per minute', config: 'relay:\n  limits: { ratePerMinute: 60 }\n' }],
    },
  },
  messages: {
    off: 'relay.limits.ratePerMinute is {{value}}: no per-source rate limit, so one caller (or a leaked token) can send without bound',
  },
  check({ model, report }) {
    const value = model.relay.limits.ratePerMinute;
    if (value <= 0) report({ messageId: 'off', path: ['relay', 'limits', 'ratePerMinute'], data: { value } });
  },
});

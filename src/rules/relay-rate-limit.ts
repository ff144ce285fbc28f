// relay-rate-limit: the relay limits authenticated requests per caller, the bearer token (ratePerMinute > 0).
import { createRule } from './types.js';

export default createRule({
  id: 'relay-rate-limit',
  defaultSeverity: 'error',
  docs: {
    summary: 'A per-caller rate limit is set (relay.limits.ratePerMinute > 0)',
    rationale:
      'The self-hosted HTTP relay build guide (step 6, relay hardening) asks for a rate limit among what keeps the relay from ' +
      'becoming a mail-forging endpoint. The relay checks the bearer token first and then counts each authenticated request ' +
      'against relay.limits.ratePerMinute for that caller (the token), wherever it connects from; failed authentications ' +
      'have their own small fixed budget per source address, so strangers never use up a real caller\'s budget. Without ' +
      'the per-caller limit a leaked token or a looping caller can push mail as fast as Postfix takes it, and the domain\'s ' +
      'reputation pays for every message. ratePerMinute: 0 switches the limit off (the failed-authentication budget stays).',
    source: 'the self-hosted HTTP relay build guide, step 6 (relay hardening)',
    fix: 'Set relay.limits.ratePerMinute to a positive number (60 by default).',
    examples: {
      invalid: [{ description: 'The rate limit switched off', config: 'relay:\n  limits: { ratePerMinute: 0 }\n' }],
      valid: [{ description: '60 authenticated requests per minute per caller', config: 'relay:\n  limits: { ratePerMinute: 60 }\n' }],
    },
  },
  messages: {
    off: 'relay.limits.ratePerMinute is {{value}}: no per-caller rate limit, so a caller (or whoever holds a leaked token) can send without bound',
  },
  check({ model, report }) {
    const value = model.relay.limits.ratePerMinute;
    if (value <= 0) report({ messageId: 'off', path: ['relay', 'limits', 'ratePerMinute'], data: { value } });
  },
});

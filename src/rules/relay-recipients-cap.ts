// relay-recipients-cap: one /send request addresses a handful of recipients, not a mailing list.
import { createRule } from './types.js';

/** Above this a single request is a mailing, not a transaction (and Postfix's default per-delivery limit is 50). */
export const MAX_RECIPIENTS = 50;

export default createRule({
  id: 'relay-recipients-cap',
  defaultSeverity: 'warning',
  docs: {
    summary: 'The per-request recipient cap stays small (at most 50)',
    rationale:
      'The self-hosted HTTP relay build guide, step 6 validates "to: valid email address": a transaction message (password reset, ticket update, alert) ' +
      'goes to one person or a few. The seed says plainly "Do not use a small VPS as a bulk marketing sender"; a request ' +
      'that may carry hundreds of recipients turns one leaked token, or one buggy caller, into a bulk mailing that the ' +
      'per-request rate limit does not slow down, and every recipient counts against the domain\'s complaint rate.',
    source: 'the self-hosted HTTP relay build guide, step 6',
    fix: 'Keep relay.limits.recipients at 10 (the default) or less; send one request per recipient for larger audiences.',
    examples: {
      invalid: [{ description: 'Five hundred recipients per request', config: 'relay:\n  limits: { recipients: 500 }\n' }],
      valid: [{ description: 'Ten recipients per request', config: 'relay:\n  limits: { recipients: 10 }\n' }],
    },
  },
  messages: {
    bulk: 'relay.limits.recipients is {{value}}: one request may address more than {{max}} recipients, which makes the relay a bulk sender',
  },
  check({ model, report }) {
    const value = model.relay.limits.recipients;
    if (value > MAX_RECIPIENTS) report({ messageId: 'bulk', path: ['relay', 'limits', 'recipients'], data: { value, max: MAX_RECIPIENTS } });
  },
});

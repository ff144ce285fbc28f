// relay-body-limit: the relay body limit stays near the recommended 512 KiB.
import { createRule } from './types.js';
import { sizeBudget } from './postfix-util/message-size.js';

/** The self-hosted HTTP relay build guide, step 6: "body limit: 512 KiB". */
export const RECOMMENDED_BODY_BYTES = 512 * 1024;

export default createRule({
  id: 'relay-body-limit',
  defaultSeverity: 'warning',
  docs: {
    summary: 'The relay body limit is at most 512 KiB (recommended)',
    rationale:
      'The self-hosted HTTP relay build guide, step 6 keeps the relay "small and strict": body limit 512 KiB, text and html capped by it. Transaction mail ' +
      '(account security, ticket updates, alerts) fits easily; a larger limit mostly lets a leaked token push bulk or ' +
      'attachment-heavy mail through the domain\'s reputation, and the relay holds the body in memory while it validates. ' +
      'A body limit above Postfix\'s message_size_limit is relay-body-within-message-size\'s finding (an error), not this one.',
    source: 'the self-hosted HTTP relay build guide, step 6',
    fix: 'Set relay.limits.bodyBytes to 524288 (512 KiB) or less.',
    examples: {
      invalid: [{ description: 'A 2 MiB body limit', config: 'relay:\n  limits: { bodyBytes: 2097152 }\n' }],
      valid: [{ description: 'The self-hosted HTTP relay build guide\'s limit', config: 'relay:\n  limits: { bodyBytes: 524288 }\n' }],
    },
  },
  messages: {
    large: 'Body limit {{body}} bytes is above the recommended 512 KiB ({{recommended}}): transaction mail does not need more',
  },
  check({ model, views, report }) {
    const body = model.relay.limits.bodyBytes;
    const path = ['relay', 'limits', 'bodyBytes'];
    const budget = sizeBudget(model, views.postfix);
    // Above message_size_limit the error of relay-body-within-message-size says it: one problem, one finding.
    if (budget && budget.limit !== 0 && body > budget.limit) return;
    if (body > RECOMMENDED_BODY_BYTES) {
      report({ messageId: 'large', path, data: { body, recommended: RECOMMENDED_BODY_BYTES } });
    }
  },
});

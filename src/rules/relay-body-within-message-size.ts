// relay-body-within-message-size: the relay body limit is not above Postfix's message_size_limit.
import { createRule } from './types.js';
import { sizeBudget } from './postfix-util/message-size.js';

export default createRule({
  id: 'relay-body-within-message-size',
  defaultSeverity: 'error',
  docs: {
    summary: 'The relay body limit is not above Postfix\'s message_size_limit',
    rationale:
      'The relay answers 202 for any body up to relay.limits.bodyBytes and only then hands the message to sendmail. ' +
      'A body limit above Postfix\'s message_size_limit (postconf(5)) guarantees jobs the relay accepted and sendmail ' +
      'refuses: they fail after every retry although the caller was told they were queued. A body under the limit that ' +
      'outgrows it once base64-encoded is message-size-fits-relay\'s finding; message_size_limit = 0 means no limit.',
    source: 'postconf(5) message_size_limit',
    fix: 'Lower relay.limits.bodyBytes (512 KiB is recommended) or raise delivery.messageSizeLimit.',
    examples: {
      invalid: [
        { description: 'A 2 MiB body against a 1 MB message_size_limit', config: 'delivery:\n  messageSizeLimit: 1000000\nrelay:\n  limits: { bodyBytes: 2097152 }\n' },
      ],
      valid: [{ description: '512 KiB against the 25600000 default', config: 'relay:\n  limits: { bodyBytes: 524288 }\n' }],
    },
  },
  messages: {
    aboveMessageSize:
      'Body limit {{body}} bytes is above Postfix\'s message_size_limit {{limit}}: the relay would accept messages sendmail refuses',
  },
  check({ model, views, report }) {
    const body = model.relay.limits.bodyBytes;
    const budget = sizeBudget(model, views.postfix);
    if (budget && budget.limit !== 0 && body > budget.limit) {
      report({ messageId: 'aboveMessageSize', path: ['relay', 'limits', 'bodyBytes'], data: { body, limit: budget.limit } });
    }
  },
});

// message-size-fits-relay: the relay's body limit, after base64 growth and headers, fits Postfix's message_size_limit.
import { createRule } from './types.js';
import { sizeBudget } from './postfix-util/message-size.js';

export default createRule({
  id: 'message-size-fits-relay',
  defaultSeverity: 'error',
  docs: {
    summary: 'The relay body limit, after MIME growth (base64 about 4/3) and headers, fits message_size_limit',
    rationale:
      'The self-hosted HTTP relay build guide, step 6 caps the relay body (512 KiB) and the hosted Outgoing Mail Server settings page gives Postfix message_size_limit = 25600000. The relay ' +
      'accepts a body up to its limit, then builds a MIME message: base64 turns every 3 bytes into 4 and adds a line break ' +
      'every 76 characters (RFC 2045 §6.8), and headers come on top (subject as RFC 2047 words, To, DKIM-Signature, ' +
      'Received). If that exceeds message_size_limit, sendmail refuses a message the relay already answered 202 for, and ' +
      'the job fails after all its retries. The check counts the worst case: the full body as base64, the subject cap in ' +
      '4-byte UTF-8 characters as base64 words, every recipient twice at the RFC 5321 path length, every header a caller ' +
      'may add (List-Unsubscribe, References, ...) at its longest, and 8 KiB for the rest; attachments travel as base64 ' +
      'inside the request body, so the body limit already counts them. ' +
      'A body larger than the limit itself is relay-body-within-message-size\'s finding; message_size_limit = 0 means no limit.',
    source: 'the self-hosted HTTP relay build guide, step 6, the hosted Outgoing Mail Server settings page',
    fix: 'Raise delivery.messageSizeLimit (the 25600000 default holds a 512 KiB body easily) or lower relay.limits.bodyBytes.',
    examples: {
      invalid: [
        {
          description: 'A 512 KiB body cannot fit a 600000-byte limit once base64-encoded',
          config: 'delivery:\n  messageSizeLimit: 600000\nrelay:\n  limits: { bodyBytes: 524288 }\n',
        },
      ],
      valid: [
        { description: 'The hosted Outgoing Mail Server settings page\'s limit', config: 'delivery:\n  messageSizeLimit: 25600000\nrelay:\n  limits: { bodyBytes: 524288 }\n' },
      ],
    },
  },
  messages: {
    tooSmall:
      'message_size_limit {{limit}} is below the largest message the relay can hand to sendmail: {{body}} body bytes become {{encoded}} as base64, plus {{headers}} of headers = {{needed}} bytes',
  },
  check({ model, views, report }) {
    const budget = sizeBudget(model, views.postfix);
    if (!budget || budget.limit === 0 || budget.body > budget.limit) return;
    if (budget.needed <= budget.limit) return;
    report({
      messageId: 'tooSmall',
      path: budget.limitPath,
      data: { limit: budget.limit, body: budget.body, encoded: budget.encodedBody, headers: budget.headers, needed: budget.needed },
    });
  },
});

// queue-attempts-positive: the relay tries every job at least once (relay.queue.maxAttempts >= 1).
import { createRule } from './types.js';

export default createRule({
  id: 'queue-attempts-positive',
  defaultSeverity: 'error',
  docs: {
    summary: 'relay.queue.maxAttempts is at least 1: with 0 no job is ever handed to sendmail',
    rationale:
      'The relay answers 202 once a job is on disk and then hands it to sendmail up to relay.queue.maxAttempts times. ' +
      'With 0 attempts every accepted job goes straight to failed/ without ever being tried: callers are told their mail ' +
      'was accepted, and none of it leaves. The self-hosted HTTP relay build guide (step 7, the retry queue) uses 8 attempts.',
    source: 'the self-hosted HTTP relay build guide, step 7 (retry queue)',
    fix: 'Set relay.queue.maxAttempts to 1 or more (8 by default).',
    examples: {
      invalid: [{ description: 'No attempt at all', config: 'relay:\n  queue:\n    maxAttempts: 0\n' }],
      valid: [{ description: 'Eight attempts (the default)', config: 'relay:\n  queue:\n    maxAttempts: 8\n' }],
    },
  },
  messages: {
    noAttempts: 'maxAttempts {{attempts}}: jobs would go to failed/ without ever being tried',
  },
  check({ model, report }) {
    const attempts = model.relay.queue.maxAttempts;
    if (attempts < 1) report({ messageId: 'noAttempts', path: ['relay', 'queue', 'maxAttempts'], data: { attempts } });
  },
});

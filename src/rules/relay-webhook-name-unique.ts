// relay-webhook-name-unique: each webhook has a name of its own.
import { createRule } from './types.js';

export default createRule({
  id: 'relay-webhook-name-unique',
  defaultSeverity: 'error',
  docs: {
    summary: 'Each webhook name is used once',
    rationale:
      'A webhook\'s name names its outbox directory in the queue root (<queue root>/webhooks/<name>/, one file per event like the ' +
      'self-hosted HTTP relay build guide\'s disk queue, step 7), where each event ' +
      'waits until the receiver answers 2xx, and the webhook in the relay\'s log lines. Two webhooks of one name would ' +
      'share one outbox: the first to deliver an event would delete it for the other, which would never receive it, and ' +
      'a log line could not say which endpoint failed.',
    source: 'the self-hosted HTTP relay build guide, step 7 (the disk queue)',
    fix: 'Give each webhook its own name, or remove the duplicate entry.',
    examples: {
      invalid: [
        {
          description: 'Two webhooks named crm',
          config: 'relay:\n  webhooks:\n    - { name: crm, url: "https://hooks.acme-mail.net/a" }\n    - { name: crm, url: "https://hooks.acme-mail.net/b" }\n',
        },
      ],
      valid: [
        {
          description: 'Two webhooks with their own names',
          config: 'relay:\n  webhooks:\n    - { name: crm, url: "https://hooks.acme-mail.net/a" }\n    - { name: billing, url: "https://hooks.acme-mail.net/b" }\n',
        },
      ],
    },
  },
  messages: {
    duplicate: 'webhook name {{webhook}} is used more than once: both would share the outbox webhooks/{{webhook}}/ and one would miss events',
  },
  check({ model, report }) {
    const seen = new Set<string>();
    model.relay.webhooks.forEach((hook, i) => {
      if (seen.has(hook.name)) report({ messageId: 'duplicate', path: ['relay', 'webhooks', i, 'name'], data: { webhook: hook.name } });
      seen.add(hook.name);
    });
  },
});

// relay-senders-nonempty: the relay's From allowlist (every domain's senders together) is not empty.
import { createRule } from './types.js';

export default createRule({
  id: 'relay-senders-nonempty',
  defaultSeverity: 'error',
  docs: {
    summary: 'The From allowlist is not empty',
    rationale:
      'The self-hosted HTTP relay build guide, step 6: "from: must be in an allowlist", a short one such as support, noreply and tickets; "Letting callers ' +
      'choose any From" is one of its listed mistakes. The relay refuses every From outside domains[].senders, so with no ' +
      'sender at all it can send nothing, and the usual "fix" under pressure is to turn the check off. A domain without ' +
      'senders is fine while another domain has some (it may only publish DNS, e.g. for a return path).',
    source: 'the self-hosted HTTP relay build guide, step 6',
    fix: 'List the addresses services send from under domains[].senders (support@, noreply@, tickets@ ...).',
    examples: {
      invalid: [
        {
          description: 'No allowed sender',
          config: 'domain0:\n  senders: []\n',
        },
      ],
      valid: [
        {
          description: 'Two allowed senders',
          config: 'domain0:\n  senders:\n    - { address: support@acme-mail.net }\n    - { address: noreply@acme-mail.net }\n',
        },
      ],
    },
  },
  messages: {
    empty: 'No domain lists an allowed sender: the relay would refuse every message; add domains[].senders',
  },
  check({ model, report }) {
    if (model.domains.some((d) => d.senders.length > 0)) return;
    report({ messageId: 'empty', path: ['domains', 0, 'senders'] });
  },
});

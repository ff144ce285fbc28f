// milter-default-reject: milter_default_action = reject bounces every message while OpenDKIM is down.
import { createRule } from './types.js';
import { effectiveParameter } from './postfix-util/main-cf.js';

export default createRule({
  id: 'milter-default-reject',
  defaultSeverity: 'warning',
  docs: {
    summary: 'milter_default_action reject refuses every message for good while OpenDKIM is down',
    rationale:
      'With milter_default_action = reject, Postfix rejects mail whenever the milter is unavailable (postconf(5)): while ' +
      'OpenDKIM is stopped or unreachable, every job the relay hands to sendmail is refused for good instead of waiting in ' +
      'the queue. tempfail refuses it only temporarily, so it stays queued until OpenDKIM is back. This is its own rule, ' +
      'apart from milter-default-action (the accept and quarantine reminders), so that relaxing those reminders never hides it.',
    source: 'postconf(5) milter_default_action',
    fix: 'Set delivery.milterDefault: tempfail (and drop any milter_default_action override).',
    examples: {
      invalid: [{ description: 'Bounce everything while OpenDKIM is down', config: 'postfix:\n  parameters:\n    milter_default_action: reject\n' }],
      valid: [{ description: 'Keep mail queued while OpenDKIM is down', config: 'delivery:\n  milterDefault: tempfail\n' }],
    },
  },
  messages: {
    reject: 'milter_default_action = reject: while OpenDKIM is down every message is refused for good; tempfail keeps it queued instead',
  },
  check({ views, report }) {
    const param = effectiveParameter(views.postfix, 'milter_default_action');
    if (param?.value.trim().toLowerCase() === 'reject') report({ messageId: 'reject', path: param.from });
  },
});

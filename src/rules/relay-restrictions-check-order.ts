// relay-restrictions-check-order: check_* lookups and policy services come after the relay guard, never before it.
import { createRule } from './types.js';
import { judgeRestrictions, restrictionLists } from './relay-restrictions-reject.js';

export default createRule({
  id: 'relay-restrictions-check-order',
  defaultSeverity: 'warning',
  docs: {
    summary: 'check_* lookups and policy services in the relay and recipient restrictions come after reject_unauth_destination',
    rationale:
      'The notes The Postfix Mail Server (2019) puts check_policy_service after reject_unauth_destination: a restriction list stops at the first OK, so a ' +
      'lookup (check_client_access, check_policy_service, ...) that answers OK before the guard relays the message for ' +
      'whoever it matched, and an unexpected answer from a policy service makes the system an open relay (postconf(5) ' +
      'smtpd_relay_restrictions). A list with no guard at all, or with a bare permit, is relay-restrictions-reject\'s finding.',
    source: 'the notes The Postfix Mail Server (2019); postconf(5) smtpd_relay_restrictions',
    fix: 'Move check_* lookups after reject_unauth_destination.',
    examples: {
      invalid: [
        {
          description: 'A policy service before the guard',
          config:
            'postfix:\n  parameters:\n    smtpd_recipient_restrictions: permit_mynetworks, check_policy_service unix:private/policy, reject_unauth_destination\n',
        },
      ],
      valid: [
        {
          description: 'A policy service after the guard',
          config:
            'postfix:\n  parameters:\n    smtpd_recipient_restrictions: permit_mynetworks, reject_unauth_destination, check_policy_service unix:private/policy\n',
        },
      ],
    },
  },
  messages: {
    checkBeforeGuard:
      '{{list}} runs {{what}} before its reject: an OK answer from it relays mail; move it after reject_unauth_destination (the notes The Postfix Mail Server (2019))',
  },
  check({ views, report }) {
    for (const { name, value, path } of restrictionLists(views.postfix, views.services)) {
      for (const check of judgeRestrictions(value).checksBeforeGuard) {
        report({ messageId: 'checkBeforeGuard', path, data: { list: name, what: check } });
      }
    }
  },
});

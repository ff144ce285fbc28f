// relay-restrictions-reject: smtpd relay and recipient restrictions refuse unauthorized relaying; no permit_mx_backup.
import type { KeyPath } from '../findings.js';
import { createRule } from './types.js';
import { mainLookup, serviceLookup, type SettingLookup } from './postfix-util/tls.js';
import { splitList } from './postfix-util/values.js';
import type { ServiceView } from './postfix-util/master-cf.js';
import type { PostfixModel } from '../outputs/postfix-model.js';

/** Restrictions that stop relaying for everyone not permitted before them (postconf(5) smtpd_relay_restrictions). */
const GUARDS = new Set(['reject_unauth_destination', 'defer_unauth_destination', 'reject', 'defer', 'defer_all']);
/** The Postfix SMTP relay guide: "Do NOT use: permit_mx_backup, permit_relay_domains". */
const FORBIDDEN = new Set(['permit_mx_backup', 'permit_relay_domains']);
const LISTS = ['smtpd_relay_restrictions', 'smtpd_recipient_restrictions'] as const;

export interface RestrictionVerdict {
  guarded: boolean;
  /** A bare `permit` before any guard: everything passes. */
  permitBeforeGuard: boolean;
  forbidden: string[];
  /** check_* lookups before the guard: an OK answer from them relays (the notes The Postfix Mail Server (2019)). */
  checksBeforeGuard: string[];
}

/** The restriction lists Postfix applies: main.cf's, then each smtpd service's own -o lists, with where to report them. */
export function restrictionLists(postfix: PostfixModel, services: readonly ServiceView[]): { name: string; value: string; path: KeyPath }[] {
  const main = mainLookup(postfix);
  const lists = LISTS.flatMap((name) => {
    const setting = main.get(name);
    return setting ? [{ name, value: setting.value, path: setting.path }] : [];
  });
  for (const service of services) {
    if (service.command !== 'smtpd') continue;
    for (const name of LISTS) {
      const own = service.options.get(name);
      if (own !== undefined) lists.push({ name, value: own, path: service.path });
    }
  }
  return lists;
}

export function judgeRestrictions(value: string): RestrictionVerdict {
  const items = splitList(value).map((t) => t.toLowerCase());
  const guardAt = items.findIndex((t) => GUARDS.has(t));
  const beforeGuard = guardAt < 0 ? items : items.slice(0, guardAt);
  return {
    guarded: guardAt >= 0,
    permitBeforeGuard: beforeGuard.includes('permit'),
    forbidden: items.filter((t) => FORBIDDEN.has(t)),
    checksBeforeGuard: guardAt < 0 ? [] : beforeGuard.filter((t) => t.startsWith('check_')),
  };
}

export default createRule({
  id: 'relay-restrictions-reject',
  defaultSeverity: 'error',
  docs: {
    summary: 'smtpd relay and recipient restrictions end in reject_unauth_destination or reject; no permit_mx_backup',
    rationale:
      'The Postfix SMTP relay guide (preventing open relay): "Every Postfix relay must have strict relay restrictions": permit_mynetworks, then ' +
      'reject_unauth_destination (or reject), and "Do NOT use: permit_mx_backup, permit_relay_domains". A bare permit before ' +
      'the reject, or a list without one, relays for anyone who can connect. The notes The Postfix Mail Server (2019) adds that policy services ' +
      '(check_policy_service) belong after reject_unauth_destination so an unexpected answer cannot make the system an ' +
      'open relay; check_* lookups before the guard are relay-restrictions-check-order\'s finding (a warning). -o overrides of smtpd ' +
      'services in postfix.services are checked like main.cf. See postconf(5) smtpd_relay_restrictions.',
    source: 'the Postfix SMTP relay guide, the notes The Postfix Mail Server (2019); postconf(5) smtpd_relay_restrictions',
    fix:
      'Drop the override so relayconf writes "permit_mynetworks, reject" (the Postfix SMTP relay guide), or end your list with ' +
      'reject_unauth_destination (or reject) and move check_* lookups after it.',
    examples: {
      invalid: [
        {
          description: 'permit_mx_backup and no guard',
          config: 'postfix:\n  parameters:\n    smtpd_relay_restrictions: permit_mynetworks, permit_mx_backup\n',
        },
        {
          description: 'A bare permit before the reject',
          config: 'postfix:\n  parameters:\n    smtpd_recipient_restrictions: permit_mynetworks, permit, reject_unauth_destination\n',
        },
      ],
      valid: [
        {
          description: 'The Postfix SMTP relay guide\'s smarthost list',
          config: 'postfix:\n  parameters:\n    smtpd_relay_restrictions: permit_mynetworks, reject\n',
        },
        {
          description: 'A policy service after the guard (the notes The Postfix Mail Server (2019))',
          config:
            'postfix:\n  parameters:\n    smtpd_recipient_restrictions: permit_mynetworks, reject_unauth_destination, check_policy_service unix:private/policy\n',
        },
      ],
    },
  },
  messages: {
    forbidden: '{{list}} uses {{what}}: it relays mail for other domains (the Postfix SMTP relay guide: do not use it)',
    permitAll: '{{list}} has a bare permit before any reject: every client may relay through this server',
    unguarded:
      '{{list}} = "{{value}}" never rejects unauthorized relaying: end it in reject_unauth_destination (or reject), as the self-hosted HTTP relay build guide writes both lists',
    bothEmpty: 'smtpd_relay_restrictions and smtpd_recipient_restrictions are both empty: nothing stops unauthorized relaying',
  },
  check({ model, views, report }) {
    const judgeScope = (lookup: SettingLookup, ownPath: KeyPath | null, onlyOwn: Set<string> | null) => {
      const settings = LISTS.map((name) => ({ name, setting: lookup.get(name) }));
      for (const { name, setting } of settings) {
        if (!setting) continue;
        // For a service, judge only the lists it sets itself; main.cf is judged once on its own.
        if (onlyOwn && !onlyOwn.has(name)) continue;
        const path = ownPath ?? setting.path;
        const verdict = judgeRestrictions(setting.value);
        if (verdict.forbidden.length > 0) report({ messageId: 'forbidden', path, data: { list: name, what: verdict.forbidden.join(', ') } });
        if (verdict.permitBeforeGuard) report({ messageId: 'permitAll', path, data: { list: name } });
        else if (!verdict.guarded && splitList(setting.value).length > 0) report({ messageId: 'unguarded', path, data: { list: name, value: setting.value.trim() } });
      }
      const empty = settings.every(({ setting }) => !setting || splitList(setting.value).length === 0);
      if (empty) {
        report({ messageId: 'bothEmpty', path: ownPath ?? settings[0].setting?.path ?? ['postfix', 'parameters'] });
      }
    };

    const main = mainLookup(views.postfix);
    judgeScope(main, null, null);
    for (const service of views.services) {
      if (service.command !== 'smtpd') continue;
      const own = new Set(LISTS.filter((name) => service.options.has(name)));
      if (own.size > 0) judgeScope(serviceLookup(service, main), service.path, own);
    }
  },
});

// destination-throttle-sane: per-destination concurrency, rate delay and recipient limit are within sane bounds.
import type { KeyPath } from '../findings.js';
import type { PostfixModel } from '../outputs/postfix-model.js';
import { createRule } from './types.js';
import { CONCURRENCY, COHORT, RATE_DELAY, RECIPIENTS, throttleValues } from './postfix-util/throttle.js';
import { formatMs, parseInteger, parseTime } from './postfix-util/values.js';

/** Postfix's defaults (postconf -d): a throttle above them loosens instead of throttling. */
const DEFAULT_CONCURRENCY = 20;
const DEFAULT_RECIPIENT_LIMIT = 50;
/** A delay above this lets a modest burst wait for hours; transaction mail (the self-hosted HTTP relay build guide) is then stale. */
const MAX_RATE_DELAY_MS = 5 * 60_000;
/** postconf(5): with a non-zero rate delay, set the failed cohort limit to 10 or more. */
const MIN_COHORT_WITH_DELAY = 10;


/** For each transport with a non-zero rate delay: a concurrency above 1 is moot, and a cohort limit must exist. */
function rateDelayed(
  postfix: PostfixModel,
  services: ReadonlySet<string>,
  value: (name: string) => string | undefined,
  report: (d: { messageId: 'cohortMissing' | 'concurrencyIgnored'; path: KeyPath; data: Record<string, string | number> }) => void,
): void {
  for (const param of postfix.parameters.values()) {
    if (!param.name.endsWith(RATE_DELAY)) continue;
    const transport = param.name.slice(0, -RATE_DELAY.length);
    // A limit for a transport master.cf does not have is postfix-param-known's finding.
    if (transport !== 'default' && !services.has(transport)) continue;
    const delay = parseTime(value(param.name) ?? '0') ?? 0;
    if (delay === 0) continue;
    const concurrencyName = `${transport}${CONCURRENCY}`;
    const concurrency = parseInteger(value(concurrencyName) ?? '');
    // default_destination_concurrency_limit is every transport's default, not a throttle someone chose here.
    if (transport !== 'default' && concurrency !== undefined && concurrency > 1) {
      report({ messageId: 'concurrencyIgnored', path: postfix.parameters.get(concurrencyName)!.from, data: { name: concurrencyName, value: concurrency } });
    }
    if (value(`${transport}${COHORT}`) === undefined && value(`default${COHORT}`) === undefined) {
      report({ messageId: 'cohortMissing', path: param.from, data: { transport } });
    }
  }
}

export default createRule({
  id: 'destination-throttle-sane',
  defaultSeverity: 'warning',
  docs: {
    summary: 'Per-destination concurrency >= 1, rate delay and recipient limit within sane bounds',
    rationale:
      'The how-to Local mail relay with Postfix throttles picky receivers with a transport per destination: concurrency 2, rate delay 10s, 3 recipients ' +
      '(qq.com). Postfix reads these literally (postconf(5) and qmgr): a concurrency or recipient limit of 0 means no ' +
      'limit at all; a recipient limit of 1 turns concurrency and rate delay into per-recipient limits, so the domain as a ' +
      'whole is no longer throttled; values above Postfix\'s defaults (concurrency 20, 50 recipients) loosen rather than ' +
      'throttle. Rate delays are whole seconds (s, m, h, d, w): a raw 500ms is refused, and a rateDelay of 500ms is ' +
      'rounded up to 1s when written. A delay above 5 minutes lets a burst of ' +
      'transaction mail wait for hours. With a rate delay, postconf(5) asks for a failed cohort limit of 10 or more, ' +
      'otherwise one connection error defers all mail for the destination (relayconf writes 10), and it delivers one message ' +
      'at a time, so a concurrency above 1 beside it does nothing. Raw overrides with these suffixes count too; ' +
      'a value Postfix refuses outright (not a number, negative, not a time) is destination-throttle-valid\'s finding.',
    source: 'the how-to Local mail relay with Postfix; postconf(5) transport_destination_concurrency_failed_cohort_limit and transport_destination_rate_delay',
    fix: 'Keep concurrency between 1 and 20 (1 beside a rate delay), rateDelay between 1s and 5m, recipientLimit between 2 and 50, and leave the failed cohort limit relayconf writes (10) in place.',
    examples: {
      invalid: [
        {
          description: 'Concurrency 0 is no limit at all',
          config: 'delivery:\n  destinations:\n    - { domain: qq.com, concurrency: 0, rateDelay: 10s, recipientLimit: 3 }\n',
        },
      ],
      valid: [
        {
          description: 'A throttle for qq.com: one message every 10 seconds, 3 recipients each',
          config: 'delivery:\n  destinations:\n    - { domain: qq.com, concurrency: 1, rateDelay: 10s, recipientLimit: 3 }\n',
        },
      ],
    },
  },
  messages: {
    rounded: 'rateDelay {{value}} is not whole seconds: Postfix has no finer unit, so it is written as {{seconds}}',
    unlimited: '{{name}} = 0 means no limit in Postfix: it throttles nothing; use 1 or more',
    perRecipient:
      '{{name}} = 1 turns the concurrency and rate delay of {{transport}} into per-recipient limits: the destination as a whole is no longer throttled',
    looser: '{{name}} = {{value}} is above Postfix\'s default of {{default}}: this loosens the destination instead of throttling it',
    slow: '{{name}} = {{value}}: at most {{perHour}} messages an hour reach this destination, so a burst of transaction mail waits for hours',
    cohort:
      '{{name}} = {{value}} with a rate delay on {{transport}}: one connection error then defers all its mail; postconf(5) asks for 10 or more',
    cohortMissing:
      '{{transport}} has a rate delay but no {{transport}}_destination_concurrency_failed_cohort_limit: Postfix\'s default of 1 defers all its mail after one connection error; postconf(5) asks for 10 or more',
    concurrencyIgnored:
      '{{name}} = {{value}} next to a rate delay does nothing: a rate delay delivers one message at a time to the destination (postconf(5) default_destination_rate_delay); use 1',
  },
  check({ model, views, report }) {
    const params = views.postfix.parameters;
    const value = throttleValues(views.postfix);
    // Only the config's own throttled transports promise throttling; smtp_ or default_ limits are global knobs.
    const throttled = new Set(model.delivery.destinations.map((d) => d.transport));
    for (const param of params.values()) {
      const { name } = param;
      const path: KeyPath = param.from;
      const raw = value(name) ?? '';
      if (name.endsWith(CONCURRENCY) || name.endsWith(RECIPIENTS)) {
        const recipients = name.endsWith(RECIPIENTS);
        const transport = name.slice(0, -(recipients ? RECIPIENTS : CONCURRENCY).length);
        const n = parseInteger(raw);
        const limit = recipients ? DEFAULT_RECIPIENT_LIMIT : DEFAULT_CONCURRENCY;
        if (n === undefined || n < 0) continue; // refused by Postfix: destination-throttle-valid's finding
        if (n === 0) report({ messageId: 'unlimited', path, data: { name } });
        else if (recipients && n === 1) report({ messageId: 'perRecipient', path, data: { name, transport } });
        else if (throttled.has(transport) && n > limit) report({ messageId: 'looser', path, data: { name, value: n, default: limit } });
      } else if (name.endsWith(RATE_DELAY)) {
        const written = !param.overridden ? model.delivery.destinations.find((d) => `${d.transport}${RATE_DELAY}` === name) : undefined;
        if (written?.rateDelayMs != null && written.rateDelayMs % 1000 !== 0) {
          report({ messageId: 'rounded', path, data: { value: written.rateDelay ?? '', seconds: raw } });
        }
        const ms = parseTime(raw);
        if (ms !== undefined && ms > MAX_RATE_DELAY_MS) {
          report({ messageId: 'slow', path, data: { name, value: formatMs(ms), perHour: Math.floor(3_600_000 / ms) } });
        }
      } else if (name.endsWith(COHORT) && param.overridden) {
        const transport = name.slice(0, -COHORT.length);
        const delay = parseTime(value(`${transport}${RATE_DELAY}`) ?? value(`default${RATE_DELAY}`) ?? '0') ?? 0;
        const n = parseInteger(raw);
        if (delay > 0 && n !== undefined && n < MIN_COHORT_WITH_DELAY) {
          report({ messageId: 'cohort', path, data: { name, value: raw, transport } });
        }
      }
    }
    rateDelayed(views.postfix, new Set(views.services.map((s) => s.name)), value, report);
  },
});

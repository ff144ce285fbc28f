// Per-destination throttle parameters in the effective main.cf: their name suffixes and expanded values.
import type { PostfixModel } from '../../outputs/postfix-model.js';
import { expandValue } from './main-cf.js';

export const CONCURRENCY = '_destination_concurrency_limit';
export const RATE_DELAY = '_destination_rate_delay';
export const RECIPIENTS = '_destination_recipient_limit';
export const COHORT = '_destination_concurrency_failed_cohort_limit';

/** A parameter's value with $references expanded, as Postfix reads it; undefined when not set. */
export function throttleValues(postfix: PostfixModel): (name: string) => string | undefined {
  const params = postfix.parameters;
  return (name) => {
    const p = params.get(name);
    return p ? expandValue(p.value, (ref) => params.get(ref)?.value).trim() : undefined;
  };
}

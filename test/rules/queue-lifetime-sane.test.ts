// Tests queue-lifetime-sane: Postfix's queue lifetimes against transactional mail and the relay's retry window.
import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/queue-lifetime-sane.js';
import { BASE_CONFIG, expectFindings, lintText, mergeConfig } from '../helpers/rule-tester.js';
import { at } from './postfix-util/at.js';

const lint = (fragment: string) => lintText(mergeConfig(fragment), { rules: [rule] });
const ID = 'queue-lifetime-sane';

describe('queue-lifetime-sane', () => {
  it('flags bounces kept longer than the mail, at bounceQueueLifetime', () => {
    const result = lint('delivery:\n  queueLifetime: 1d\n  bounceQueueLifetime: 3d\n');
    expectFindings(result, ID, [{ severity: 'warning', ...at(result.text, 'bounceQueueLifetime: 3d', '3d'), message: 'bounce_queue_lifetime = 3d is longer than maximal_queue_lifetime = 1d: notices outlive the mail they report on' }]);
  });

  it('flags a relay retry window longer than the Postfix lifetime, at queueLifetime', () => {
    const result = lint('delivery:\n  queueLifetime: 1h\n  bounceQueueLifetime: 30m\nrelay:\n  queue:\n    maxAttempts: 8\n    backoff: { first: 30s, max: 1h }\n');
    expectFindings(result, ID, [{ severity: 'warning', ...at(result.text, 'queueLifetime: 1h', '1h'), message: /retries handing mail to Postfix for 1h3m30s \(8 attempts\), longer than maximal_queue_lifetime = 1h:/ }]);
  });

  it('flags a lifetime of 0 and one past 5 days, raw overrides included (a bare number is days)', () => {
    let result = lint('delivery:\n  queueLifetime: 0s\n');
    expectFindings(result, ID, [{ severity: 'warning', ...at(result.text, 'queueLifetime: 0s', '0s'), message: /maximal_queue_lifetime = 0s: Postfix tries once/ }]);
    result = lint('postfix:\n  parameters:\n    maximal_queue_lifetime: "7"\n    bounce_queue_lifetime: 1d\n');
    expectFindings(result, ID, [{ severity: 'warning', ...at(result.text, 'maximal_queue_lifetime: "7"', '"7"'), message: /maximal_queue_lifetime = 7 keeps transactional mail longer than Postfix's own 5 days/ }]);
  });

  it('passes the defaults (2d, 12h) and a 1d/12h pair', () => {
    expect(lintText(BASE_CONFIG, { rules: [rule] }).findings).toEqual([]);
    expect(lint('delivery:\n  queueLifetime: 1d\n  bounceQueueLifetime: 12h\n').findings).toEqual([]);
  });
});

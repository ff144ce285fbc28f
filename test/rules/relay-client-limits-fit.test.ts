// Tests relay-client-limits-fit: hourly within daily and within the per-minute limit, and within Postfix's rate delays.
import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/relay-client-limits-fit.js';
import { BASE_CONFIG, expectFindings, lintText, mergeConfig } from '../helpers/rule-tester.js';
import { at } from './postfix-util/at.js';

const lint = (fragment: string) => lintText(mergeConfig(fragment), { rules: [rule] });
const client = (limits: string) => `relay:\n  clients:\n    - { name: billing, senders: [support@acme-mail.net], limits: { ${limits} } }\n`;

describe('relay-client-limits-fit', () => {
  it('flags an hourly cap above the daily cap', () => {
    const result = lint(client('messagesPerHour: 500, messagesPerDay: 100'));
    expectFindings(result, rule.id, [{ severity: 'warning', ...at(result.text, 'messagesPerHour: 500', '500'), message: /allows 500 messages per hour but only 100 per day/ }]);
  });

  it('flags an hourly cap the per-minute request limit can never reach', () => {
    const result = lint(client('requestsPerMinute: 2, messagesPerHour: 500'));
    expectFindings(result, rule.id, [{ severity: 'warning', ...at(result.text, 'messagesPerHour: 500', '500'), message: /2 requests per minute admit at most 120/ }]);
  });

  it('flags a client allowed more per hour than a destination rate delay delivers', () => {
    const result = lint(`delivery:\n  destinations:\n    - { domain: qq.com, concurrency: 2, rateDelay: 10s, recipientLimit: 3 }\n${client('requestsPerMinute: 60, messagesPerHour: 1000')}`);
    expectFindings(result, rule.id, [{ severity: 'warning', ...at(result.text, 'messagesPerHour: 1000', '1000'), message: /may hand over 1000 messages an hour, but slow_qq_com_destination_rate_delay|lets Postfix deliver at most 360 an hour to qq\.com/ }]);
  });

  it('flags an unlimited client against a global smtp rate delay, at the client name', () => {
    const result = lint(`postfix:\n  parameters:\n    smtp_destination_rate_delay: 2s\n${client('requestsPerMinute: 0')}`);
    expectFindings(result, rule.id, [
      { severity: 'warning', ...at(result.text, 'name: billing', 'billing'), message: /client billing has no limit at all/ },
      { severity: 'warning', ...at(result.text, 'name: billing', 'billing'), message: /may hand over unlimited messages an hour, but smtp_destination_rate_delay = 2s lets Postfix deliver at most 1800 an hour to any one destination/ },
    ]);
  });

  it('passes consistent limits within the delays, and configs without clients', () => {
    expect(lintText(BASE_CONFIG, { rules: [rule] }).findings).toEqual([]);
    expect(lint(`delivery:\n  destinations:\n    - { domain: qq.com, concurrency: 2, rateDelay: 10s, recipientLimit: 3 }\n${client('requestsPerMinute: 5, messagesPerHour: 300, messagesPerDay: 2000')}`).findings).toEqual([]);
  });
});

// Tests message-size-fits-relay: the base64-grown relay body plus headers fits message_size_limit.
import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/message-size-fits-relay.js';
import { base64Bytes } from '../../src/rules/postfix-util/message-size.js';
import { BASE_CONFIG, expectFindings, lintText, mergeConfig } from '../helpers/rule-tester.js';
import { at } from './postfix-util/at.js';

const lint = (fragment: string) => lintText(mergeConfig(fragment), { rules: [rule] });

describe('message-size-fits-relay', () => {
  it('counts base64 growth with line breaks', () => {
    expect(base64Bytes(3)).toBe(4 + 2);
    expect(base64Bytes(57)).toBe(76 + 2); // one full 76-character line
    expect(base64Bytes(524288)).toBe(699052 + 9199 * 2);
  });

  it('flags a limit the encoded 512 KiB body does not fit', () => {
    const result = lint('delivery:\n  messageSizeLimit: 600000\n');
    // 717450 encoded body + 21987 headers (8192 + 1098 subject + 10 recipients * 512 + 7577 for the eight
    // headers a caller may add, each at 900 characters with its name and folding).
    expectFindings(result, rule.id, [
      { severity: 'error', ...at(result.text, 'messageSizeLimit: 600000', '600000'), message: /524288 body bytes become 717450.*21987.*= 739437 bytes/ },
    ]);
  });

  it('flags a raw message_size_limit override', () => {
    const result = lint('postfix:\n  parameters:\n    message_size_limit: 700000\n');
    expectFindings(result, rule.id, [{ severity: 'error', ...at(result.text, 'message_size_limit: 700000', '700000') }]);
  });

  it('passes the seed 03 limit, no limit (0), and leaves a body above the limit to relay-body-within-message-size', () => {
    expect(lintText(BASE_CONFIG, { rules: [rule] }).findings).toEqual([]);
    expect(lint('delivery:\n  messageSizeLimit: 739437\n').findings).toEqual([]);
    expect(lint('postfix:\n  parameters:\n    message_size_limit: 0\n').findings).toEqual([]);
    expect(lint('delivery:\n  messageSizeLimit: 400000\n').findings).toEqual([]);
  });
});

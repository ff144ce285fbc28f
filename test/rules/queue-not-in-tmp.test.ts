// Tests queue-not-in-tmp: the queue root is off /tmp, /var/tmp and tmpfs mounts.
import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/queue-not-in-tmp.js';
import { BASE_CONFIG, expectFindings, lintText, mergeConfig } from '../helpers/rule-tester.js';
import { at } from './postfix-util/at.js';

const lint = (fragment: string) => lintText(mergeConfig(fragment), { rules: [rule] });

describe('queue-not-in-tmp', () => {
  it('flags /tmp and /var/tmp, also through ..', () => {
    let result = lint('relay:\n  queue: { root: /tmp/acme-relay }\n');
    expectFindings(result, rule.id, [{ severity: 'error', ...at(result.text, 'root: /tmp/acme-relay', '/tmp'), message: /PrivateTmp/ }]);
    // A path through .. never reaches the rule: the schema refuses it at the same place.
    result = lint('relay:\n  queue: { root: /var/spool/../tmp/acme }\n');
    expectFindings(result, 'schema', [{ severity: 'error', ...at(result.text, 'root: /var/spool/../tmp/acme', '/var'), message: /no \. or \.\. segment/ }]);
  });

  it('flags tmpfs mounts', () => {
    const result = lint('relay:\n  queue: { root: /run/acme-relay }\n');
    expectFindings(result, rule.id, [{ severity: 'error', ...at(result.text, 'root: /run/acme-relay', '/run'), message: /tmpfs/ }]);
  });

  it('passes /var/spool and look-alike names', () => {
    expect(lintText(BASE_CONFIG, { rules: [rule] }).findings).toEqual([]);
    expect(lint('relay:\n  queue: { root: /srv/tmpfiles/acme }\n').findings).toEqual([]);
    expect(lint('relay:\n  queue: { root: /var/tmpq }\n').findings).toEqual([]);
  });
});

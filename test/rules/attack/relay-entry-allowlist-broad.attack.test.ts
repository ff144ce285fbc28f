// Attack: relay-entry-allowlist-broad judges each allowFrom entry alone, so many /8s (each at the bound)
// together admit most of IPv4 through the nginx-allowlist gate with no finding.
import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/relay-entry-allowlist-broad.js';
import { lintText, mergeConfig } from '../../helpers/rule-tester.js';

const nginx = (allowFrom: string[]) =>
  lintText(mergeConfig(`relay:\n  entry:\n    hostname: mail-relay.acme-mail.net\n    gateway: nginx-allowlist\n    allowFrom: [${allowFrom.join(', ')}]\n`), { rules: [rule] });

describe('relay-entry-allowlist-broad, attacked', () => {
  it('flags 1.0.0.0/8 .. 223.0.0.0/8 (223 /8s, about 87% of IPv4): the allowlist then gates nothing', () => {
    const slash8s = Array.from({ length: 223 }, (_, i) => `${i + 1}.0.0.0/8`);
    const result = nginx(slash8s);
    expect(result.findings.filter((f) => f.ruleId === rule.id && f.severity === 'error').length).toBeGreaterThan(0);
  });

  it('flags 128.0.0.0/8 .. 255.0.0.0/8 (half of IPv4, the same as the 0.0.0.0/1 it already flags)', () => {
    expect(nginx(['0.0.0.0/1']).findings).toHaveLength(1);
    const upperHalf = Array.from({ length: 128 }, (_, i) => `${i + 128}.0.0.0/8`);
    expect(nginx(upperHalf).findings.filter((f) => f.ruleId === rule.id).length).toBeGreaterThan(0);
  });

  it('flags the 6to4 prefix 2002::/16 and Teredo 2001::/32: each embeds the whole IPv4 Internet, any IPv4 host can source from them (RFC 3056 section 2, RFC 4380 section 4)', () => {
    expect(nginx(['"2002::/16"']).findings.filter((f) => f.ruleId === rule.id)).toHaveLength(1);
    expect(nginx(['"2001::/32"']).findings.filter((f) => f.ruleId === rule.id)).toHaveLength(1);
  });
});

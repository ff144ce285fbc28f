// Tests relay-entry-allowlist-broad: an nginx allowlist that admits a large share of the Internet is no allowlist.
import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/relay-entry-allowlist-broad.js';
import { expectFindings, lintText, mergeConfig } from '../helpers/rule-tester.js';
import { at } from './postfix-util/at.js';

const lint = (fragment: string) => lintText(mergeConfig(fragment), { rules: [rule] });
const nginx = (allowFrom: string, gateway = 'nginx-allowlist') =>
  lint(`relay:\n  entry:\n    hostname: mail-relay.acme-mail.net\n    gateway: ${gateway}\n    allowFrom: ${allowFrom}\n`);

describe('relay-entry-allowlist-broad', () => {
  it('flags 0.0.0.0/0 at its own list item, and leaves the narrow entry beside it alone', () => {
    const result = nginx('[198.51.100.7, 0.0.0.0/0]');
    expectFindings(result, rule.id, [{ severity: 'error', ...at(result.text, '0.0.0.0/0', '0.0.0.0/0'), message: /0\.0\.0\.0\/0 lets every IPv4 address reach the relay/ }]);
  });

  it('flags ::/0 and the prefixes just short of the bounds, as nginx will read them (host bits cleared)', () => {
    expect(nginx('["::/0"]').findings.map((f) => f.message)).toEqual([expect.stringMatching(/^relay\.entry\.allowFrom ::\/0 lets every IPv6 address/)]);
    expect(nginx('[12.34.56.78/7]').findings.map((f) => f.message)).toEqual([expect.stringMatching(/^relay\.entry\.allowFrom 12\.0\.0\.0\/7 lets 1\/128 of all IPv4 addresses/)]);
    expect(nginx('["2001:db8::/15"]').findings.map((f) => f.message)).toEqual([expect.stringMatching(/2000::\/15 lets 1\/32768 of all IPv6 addresses/)]);
  });

  it('flags narrow entries that add up to most of a family, once, at allowFrom, with the share', () => {
    const slices = Array.from({ length: 32 }, (_, i) => `${i + 1}.0.0.0/8`).join(', ');
    expect(nginx(`[${slices}]`).findings.map((f) => [f.path.join('.'), f.message])).toEqual([
      ['relay.entry.allowFrom', 'relay.entry.allowFrom\'s IPv4 entries together let 12.5 % of all IPv4 addresses reach the relay through nginx: an allowlist in slices is still the Internet; list the callers\' networks, or use gateway mtls'],
    ]);
    // overlaps count once: the same /8 sixteen times is one /8
    expect(nginx(`[${Array(17).fill('10.0.0.0/8').join(', ')}]`).findings).toEqual([]);
  });

  it('flags the 6to4 and Teredo prefixes, from which any IPv4 host can send', () => {
    expect(nginx('["2002::/16"]').findings.map((f) => f.message)).toEqual([expect.stringMatching(/^relay\.entry\.allowFrom 2002::\/16 covers a wide part of the 6to4 prefix 2002::\/16/)]);
    expect(nginx('["2001::/32"]').findings.map((f) => f.message)).toEqual([expect.stringMatching(/of the Teredo prefix 2001::\/32/)]);
    // half of 6to4 is half of IPv4; one server's Teredo /64 is every client of that server
    expect(nginx('["2002::/17", "2001:0:c633:6407::/64"]').findings.map((f) => f.path.join('.'))).toEqual(['relay.entry.allowFrom.0', 'relay.entry.allowFrom.1']);
    // one IPv4 host's 6to4 network (/48), and a /24-sized one, are narrow enough
    expect(nginx('["2002:c633:6407::/48", "2002:c600::/24"]').findings).toEqual([]);
  });

  it('passes /8 and /16 and narrower, mTLS (the certificate is the gate), and other gateways', () => {
    expect(nginx('[10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, "2a01::/16", 198.51.100.7]').findings).toEqual([]);
    expect(nginx('[0.0.0.0/0]', 'mtls').findings).toEqual([]);
    expect(lint('relay:\n  entry: { gateway: nginx-allowlist, allowFrom: [0.0.0.0/0] }\n').findings).toEqual([]);
  });
});

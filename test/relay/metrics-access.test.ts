// Tests metrics-access.ts: which TCP peers METRICS_PEERS lets read /metrics.
import { describe, expect, it } from 'vitest';
import { readMetricsPeers } from '../../src/relay/metrics-access.js';
import { StartupError } from '../../src/relay/settings.js';

describe('readMetricsPeers', () => {
  it('by default allows this host only: 127.0.0.0/8 and ::1, also as IPv4-mapped IPv6', () => {
    const allows = readMetricsPeers({});
    for (const peer of ['127.0.0.1', '127.9.8.7', '::1', '::ffff:127.0.0.1']) expect(allows(peer), peer).toBe(true);
    for (const peer of ['10.0.0.1', '::2', '::ffff:10.0.0.1', '2001:db8::1', 'unknown', '']) expect(allows(peer), peer).toBe(false);
  });

  it('takes a list of prefixes, comma or space separated', () => {
    const allows = readMetricsPeers({ METRICS_PEERS: '127.0.0.1/32, 2001:db8::/64' });
    expect([allows('127.0.0.1'), allows('127.0.0.2'), allows('2001:db8::5'), allows('2001:db8:0:1::5')]).toEqual([true, false, true, false]);
  });

  it('refuses a malformed prefix, naming it', () => {
    expect(() => readMetricsPeers({ METRICS_PEERS: '127.0.0.1' })).toThrow(StartupError);
    expect(() => readMetricsPeers({ METRICS_PEERS: '127.0.0.0/8,any' })).toThrow('METRICS_PEERS: "any" is not an address prefix such as 127.0.0.0/8 or ::1/128');
  });
});

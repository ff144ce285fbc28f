// Attack: a relay listening on a private address (relay.listen 10.8.0.1:2525, a vpn gateway) gets the scrape
// job targets: [10.8.0.1:2525], for a Prometheus on the same host. Linux gives a connection to one of the
// host's own addresses that address as its source (the route goes through lo), so the relay sees peer
// 10.8.0.1, which the default METRICS_PEERS (loopback) refuses with 403: the scrape fails, up is 0 and
// RelayconfRelayDown fires for a relay that runs. The built env file must let the scrape job in.
import { describe, expect, it } from 'vitest';
import { relayEnvFile } from '../../../src/outputs/relay-env.js';
import { scrapeFile } from '../../../src/outputs/prometheus-rules.js';
import { readMetricsPeers } from '../../../src/relay/metrics-access.js';
import { parseEnvFile } from '../../relay/helpers/relay-process.js';
import { modelFrom } from '../model.js';

describe('the scrape job against METRICS_PEERS, attacked', () => {
  it.each([
    ['relay: { listen: 10.8.0.1:2525, entry: { gateway: vpn } }', '10.8.0.1'],
    ['relay: { listen: "[fd00:8::1]:2525", entry: { gateway: vpn } }', 'fd00:8::1'],
  ])('%s: the scrape target is a peer the relay answers', (fragment, host) => {
    const model = modelFrom(fragment);
    const [target] = scrapeFile(model).scrape_configs[0].static_configs[0].targets;
    expect(target.replace(/:\d+$/, '').replace(/^\[(.*)\]$/, '$1')).toBe(host);
    const allows = readMetricsPeers(parseEnvFile(relayEnvFile(model).content));
    expect(allows(host)).toBe(true);
    // Still loopback, and still nobody else on that network.
    expect(allows('127.0.0.1')).toBe(true);
    expect(allows(host.includes(':') ? 'fd00:8::2' : '10.8.0.2')).toBe(false);
  });

  it('a loopback relay keeps the default (no METRICS_PEERS line)', () => {
    expect(relayEnvFile(modelFrom()).content).not.toContain('METRICS_PEERS');
  });
});

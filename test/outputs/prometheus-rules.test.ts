// Tests etc/prometheus/rules/relayconf-<name>.rules.yml and the scrape job beside it: read back with the
// yaml library, the alerts this relay gets, and every metric an expression names is one the relay's
// registry really exports (a renamed metric breaks this test, not the on-call engineer's night).
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { alertRules, prometheusFiles, ruleFile, scrapeFile, selector } from '../../src/outputs/prometheus-rules.js';
import { HEALTH_DEFAULTS } from '../../src/relay/health.js';
import { createRelayMetrics } from '../../src/relay/metrics.js';
import { modelFrom } from './model.js';

const ACCEPT = 'delivery:\n  milterDefault: accept\n';

/** What the relay's registry exports: metric name -> its label names. */
async function exported(): Promise<Map<string, string[]>> {
  const metrics = createRelayMetrics({
    snapshot: async () => ({ pending: 0, processing: 0, failed: 0, oldestAgeSeconds: 0, disk: { freeBytes: 1, totalBytes: 2 } }),
    failureStreak: () => 0,
  });
  const json = await metrics.registry.getMetricsAsJSON();
  return new Map(json.map((metric) => [metric.name, [...new Set(metric.values.flatMap((v) => Object.keys(v.labels)))]]));
}

/** Series selectors of an expression: `name{label="value",...}` or a bare name. */
function selectors(expr: string): { name: string; labels: Record<string, string> }[] {
  return [...expr.matchAll(/([a-z_][a-z0-9_]*)(?:\{([^}]*)\})?/g)]
    .filter((m) => m[1].startsWith('relayconf_relay_') || m[1] === 'up' || m[1].startsWith('node_'))
    .map((m) => ({ name: m[1], labels: Object.fromEntries([...(m[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((l) => [l[1], l[2]])) }));
}

describe('the Prometheus alert rules', () => {
  it('are written to etc/prometheus/rules/ with the scrape job beside them, as YAML that reads back as the model', () => {
    const model = modelFrom();
    const [rules, scrape, ...rest] = prometheusFiles(model);
    expect(rest).toEqual([]);
    expect([rules.path, rules.mode, scrape.path, scrape.mode]).toEqual([
      'etc/prometheus/rules/relayconf-acme-relay.rules.yml',
      0o644,
      'etc/prometheus/relayconf-acme-relay.scrape.yml',
      0o644,
    ]);
    expect(parse(rules.content)).toEqual(ruleFile(model));
    expect(parse(scrape.content)).toEqual({ scrape_configs: [{ job_name: 'acme-relay', metrics_path: '/metrics', static_configs: [{ targets: ['127.0.0.1:2525'] }] }] });
    expect(rules.content).toMatch(/^# \/etc\/prometheus\/rules\/relayconf-acme-relay\.rules\.yml: Prometheus alerting rules for the acme-relay relay\.\n/);
  });

  it('has the alerts an on-call engineer needs; the OpenDKIM one follows milterDefault', () => {
    const names = (fragment: string) => alertRules(modelFrom(fragment)).map((r) => r.alert);
    const common = ['RelayconfRelayDown', 'RelayconfRelayNotScraped', 'RelayconfBacklogHigh', 'RelayconfBacklogGrowing', 'RelayconfOldestJobTooOld', 'RelayconfHandoffFailing', 'RelayconfJobsFailed', 'RelayconfBounceRateHigh', 'RelayconfDeferredGrowing', 'RelayconfLogFollowerDown', 'RelayconfQueueDiskLow'];
    expect(names(ACCEPT)).toEqual([...common, 'RelayconfMailLeavingUnsigned', 'RelayconfSigningUnwatched']);
    expect(names('')).toEqual([...common, 'RelayconfOpenDKIMDown', 'RelayconfSigningUnwatched']);
    const unsigned = alertRules(modelFrom(ACCEPT)).find((r) => r.alert === 'RelayconfMailLeavingUnsigned')!;
    expect(unsigned.expr).toBe('node_systemd_unit_state{name="opendkim.service",state="active"} == 0');
    expect(unsigned.annotations.description).toContain("milter_default_action is accept");
    expect(unsigned.labels).toEqual({ severity: 'critical', relay: 'acme-relay' });
  });

  it('use the thresholds /health uses, and select this relay by its scrape job', () => {
    const byName = Object.fromEntries(alertRules(modelFrom()).map((r) => [r.alert, r]));
    expect(byName.RelayconfBacklogHigh.expr).toBe(`relayconf_relay_queue_jobs{job="acme-relay",state="pending"} > ${HEALTH_DEFAULTS.maxPending}`);
    expect(byName.RelayconfOldestJobTooOld.expr).toBe(`relayconf_relay_oldest_pending_job_age_seconds{job="acme-relay"} > ${HEALTH_DEFAULTS.maxOldestSeconds}`);
    expect(byName.RelayconfHandoffFailing.expr).toBe(`relayconf_relay_handoff_consecutive_failures{job="acme-relay"} >= ${HEALTH_DEFAULTS.maxHandoffFailures}`);
    expect(byName.RelayconfQueueDiskLow.expr).toBe(
      `relayconf_relay_queue_disk_free_bytes{job="acme-relay"} < ${HEALTH_DEFAULTS.minDiskFreeMiB * 2 ** 20} or ` +
        `relayconf_relay_queue_disk_free_bytes{job="acme-relay"} / relayconf_relay_queue_disk_size_bytes{job="acme-relay"} * 100 < ${HEALTH_DEFAULTS.minDiskFreePercent}`,
    );
    expect(byName.RelayconfRelayDown.expr).toBe('up{job="acme-relay"} == 0');
    // Delivery outcomes from Postfix's log: the bounce share of the recipients answered in an hour, over enough of them.
    const hour = (state: string) => `sum by (job) (increase(relayconf_relay_delivery_outcomes_total{job="acme-relay",state="${state}"}[1h]))`;
    expect(byName.RelayconfBounceRateHigh.expr).toBe(`${hour('bounced')} / (${hour('sent')} + ${hour('bounced')}) > 0.05 and (${hour('sent')} + ${hour('bounced')}) >= 20`);
    expect(byName.RelayconfLogFollowerDown.expr).toBe('relayconf_relay_log_follower_up{job="acme-relay"} == 0');
    const job = scrapeFile(modelFrom()).scrape_configs[0].job_name;
    for (const rule of alertRules(modelFrom())) {
      for (const found of selectors(rule.expr).filter((s) => !s.name.startsWith('node_'))) expect(found.labels.job, rule.alert).toBe(job);
    }
  });

  it('name only metrics and labels the relay exports', async () => {
    const registry = await exported();
    const used = alertRules(modelFrom(ACCEPT)).flatMap((rule) => selectors(rule.expr).filter((s) => s.name.startsWith('relayconf_relay_')));
    expect(new Set(used.map((s) => s.name)).size).toBe(8);
    for (const { name, labels } of used) {
      expect(registry.has(name), `${name} is not exported by the relay`).toBe(true);
      // `job` comes from the scrape; every other label must be one the metric carries.
      for (const label of Object.keys(labels).filter((l) => l !== 'job')) expect(registry.get(name), `${name} has no label ${label}`).toContain(label);
    }
    // And the check bites: a name the relay does not export is caught.
    expect(registry.has('relayconf_relay_queue_depth')).toBe(false);
  });

  it('give every alert a severity, a summary and a description that says what to do, citing no tracker', () => {
    for (const rule of alertRules(modelFrom(ACCEPT))) {
      expect(['critical', 'warning']).toContain(rule.labels.severity);
      expect(rule.for).toMatch(/^\d+m$/);
      expect(rule.annotations.summary.length).toBeGreaterThan(10);
      expect(rule.annotations.description).toMatch(/`[^`]+`|APPLY\.md|prometheus\.yml|--collector\.systemd/);
      expect(`${rule.annotations.summary} ${rule.annotations.description}`).not.toMatch(/\bissue \d|\bseed \d/i);
    }
  });

  it('target an IPv6 listener in brackets, and quote label values as PromQL strings', () => {
    expect(scrapeFile(modelFrom('relay: { listen: "[::1]:2600" }')).scrape_configs[0].static_configs).toEqual([{ targets: ['[::1]:2600'] }]);
    expect(selector('up', { job: 'a"b\\c' })).toBe('up{job="a\\"b\\\\c"}');
  });

  it('refuse a name the schema would not allow, whatever built the model', () => {
    const model = modelFrom();
    expect(() => prometheusFiles({ ...model, name: 'x"} or vector(1) #' })).toThrow(/is not a relay name/);
  });
});

// System test: the generated Prometheus files and the live /metrics, judged by the real promtool (Debian
// package prometheus). Every valid example's rules pass `promtool check rules`, the scrape job and the rules
// pass `promtool check config` together, `promtool test rules` shows that alerts fire on the series the relay
// exports, and a live scrape of the built relay passes `promtool check metrics`. Control cases prove each
// check fails on a broken input. A missing promtool fails the test, never skips it.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfigFile } from '../../src/config/load.js';
import { prometheusFiles, ruleFile, scrapeFile } from '../../src/outputs/prometheus-rules.js';
import { HEALTH_DEFAULTS } from '../../src/relay/health.js';
import { REPO, listExamples } from '../helpers/golden.js';
import { tempDir } from '../helpers/tmp.js';
import { buildRelay, FakeSendmail, newQueueRoot, reap, removeDir, request, send, startRelay, until, validMail, type BuiltRelay, type RelayProcess } from '../relay/helpers/relay-process.js';
import { sample } from '../relay/helpers/metrics-text.js';

const EXAMPLES = listExamples().filter((e) => !e.invalid);

function promtool(args: string[], input?: string): SpawnSyncReturns<string> {
  const result = spawnSync('promtool', args, { encoding: 'utf8', input, timeout: 60_000 });
  if ((result.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') {
    throw new Error('promtool is not installed: run .ci/install-system-deps.sh (Debian package prometheus)');
  }
  if (result.error) throw result.error;
  return result;
}

describe('promtool check rules: every example', () => {
  const work = tempDir('relayconf-prom-');

  it.each(EXAMPLES.map((e) => [e.name, e.config] as [string, string]))('%s', async (name, config) => {
    const model = (await loadConfigFile(config, REPO)).model!;
    const [rules] = prometheusFiles(model);
    const file = path.join(work, `${name}.rules.yml`);
    writeFileSync(file, rules.content);
    const result = promtool(['check', 'rules', file]);
    expect([result.status, result.stderr]).toEqual([0, '']);
    expect(result.stdout).toContain(`SUCCESS: ${ruleFile(model).groups[0].rules.length} rules found`);
  });

  it('control: a rule whose expression does not parse fails the check', () => {
    const file = path.join(work, 'broken.rules.yml');
    writeFileSync(file, stringify({ groups: [{ name: 'x', rules: [{ alert: 'Broken', expr: 'relayconf_relay_queue_jobs{state="pending" > 1' }] }] }));
    const result = promtool(['check', 'rules', file]);
    expect(result.status).not.toBe(0);
    expect(`${result.stdout}${result.stderr}`).toMatch(/FAILED|parse error/);
  });
});

describe('the scrape job and rules together, and alerts that fire', () => {
  const work = tempDir('relayconf-prom-config-');

  it('promtool check config accepts prometheus.yml with the generated scrape job and rule file', async () => {
    const model = (await loadConfigFile(EXAMPLES[0].config, REPO)).model!;
    const rules = path.join(work, 'relay.rules.yml');
    writeFileSync(rules, prometheusFiles(model)[0].content);
    const config = path.join(work, 'prometheus.yml');
    writeFileSync(config, stringify({ rule_files: [rules], ...parse(prometheusFiles(model)[1].content) }));
    const result = promtool(['check', 'config', config]);
    expect([result.status, result.stderr]).toEqual([0, '']);
    expect(result.stdout).toContain(`SUCCESS: ${ruleFile(model).groups[0].rules.length} rules found`);
    expect(parse(prometheusFiles(model)[1].content)).toEqual(scrapeFile(model));
  });

  it('promtool test rules: hand-off failures, a dead relay and OpenDKIM down fire; a healthy relay fires nothing', async () => {
    const example = EXAMPLES.find((e) => e.name === 'minimal') ?? EXAMPLES[0];
    const model = (await loadConfigFile(example.config, REPO)).model!;
    const job = model.name;
    const rules = path.join(work, 'fire.rules.yml');
    writeFileSync(rules, prometheusFiles(model)[0].content);
    const streak = HEALTH_DEFAULTS.maxHandoffFailures;
    const unsignedAlert = model.delivery.milterDefault === 'accept' ? 'RelayconfMailLeavingUnsigned' : 'RelayconfOpenDKIMDown';
    const tests = {
      rule_files: [rules],
      evaluation_interval: '1m',
      tests: [
        {
          interval: '1m',
          input_series: [
            { series: `up{job="${job}",instance="127.0.0.1:2525"}`, values: '1 1 0x10' },
            { series: `relayconf_relay_handoff_consecutive_failures{job="${job}",instance="127.0.0.1:2525"}`, values: `0 1 2 ${streak}+1x10` },
            { series: 'node_systemd_unit_state{name="opendkim.service",state="active",type="notify"}', values: '1 1 0x5' },
          ],
          alert_rule_test: [
            {
              eval_time: '10m',
              alertname: 'RelayconfRelayDown',
              exp_alerts: [{ exp_labels: { severity: 'critical', relay: job, job, instance: '127.0.0.1:2525' }, exp_annotations: alertAnnotations(model, 'RelayconfRelayDown') }],
            },
            { eval_time: '1m', alertname: 'RelayconfRelayDown', exp_alerts: [] },
            {
              eval_time: '10m',
              alertname: 'RelayconfHandoffFailing',
              exp_alerts: [{ exp_labels: { severity: 'critical', relay: job, job, instance: '127.0.0.1:2525' }, exp_annotations: alertAnnotations(model, 'RelayconfHandoffFailing', String(streak + 7)) }],
            },
            // Under the threshold, or not yet for 5 minutes: nothing.
            { eval_time: '4m', alertname: 'RelayconfHandoffFailing', exp_alerts: [] },
            {
              eval_time: '5m',
              alertname: unsignedAlert,
              exp_alerts: [{ exp_labels: { severity: 'critical', relay: job, name: 'opendkim.service', state: 'active', type: 'notify' }, exp_annotations: alertAnnotations(model, unsignedAlert) }],
            },
            { eval_time: '5m', alertname: 'RelayconfSigningUnwatched', exp_alerts: [] },
            { eval_time: '10m', alertname: 'RelayconfBacklogHigh', exp_alerts: [] },
          ],
        },
      ],
    };
    const file = path.join(work, 'fire.test.yml');
    writeFileSync(file, stringify(tests));
    const result = promtool(['test', 'rules', file]);
    expect([result.status, result.stdout + result.stderr]).toEqual([0, expect.stringContaining('SUCCESS')]);
    // Control: expecting the alert too early fails.
    tests.tests[0].alert_rule_test[3] = { ...tests.tests[0].alert_rule_test[2], eval_time: '4m' };
    writeFileSync(file, stringify(tests));
    expect(promtool(['test', 'rules', file]).status).not.toBe(0);
  });
});

/** An alert's annotations with {{ $value }} filled in the way Prometheus renders it. */
function alertAnnotations(model: Parameters<typeof ruleFile>[0], alert: string, value = '0'): Record<string, string> {
  const rule = ruleFile(model).groups[0].rules.find((r) => r.alert === alert)!;
  return Object.fromEntries(Object.entries(rule.annotations).map(([key, text]) => [key, text.replaceAll('{{ $value }}', value)]));
}

describe('promtool check metrics on a live scrape of the built relay', () => {
  let built: BuiltRelay;
  let relay: RelayProcess;
  afterAll(async () => {
    await reap(relay);
    if (built) removeDir(built.dir);
  });

  it('passes after traffic, with the counters promtool reads', async () => {
    built = buildRelay();
    const sendmail = new FakeSendmail(built.dir);
    relay = await startRelay({ built, queueRoot: newQueueRoot(built.dir), sendmail });
    for (let i = 0; i < 2; i++) expect((await send(relay.port, validMail())).status).toBe(202);
    await until(() => relay.events.filter((e) => e.event === 'delivered').length === 2, 10_000, 'two hand-offs');
    const scrape = await request(relay.port, { method: 'GET', path: '/metrics' });
    expect(scrape.status).toBe(200);
    expect(sample(scrape.text, 'relayconf_relay_jobs_accepted_total')).toBe(2);
    const result = promtool(['check', 'metrics'], scrape.text);
    expect([result.status, result.stdout, result.stderr]).toEqual([0, '', '']);
    // Control: a counter without _total and a sample without its TYPE is reported.
    const broken = promtool(['check', 'metrics'], '# HELP relayconf_relay_jobs Jobs.\n# TYPE relayconf_relay_jobs counter\nrelayconf_relay_jobs 1\n');
    expect(broken.status).not.toBe(0);
    expect(broken.stdout + broken.stderr).toContain('counter metrics should have "_total" suffix');
  });
});

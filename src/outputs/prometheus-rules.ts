// Emits Prometheus alerting rules for this relay (etc/prometheus/rules/relayconf-<name>.rules.yml) and the
// scrape job they select by (etc/prometheus/relayconf-<name>.scrape.yml), from a typed model written with
// the yaml library. Expressions name the metrics the relay exports (src/relay/metric-names.ts) and the
// thresholds /health uses (src/relay/health.ts); the one config value inside PromQL, the relay's name, is
// checked to be a plain name and quoted as a PromQL string (Prometheus docs, "Querying basics": string literals).
import { Document } from 'yaml';
import type { RelayModel } from '../config/model.js';
import { HEALTH_DEFAULTS } from '../relay/health.js';
import { METRIC_NAMES } from '../relay/metric-names.js';
import { refuse, refuseControl, type EncodeSite } from './encode/refuse.js';
import { listenText } from './relay-server.js';
import type { OutputFile } from './types.js';

export interface AlertRule {
  alert: string;
  expr: string;
  for: string;
  labels: { severity: 'critical' | 'warning'; relay: string };
  annotations: { summary: string; description: string };
}

export interface RuleFile {
  groups: { name: string; rules: AlertRule[] }[];
}

export interface ScrapeFile {
  scrape_configs: { job_name: string; metrics_path: string; static_configs: { targets: string[] }[] }[];
}

export const rulesPath = (model: RelayModel): string => `etc/prometheus/rules/relayconf-${model.name}.rules.yml`;
export const scrapePath = (model: RelayModel): string => `etc/prometheus/relayconf-${model.name}.scrape.yml`;

/** The unit whose state says whether mail is signed (Debian 12's opendkim package). */
export const OPENDKIM_UNIT = 'opendkim.service';

const MIB = 2 ** 20;

/** A PromQL instant-vector selector; label values are double-quoted strings with \ and " escaped. */
export function selector(metric: string, labels: Record<string, string>): string {
  const matchers = Object.entries(labels).map(([key, value]) => `${key}="${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`);
  return `${metric}{${matchers.join(',')}}`;
}

/** Hard bounces over this share of the recipients answered in an hour: above the few percent mailbox providers treat as a list problem. */
const BOUNCE_RATE = 0.05;
/** Fewer recipients than this in the hour say nothing about a rate. */
const BOUNCE_MIN_VOLUME = 20;
/** Deferrals in 15 minutes below which a doubling is noise. */
const DEFERRED_MIN = 10;

/** The alerts; `job` is the scrape job's name (the relay's name). */
export function alertRules(model: RelayModel): AlertRule[] {
  const job = model.name;
  const m = (metric: string, labels: Record<string, string> = {}) => selector(metric, { job, ...labels });
  const rule = (alert: string, severity: AlertRule['labels']['severity'], expr: string, forTime: string, summary: string, description: string): AlertRule => ({
    alert,
    expr,
    for: forTime,
    labels: { severity, relay: job },
    annotations: { summary, description },
  });
  const limits = HEALTH_DEFAULTS;
  const unit = `${job}.service`;
  const pending = m(METRIC_NAMES.queueJobs, { state: 'pending' });
  const dkimActive = selector('node_systemd_unit_state', { name: OPENDKIM_UNIT, state: 'active' });
  const journal = `journalctl -u ${unit} -o cat`;
  const outcome = (state: string) => m(METRIC_NAMES.deliveryOutcomes, { state });
  const [sent, bounced, deferred] = [outcome('sent'), outcome('bounced'), outcome('deferred')];
  // One series per job, the state label summed away, so the states divide and add.
  const perJob = (series: string, range: string) => `sum by (job) (increase(${series}[${range}]))`;
  const rules: AlertRule[] = [
    rule(
      'RelayconfRelayDown',
      'critical',
      `${selector('up', { job })} == 0`,
      '2m',
      `The ${job} relay does not answer Prometheus`,
      `Prometheus cannot scrape ${listenText(model)}/metrics: the relay is stopped, restarting or hung, and callers get no 202. ` +
        `Check \`systemctl status ${unit}\` and \`journalctl -u ${unit} -n 50\` (systemctl(1), journalctl(1)); a refused start names its cause on one line.`,
    ),
    rule(
      'RelayconfRelayNotScraped',
      'critical',
      `absent(${selector('up', { job })})`,
      '10m',
      `Prometheus has no scrape job for the ${job} relay`,
      `No series up{job="${job}"} exists, so no other alert about this relay can fire. Add the scrape job of relayconf-${job}.scrape.yml ` +
        'to prometheus.yml on the relay host (its /metrics answers loopback only) and reload Prometheus.',
    ),
    rule(
      'RelayconfBacklogHigh',
      'critical',
      `${pending} > ${limits.maxPending}`,
      '5m',
      `More than ${limits.maxPending} jobs wait in the ${job} relay's queue`,
      `{{ $value }} jobs are in pending/; /health answers 503 (backlog). Hand-offs to Postfix are failing or slower than the callers send. ` +
        `Look at the relay's retry lines (\`${journal} | grep '"event":"retry"'\`) and at Postfix (\`postqueue -p\`, postqueue(1)).`,
    ),
    rule(
      'RelayconfBacklogGrowing',
      'warning',
      `${pending} > 100 and deriv(${pending}[15m]) > 0`,
      '15m',
      `The ${job} relay's queue has been growing for 15 minutes`,
      `{{ $value }} jobs wait in pending/ and the number keeps rising: mail leaves slower than it arrives. ` +
        `Check whether hand-offs fail (\`${journal} | grep -E '"event":"(retry|failed)"'\`) and whether Postfix takes mail (\`postqueue -p\`).`,
    ),
    rule(
      'RelayconfOldestJobTooOld',
      'warning',
      `${m(METRIC_NAMES.oldestPendingAge)} > ${limits.maxOldestSeconds}`,
      '5m',
      `A job has waited more than ${limits.maxOldestSeconds / 60} minutes in the ${job} relay`,
      `The oldest job not yet handed to Postfix was accepted {{ $value }} s ago; jobs normally leave within seconds. Its retry lines in ` +
        `\`${journal}\` carry the reason; after the last attempt it moves to failed/ (see APPLY.md "Queues and logs").`,
    ),
    rule(
      'RelayconfHandoffFailing',
      'critical',
      `${m(METRIC_NAMES.handoffFailureStreak)} >= ${limits.maxHandoffFailures}`,
      '5m',
      `Hand-offs from the ${job} relay to Postfix keep failing`,
      `The last {{ $value }} hand-offs failed and none succeeded since; /health answers 503 (handoff_failing). Usually Postfix is down ` +
        `or refuses the relay (\`systemctl status postfix@-\`, \`journalctl -u postfix@- -n 50\`); the relay's retry lines give each reply.`,
    ),
    rule(
      'RelayconfJobsFailed',
      'warning',
      `increase(${m(METRIC_NAMES.handoffOutcomes, { outcome: 'failed' })}[1h]) > 0`,
      '0m',
      `The ${job} relay gave up on jobs in the last hour`,
      `About {{ $value }} jobs moved to failed/ and will not be sent unless moved back. Read their reasons ` +
        `(\`${journal} | grep '"event":"failed"'\`), fix the cause, then move them to pending/ (APPLY.md "Queues and logs").`,
    ),
    rule(
      'RelayconfBounceRateHigh',
      'warning',
      `${perJob(bounced, '1h')} / (${perJob(sent, '1h')} + ${perJob(bounced, '1h')}) > ${BOUNCE_RATE} and (${perJob(sent, '1h')} + ${perJob(bounced, '1h')}) >= ${BOUNCE_MIN_VOLUME}`,
      '15m',
      `More than ${BOUNCE_RATE * 100} % of the ${job} relay's recipients bounced in the last hour`,
      `{{ $value | humanizePercentage }} of the recipients the remote servers answered for were refused with 5xx (Postfix logged status=bounced). ` +
        'Each hard bounce is on the suppression list (GET /suppressions); a high rate usually means a stale address list or a sender that ' +
        'receivers distrust, and it harms the domain\'s reputation. Read the replies with GET /messages/{id} or the outcome lines ' +
        `(\`${journal} | grep '"event":"outcome"'\`).`,
    ),
    rule(
      'RelayconfDeferredGrowing',
      'warning',
      `${perJob(deferred, '15m')} > ${DEFERRED_MIN} and sum by (job) (rate(${deferred}[15m])) > 2 * sum by (job) (rate(${deferred}[1h] offset 15m))`,
      '15m',
      `Remote servers defer more of the ${job} relay's mail than before`,
      `{{ $value }} deferrals (4xx answers or unreachable servers) in the last 15 minutes, twice the rate of the hour before. Postfix keeps ` +
        'retrying (`postqueue -p`, postqueue(1)); look for one destination domain in the outcome lines (deferred, with the reply code) ' +
        '- a receiver rate-limiting or greylisting the relay - and for DNS or network trouble on the relay host.',
    ),
    rule(
      'RelayconfLogFollowerDown',
      'warning',
      `${m(METRIC_NAMES.logFollowerUp)} == 0`,
      '10m',
      `The ${job} relay does not read Postfix's log`,
      'Delivery outcomes (GET /messages/{id}), bounces, the suppression list and the deferred and bounced webhooks stop updating while mail ' +
        `still flows; /health answers 503 (log_follower_stopped). Its outcome_error lines say why (\`${journal} | grep outcome_error\`): ` +
        'usually journalctl cannot run or the relay user lost the systemd-journal group (POSTFIX_LOG in the env file).',
    ),
    rule(
      'RelayconfQueueDiskLow',
      'critical',
      `${m(METRIC_NAMES.queueDiskFree)} < ${limits.minDiskFreeMiB * MIB} or ` +
        `${m(METRIC_NAMES.queueDiskFree)} / ${m(METRIC_NAMES.queueDiskSize)} * 100 < ${limits.minDiskFreePercent}`,
      '5m',
      `The ${job} relay's queue disk is nearly full`,
      `Under ${limits.minDiskFreeMiB} MiB or ${limits.minDiskFreePercent} % is free where ${model.relay.queue.root} lives; when it fills, POST /send answers 503 ` +
        'and Postfix defers mail. Free space (df(1), `journalctl --vacuum-size`, journalctl(1)) before it runs out.',
    ),
  ];
  if (model.delivery.milterDefault === 'accept') {
    rules.push(
      rule(
        'RelayconfMailLeavingUnsigned',
        'critical',
        `${dkimActive} == 0`,
        '1m',
        'OpenDKIM is down and Postfix sends mail unsigned',
        `${OPENDKIM_UNIT} is not active (node_exporter's systemd collector) and Postfix's milter_default_action is accept, so mail ` +
          'leaves without a DKIM signature and receivers with a DMARC policy may reject it (RFC 7489 section 6.6). Restart it ' +
          `(\`systemctl restart ${OPENDKIM_UNIT}\`) and read \`journalctl -u ${OPENDKIM_UNIT} -n 50\` (opendkim(8)).`,
      ),
    );
  } else {
    rules.push(
      rule(
        'RelayconfOpenDKIMDown',
        'critical',
        `${dkimActive} == 0`,
        '1m',
        'OpenDKIM is down; Postfix holds mail back',
        `${OPENDKIM_UNIT} is not active (node_exporter's systemd collector). Postfix's milter_default_action is tempfail, so nothing ` +
          `leaves unsigned, but every message is refused with 4xx and the relay's queue grows. Restart it (\`systemctl restart ${OPENDKIM_UNIT}\`) ` +
          `and read \`journalctl -u ${OPENDKIM_UNIT} -n 50\` (opendkim(8)).`,
      ),
    );
  }
  rules.push(
    rule(
      'RelayconfSigningUnwatched',
      'warning',
      `absent(${dkimActive})`,
      '30m',
      `Prometheus cannot see whether ${OPENDKIM_UNIT} runs`,
      `No node_systemd_unit_state series for ${OPENDKIM_UNIT}: node_exporter is not scraped or runs without its systemd collector, ` +
        'so the OpenDKIM alert cannot fire. Start node_exporter with --collector.systemd (APPLY.md, "Watching the relay").',
    ),
  );
  return rules;
}

export function ruleFile(model: RelayModel): RuleFile {
  return { groups: [{ name: `relayconf-${model.name}`, rules: alertRules(model) }] };
}

export function scrapeFile(model: RelayModel): ScrapeFile {
  return { scrape_configs: [{ job_name: model.name, metrics_path: '/metrics', static_configs: [{ targets: [listenText(model)] }] }] };
}

/** The name goes into PromQL and YAML: one more check that it is what the schema allows, whatever built the model. */
function checkName(model: RelayModel, output: string): void {
  const site: EncodeSite = { output, key: 'job', from: ['name'] };
  if (!/^[a-z][a-z0-9-]{0,62}$/.test(model.name)) refuse(site, `${JSON.stringify(model.name)} is not a relay name`);
  refuseControl({ ...site, key: 'target', from: ['relay', 'listen'] }, listenText(model));
}

function yamlFile(path: string, value: object, header: string[]): OutputFile {
  const doc = new Document(value);
  doc.commentBefore = header.map((line) => ` ${line}`).join('\n');
  return { path, mode: 0o644, content: doc.toString({ lineWidth: 0 }) };
}

export function prometheusFiles(model: RelayModel): OutputFile[] {
  const rules = rulesPath(model);
  checkName(model, rules);
  return [
    yamlFile(rules, ruleFile(model), [
      `/${rules}: Prometheus alerting rules for the ${model.name} relay.`,
      'Generated by relayconf from relay.config.yaml; change the config and rebuild rather than editing here.',
      `Thresholds are the relay's /health defaults; list this file under rule_files in prometheus.yml (APPLY.md, "Watching the relay").`,
    ]),
    yamlFile(scrapePath(model), scrapeFile(model), [
      `/${scrapePath(model)}: the scrape job the ${model.name} relay's alert rules select by (job="${model.name}").`,
      "Copy its entry under scrape_configs in prometheus.yml on this host: /metrics answers loopback peers only.",
    ]),
  ];
}

// The names of the relay's Prometheus metrics, apart from prom-client: the build's alert rules
// (src/outputs/prometheus-rules.ts) import them without pulling the client library into the compiler.

export const METRIC_PREFIX = 'relayconf_relay_';

/** Every metric the relay registers itself (metrics.ts), besides prom-client's process metrics. */
export const METRIC_NAMES = {
  httpRequests: `${METRIC_PREFIX}http_requests_total`,
  jobsAccepted: `${METRIC_PREFIX}jobs_accepted_total`,
  queueJobs: `${METRIC_PREFIX}queue_jobs`,
  oldestPendingAge: `${METRIC_PREFIX}oldest_pending_job_age_seconds`,
  queueDiskFree: `${METRIC_PREFIX}queue_disk_free_bytes`,
  queueDiskSize: `${METRIC_PREFIX}queue_disk_size_bytes`,
  handoffDuration: `${METRIC_PREFIX}handoff_duration_seconds`,
  handoffOutcomes: `${METRIC_PREFIX}handoff_outcomes_total`,
  handoffFailureStreak: `${METRIC_PREFIX}handoff_consecutive_failures`,
  recoveredJobs: `${METRIC_PREFIX}recovered_jobs_total`,
  handoffsFoundInLog: `${METRIC_PREFIX}handoffs_found_in_log_total`,
  deliveryOutcomes: `${METRIC_PREFIX}delivery_outcomes_total`,
  suppressedRecipients: `${METRIC_PREFIX}suppressed_recipients`,
  webhookBacklog: `${METRIC_PREFIX}webhook_backlog_events`,
  logFollowerUp: `${METRIC_PREFIX}log_follower_up`,
} as const;

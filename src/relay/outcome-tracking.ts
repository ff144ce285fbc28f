// Puts delivery-outcome tracking together for the relay: the outcome records, the suppression list fed by
// hard bounces, the Postfix log follower and the API over them. main.ts opens it after the queue and
// tells it about every job Postfix took (its queue id from the SMTP hand-off).
import path from 'node:path';
import { domainOf } from './address.js';
import type { QueueFs } from './fsops.js';
import { LogFollower, type LogSource } from './log-follower.js';
import type { LogFields, Logger } from './log.js';
import { outcomeApi, type OutcomeApi } from './outcome-api.js';
import { OutcomeStore, type OutcomeStoreOptions } from './outcomes.js';
import { remoteReplyCode } from './postfix-log.js';
import { isHardBounce, SuppressionList } from './suppressions.js';

export interface OutcomeTracking {
  api: OutcomeApi;
  suppressions: SuppressionList;
  outcomes: OutcomeStore;
  /** Records that Postfix took job `id` as `queueId`; never throws (a failure is logged). */
  /** `first`: the job's first hand-off, so no record exists yet (OutcomeStore.handedOff). */
  handedOff(id: string, queueId: string, recipients: string[], reply: string, first?: boolean): Promise<void>;
  /** Whether the log follower is running (false when none is configured). */
  readonly following: boolean;
  stop(): Promise<void>;
}

export interface OutcomeTrackingOptions {
  fs: QueueFs;
  queueRoot: string;
  source: LogSource | null;
  log: Logger;
  /** Each delivery event a log line brings (OutcomeStoreOptions.onApplied): the webhooks' deferred and bounced. */
  onDeliveryEvent?: OutcomeStoreOptions['onApplied'];
}

export async function openOutcomeTracking(options: OutcomeTrackingOptions): Promise<OutcomeTracking> {
  const { fs, queueRoot, log } = options;
  const problem = (reason: string) => log('outcome_error', { reason });
  const suppressions = new SuppressionList(fs, queueRoot, (address) => log('unsuppressed', { domain: domainOf(address), reason: 'the suppression list is full; its oldest entry made room' }));
  await suppressions.load();
  const outcomes = new OutcomeStore({
    fs,
    dir: path.join(queueRoot, 'outcomes'),
    onError: problem,
    ...(options.onDeliveryEvent ? { onApplied: options.onDeliveryEvent } : {}),
    onRecorded(id, event, state) {
      // One line per outcome with the recipient's domain, the DSN and the reply code: the reply text names
      // the address, and addresses stay out of the relay's log (GET /messages/{id} has them).
      const fields: LogFields = { id, outcome: event.state, state };
      if (event.recipient !== undefined) fields.domain = domainOf(event.recipient);
      if (event.dsn !== undefined) fields.dsn = event.dsn;
      const code = remoteReplyCode(event.detail);
      if (code !== null) fields.replyCode = code;
      log('outcome', fields);
    },
    async onBounce(recipient, line, id) {
      if (!isHardBounce(line)) return;
      await suppressions.add(recipient, line.detail, id, new Date()).then(
        () => log('suppressed', { id, domain: domainOf(recipient), dsn: line.dsn }),
        (error: unknown) => problem(`cannot save the suppression list: ${(error as NodeJS.ErrnoException).code ?? String(error)}`),
      );
    },
  });
  await outcomes.openStore();
  const follower = options.source
    ? new LogFollower({
        source: options.source,
        fs,
        positionFile: path.join(queueRoot, 'log-position.json'),
        onError: problem,
        async record(line, time) {
          await outcomes.record(line, time);
        },
        onMessageId(queueId, messageId, time) {
          const id = outcomes.queueIdReused(queueId, messageId, time);
          if (id !== null) problem(`Postfix reused queue id ${queueId} for another message: the outcome of ${id} stays as last seen (its final lines were not read)`);
        },
      })
    : null;
  await follower?.start();
  // Records past retention go within the hour, and the hourly sweep never overlaps the previous one.
  let sweeping = false;
  const sweep = setInterval(() => {
    if (sweeping) return;
    sweeping = true;
    void outcomes
      .sweep()
      .catch((error: unknown) => problem(`cannot prune outcome records: ${String(error)}`))
      .finally(() => (sweeping = false));
  }, 3_600_000);
  sweep.unref();
  return {
    api: outcomeApi({ outcomes, suppressions, fs, queueRoot }),
    suppressions,
    outcomes,
    async handedOff(id, queueId, recipients, reply, first) {
      await outcomes.handedOff(id, queueId, recipients, reply, first).catch((error: unknown) => problem(`cannot record the hand-off of ${id}: ${String(error)}`));
    },
    get following() {
      return follower?.running ?? false;
    },
    async stop() {
      clearInterval(sweep);
      await follower?.stop();
    },
  };
}

// What became of each message after the hand-off: QUEUE_ROOT/outcomes/<id>.json, one record per job that
// Postfix took, holding its queue id, envelope recipients and the events the log follower saw (sent,
// deferred, bounced, expired per recipient). A record is written by temp file, fsync and rename, and read
// back with the queue's care (no symlinks, size cap, validated shape). Records go after RETENTION_MS.
import path from 'node:path';
import { JOB_ID } from './job.js';
import type { QueueFs } from './fsops.js';
import { ensureOwnDir } from './own-dir.js';
import { replaceFile } from './replace-file.js';
import type { DeliveryLine, DeliveryStatus } from './postfix-log.js';

/** A job's state as GET /messages/{id} reports it. */
export type MessageState = 'accepted' | 'failed' | 'handed_off' | DeliveryStatus;

export interface OutcomeEvent {
  /** ISO time: of the log line for delivery events. */
  time: string;
  state: 'handed_off' | DeliveryStatus;
  /** The recipient this event is about; absent for the hand-off and for qmgr's whole-message expiry. */
  recipient?: string;
  /** The remote reply or Postfix's reason; for handed_off, Postfix's 250 reply to DATA. */
  detail: string;
  relay?: string;
  dsn?: string;
  /**
   * The delivery event's number within its job (1, 2, ...), kept with it: what the webhook ids of the job's
   * deferred and bounced events are numbered by, so an event keeps its id when older ones are trimmed.
   */
  seq?: number;
}

export interface OutcomeRecord {
  v: 1;
  id: string;
  queueId: string;
  recipients: string[];
  events: OutcomeEvent[];
}

/** Records of jobs accepted longer ago than this are removed: past Postfix's default 5-day queue lifetime. */
export const RETENTION_MS = 7 * 86_400_000;
/** Events kept per record: the first (the hand-off) and the latest; a deferral a few times an hour for 5 days fits. */
export const MAX_EVENTS = 200;
const MAX_RECORD_BYTES = 256 * 1024;
/** Highest event number: a webhook id's sequence has at most six digits. */
const MAX_SEQ = 999_999;
const DIR_MODE = 0o750;
/** Log lines seen for a queue id not (yet) known: the 250 reply can be read after Postfix logged the delivery. */
const EARLY_LIMIT = 10_000;
const EARLY_MS = 10 * 60_000;
/** How long after a hand-off a cleanup line under the same queue id can be another message's (queueIdReused). */
const REUSE_MARGIN_MS = 2_000;

/** ENOSPC or EDQUOT: a write that can succeed later, unlike a record that cannot be written at all. */
export const isDiskFull = (error: unknown): boolean => ['ENOSPC', 'EDQUOT'].includes((error as NodeJS.ErrnoException | null)?.code ?? '');

const isStr = (value: unknown): value is string => typeof value === 'string';
const STATES = new Set(['handed_off', 'sent', 'deferred', 'bounced', 'expired']);
const FINAL = new Set(['sent', 'bounced', 'expired']);

/** A record's shape, or an Error naming what is wrong (never quoting the file). */
export function parseOutcome(bytes: Buffer, id: string): OutcomeRecord {
  const value = JSON.parse(bytes.toString('utf8')) as OutcomeRecord;
  const eventOk = (e: OutcomeEvent) =>
    e !== null && typeof e === 'object' && isStr(e.time) && STATES.has(e.state) && isStr(e.detail) &&
    [e.recipient, e.relay, e.dsn].every((x) => x === undefined || isStr(x)) &&
    (e.seq === undefined || (Number.isSafeInteger(e.seq) && e.seq >= 1 && e.seq <= MAX_SEQ));
  if (
    value === null || typeof value !== 'object' || value.v !== 1 || value.id !== id || !isStr(value.queueId) ||
    !Array.isArray(value.recipients) || !value.recipients.every(isStr) || !Array.isArray(value.events) || !value.events.every(eventOk)
  ) {
    throw new Error('not an outcome record this relay wrote');
  }
  return value;
}

/** Each recipient's latest state (qmgr's expiry ends every recipient still deferred or not yet tried). */
export function recipientStates(record: OutcomeRecord): Map<string, 'handed_off' | DeliveryStatus> {
  const states = new Map<string, 'handed_off' | DeliveryStatus>(record.recipients.map((r) => [r.toLowerCase(), 'handed_off']));
  for (const event of record.events) {
    if (event.state === 'handed_off') continue;
    if (event.recipient !== undefined) states.set(event.recipient.toLowerCase(), event.state);
    else if (event.state === 'expired') for (const [r, s] of states) if (!FINAL.has(s)) states.set(r, 'expired');
  }
  return states;
}

/**
 * The job's state from its recipients': deferred while any is still deferred, handed_off while any has no
 * outcome yet; once all are final, expired or bounced when any recipient was, else sent.
 */
export function jobState(record: OutcomeRecord): MessageState {
  const states = [...recipientStates(record).values()];
  for (const state of ['deferred', 'handed_off', 'expired', 'bounced'] as const) if (states.includes(state)) return state;
  return 'sent';
}

export interface OutcomeStoreOptions {
  fs: QueueFs;
  /** QUEUE_ROOT/outcomes */
  dir: string;
  now?: () => number;
  /** Called once per recipient a delivery event says bounced (the suppression list listens). */
  onBounce?: (recipient: string, line: DeliveryLine, id: string) => Promise<void>;
  /** Called once per delivery event recorded (the relay logs it). */
  onRecorded?: (id: string, event: OutcomeEvent, state: MessageState) => void;
  /**
   * Awaited for every delivery event applied to a record, before the record is written, and again for a
   * line read twice (a restart before the log position was saved) while its record is not final: what it
   * writes (the webhook outbox) is durable before the line can be forgotten. Its ids are stable (`seq`),
   * so a repeat is one the receiver drops.
   */
  onApplied?: (id: string, queueId: string, event: OutcomeEvent) => Promise<void>;
  onError?: (reason: string) => void;
}

export class OutcomeStore {
  /**
   * Queue id -> the job of a record not final yet (what the log follower matches lines against) and when the
   * relay handed that message off (ms): a reuse of the queue id can only be logged after that.
   */
  private readonly open = new Map<string, { id: string; at: number }>();
  private readonly early = new Map<string, { at: number; lines: { line: DeliveryLine; time: Date }[] }>();
  /** One write at a time per record. */
  private readonly chains = new Map<string, Promise<void>>();
  private readonly now: () => number;

  constructor(private readonly options: OutcomeStoreOptions) {
    this.now = options.now ?? Date.now;
  }

  private file(id: string): string {
    return path.join(this.options.dir, `${id}.json`);
  }

  /** Creates the directory, indexes records still waiting for an outcome and prunes expired ones. */
  async openStore(): Promise<void> {
    await ensureOwnDir(this.options.fs, this.options.dir, DIR_MODE);
    await this.sweep(true);
  }

  /**
   * Removes records past retention, judged by the acceptance time in the job id (file names only, nothing is
   * read); `index` (start-up) also removes temp files and learns the records still waiting for an outcome.
   */
  async sweep(index = false): Promise<number> {
    let removed = 0;
    for (const name of await this.options.fs.readdir(this.options.dir)) {
      const file = path.join(this.options.dir, name);
      if (name.startsWith('.') && name.endsWith('.tmp')) {
        if (index) await this.options.fs.unlink(file).catch(() => undefined);
        continue;
      }
      const id = name.endsWith('.json') ? name.slice(0, -5) : '';
      if (!JOB_ID.test(id)) continue;
      if (this.now() - parseInt(id.slice(0, 9), 36) > RETENTION_MS) {
        await this.options.fs.unlink(file).catch(() => undefined);
        for (const [queueId, entry] of this.open) if (entry.id === id) this.open.delete(queueId);
        removed += 1;
      } else if (index) {
        // An unreadable record is left for retention to remove; nothing can be added to it.
        const record = await this.read(id).catch(() => null);
        if (record && !FINAL.has(jobState(record))) {
          this.open.set(record.queueId, { id, at: Date.parse(record.events.filter((e) => e.state === 'handed_off').at(-1)?.time ?? '') || 0 });
        }
      }
    }
    return removed;
  }

  /** The record of `id`, null when there is none; throws on one that is not what the relay wrote. */
  async read(id: string): Promise<OutcomeRecord | null> {
    if (!JOB_ID.test(id)) return null;
    let bytes: Buffer;
    try {
      bytes = await this.options.fs.readUntrusted(this.file(id), MAX_RECORD_BYTES);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    return parseOutcome(bytes, id);
  }

  /**
   * Postfix took the job (its 250 reply to DATA named `queueId`): the record starts here. A job handed off
   * again (a crash before its file was removed) keeps its history, and both queue ids stay matched: Postfix
   * delivers both copies. `first`: the caller knows no record exists (the job's first hand-off, no crash
   * before it), so the record is written without reading for one first: a file-system round trip saved per message.
   */
  async handedOff(id: string, queueId: string, recipients: string[], reply: string, first = false): Promise<void> {
    const event: OutcomeEvent = { time: new Date(this.now()).toISOString(), state: 'handed_off', detail: reply };
    this.open.set(queueId, { id, at: this.now() });
    const early = this.early.get(queueId);
    this.early.delete(queueId);
    await this.update(
      id,
      (current) => (current.queueId === '' ? { v: 1, id, queueId, recipients, events: [event] } : { ...current, queueId, events: [...current.events, event] }),
      undefined,
      first,
    );
    for (const seen of early?.lines ?? []) await this.record(seen.line, seen.time);
  }

  /**
   * Applies one delivery line; lines for queue ids the relay did not hand off are ignored. Rejects when the
   * disk is full (isDiskFull): the follower then reads the line again instead of passing it.
   */
  async record(line: DeliveryLine, time: Date): Promise<void> {
    const id = this.open.get(line.queueId)?.id;
    if (id === undefined) return this.keepEarly(line, time);
    let bounced = false;
    let recorded: OutcomeEvent | null = null;
    let applied: OutcomeEvent | null = null;
    await this.update(id, (record) => {
      // Gone meanwhile (retention): nothing to add to.
      if (record.queueId === '') return null;
      // A recipient the job never had: another message under a reused queue id (or a line held early for
      // one). Recording it would put a stranger's address on the suppression list.
      if (line.recipient !== null && !record.recipients.some((r) => r.toLowerCase() === line.recipient!.toLowerCase())) return null;
      const event: OutcomeEvent = { time: time.toISOString(), state: line.status, detail: line.detail };
      if (line.recipient !== null) event.recipient = line.recipient;
      if (line.relay !== null) event.relay = line.relay;
      if (line.dsn !== null) event.dsn = line.dsn;
      // A line read twice (a restart between applying it and saving the log position, or the follower and the
      // start-up look-up of handoff-lookup.ts both passing it) is recorded once, whatever came in between.
      const same = record.events.find((e) => e.recipient === event.recipient && e.time === event.time && e.state === event.state && e.detail === event.detail);
      if (same) {
        applied = same;
        return null;
      }
      event.seq = Math.min(MAX_SEQ, Math.max(0, ...record.events.map((e) => e.seq ?? 0)) + 1);
      applied = event;
      const events = [...record.events, event];
      if (events.length > MAX_EVENTS) events.splice(1, events.length - MAX_EVENTS);
      bounced = line.status === 'bounced';
      recorded = event;
      return { ...record, events };
    }, async () => {
      // Before the record is written: once it says final, its queue id is no longer matched after a restart,
      // so an event not yet in the webhook outbox then would be lost with the line. Emitted first, a crash
      // before the write reads the line again and emits it again under the same id.
      const appliedEvent = applied as OutcomeEvent | null;
      if (appliedEvent) await this.options.onApplied?.(id, line.queueId, appliedEvent);
    }).then((record) => {
      if (!record) return;
      if (recorded) this.options.onRecorded?.(id, recorded, jobState(record));
      if (FINAL.has(jobState(record))) this.open.delete(line.queueId);
    });
    if (bounced && line.recipient !== null) await this.options.onBounce?.(line.recipient, line, id);
  }

  /**
   * cleanup(8) logged `messageId` under `queueId`. Postfix reuses a queue id once its message has left the
   * queue (short ids come from the queue file's inode); a record still matched to that id missed its final
   * lines (the log was not followed then), and the new message's lines must not be taken for its own,
   * above all qmgr's expiry, which names no recipient to check. Unmatches it and returns its job id, or
   * null when the id is not matched or the message is the job's own (`<id@domain>`, job.ts). A line from
   * before the hand-off (read again after a restart) says nothing: a reuse comes after, and only matters
   * for a record whose final lines were missed, long after (the margin covers syslog's whole seconds).
   */
  queueIdReused(queueId: string, messageId: string, time: Date): string | null {
    const entry = this.open.get(queueId);
    if (entry === undefined || messageId.startsWith(`<${entry.id}@`)) return null;
    if (time.getTime() < entry.at + REUSE_MARGIN_MS) return null;
    this.open.delete(queueId);
    return entry.id;
  }

  /** Holds a line for a queue id not known yet, bounded in count and age. */
  private keepEarly(line: DeliveryLine, time: Date): void {
    const now = this.now();
    for (const [queueId, entry] of this.early) {
      if (now - entry.at <= EARLY_MS && this.early.size < EARLY_LIMIT) break;
      this.early.delete(queueId);
    }
    const entry = this.early.get(line.queueId) ?? { at: now, lines: [] };
    if (entry.lines.length < MAX_EVENTS) entry.lines.push({ line, time });
    this.early.set(line.queueId, entry);
  }

  /** Queue ids waiting for an outcome (for tests and the start-up log). */
  get openCount(): number {
    return this.open.size;
  }

  /** Read-modify-write of one record, serialized per id; `change` returns null for no change. */
  /** `beforeWrite` runs (awaited) between the change and the write, in the record's turn; `absent`: no record to read. */
  private update(id: string, change: (record: OutcomeRecord) => OutcomeRecord | null, beforeWrite?: () => Promise<void>, absent = false): Promise<OutcomeRecord | null> {
    const previous = this.chains.get(id) ?? Promise.resolve();
    const run = previous.then(async () => {
      const current = absent ? null : await this.read(id).catch(() => null);
      const next = change(current ?? { v: 1, id, queueId: '', recipients: [], events: [] });
      await beforeWrite?.();
      if (next === null) return current;
      await this.write(next);
      return next;
    });
    const settled = run.then(
      () => undefined,
      (error: unknown) => this.options.onError?.(`cannot write the outcome of ${id}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`),
    );
    this.chains.set(id, settled);
    void settled.then(() => {
      if (this.chains.get(id) === settled) this.chains.delete(id);
    });
    // A full disk is passed on (the caller keeps the line to apply once there is room); anything else was logged.
    return run.catch((error: unknown) => {
      if (isDiskFull(error)) throw error;
      return null;
    });
  }

  /**
   * The file is fsynced, the directory is not: a record lost to a power cut is one message's history, and a
   * directory fsync per hand-off would halve the hand-off rate.
   */
  private write(record: OutcomeRecord): Promise<void> {
    return replaceFile(this.options.fs, this.file(record.id), Buffer.from(`${JSON.stringify(record)}\n`, 'utf8'), { file: true, dir: false });
  }
}

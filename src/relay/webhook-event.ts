// A webhook event: its deterministic id, the JSON it is POSTed as, and the hostile-file parser the outbox
// reads it back with (an outbox file may have been replaced by anybody with write access to the queue).
import type { WebhookEventType } from './data.js';
import { JOB_ID } from './job.js';

export const WEBHOOK_EVENT_TYPES: readonly WebhookEventType[] = ['delivered', 'deferred', 'bounced', 'failed'];

/** The message an event is about: the job id the caller got from POST /send, and what Postfix knows it by. */
export interface WebhookMessage {
  id: string;
  /** The Message-ID header (angle brackets included). */
  messageId?: string;
  /** Postfix's queue id, once Postfix took the message. */
  queueId?: string;
  /** The one recipient a per-recipient outcome (deferred, bounced) is about. */
  recipient?: string;
}

export type WebhookDetail = Record<string, string | number | boolean | null | string[]>;

/** The JSON body of one POST. */
export interface WebhookEvent {
  id: string;
  type: WebhookEventType;
  createdAt: string;
  message: WebhookMessage;
  detail: WebhookDetail;
}

/** An outbox file holds one event: at most this many bytes (emit refuses bigger ones; the reader quarantines them). */
export const MAX_EVENT_BYTES = 128 * 1024;
/** Longest string and longest list kept in an event's detail (an SMTP reply, rejected recipients). */
const MAX_STRING = 1000;
const MAX_LIST = 50;

const EVENT_ID = /^([0-9a-z]{9}-[0-9a-f]{20})\.(delivered|deferred|bounced|failed)(?:\.(\d{1,6}))?$/;

/**
 * `<job id>.<type>` for the once-per-job events (delivered, failed), `<job id>.<type>.<sequence>` for
 * those a job may have several of (deferred, bounced: the log follower numbers them). Deterministic, so
 * an event emitted again after a crash carries the same id and the receiver drops the second copy.
 */
export function webhookEventId(jobId: string, type: WebhookEventType, sequence?: number): string {
  if (!JOB_ID.test(jobId)) throw new Error('webhook event: not a job id');
  if (sequence === undefined) return `${jobId}.${type}`;
  if (!Number.isInteger(sequence) || sequence < 0 || sequence > 999_999) throw new Error('webhook event: the sequence is not a whole number 0..999999');
  return `${jobId}.${type}.${sequence}`;
}

const cut = (text: string) => (text.length > MAX_STRING ? `${text.slice(0, MAX_STRING)}...` : text);

/** The detail with long strings cut and long lists shortened, so one event always fits MAX_EVENT_BYTES. */
export function boundedDetail(detail: WebhookDetail): WebhookDetail {
  const out: WebhookDetail = {};
  for (const [key, value] of Object.entries(detail)) {
    out[cut(key)] = typeof value === 'string' ? cut(value) : Array.isArray(value) ? value.slice(0, MAX_LIST).map(cut) : value;
  }
  return out;
}

export function newWebhookEvent(type: WebhookEventType, message: WebhookMessage, detail: WebhookDetail, createdAt: Date, sequence?: number): WebhookEvent {
  const kept: WebhookMessage = { id: message.id };
  if (message.messageId !== undefined) kept.messageId = cut(message.messageId);
  if (message.queueId !== undefined) kept.queueId = cut(message.queueId);
  if (message.recipient !== undefined) kept.recipient = cut(message.recipient);
  return { id: webhookEventId(message.id, type, sequence), type, createdAt: createdAt.toISOString(), message: kept, detail: boundedDetail(detail) };
}

export function serializeEvent(event: WebhookEvent): string {
  return JSON.stringify(event);
}

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);
const optionalString = (value: unknown) => value === undefined || typeof value === 'string';
const detailValue = (value: unknown) =>
  value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value)) || (Array.isArray(value) && value.every((item) => typeof item === 'string'));

/**
 * Parses an outbox file that must hold the event `expectedId`; throws with a fixed message (never file
 * content, which is hostile until typed) on anything else.
 */
export function parseEvent(bytes: Buffer, expectedId: string): WebhookEvent {
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new Error('not JSON');
  }
  if (!isObject(value) || !isObject(value.message) || !isObject(value.detail)) throw new Error('not a webhook event');
  const { id, type, createdAt, message, detail } = value;
  const match = typeof id === 'string' ? EVENT_ID.exec(id) : null;
  if (!match || id !== expectedId) throw new Error('the event id is malformed or does not match the file name');
  if (type !== match[2] || message.id !== match[1]) throw new Error('the event type or message id does not match the event id');
  if (typeof createdAt !== 'string' || !Number.isFinite(Date.parse(createdAt))) throw new Error('createdAt is not a time');
  if (!optionalString(message.messageId) || !optionalString(message.queueId) || !optionalString(message.recipient)) throw new Error('a message field is not a string');
  if (!Object.values(detail).every(detailValue)) throw new Error('a detail value is not a string, number, boolean, null or list of strings');
  return value as unknown as WebhookEvent;
}

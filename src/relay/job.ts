// A queued job: the validated mail plus its queue state, stored as one JSON file per job. The Message-ID
// and Date are fixed when the job is accepted, so every retry sends the same message (receivers can
// de-duplicate) and Date is the time the caller handed it over.
import { randomBytes } from 'node:crypto';
import { domainOf } from './address.js';
import type { MailRequest } from './validate.js';

export interface Job extends MailRequest {
  v: 1;
  id: string;
  /** ISO time of acceptance; also the message's Date header. */
  acceptedAt: string;
  /** `<id@from-domain>`. */
  messageId: string;
  /** Failed delivery attempts so far. */
  attempts: number;
  /** Epoch ms before which the worker leaves the job alone (0 = now). */
  nextAttemptAt: number;
  lastError: string | null;
}

/** Job ids sort by acceptance time (base36 ms, fixed width) and carry 80 random bits. */
export function newJobId(now: number = Date.now()): string {
  return `${now.toString(36).padStart(9, '0')}-${randomBytes(10).toString('hex')}`;
}

export const JOB_ID = /^[0-9a-z]{9}-[0-9a-f]{20}$/;

export function newJob(mail: MailRequest, now: number = Date.now()): Job {
  const id = newJobId(now);
  return {
    v: 1,
    id,
    acceptedAt: new Date(now).toISOString(),
    messageId: `<${id}@${domainOf(mail.from.address)}>`,
    attempts: 0,
    nextAttemptAt: 0,
    lastError: null,
    ...mail,
    cc: mail.cc ?? [],
    bcc: mail.bcc ?? [],
    attachments: mail.attachments ?? [],
    headers: mail.headers ?? [],
  };
}

export function serializeJob(job: Job): Buffer {
  return Buffer.from(`${JSON.stringify(job)}\n`, 'utf8');
}

const isStr = (value: unknown): value is string => typeof value === 'string';
const isStrOrNull = (value: unknown) => value === null || isStr(value);

/**
 * Parses a job file's shape; throws (with a message that quotes nothing from the file) on anything that
 * is not a job this relay wrote. Whether its content is acceptable is job-check.ts's question.
 */
export function parseJob(bytes: Buffer): Job {
  let value: Job;
  try {
    value = JSON.parse(bytes.toString('utf8')) as Job;
  } catch {
    // JSON.parse's message quotes the text around the error: file content must not reach a log line.
    throw new Error('not JSON');
  }
  const ok =
    value !== null &&
    typeof value === 'object' &&
    value.v === 1 &&
    isStr(value.id) &&
    isStr(value.acceptedAt) &&
    isStr(value.messageId) &&
    Number.isInteger(value.attempts) &&
    typeof value.nextAttemptAt === 'number' &&
    isStrOrNull(value.lastError) &&
    value.from !== null &&
    typeof value.from === 'object' &&
    isStr(value.from.address) &&
    isStrOrNull(value.from.name) &&
    Array.isArray(value.to) &&
    value.to.length > 0 &&
    value.to.every(isStr) &&
    isStrOrNull(value.replyTo) &&
    isStr(value.subject) &&
    isStrOrNull(value.text) &&
    isStrOrNull(value.html) &&
    isStr(value.returnPath);
  if (!ok) throw new Error('not a relay job (fields missing or of the wrong type)');
  // Jobs queued before cc, bcc, attachments and headers existed have none; their shapes are
  // job-check.ts's question (validateSendRequest), so only absence is filled in here.
  value.cc ??= [];
  value.bcc ??= [];
  value.attachments ??= [];
  value.headers ??= [];
  return value;
}

/**
 * Every envelope recipient: To, Cc and Bcc. Bcc addresses appear nowhere in the message (mime.ts), so a
 * hand-off that takes recipients from the headers (sendmail -t) must be given them separately.
 */
export function envelopeRecipients(job: Pick<MailRequest, 'to' | 'cc' | 'bcc'>): string[] {
  return [...job.to, ...(job.cc ?? []), ...(job.bcc ?? [])];
}

/** The distinct recipient domains, for log lines (addresses themselves stay out of the journal). */
export function recipientDomains(to: string[]): string[] {
  return [...new Set(to.map(domainOf))].sort();
}

// Re-validates a job read back from disk, where anybody who can write the queue may have edited it: the
// mail fields go through validateSendRequest, the very check POST /send applies, and the queue fields
// (id, acceptedAt, messageId, counters) are checked against what the relay itself writes. A job that
// fails is refused with a reason made of field names and check codes only, never of file content.
import { domainOf } from './address.js';
import type { RelayData } from './data.js';
import { JOB_ID, type Job } from './job.js';
import { validateSendRequest } from './validate.js';

/** A job that parses but fails a check; `message` is safe for a log line. */
export class InvalidJob extends Error {}

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const LAST_ERROR_MAX_CHARS = 4096;

function invalid(what: string): never {
  throw new InvalidJob(`invalid job: ${what}`);
}

/**
 * The stored header list back in the request's object form. A list that is not name/value pairs, or that
 * names a header twice, becomes something validateSendRequest refuses (a duplicate would be lost here).
 */
function headersObject(list: unknown[]): unknown {
  // No prototype: a stored name such as __proto__ stays a plain key (and is then refused as unknown).
  const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const item of list) {
    const pair = item as { name?: unknown; value?: unknown } | null;
    if (pair === null || typeof pair !== 'object' || typeof pair.name !== 'string' || Object.keys(pair).length !== 2) return 'not a header list';
    if (Object.prototype.hasOwnProperty.call(out, pair.name)) return 'not a header list';
    out[pair.name] = pair.value;
  }
  return out;
}

/** The job as the relay would have written it from the same request today, or throws InvalidJob. */
export function recheckJob(job: Job, data: RelayData): Job {
  if (!JOB_ID.test(job.id)) invalid('bad id');
  // toISOString round trip: rejects "yesterday", 2026-02-30 and anything Date would reinterpret.
  if (!ISO_UTC.test(job.acceptedAt) || new Date(job.acceptedAt).toISOString() !== job.acceptedAt) invalid('bad acceptedAt');
  if (!Number.isSafeInteger(job.attempts) || job.attempts < 0) invalid('bad attempts');
  if (!Number.isFinite(job.nextAttemptAt) || job.nextAttemptAt < 0) invalid('bad nextAttemptAt');
  if (job.lastError !== null && job.lastError.length > LAST_ERROR_MAX_CHARS) invalid('bad lastError');
  const request = {
    to: job.to,
    cc: job.cc,
    bcc: job.bcc,
    from: { email: job.from.address, name: job.from.name },
    replyTo: job.replyTo,
    subject: job.subject,
    text: job.text,
    html: job.html,
    attachments: job.attachments,
    headers: Array.isArray(job.headers) ? headersObject(job.headers) : job.headers,
  };
  const checked = validateSendRequest(request, data);
  if (!checked.ok) {
    const { code, field } = checked.error;
    // An unknown field's name would be file content; the other field names are the relay's own.
    invalid(code === 'unknown_field' || field === undefined ? code : `${code} at ${field}`);
  }
  if (job.messageId !== `<${job.id}@${domainOf(checked.mail.from.address)}>`) invalid('bad messageId');
  // Allowlist, display name and return path as the current config says, like a fresh request.
  return {
    v: 1,
    id: job.id,
    acceptedAt: job.acceptedAt,
    messageId: job.messageId,
    attempts: job.attempts,
    nextAttemptAt: job.nextAttemptAt,
    lastError: job.lastError,
    ...checked.mail,
  };
}

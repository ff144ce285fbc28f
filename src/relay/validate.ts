// Validates a parsed /send body against the compiled allowlist and limits (the self-hosted HTTP relay build guide, step 6) and returns
// the mail to queue, or the first problem as a 400. Only plain strings ever reach the MIME builder:
// an object where a string belongs (e.g. text: {path: "/etc/shadow"}) would make MailComposer read a
// file or URL, so types are checked exactly.
import { isValidAddress } from './address.js';
import type { RelayData } from './data.js';
import { apiError, type ApiError } from './errors.js';
import { checkAttachments, checkHeaders, headerValueProblem, type Attachment, type ExtraHeader } from './message-fields.js';
import { isVisiblyEmpty } from './visible.js';

/** A validated request: what the queue stores and the worker turns into MIME. */
export interface MailRequest {
  from: { address: string; name: string | null };
  to: string[];
  // cc, bcc, attachments and headers are optional in the type (absent = none) so jobs and tests written
  // before they existed stay valid; validateSendRequest always sets them.
  /** Written in the Cc header and in the envelope. */
  cc?: string[];
  /** Envelope only: never written into the message (RFC 5322 section 3.6.3, the "Bcc removed" form). */
  bcc?: string[];
  replyTo: string | null;
  subject: string;
  text: string | null;
  html: string | null;
  attachments?: Attachment[];
  /** Allowlisted extra headers (message-fields.ts), canonical names, in the caller's order. */
  headers?: ExtraHeader[];
  /** The envelope sender for `sendmail -f`: the return path of the From domain. */
  returnPath: string;
}

const TOP_FIELDS = new Set(['to', 'cc', 'bcc', 'from', 'replyTo', 'subject', 'text', 'html', 'attachments', 'headers']);
const FROM_FIELDS = new Set(['email', 'name']);
/** Display names have no configured cap; this keeps one from filling the header block. */
export const NAME_MAX_CHARS = 256;

type Result = { ok: true; mail: MailRequest } | { ok: false; error: ApiError };

const fail = (code: string, field: string, message: string): Result => ({ ok: false, error: apiError(400, code, message, field) });

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** CR, LF or NUL would let a value start a new header line (the self-hosted HTTP relay build guide, step 6: header injection). */
function headerProblem(value: string, field: string): Result | null {
  const error = headerValueProblem(value, field);
  return error ? { ok: false, error } : null;
}

function address(value: unknown, field: string): Result | null {
  if (typeof value !== 'string') return fail('invalid_type', field, `${field} must be a string`);
  return headerProblem(value, field) ?? (isValidAddress(value) ? null : fail('invalid_address', field, `${field} is not a valid e-mail address`));
}

const charCount = (text: string): number => Array.from(text).length;

/**
 * `permitted`: the senders the authenticated client may use (relay.clients[].senders), lower case;
 * undefined allows the whole allowlist (the single-token setup, and jobs read back from the queue).
 */
export function validateSendRequest(body: unknown, data: RelayData, permitted?: ReadonlySet<string>): Result {
  if (!isObject(body)) return fail('invalid_body', 'body', 'the body must be a JSON object');
  for (const key of Object.keys(body)) {
    if (!TOP_FIELDS.has(key)) return fail('unknown_field', key, `unknown field ${JSON.stringify(key)}; allowed: ${[...TOP_FIELDS].join(', ')}`);
  }

  // to (required), cc and bcc: one address or a list each; together within the configured cap.
  if (body.to === undefined || body.to === null) return fail('missing_field', 'to', 'to is required');
  const lists: Record<'to' | 'cc' | 'bcc', string[]> = { to: [], cc: [], bcc: [] };
  for (const key of ['to', 'cc', 'bcc'] as const) {
    const value = body[key];
    if (value === undefined || value === null) continue;
    const list: unknown[] = Array.isArray(value) ? value : [value];
    const itemField = (i: number) => (Array.isArray(value) ? `${key}[${i}]` : key);
    if (key === 'to' && list.length === 0) return fail('missing_field', 'to', 'to must name at least one recipient');
    // Checked before the items, so a huge list is refused without walking it.
    if (list.length > data.limits.recipients) {
      return fail('too_many_recipients', key, `${key} lists ${list.length} recipients; at most ${data.limits.recipients} are allowed in to, cc and bcc together`);
    }
    for (let i = 0; i < list.length; i++) {
      const problem = address(list[i], itemField(i));
      if (problem) return problem;
    }
    lists[key] = list as string[];
  }
  const recipientCount = lists.to.length + lists.cc.length + lists.bcc.length;
  if (recipientCount > data.limits.recipients) {
    return fail('too_many_recipients', 'to', `to, cc and bcc list ${recipientCount} recipients together; at most ${data.limits.recipients} are allowed`);
  }

  // from: {email, name?}, the email on the allowlist.
  if (body.from === undefined || body.from === null) return fail('missing_field', 'from', 'from is required');
  if (!isObject(body.from)) return fail('invalid_type', 'from', 'from must be an object {email, name?}');
  for (const key of Object.keys(body.from)) {
    if (!FROM_FIELDS.has(key)) return fail('unknown_field', `from.${key}`, `unknown field from.${key}; allowed: email, name`);
  }
  const fromProblem = address(body.from.email, 'from.email');
  if (fromProblem) return fromProblem;
  const fromEmail = (body.from.email as string).toLowerCase();
  const sender = data.senders.find((candidate) => candidate.address === fromEmail);
  if (!sender) return fail('sender_not_allowed', 'from.email', 'from.email is not on the sender allowlist');
  if (permitted && !permitted.has(sender.address)) {
    return { ok: false, error: apiError(403, 'sender_not_permitted', 'from.email is on the allowlist, but not among the senders this client may use', 'from.email') };
  }
  let name = sender.name;
  if (body.from.name !== undefined && body.from.name !== null) {
    if (typeof body.from.name !== 'string') return fail('invalid_type', 'from.name', 'from.name must be a string');
    const problem = headerProblem(body.from.name, 'from.name');
    if (problem) return problem;
    if (charCount(body.from.name) > NAME_MAX_CHARS) {
      return fail('name_too_long', 'from.name', `from.name is longer than ${NAME_MAX_CHARS} characters`);
    }
    // A name that shows nothing would leave the From line without one: the configured name stands.
    if (!isVisiblyEmpty(body.from.name)) name = body.from.name;
  }

  let replyTo: string | null = null;
  if (body.replyTo !== undefined && body.replyTo !== null) {
    const problem = address(body.replyTo, 'replyTo');
    if (problem) return problem;
    replyTo = body.replyTo as string;
  }

  if (body.subject === undefined || body.subject === null) return fail('missing_field', 'subject', 'subject is required');
  if (typeof body.subject !== 'string') return fail('invalid_type', 'subject', 'subject must be a string');
  const subjectProblem = headerProblem(body.subject, 'subject');
  if (subjectProblem) return subjectProblem;
  if (isVisiblyEmpty(body.subject)) {
    return fail('missing_field', 'subject', 'subject must not be empty (white space and invisible characters alone count as empty)');
  }
  const subjectChars = charCount(body.subject);
  if (subjectChars > data.limits.subjectChars) {
    return fail('subject_too_long', 'subject', `subject has ${subjectChars} characters; at most ${data.limits.subjectChars} are allowed`);
  }

  const bodies: Record<'text' | 'html', string | null> = { text: null, html: null };
  for (const key of ['text', 'html'] as const) {
    const value = body[key];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string') return fail('invalid_type', key, `${key} must be a string`);
    if (value !== '') bodies[key] = value;
  }
  if (bodies.text === null && bodies.html === null) return fail('no_body', 'text', 'give text, html or both');
  // With html, such a text is replaced by one made from the html (text-part.ts); alone it would go out blank.
  if (bodies.html === null && isVisiblyEmpty(bodies.text!)) {
    return fail('no_text', 'text', 'text has nothing to read (only white space or invisible characters); give text with words in it, or html');
  }

  const attachments = checkAttachments(body.attachments);
  if (!attachments.ok) return attachments;
  const headers = checkHeaders(body.headers);
  if (!headers.ok) return headers;

  return {
    ok: true,
    mail: {
      from: { address: sender.address, name },
      to: lists.to,
      cc: lists.cc,
      bcc: lists.bcc,
      replyTo,
      subject: body.subject,
      text: bodies.text,
      html: bodies.html,
      attachments: attachments.value,
      headers: headers.value,
      returnPath: sender.returnPath,
    },
  };
}

// Validates a parsed /send body against the compiled allowlist and limits (the self-hosted HTTP relay build guide, step 6) and returns
// the mail to queue, or the first problem as a 400. Only plain strings ever reach the MIME builder:
// an object where a string belongs (e.g. text: {path: "/etc/shadow"}) would make MailComposer read a
// file or URL, so types are checked exactly.
import { isValidAddress } from './address.js';
import type { RelayData } from './data.js';
import { apiError, type ApiError } from './errors.js';
import { isVisiblyEmpty } from './visible.js';

/** A validated request: what the queue stores and the worker turns into MIME. */
export interface MailRequest {
  from: { address: string; name: string | null };
  to: string[];
  replyTo: string | null;
  subject: string;
  text: string | null;
  html: string | null;
  /** The envelope sender for `sendmail -f`: the return path of the From domain. */
  returnPath: string;
}

const TOP_FIELDS = new Set(['to', 'from', 'replyTo', 'subject', 'text', 'html']);
const FROM_FIELDS = new Set(['email', 'name']);
/** Display names have no configured cap; this keeps one from filling the header block. */
export const NAME_MAX_CHARS = 256;

const HEADER_BREAKERS = /[\r\n\0]/;
const OTHER_CONTROLS = /[\x01-\x08\x0b\x0c\x0e-\x1f\x7f]/;

type Result = { ok: true; mail: MailRequest } | { ok: false; error: ApiError };

const fail = (code: string, field: string, message: string): Result => ({ ok: false, error: apiError(400, code, message, field) });

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** CR, LF or NUL would let a value start a new header line (the self-hosted HTTP relay build guide, step 6: header injection). */
function headerProblem(value: string, field: string): Result | null {
  if (HEADER_BREAKERS.test(value)) return fail('header_injection', field, `${field} must not contain CR, LF or NUL`);
  if (OTHER_CONTROLS.test(value)) return fail('control_character', field, `${field} must not contain control characters`);
  return null;
}

function address(value: unknown, field: string): Result | null {
  if (typeof value !== 'string') return fail('invalid_type', field, `${field} must be a string`);
  return headerProblem(value, field) ?? (isValidAddress(value) ? null : fail('invalid_address', field, `${field} is not a valid e-mail address`));
}

const charCount = (text: string): number => Array.from(text).length;

export function validateSendRequest(body: unknown, data: RelayData): Result {
  if (!isObject(body)) return fail('invalid_body', 'body', 'the body must be a JSON object');
  for (const key of Object.keys(body)) {
    if (!TOP_FIELDS.has(key)) return fail('unknown_field', key, `unknown field ${JSON.stringify(key)}; allowed: ${[...TOP_FIELDS].join(', ')}`);
  }

  // to: one address or a list up to the configured cap.
  if (body.to === undefined || body.to === null) return fail('missing_field', 'to', 'to is required');
  const toList = Array.isArray(body.to) ? body.to : [body.to];
  const toField = (i: number) => (Array.isArray(body.to) ? `to[${i}]` : 'to');
  if (toList.length === 0) return fail('missing_field', 'to', 'to must name at least one recipient');
  if (toList.length > data.limits.recipients) {
    return fail('too_many_recipients', 'to', `to lists ${toList.length} recipients; at most ${data.limits.recipients} are allowed`);
  }
  for (let i = 0; i < toList.length; i++) {
    const problem = address(toList[i], toField(i));
    if (problem) return problem;
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

  return {
    ok: true,
    mail: {
      from: { address: sender.address, name },
      to: toList as string[],
      replyTo,
      subject: body.subject,
      text: bodies.text,
      html: bodies.html,
      returnPath: sender.returnPath,
    },
  };
}

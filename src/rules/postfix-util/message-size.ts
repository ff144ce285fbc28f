// How large a message the relay can hand to sendmail, against Postfix's effective message_size_limit
// (the self-hosted HTTP relay build guide, step 6 body limit, the hosted Outgoing Mail Server settings page message_size_limit, base64 growth per RFC 2045 §6.8).
import type { KeyPath } from '../../findings.js';
import type { RelayModel } from '../../config/model.js';
import type { PostfixModel } from '../../outputs/postfix-model.js';
import { effectiveParameter } from './main-cf.js';
import { parseInteger } from './values.js';
import { ALLOWED_HEADERS, HEADER_VALUE_MAX_CHARS } from '../../relay/message-fields.js';

/** Headers besides Subject and the address lists: Received, DKIM-Signature, Message-ID, Date, MIME parts. */
export const FIXED_HEADER_BYTES = 8192;
/** RFC 5321 §4.5.3.1.3: a path is at most 256 octets; each recipient appears in To and in the envelope. */
const PATH_BYTES = 256;

/** base64 (RFC 2045 §6.8): 4 bytes per 3, and CRLF after every 76 characters. */
export function base64Bytes(raw: number): number {
  const encoded = Math.ceil(raw / 3) * 4;
  return encoded + Math.ceil(encoded / 76) * 2;
}

/** Every header a caller may add (List-Unsubscribe, References, ...) at its longest, with its name and folding. */
const EXTRA_HEADER_BYTES = ALLOWED_HEADERS.reduce((sum, h) => sum + h.name.length + 2 + HEADER_VALUE_MAX_CHARS + 32, 0);

/**
 * Header room for the worst message the relay accepts: a subject of subjectChars 4-byte UTF-8
 * characters as RFC 2047 base64 words, every recipient in To or Cc and in the envelope, every allowed
 * extra header at its longest, the rest fixed. Attachments are part of the body: their base64 travels
 * inside the request body, which the body limit caps.
 */
export function headerAllowance(model: RelayModel): number {
  const { subjectChars, recipients } = model.relay.limits;
  return FIXED_HEADER_BYTES + base64Bytes(subjectChars * 4) + recipients * PATH_BYTES * 2 + EXTRA_HEADER_BYTES;
}

export interface SizeBudget {
  /** Effective message_size_limit; 0 means Postfix sets no limit. */
  limit: number;
  limitPath: KeyPath;
  body: number;
  encodedBody: number;
  headers: number;
  needed: number;
}

/** The size budget, or undefined when message_size_limit is not a number (postconf would refuse it). */
export function sizeBudget(model: RelayModel, postfix: PostfixModel): SizeBudget | undefined {
  const param = effectiveParameter(postfix, 'message_size_limit');
  const limit = param ? parseInteger(param.value) : undefined;
  if (param === undefined || limit === undefined) return undefined;
  const body = model.relay.limits.bodyBytes;
  const encodedBody = base64Bytes(body);
  const headers = headerAllowance(model);
  return { limit, limitPath: param.from, body, encodedBody, headers, needed: encodedBody + headers };
}

// Checks the optional /send fields beyond to/from/subject/body: attachments and the allowlisted extra
// headers. Every value is hostile until typed: names, filenames and header values go through the same
// CR/LF/NUL and control-character refusal as the other header fields, base64 is decoded strictly, and
// anything outside the allowlists is refused with the field named, never passed through.
import { apiError, type ApiError } from './errors.js';

/** One attachment as the queue stores it: content stays the caller's (validated) base64. */
export interface Attachment {
  filename: string;
  contentType: string;
  content: string;
}

/** An extra header in its canonical spelling, in the order the caller gave it. */
export interface ExtraHeader {
  name: string;
  value: string;
}

export type FieldResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

const problem = <T>(code: string, field: string, message: string): FieldResult<T> => ({ ok: false, error: apiError(400, code, message, field) });

const HEADER_BREAKERS = /[\r\n\0]/;
const OTHER_CONTROLS = /[\x01-\x08\x0b\x0c\x0e-\x1f\x7f]/;

/** CR, LF or NUL would let a value start a new header line (header injection); other controls have no place in a header. */
export function headerValueProblem(value: string, field: string): ApiError | null {
  if (HEADER_BREAKERS.test(value)) return apiError(400, 'header_injection', `${field} must not contain CR, LF or NUL`, field);
  if (OTHER_CONTROLS.test(value)) return apiError(400, 'control_character', `${field} must not contain control characters`, field);
  return null;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A caller's own key quoted in an error: JSON-escaped and cut, so a megabyte name cannot make a megabyte answer. */
export function quoteKey(key: string): string {
  return JSON.stringify(Array.from(key).slice(0, 64).join(''));
}

// ---- attachments -------------------------------------------------------------------------------------

/** Attachments per message: invoices and tickets come in ones and twos; each part costs MIME headers. */
export const MAX_ATTACHMENTS = 10;
/** Longest filename in characters (common file systems stop at 255 bytes). */
export const FILENAME_MAX_CHARS = 255;

/**
 * Content types that run code when opened, refused whatever the filename says. Receivers block these
 * (Gmail Help, "File types blocked in Gmail"); a relay that accepted them would only earn bounces and a
 * reputation for malware. multipart/* and message/* are refused too: a part of those types must carry MIME
 * structure of its own (RFC 2046 section 5) and message/* may not be base64-encoded (RFC 2046 section 5.2.1).
 */
export const EXECUTABLE_CONTENT_TYPES: readonly string[] = [
  'application/hta',
  'application/java-archive',
  'application/javascript',
  'application/vnd.microsoft.portable-executable',
  'application/vnd.ms-cab-compressed',
  'application/x-apple-diskimage',
  'application/x-bat',
  'application/x-csh',
  'application/x-dosexec',
  'application/x-elf',
  'application/x-executable',
  'application/x-iso9660-image',
  'application/x-java-archive',
  'application/x-java-jnlp-file',
  'application/x-javascript',
  'application/x-mach-binary',
  'application/x-ms-installer',
  'application/x-ms-shortcut',
  'application/x-msdos-program',
  'application/x-msdownload',
  'application/x-msi',
  'application/x-powershell',
  'application/x-sh',
  'application/x-sharedlib',
  'application/x-shellscript',
  'application/x-vbscript',
  'text/javascript',
  'text/vbscript',
  'text/x-python',
  'text/x-sh',
  'text/x-shellscript',
];

/**
 * Filename extensions Gmail refuses to deliver ("File types blocked in Gmail"), so a caller cannot slip
 * an executable past the content-type check by calling it application/pdf.
 */
export const EXECUTABLE_EXTENSIONS: readonly string[] = [
  'ade', 'adp', 'apk', 'appx', 'appxbundle', 'bat', 'cab', 'chm', 'cmd', 'com', 'cpl', 'diagcab', 'diagcfg',
  'diagpack', 'dll', 'dmg', 'ex', 'ex_', 'exe', 'hta', 'img', 'ins', 'iso', 'isp', 'jar', 'jnlp', 'js', 'jse',
  'lib', 'lnk', 'mde', 'mjs', 'msc', 'msi', 'msix', 'msixbundle', 'msp', 'mst', 'nsh', 'pif', 'ps1', 'scr',
  'sct', 'shb', 'sys', 'vb', 'vbe', 'vbs', 'vhd', 'vxd', 'wsc', 'wsf', 'wsh', 'xll',
];

const EXECUTABLE_TYPES = new Set(EXECUTABLE_CONTENT_TYPES);
const EXECUTABLE_EXTS = new Set(EXECUTABLE_EXTENSIONS);
/**
 * The families behind the list, so other spellings of the same types are refused too: anything naming an
 * executable, MS-DOS or Windows program, and script types (shell, Python, JavaScript, Perl, PHP, ...).
 */
const EXECUTABLE_TYPE_FAMILY =
  /executable|msdos|ms-dos|winexe|x-exe\b|dosexec|msdownload|javascript|ecmascript|vbscript|x-script|x-httpd-php|powershell|shellscript|\/x-(?:sh|csh|ksh|zsh|bash|bat|python|perl|php|ruby|tcl|lua)(?:$|[-.+])/;
/** type/subtype as RFC 2045 section 5.1 tokens, without parameters (the relay sets the ones it needs). */
const CONTENT_TYPE = /^[a-z0-9!#$&^_.+-]{1,64}\/[a-z0-9!#$&^_.+-]{1,64}$/;
/** Standard base64 (RFC 4648 section 4), padded, no white space: one spelling per byte string. */
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const ATTACHMENT_FIELDS = new Set(['filename', 'contentType', 'content']);

/** The JSON Schema pattern of base64 content, for the OpenAPI document. */
export const BASE64_PATTERN = BASE64.source;
export const CONTENT_TYPE_PATTERN = CONTENT_TYPE.source;

function checkAttachment(value: unknown, field: string): FieldResult<Attachment> {
  if (!isObject(value)) return problem('invalid_type', field, `${field} must be an object {filename, contentType, content}`);
  for (const key of Object.keys(value)) {
    if (!ATTACHMENT_FIELDS.has(key)) return problem('unknown_field', `${field}.${key}`, `unknown field ${quoteKey(key)} in ${field}; allowed: filename, contentType, content`);
  }
  const { filename, contentType, content } = value;
  if (typeof filename !== 'string') return problem('invalid_type', `${field}.filename`, `${field}.filename must be a string`);
  const nameProblem = headerValueProblem(filename, `${field}.filename`);
  if (nameProblem) return { ok: false, error: nameProblem };
  const trimmed = filename.trim();
  if (trimmed === '' || trimmed === '.' || trimmed === '..') return problem('invalid_filename', `${field}.filename`, `${field}.filename must name a file`);
  if (Array.from(filename).length > FILENAME_MAX_CHARS) return problem('invalid_filename', `${field}.filename`, `${field}.filename is longer than ${FILENAME_MAX_CHARS} characters`);
  // A filename is a name, not a path: a receiving client must never be told to write elsewhere.
  if (/[/\\]/.test(filename)) return problem('invalid_filename', `${field}.filename`, `${field}.filename must not contain / or \\`);
  // An RFC 2047 encoded word is decoded by mail clients (MailComposer writes it verbatim): it could name
  // anything, so it is refused rather than trusted to decode to something harmless.
  if (/=\?[^?]*\?[bq]\?.*\?=/i.test(filename)) {
    return problem('executable_attachment', `${field}.filename`, `${field}.filename looks like an RFC 2047 encoded word (=?...?=), which receivers decode; send the name as plain text`);
  }
  // Invisible and format characters (U+200B, U+00AD, bidi controls, ...) hide what a name ends in.
  if (/[\p{Cf}\p{Default_Ignorable_Code_Point}]/u.test(filename)) {
    return problem('executable_attachment', `${field}.filename`, `${field}.filename contains an invisible or format character, which can hide its extension`);
  }
  // Windows drops trailing dots and spaces when it saves a file: "setup.exe. " is setup.exe.
  const saved = trimmed.replace(/[.\s]+$/u, '');
  const dot = saved.lastIndexOf('.');
  const extension = dot < 0 ? '' : saved.slice(dot + 1).toLowerCase();
  if (EXECUTABLE_EXTS.has(extension)) {
    return problem('executable_attachment', `${field}.filename`, `${field}.filename ends in .${extension}, an executable type receivers refuse`);
  }
  if (typeof contentType !== 'string') return problem('invalid_type', `${field}.contentType`, `${field}.contentType must be a string`);
  const type = contentType.toLowerCase();
  if (!CONTENT_TYPE.test(type)) return problem('invalid_content_type', `${field}.contentType`, `${field}.contentType must be a MIME type such as application/pdf, without parameters`);
  if (EXECUTABLE_TYPES.has(type) || EXECUTABLE_TYPE_FAMILY.test(type)) return problem('executable_attachment', `${field}.contentType`, `${field}.contentType ${type} is executable content; it is refused`);
  if (type.startsWith('multipart/') || type.startsWith('message/')) {
    return problem('invalid_content_type', `${field}.contentType`, `${field}.contentType ${type} cannot be an attachment of its own (RFC 2046 section 5)`);
  }
  if (typeof content !== 'string') return problem('invalid_type', `${field}.content`, `${field}.content must be a base64 string`);
  if (!BASE64.test(content)) return problem('invalid_base64', `${field}.content`, `${field}.content is not padded standard base64 (RFC 4648 section 4) without white space`);
  return { ok: true, value: { filename, contentType: type, content } };
}

/**
 * The attachments list. Its size needs no separate budget: the base64 content is part of the request
 * body, which is capped at the body limit before it is read.
 */
export function checkAttachments(value: unknown): FieldResult<Attachment[]> {
  if (value === undefined || value === null) return { ok: true, value: [] };
  if (!Array.isArray(value)) return problem('invalid_type', 'attachments', 'attachments must be a list of {filename, contentType, content}');
  if (value.length > MAX_ATTACHMENTS) return problem('too_many_attachments', 'attachments', `attachments lists ${value.length}; at most ${MAX_ATTACHMENTS} are allowed`);
  const out: Attachment[] = [];
  for (let i = 0; i < value.length; i++) {
    const checked = checkAttachment(value[i], `attachments[${i}]`);
    if (!checked.ok) return checked;
    out.push(checked.value);
  }
  return { ok: true, value: out };
}

// ---- extra headers -----------------------------------------------------------------------------------

/**
 * RFC 5322 section 2.1.1: a line is at most 998 characters; a value must leave room for its name and ": ".
 * List-Unsubscribe URLs and References chains are long but fold at their spaces; this bounds the rest.
 */
export const HEADER_VALUE_MAX_CHARS = 900;

const PRINTABLE = /^[\x20-\x7e]+$/;
const MSG_ID = '<[\\x21-\\x3b\\x3d\\x3f-\\x7e]+@[\\x21-\\x3b\\x3d\\x3f-\\x7e]+>';
const MSG_ID_LIST = new RegExp(`^${MSG_ID}(?: +${MSG_ID})*$`);
const UNSUBSCRIBE_URI = '<(?:https|http|mailto):[\\x21-\\x3b\\x3d\\x3f-\\x7e]+>';
const UNSUBSCRIBE_LIST = new RegExp(`^${UNSUBSCRIBE_URI}(?: *, *${UNSUBSCRIBE_URI})*$`, 'i');

interface HeaderRule {
  name: string;
  /** Why a transactional sender needs it, with the public source; goes into the OpenAPI document. */
  why: string;
  /** JSON Schema pattern the value must match (also used here). */
  pattern: RegExp;
  hint: string;
}

/**
 * The headers a caller may set. Everything else the relay writes itself (From, To, Date, Message-ID, MIME)
 * or has no business in transactional mail; an unknown name is a 400 naming it.
 */
export const ALLOWED_HEADERS: readonly HeaderRule[] = [
  {
    name: 'List-Unsubscribe',
    why: 'RFC 2369 section 3.2; with List-Unsubscribe-Post, the one-click unsubscribe of RFC 8058 that Gmail and Yahoo require of bulk senders',
    pattern: UNSUBSCRIBE_LIST,
    hint: 'one or more <https:...> or <mailto:...> URIs separated by commas',
  },
  {
    name: 'List-Unsubscribe-Post',
    why: 'RFC 8058 section 3: exactly "List-Unsubscribe=One-Click", together with an https URI in List-Unsubscribe',
    pattern: /^List-Unsubscribe=One-Click$/,
    hint: 'exactly List-Unsubscribe=One-Click (RFC 8058 section 3)',
  },
  {
    name: 'List-Id',
    why: 'RFC 2919 section 3: identifies the mailing list or notification stream, used by receivers to group and filter it',
    pattern: /^[\x20-\x3b\x3d\x3f-\x7e]*<[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+>$/,
    hint: 'an optional phrase and <list-label.namespace> (RFC 2919 section 3)',
  },
  {
    name: 'In-Reply-To',
    why: 'RFC 5322 section 3.6.4: threads a notification under the message it answers',
    pattern: MSG_ID_LIST,
    hint: 'one or more <id@host> message ids separated by spaces (RFC 5322 section 3.6.4)',
  },
  {
    name: 'References',
    why: 'RFC 5322 section 3.6.4: the thread a reply belongs to',
    pattern: MSG_ID_LIST,
    hint: 'one or more <id@host> message ids separated by spaces (RFC 5322 section 3.6.4)',
  },
  {
    name: 'X-Entity-Ref-ID',
    why: 'a unique value per message keeps Gmail from collapsing look-alike notifications into one conversation',
    pattern: /^[\x21-\x7e]{1,200}$/,
    hint: '1 to 200 printable ASCII characters without spaces',
  },
  {
    name: 'Auto-Submitted',
    why: 'RFC 3834 section 5: auto-generated mail tells auto-responders not to answer it',
    pattern: /^(?:auto-generated|auto-replied|no)$/,
    hint: 'auto-generated, auto-replied or no (RFC 3834 section 5)',
  },
  {
    name: 'Feedback-ID',
    why: 'Google Postmaster Tools "Feedback Loop": campaign:customer:mailtype:sender-id lets the sender see complaint rates per stream',
    pattern: /^[\x21-\x7e]{1,200}$/,
    hint: '1 to 200 printable ASCII characters without spaces, fields separated by colons',
  },
];

const RULE_BY_LOWER = new Map(ALLOWED_HEADERS.map((rule) => [rule.name.toLowerCase(), rule]));

/**
 * The `headers` object: names matched without regard to case (as RFC 5322 field names are) and written in
 * their canonical spelling; values must be printable ASCII of the header's own syntax.
 */
export function checkHeaders(value: unknown): FieldResult<ExtraHeader[]> {
  if (value === undefined || value === null) return { ok: true, value: [] };
  if (!isObject(value)) return problem('invalid_type', 'headers', 'headers must be an object of header name to value');
  const out: ExtraHeader[] = [];
  const seen = new Set<string>();
  for (const [key, raw] of Object.entries(value)) {
    const rule = RULE_BY_LOWER.get(key.toLowerCase());
    if (!rule) {
      const field = `headers.${Array.from(key).slice(0, 64).join('')}`;
      const fieldProblem = headerValueProblem(key, 'headers');
      // A name that could break a header line is named by its position, never echoed as a field.
      if (fieldProblem) return { ok: false, error: fieldProblem };
      return problem('header_not_allowed', field, `header ${quoteKey(key)} is not allowed; allowed: ${ALLOWED_HEADERS.map((r) => r.name).join(', ')}`);
    }
    const field = `headers.${rule.name}`;
    if (seen.has(rule.name)) return problem('duplicate_header', field, `${rule.name} is given more than once (names are matched without regard to case)`);
    seen.add(rule.name);
    if (typeof raw !== 'string') return problem('invalid_type', field, `${field} must be a string`);
    const injection = headerValueProblem(raw, field);
    if (injection) return { ok: false, error: injection };
    if (raw.length > HEADER_VALUE_MAX_CHARS) return problem('header_too_long', field, `${field} is longer than ${HEADER_VALUE_MAX_CHARS} characters`);
    const text = raw.trim();
    if (!PRINTABLE.test(text) || !rule.pattern.test(text)) return problem('invalid_header', field, `${field} must be ${rule.hint}`);
    out.push({ name: rule.name, value: text });
  }
  const post = out.find((h) => h.name === 'List-Unsubscribe-Post');
  if (post) {
    const list = out.find((h) => h.name === 'List-Unsubscribe');
    // RFC 8058 section 3: the POST goes to the HTTPS URI in List-Unsubscribe; without one it has no target.
    if (!list || !/<https:/i.test(list.value)) {
      return problem('invalid_header', 'headers.List-Unsubscribe-Post', 'List-Unsubscribe-Post needs a List-Unsubscribe header with an https URI (RFC 8058 section 3)');
    }
  }
  return { ok: true, value: out };
}

// Builds the RFC 5322 message for a job with nodemailer's MailComposer: RFC 2047 encoded
// words for non-ASCII names and subjects, multipart/alternative when both text and html are given, the
// job's fixed Message-ID and Date. LF line ends, because sendmail reads a local (Unix) message on stdin.
// Cc is written; Bcc never is (its recipients travel in the envelope only: job.ts envelopeRecipients).
// Attachments are base64 parts whose filename parameter MailComposer writes per RFC 2231 when it is not
// plain ASCII; the allowlisted extra headers (message-fields.ts) go in as validated, already-ASCII values.
// The text part of HTML-only mail is made before the job is queued (text-part.ts), never here: html-to-text
// can take seconds and this runs on the event loop.
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import type { Job } from './job.js';

type ComposerOptions = ConstructorParameters<typeof MailComposer>[0] & { newline: 'unix' | 'windows' };

export function buildMessage(job: Job): Promise<Buffer> {
  const options: ComposerOptions = {
    from: job.from.name ? { name: job.from.name, address: job.from.address } : job.from.address,
    to: job.to,
    cc: job.cc?.length ? job.cc : undefined,
    replyTo: job.replyTo ?? undefined,
    subject: job.subject,
    text: job.text ?? undefined,
    html: job.html ?? undefined,
    attachments: (job.attachments ?? []).map((a) => ({
      filename: a.filename,
      contentType: a.contentType,
      content: Buffer.from(a.content, 'base64'),
      contentDisposition: 'attachment' as const,
    })),
    // Names are the allowlist's canonical spellings; values are printable ASCII already checked per header.
    headers: (job.headers ?? []).map((h) => ({ key: h.name, value: h.value })),
    messageId: job.messageId,
    date: new Date(job.acceptedAt),
    newline: 'unix',
    // Only strings reach here, but never let a body name a file or URL to inline.
    disableFileAccess: true,
    disableUrlAccess: true,
  };
  const composer = new MailComposer(options);
  return new Promise((resolve, reject) => {
    // newline is a MimeNode option MailComposer passes through; @types/nodemailer does not list it.
    composer.compile().build((error, message) => (error ? reject(error) : resolve(message)));
  });
}

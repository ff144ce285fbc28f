// Builds the RFC 5322 message for a job with nodemailer's MailComposer (issue 5 item 1): RFC 2047 encoded
// words for non-ASCII names and subjects, multipart/alternative when both text and html are given, the
// job's fixed Message-ID and Date. LF line ends, because sendmail reads a local (Unix) message on stdin.
// An HTML-only job gets a text/plain alternative derived by html-to-text: mail with an HTML part and no
// text part scores as spam with common filters, and text-only readers get something to read.
import { convert } from 'html-to-text';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import type { Job } from './job.js';

/** The text alternative of an HTML body: headings, lists and link targets kept, images left out. */
export function textFromHtml(html: string): string {
  return convert(html, {
    wordwrap: 78,
    // Deeply nested markup from a caller must not exhaust the stack; deeper content is cut with an ellipsis.
    limits: { maxDepth: 64 },
    selectors: [
      // An image's src may be a data: URL of any size; the alt text alone says nothing useful either.
      { selector: 'img', format: 'skip' },
      { selector: 'a', options: { hideLinkHrefIfSameAsText: true } },
    ],
  });
}

type ComposerOptions = ConstructorParameters<typeof MailComposer>[0] & { newline: 'unix' | 'windows' };

export function buildMessage(job: Job): Promise<Buffer> {
  const options: ComposerOptions = {
    from: job.from.name ? { name: job.from.name, address: job.from.address } : job.from.address,
    to: job.to,
    replyTo: job.replyTo ?? undefined,
    subject: job.subject,
    text: job.text ?? (job.html !== null ? textFromHtml(job.html) : undefined),
    html: job.html ?? undefined,
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

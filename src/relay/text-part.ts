// Gives an HTML-only request its text/plain part before it is queued: mail with an HTML part and no text
// part scores as spam with common filters (SpamAssassin's MIME_HTML_ONLY), and text-only readers get
// something to read. Done at request time, so a 202 means the job on disk is the mail that will be sent,
// and HTML that yields no text, or cannot be converted within the budget, is refused with the field named.
import { apiError, type ApiError } from './errors.js';
import { HtmlToTextError } from './html-worker.js';
import type { MailRequest } from './validate.js';
import { isVisiblyEmpty } from './visible.js';

export type TextPartResult = { ok: true; mail: MailRequest } | { ok: false; error: ApiError };

export interface TextPartOptions {
  /** html-to-text off the event loop (HtmlToText.convert); rejects with HtmlToTextError. */
  htmlToText: (html: string) => Promise<string>;
  /** The conversion budget, for the error message. */
  budgetMs: number;
  /**
   * Largest derived text as it is stored (JSON-escaped UTF-8 bytes): the body limit, so a job file stays
   * within what the queue reads back (twice the body limit plus room for the queue fields).
   */
  maxStoredBytes: number;
}

/**
 * A text part of only white space or invisible characters is no text part: sent as given, HTML mail would
 * go out with a blank text/plain alternative (which filters score like a missing one), so it is made from
 * the HTML instead. (Without HTML, validateSendRequest refuses such a text.)
 */
const isBlank = (text: string | null): boolean => text === null || isVisiblyEmpty(text);

export async function withTextPart(mail: MailRequest, options: TextPartOptions): Promise<TextPartResult> {
  if (mail.html === null || !isBlank(mail.text)) return { ok: true, mail };
  let text: string;
  try {
    text = await options.htmlToText(mail.html);
  } catch (error) {
    if (!(error instanceof HtmlToTextError)) throw error;
    if (error.kind === 'unavailable' || error.kind === 'busy' || error.kind === 'aborted') {
      // Nothing wrong with the request: the relay cannot convert it now (an aborted caller reads no answer).
      const code = error.kind === 'busy' ? 'html_conversion_busy' : 'html_conversion_unavailable';
      const unavailable = apiError(503, code, 'the text part of html cannot be made right now; retry later or give text as well', 'html');
      unavailable.headers = { 'Retry-After': '5' };
      return { ok: false, error: unavailable };
    }
    const seconds = options.budgetMs / 1000;
    if (error.kind === 'too_deep') {
      return {
        ok: false,
        error: apiError(422, 'html_too_deep', `html nests elements too deeply to make the text/plain part (${error.message}); flatten it or give text as well`, 'html'),
      };
    }
    return {
      ok: false,
      error:
        error.kind === 'budget'
          ? apiError(422, 'html_too_complex', `html could not be turned into the text/plain part within ${seconds} s; simplify it or give text as well`, 'html')
          : apiError(422, 'html_unconvertible', 'html could not be turned into the text/plain part; give text as well', 'html'),
    };
  }
  if (isVisiblyEmpty(text)) {
    return {
      ok: false,
      error: apiError(400, 'no_text', 'html has no text for the text/plain part (images without alt text?); give text as well', 'text'),
    };
  }
  if (Buffer.byteLength(JSON.stringify(text), 'utf8') > options.maxStoredBytes) {
    return {
      ok: false,
      error: apiError(422, 'html_text_too_large', `the text/plain part made from html is larger than ${options.maxStoredBytes} bytes; give text as well`, 'html'),
    };
  }
  return { ok: true, mail: { ...mail, text } };
}

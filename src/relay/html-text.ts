// The text/plain alternative of an HTML body, by html-to-text. Pure and synchronous: it may take seconds on
// crafted markup, so the relay only ever calls it inside the worker thread of html-worker.ts.
import { randomBytes } from 'node:crypto';
import { convert, type FormatCallback } from 'html-to-text';

/** Nesting html-to-text walks before it cuts: deeper markup must not exhaust the worker's stack. */
export const HTML_MAX_DEPTH = 64;

/**
 * The HTML nests deeper than HTML_MAX_DEPTH. html-to-text would put an ellipsis where the deeper content
 * was, and a mail whose only words sit below the cut would go out with a text part of "...": refused instead.
 */
export class HtmlTooDeep extends Error {
  constructor() {
    super(`html nests elements deeper than ${HTML_MAX_DEPTH} levels`);
  }
}

/**
 * An image becomes its alt text, never its src: the src may be a data: URL of any size, and a mail that
 * is all images (a common newsletter layout) would otherwise get an empty text part.
 */
const altText: FormatCallback = (elem, _walk, builder) => {
  const alt = typeof elem.attribs?.alt === 'string' ? elem.attribs.alt.trim() : '';
  if (alt !== '') builder.addInline(alt);
};

/**
 * What a mail client never shows: scripts, styles, the head, templates and content hidden by the
 * `hidden` attribute or an inline display:none (the "preheader" trick), so none of it reaches the text part.
 */
const NEVER_SHOWN = [
  'head',
  'script',
  'style',
  'template',
  '[hidden]',
  '[style*="display:none"]',
  '[style*="display: none"]',
  '[style*="DISPLAY:NONE"]',
  '[style*="DISPLAY: NONE"]',
];

/** Headings, lists and link targets kept, images by their alt text; throws HtmlTooDeep past the depth limit. */
export function textFromHtml(html: string): string {
  // A marker the caller cannot predict, so text that merely contains it is never mistaken for a cut.
  const cut = `\u{E000}${randomBytes(12).toString('hex')}\u{E000}`;
  const text = convert(html, {
    wordwrap: 78,
    limits: { maxDepth: HTML_MAX_DEPTH, ellipsis: cut },
    formatters: { altText },
    selectors: [
      { selector: 'img', format: 'altText' },
      { selector: 'a', options: { hideLinkHrefIfSameAsText: true } },
      ...NEVER_SHOWN.map((selector) => ({ selector, format: 'skip' })),
    ],
  });
  if (text.includes(cut)) throw new HtmlTooDeep();
  return text;
}

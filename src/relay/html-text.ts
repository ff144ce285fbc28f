// The text/plain alternative of an HTML body, by html-to-text. Pure and synchronous: it may take seconds on
// crafted markup, so the relay only ever calls it inside the worker thread of html-worker.ts.
import { convert, type FormatCallback } from 'html-to-text';

/**
 * An image becomes its alt text, never its src: the src may be a data: URL of any size, and a mail that
 * is all images (a common newsletter layout) would otherwise get an empty text part.
 */
const altText: FormatCallback = (elem, _walk, builder) => {
  const alt = typeof elem.attribs?.alt === 'string' ? elem.attribs.alt.trim() : '';
  if (alt !== '') builder.addInline(alt);
};

/** Headings, lists and link targets kept, images by their alt text. */
export function textFromHtml(html: string): string {
  return convert(html, {
    wordwrap: 78,
    // Deeply nested markup from a caller must not exhaust the stack; deeper content is cut with an ellipsis.
    limits: { maxDepth: 64 },
    formatters: { altText },
    selectors: [
      { selector: 'img', format: 'altText' },
      { selector: 'a', options: { hideLinkHrefIfSameAsText: true } },
    ],
  });
}

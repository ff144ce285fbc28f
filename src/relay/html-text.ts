// The text/plain alternative of an HTML body, by html-to-text. Pure and synchronous: it may take seconds on
// crafted markup, so the relay only ever calls it inside the worker thread of html-worker.ts.
import { randomBytes } from 'node:crypto';
import { convert, type DomNode, type FormatCallback, type FormatOptions } from 'html-to-text';
import { inlineDisplay } from './inline-style.js';

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

/** What a mail client never shows: scripts, styles, the head and templates, so none of it reaches the text part. */
const NEVER_SHOWN = ['head', 'script', 'style', 'template'];

/**
 * Elements that may be hidden (the "preheader" trick): an inline display of none, or the hidden attribute.
 * These selectors only pick the candidates; unlessHidden judges each by its declarations, because attribute
 * selectors match substrings ([style*="display:none"] also hid font-family: "display:none" and missed
 * DISPLAY : none). Rules in <style> elements are not judged: whether one is in force takes the cascade
 * (media queries that show mobile-only blocks again, specificity, order), and leaving out text a reader
 * sees is worse than keeping a line a reader does not.
 */
const MAYBE_HIDDEN = ['[style]', '[hidden]'];

/**
 * Display values that roll back to the browser's own style sheet, whose `[hidden] { display: none }` then
 * hides the element again (CSS Cascade Level 5, sections 7.3 and 7.4; HTML, section 15.3.1 "Hidden elements").
 */
const ROLLED_BACK = new Set(['revert', 'revert-layer']);

/** Hidden by its own attributes: an inline display of none, or `hidden` that no inline display overrides. */
function hiddenByAttributes(attribs: Record<string, string>): boolean {
  const display = attribs.style === undefined ? null : inlineDisplay(attribs.style);
  return display === null || ROLLED_BACK.has(display) ? 'hidden' in attribs : display === 'none';
}

/** The selector picker html-to-text's builder carries (its type declarations leave it out). */
interface Picking {
  picker: { pick1(elem: DomNode): { format: string; options?: FormatOptions } };
}

/**
 * A candidate from MAYBE_HIDDEN: nothing when hidden, else formatted as its own tag is (p, h1, a, img...).
 * The attributes that made it a candidate are dropped from this conversion's own DOM, so the picker falls
 * through to the selector that would have matched without them.
 */
const unlessHidden: FormatCallback = (elem, walk, builder) => {
  const attribs = elem.attribs ?? {};
  if (hiddenByAttributes(attribs)) return;
  delete attribs.style;
  delete attribs.hidden;
  const own = (builder as unknown as Picking).picker.pick1(elem);
  builder.options.formatters[own.format](elem, walk, builder, own.options ?? {});
};

/** Headings, lists and link targets kept, images by their alt text; throws HtmlTooDeep past the depth limit. */
export function textFromHtml(html: string): string {
  // A marker the caller cannot predict, so text that merely contains it is never mistaken for a cut.
  const cut = `\u{E000}${randomBytes(12).toString('hex')}\u{E000}`;
  const text = convert(html, {
    wordwrap: 78,
    limits: { maxDepth: HTML_MAX_DEPTH, ellipsis: cut },
    formatters: { altText, unlessHidden },
    selectors: [
      { selector: 'img', format: 'altText' },
      { selector: 'a', options: { hideLinkHrefIfSameAsText: true } },
      ...NEVER_SHOWN.map((selector) => ({ selector, format: 'skip' })),
      ...MAYBE_HIDDEN.map((selector) => ({ selector, format: 'unlessHidden' })),
    ],
  });
  if (text.includes(cut)) throw new HtmlTooDeep();
  return text;
}

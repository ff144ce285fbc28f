// Whether a browser takes a value of the CSS display property, so that a value it rejects is dropped as the
// browser drops it (the declaration before it stays in force) instead of being taken for a shown element.
// The grammar is CSS Display Module Level 3, section 2 (the display property); it errs on the generous side:
// a value any browser in use takes is valid, because a value judged valid can only keep text in the text part.

/** <display-outside> (section 2.1). */
const OUTSIDE = new Set(['block', 'inline', 'run-in']);
/** <display-inside> (section 2.2), with math from MathML Core section 3.1.1 (display: math). */
const INSIDE = new Set(['flow', 'flow-root', 'table', 'flex', 'grid', 'ruby', 'math']);
/** Keywords that stand alone: <display-internal>, <display-box>, <display-legacy> and the CSS-wide keywords. */
const ALONE = new Set([
  'table-row-group', 'table-header-group', 'table-footer-group', 'table-row', 'table-cell', 'table-column-group',
  'table-column', 'table-caption', 'ruby-base', 'ruby-text', 'ruby-base-container', 'ruby-text-container',
  'contents', 'none',
  'inline-block', 'inline-table', 'inline-flex', 'inline-grid',
  'initial', 'inherit', 'unset', 'revert', 'revert-layer',
]);

/**
 * True when `keywords` (ASCII lower case) is a display value: one keyword from the sets above or a
 * vendor-prefixed one (-webkit-box, -ms-flexbox), or the multi-keyword syntax: at most one outside and one
 * inside keyword, or a list item (section 2.3) with at most an outside keyword and flow or flow-root.
 */
export function isDisplayValue(keywords: readonly string[]): boolean {
  if (keywords.length === 1 && (ALONE.has(keywords[0]) || keywords[0].startsWith('-'))) return true;
  if (keywords.length === 0 || keywords.length > 3 || new Set(keywords).size !== keywords.length) return false;
  const outside = keywords.filter((keyword) => OUTSIDE.has(keyword));
  const inside = keywords.filter((keyword) => INSIDE.has(keyword));
  const listItem = keywords.includes('list-item');
  if (outside.length + inside.length + (listItem ? 1 : 0) !== keywords.length) return false;
  if (outside.length > 1 || inside.length > 1) return false;
  if (listItem) return inside.every((keyword) => keyword === 'flow' || keyword === 'flow-root');
  return keywords.length <= 2;
}

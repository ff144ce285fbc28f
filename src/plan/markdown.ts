// CommonMark building blocks for the plan's merge-request comment: code spans and fences that hold
// any text intact, and escapes for plain text, table cells and HTML.

/** A code span holding `text` verbatim: a backtick run longer than any inside (CommonMark §6.1). */
export function codeSpan(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const ticks = '`'.repeat(longest + 1);
  // One space each side when the content starts or ends with a backtick (or a space): stripped again by parsers.
  const pad = /^[` ]|[` ]$/.test(text) ? ' ' : '';
  return `${ticks}${pad}${text}${pad}${ticks}`;
}

/** A fence longer than any backtick run in `text`, so the block cannot end early. */
export function fenceFor(text: string): string {
  return '`'.repeat(Math.max(3, ...[...text.matchAll(/`+/g)].map((m) => m[0].length + 1)));
}

/** Inside a GFM table cell a pipe ends the cell even within a code span: escape it there. */
export function tableCell(markdown: string): string {
  return markdown.replace(/\|/g, '\\|');
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

// Unit tests of the text/plain alternative made from HTML (src/relay/html-text.ts): words, lists and
// link targets kept, images by their alt text (never their src), content a reader never sees left out,
// and nesting past the depth limit refused (never cut to an ellipsis, never a stack overflow).
import { expect, test } from 'vitest';
import { HTML_MAX_DEPTH, HtmlTooDeep, textFromHtml } from '../../src/relay/html-text.js';

test('words and link targets kept; an image is its alt text, its src (a data: URL here) left out', () => {
  const image = `<img alt="logo" src="data:image/png;base64,${'A'.repeat(5000)}">`;
  expect(textFromHtml(`<p>Hi ${image} <a href="https://example.com/x">there</a></p>`)).toBe('Hi logo there [https://example.com/x]');
});

test('images without alt text add nothing: such HTML gives an empty text', () => {
  expect(textFromHtml('<p><img src="a.png"> <img src="b.png" alt="  "></p>').trim()).toBe('');
});

test('text nested deeper than the limit throws HtmlTooDeep instead of becoming "..."', () => {
  const nested = (depth: number) => `${'<div>'.repeat(depth)}only words${'</div>'.repeat(depth)}`;
  expect(() => textFromHtml(nested(70))).toThrow(HtmlTooDeep);
  expect(() => textFromHtml(nested(70))).toThrow(`html nests elements deeper than ${HTML_MAX_DEPTH} levels`);
  expect(() => textFromHtml(`${'<table><tr><td>'.repeat(5000)}cell${'</td></tr></table>'.repeat(5000)}`)).toThrow(HtmlTooDeep);
  // Far past any stack: still the same refusal, no RangeError.
  expect(() => textFromHtml(`${'<div>'.repeat(20_000)}bottom${'</div>'.repeat(20_000)}<p>after</p>`)).toThrow(HtmlTooDeep);
  // Nesting within the limit converts whole.
  expect(textFromHtml(nested(40))).toBe('only words');
});

test('an ellipsis the caller wrote is text, not a cut', () => {
  expect(textFromHtml('<p>wait for it...</p>')).toBe('wait for it...');
});

test('script, style, head, template and hidden content never reach the text', () => {
  const html =
    '<html><head><title>Title</title><style>p { color: red }</style></head><body>' +
    '<script>track()</script><template><p>template</p></template><div hidden>hidden attribute</div>' +
    '<span style="display:none">preheader</span><span style="color: red; display: none">second</span>' +
    '<p>Visible</p></body></html>';
  expect(textFromHtml(html)).toBe('Visible');
  // Without <html>/<body> around them too.
  expect(textFromHtml('<style>p{}</style><script>x()</script><p>Hi</p>')).toBe('Hi');
});

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

test('hidden content is judged by whole declarations: display none in another value or a longer name stays visible', () => {
  const shown = [
    '<p style="font-family: \'display:none\', serif">quoted in a font name</p>',
    '<p style="background: url(display:none.png)">in a url</p>',
    '<p style="--hide: display:none">in a custom property</p>',
    '<p style="mso-display: none; xdisplay:none">longer names</p>',
    '<p style="display:none; display:block">shown again by a later declaration</p>',
    '<p style="display: none-ish">another keyword</p>',
    '<p hidden style="display: block">hidden attribute overridden</p>',
    '<p hidden style="display:none; display: initial">hidden attribute overridden by initial</p>',
    '<p style="display:revert">rolled back without the hidden attribute</p>',
    '<p class="nodisplay-none-ish display-none hidden">class names</p>',
  ];
  expect(textFromHtml(shown.join('')).split('\n\n')).toEqual([
    'quoted in a font name',
    'in a url',
    'in a custom property',
    'longer names',
    'shown again by a later declaration',
    'another keyword',
    'hidden attribute overridden',
    'hidden attribute overridden by initial',
    'rolled back without the hidden attribute',
    'class names',
  ]);
});

test('hidden content in every spelling a mail client hides is left out', () => {
  const hidden = [
    '<span style="DISPLAY:NONE">upper case</span>',
    '<span style="Display: None !important">mixed case, important</span>',
    '<div style="max-height:0;display:/* preheader */none;overflow:hidden">comment inside</div>',
    '<span style="d\\69 splay: none">escaped name</span>',
    '<span style="display:block;display:none">the later declaration</span>',
    '<span style="display:none !important;display:block">the important declaration</span>',
    '<div hidden="until-found">hidden attribute with a value</div>',
    '<img style="display:none" alt="hidden image">',
    '<span style="display:none ! important;display:block">important after white space</span>',
    '<span style="display:none;display:nonsense">a later value browsers reject</span>',
    '<div hidden style="display:bogus">hidden attribute, inline display rejected</div>',
    '<div hidden style="display:revert">hidden attribute, display rolled back to the browser\'s own rule</div>',
    '<div hidden style="display:REVERT-LAYER">hidden attribute, display rolled back past the author layer</div>',
    '<span style="@media screen{} display:none">after an at-rule</span>',
  ];
  expect(textFromHtml(`${hidden.join('')}<p>Visible</p>`)).toBe('Visible');
});

test('an element with a style attribute that does not hide keeps its own formatting', () => {
  const html =
    '<h1 style="color:red">Title</h1><p style="margin:0">First</p><p style="margin:0">Second <a style="color:blue" href="https://example.com/y">link</a></p>' +
    '<ul style="padding:0"><li style="color:red">one</li><li>two</li></ul><img style="border:0" alt="logo">';
  const plain = '<h1>Title</h1><p>First</p><p>Second <a href="https://example.com/y">link</a></p><ul><li>one</li><li>two</li></ul><img alt="logo">';
  expect(textFromHtml(html)).toBe(textFromHtml(plain));
  expect(textFromHtml(html)).toBe('TITLE\n\nFirst\n\nSecond link [https://example.com/y]\n\n * one\n * two\n\nlogo');
});

// Unit tests of the text/plain alternative made from HTML (src/relay/html-text.ts): words, lists and
// link targets kept, images by their alt text (never their src), deep nesting cut rather than a crash.
import { expect, test } from 'vitest';
import { textFromHtml } from '../../src/relay/html-text.js';

test('words and link targets kept; an image is its alt text, its src (a data: URL here) left out', () => {
  const image = `<img alt="logo" src="data:image/png;base64,${'A'.repeat(5000)}">`;
  expect(textFromHtml(`<p>Hi ${image} <a href="https://example.com/x">there</a></p>`)).toBe('Hi logo there [https://example.com/x]');
});

test('images without alt text add nothing: such HTML gives an empty text', () => {
  expect(textFromHtml('<p><img src="a.png"> <img src="b.png" alt="  "></p>').trim()).toBe('');
});

test('deep nesting is cut, not a stack overflow', () => {
  const deep = `${'<div>'.repeat(20_000)}bottom${'</div>'.repeat(20_000)}<p>after</p>`;
  const text = textFromHtml(deep);
  expect(text).toContain('after');
  expect(text).not.toContain('bottom');
});

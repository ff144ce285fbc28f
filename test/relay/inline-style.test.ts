// Unit tests of reading an inline style attribute (src/relay/inline-style.ts): declarations split as CSS
// Syntax splits them (strings, url(), functions and comments keep their semicolons and colons), names
// and keywords compared without case, escapes decoded, the last declaration or an !important one wins.
import { expect, test } from 'vitest';
import { inlineDisplay } from '../../src/relay/inline-style.js';

test('declarations split where CSS splits them: names and keywords without case, what is no declaration skipped', () => {
  expect(inlineDisplay(' COLOR : Red ; DISPLAY : Flex ;;font-family: "a;b", serif ')).toBe('flex');
  expect(inlineDisplay('font-family: "a;b"; display: grid')).toBe('grid');
  expect(inlineDisplay('display: inline-block; garbage; 12px: none; display none; ; color: red')).toBe('inline-block');
  expect(inlineDisplay('color: red; margin: 0')).toBeNull();
  expect(inlineDisplay('')).toBeNull();
  // An unclosed bracket runs to the end, as the block it opens does in a browser.
  expect(inlineDisplay('background: url(x.png; display: none')).toBeNull();
  expect(inlineDisplay('filter: a(b]; display: none)')).toBeNull();
});

test('display none, in any spelling a browser reads as such', () => {
  for (const style of [
    'display:none',
    'display: none',
    'DISPLAY: NONE',
    'Display:None;',
    'color:red;display:none',
    'display:/* hide */none',
    'display: none !important',
    'display:none!important',
    'd\\69 splay: none',
    'display: n\\6f ne',
    'display:block; display:none',
    'display:block; display:none !important; display:inline',
  ]) {
    expect([style, inlineDisplay(style)]).toEqual([style, 'none']);
  }
});

test('display:none inside another property value, a longer name or another keyword is not display none', () => {
  for (const [style, display] of [
    ['font-family: "display:none"', null],
    ["background: url(display:none.png)", null],
    ["background-image: url('x.png?display:none;')", null],
    ['--hide: display:none', null],
    ['mso-display: none', null],
    ['xdisplay:none', null],
    ['display-mode: none', null],
    ['content: "; display: none"', null],
    ['/* display:none */ color: red', null],
    ['display: none-ish', null],
    ['display: none block', null],
    ['display:none; display:block', 'block'],
    ['display:none !important; display:block', 'none'],
    ['display: var(--shown)', 'var(--shown)'],
    ['filter: progid(a;display:none)', null],
  ] as const) {
    expect([style, inlineDisplay(style)]).toEqual([style, display]);
  }
});

test('!important is the last two tokens that are not white space or comments, as CSS Syntax reads it', () => {
  for (const style of ['display:none ! important; display:block', 'display:none!/* keep */important;display:block', 'display: none !\n IMPORTANT ;display:flex']) {
    expect([style, inlineDisplay(style)]).toEqual([style, 'none']);
  }
  expect(inlineDisplay('display:none!important!important')).toBeNull();
});

test('a display value a browser rejects is dropped, so the declaration before it stays in force', () => {
  for (const [style, display] of [
    ['display:none; display:bogus', 'none'],
    ['display:none; display:none block', 'none'],
    ['display:none; display:flex grid', 'none'],
    ['display:none; display:block block', 'none'],
    ['display:none; display:none\\', 'none'],
    ['display:none !important; display:x !important', 'none'],
    ['display:none; display:12px', 'none'],
    ['display:none; display:"block"', 'none'],
    ['display: bogus', null],
    // Values browsers take: multi-keyword, list items, vendor-prefixed boxes, CSS-wide keywords, var() (judged later).
    ['display:none; display:inline flex', 'inline flex'],
    ['display:none; display:block flow list-item', 'block flow list-item'],
    ['display:none; display:-webkit-box', '-webkit-box'],
    ['display:none; display:table-cell', 'table-cell'],
    ['display:none; display:revert', 'revert'],
    ['display:none; display: Var(--shown)', 'Var(--shown)'],
  ] as const) {
    expect([style, inlineDisplay(style)]).toEqual([style, display]);
  }
});

test('an at-rule in a style attribute ends at its block: a declaration after it counts', () => {
  expect(inlineDisplay('@media print { color: red } display: none')).toBe('none');
  expect(inlineDisplay('@x{display:block}display:none')).toBe('none');
  expect(inlineDisplay('@x; display: none')).toBe('none');
  // A block inside a declaration does not end it: the whole is one declaration nobody reads.
  expect(inlineDisplay('color: red {} display: none')).toBeNull();
});

// Unit tests of the display value grammar (src/relay/display-value.ts): values browsers take, generously,
// and values they reject, whose declaration is dropped.
import { expect, test } from 'vitest';
import { isDisplayValue } from '../../src/relay/display-value.js';

test('values browsers take: single keywords, outside plus inside, list items, vendor-prefixed boxes, CSS-wide keywords', () => {
  for (const value of [
    'none', 'block', 'inline', 'flow-root', 'flex', 'grid', 'table-cell', 'contents', 'inline-flex', 'list-item', 'math',
    'inline flex', 'block grid', 'flow-root inline', 'block flow list-item', 'list-item inline', 'flow-root list-item',
    '-webkit-box', '-ms-flexbox', 'inherit', 'revert-layer',
  ]) {
    expect([value, isDisplayValue(value.split(' '))]).toEqual([value, true]);
  }
});

test('values browsers reject: unknown words, two of a kind, a lone keyword combined, too many, none at all', () => {
  for (const value of ['bogus', 'none-ish', 'none block', 'block inline', 'flex grid', 'block block', 'inline-block flex', 'grid list-item', 'block flow list-item inline', 'inherit block', '-webkit-box block']) {
    expect([value, isDisplayValue(value.split(' '))]).toEqual([value, false]);
  }
  expect(isDisplayValue([])).toBe(false);
});

import { describe, expect, it } from 'vitest';
import { columns, finalNewline, render } from '../../src/outputs/render.js';

describe('render', () => {
  it('does not escape, trims only where the template says, and ends in one newline', () => {
    const template = 'a = <%= it.a %>\n<% for (const x of it.xs) { -%>\n- <%= x %>\n<% } -%>\n\n\n';
    expect(render('test/render-1', template, { a: '<&"\'>', xs: [1, 2] })).toBe('a = <&"\'>\n- 1\n- 2\n');
    // The name caches the compiled template; a second render with other data reuses it.
    expect(render('test/render-1', 'ignored', { a: 'b', xs: [] })).toBe('a = b\n');
  });

  it('keeps newlines a template does not trim', () => {
    expect(render('test/render-2', '<% if (it.on) { %>\nx\n<% } %>\ny', { on: true })).toBe('\nx\n\ny\n');
  });

  it('normalizes trailing whitespace to one newline', () => {
    expect(finalNewline('x')).toBe('x\n');
    expect(finalNewline('x\n\n \n')).toBe('x\n');
  });

  it('aligns two columns', () => {
    expect(columns([['a', '1'], ['bbb', '2'], ['c', '']])).toEqual(['a    1', 'bbb  2', 'c']);
  });
});

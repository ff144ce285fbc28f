// Unit tests of the visibly-empty judgement (src/relay/visible.ts): white space, default-ignorable code
// points and the blanks Unicode gives no such property count as nothing; any character drawn counts.
import { expect, test } from 'vitest';
import { isVisiblyEmpty } from '../../src/relay/visible.js';

test('white space and invisible code points alone, each and mixed, are visibly empty', () => {
  const invisible = {
    'ZERO WIDTH SPACE, NON-JOINER, JOINER': '\u200B\u200C\u200D',
    'WORD JOINER': '\u2060',
    'BYTE ORDER MARK': '\uFEFF',
    'BRAILLE PATTERN BLANK': '\u2800',
    'HANGUL FILLER': '\u3164',
    'HANGUL CHOSEONG and JUNGSEONG FILLER': '\u115F\u1160',
    'HALFWIDTH HANGUL FILLER': '\uFFA0',
    'SOFT HYPHEN': '\u00AD',
    'LEFT-TO-RIGHT and RIGHT-TO-LEFT MARK': '\u200E\u200F',
    'MONGOLIAN VOWEL SEPARATOR': '\u180E',
    'a variation selector': '\uFE0F',
    'TAG SPACE (a tag character)': '\u{E0020}',
    'NO-BREAK, EM and IDEOGRAPHIC SPACE': '\u00A0\u2003\u3000',
    'line and paragraph separators': '\u2028\u2029',
    'ASCII white space and a control character': ' \t\r\n\x0B\x0C\x07',
  };
  for (const [name, text] of Object.entries(invisible)) expect([name, isVisiblyEmpty(text)]).toEqual([name, true]);
  expect(isVisiblyEmpty(Object.values(invisible).join(''))).toBe(true);
  expect(isVisiblyEmpty('')).toBe(true);
});

test('any drawn character makes a text visible, wherever it stands among invisible ones', () => {
  for (const visible of ['a', '.', '-', '😀', '字', 'م', '\u2801' /* a braille dot */, '\u00B7', '\uFFFC']) {
    expect([visible, isVisiblyEmpty(visible)]).toEqual([visible, false]);
    expect([visible, isVisiblyEmpty(`\u200B\u3164 ${visible}\u2800\uFEFF`)]).toEqual([visible, false]);
  }
  // A joined emoji sequence: the joiner and variation selector are invisible, the emoji are not.
  expect(isVisiblyEmpty('👩\u200D💻\uFE0F')).toBe(false);
});

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

test('real text in scripts that lean on joiners, combining marks or invisible marks is never judged empty', () => {
  const drawn = {
    Thai: 'สวัสดี',
    'Devanagari with a virama and ZERO WIDTH JOINER': 'क्\u200Dष',
    'Arabic with ZERO WIDTH NON-JOINER and an ARABIC LETTER MARK': 'می\u200Cخواهم\u061C',
    'Hebrew between RIGHT-TO-LEFT marks': '\u200Fשלום\u200F',
    'an emoji ZWJ sequence with a variation selector': '\u{1F3F3}\uFE0F\u200D\u{1F308}',
    'a keycap sequence': '1\uFE0F\u20E3',
    'a flag from regional indicators': '\u{1F1E9}\u{1F1EA}',
    'Hangul syllables next to a filler': '\u3164한국어',
  };
  for (const [name, text] of Object.entries(drawn)) expect([name, isVisiblyEmpty(text)]).toEqual([name, false]);
});

test('code points a client draws as something count as visible: marks alone, private use, unassigned, lone surrogates', () => {
  const drawn = {
    'a combining acute accent alone (drawn on a dotted circle or floating)': '\u0301',
    'a private-use character (a glyph of the font, or a box)': '\uE000',
    'an unassigned code point (a box)': '\u0378',
    'a lone surrogate (becomes U+FFFD REPLACEMENT CHARACTER in the message)': '\uD800',
    'OBJECT REPLACEMENT CHARACTER': '\uFFFC',
  };
  for (const [name, text] of Object.entries(drawn)) {
    expect([name, isVisiblyEmpty(text)]).toEqual([name, false]);
    expect([name, isVisiblyEmpty(`\u200B${text}\u2060`)]).toEqual([name, false]);
  }
  // Invisible ones whatever surrounds them: NEL, a language tag and its cancel tag, an invisible operator.
  expect(isVisiblyEmpty('\u0085\u{E0001}\u{E007F}\u2064\u034F')).toBe(true);
});

// Whether a text shows a reader anything. White space and the code points a mail client draws as nothing
// (zero-width characters, Hangul fillers, the braille blank) make a subject or a text part look empty
// while `trim()` says it is not: such text is judged empty, so it is refused or replaced like an empty one.

/**
 * Code points drawn as nothing, by Unicode property where one exists: White_Space, Default_Ignorable_Code_Point
 * (U+200B..U+200D, U+2060, U+FEFF, the soft hyphen, bidi marks, variation selectors, tag characters, the
 * Hangul fillers U+115F, U+1160, U+3164, U+FFA0: UAX #44 and the Unicode Standard section 5.21) and the
 * controls (Cc). U+2800 BRAILLE PATTERN BLANK has no such property (it is a braille cell with no dots
 * raised, a symbol) but renders as a space in every font, so it is named here.
 * Property escapes are ECMAScript 2018: Node 18 reads them, with the Unicode version of its ICU.
 */
const NOTHING_DRAWN = /^[\p{White_Space}\p{Default_Ignorable_Code_Point}\p{Cc}\u2800]*$/u;

/** True when `text` is empty or consists only of white space and characters drawn as nothing. */
export function isVisiblyEmpty(text: string): boolean {
  return NOTHING_DRAWN.test(text);
}

// Makes a string from a config value or the network safe to print on one line of a log or terminal.
/**
 * C0 (newline, carriage return, ESC...), DEL, C1 (NEL U+0085 among them) and the Unicode line and
 * paragraph separators. Any of them in a finding could end its line early and let the rest pose as
 * another finding or a CI workflow command, or recolour/erase what a terminal shows.
 */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

const SHORT: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** `\n`, `\r`, `\t` as those two characters, any other control character as `\u` and four hex digits. */
export function escapeControl(text: string): string {
  return text.replace(CONTROL, (c) => SHORT[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

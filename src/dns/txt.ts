// TXT data as DNS carries it: character-strings of at most 255 bytes (RFC 1035 3.3.14).

/** Splits text into chunks of at most `max` bytes without cutting a UTF-8 sequence. */
export function splitTxt(text: string, max = 255): string[] {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length <= max) return [text];
  const parts: string[] = [];
  let start = 0;
  while (start < bytes.length) {
    let end = Math.min(start + max, bytes.length);
    while (end < bytes.length && (bytes[end] & 0xc0) === 0x80) end--; // back off a continuation byte
    parts.push(bytes.subarray(start, end).toString('utf8'));
    start = end;
  }
  return parts;
}

/** One TXT string quoted for a zone file: backslash and double quote escaped. */
export function quoteTxt(part: string): string {
  return `"${part.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

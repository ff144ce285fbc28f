// The tag-value list DKIM, DMARC and BIMI records share (RFC 6376 section 3.2, RFC 9989 section 4.7).

/** name=value pairs split by ";", white space around them ignored, names lower-cased; a later duplicate wins. */
export function parseTags(text: string): Map<string, string> {
  const tags = new Map<string, string>();
  for (const part of text.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    tags.set(part.slice(0, eq).trim().toLowerCase(), part.slice(eq + 1).trim());
  }
  return tags;
}

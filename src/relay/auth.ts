// Bearer token check in constant time: both sides are hashed to equal-length SHA-256 digests first, so
// crypto.timingSafeEqual never sees different lengths and the compare leaks neither length nor prefix.
import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

/** Returns a checker for the Authorization header value (`Bearer <token>`, scheme case-insensitive). */
export function bearerChecker(token: string): (header: string | undefined) => boolean {
  const expected = digest(token);
  return (header) => {
    if (typeof header !== 'string') return false;
    const match = /^Bearer +(\S+) *$/i.exec(header);
    // Hash something even when the header is malformed, so both paths cost about the same.
    const given = digest(match ? match[1] : '');
    return timingSafeEqual(given, expected) && match !== null;
  };
}

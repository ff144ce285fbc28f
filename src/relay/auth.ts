// Bearer token checks in constant time: both sides are hashed to equal-length SHA-256 digests first, so
// crypto.timingSafeEqual never sees different lengths and the compare leaks neither length nor prefix.
import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

/** Returns a checker for the Authorization header value (`Bearer <token>`, scheme case-insensitive). */
export function bearerChecker(token: string): (header: string | undefined) => boolean {
  const authenticate = clientAuthenticator([{ token, client: true }]);
  return (header) => authenticate(header) === true;
}

/**
 * Returns the client a `Bearer <token>` header authenticates, or null. The given token is hashed once and
 * compared with every client's digest, all of them every time, so neither the answer's timing nor which
 * client matched tells a guesser anything about the tokens.
 */
export function clientAuthenticator<C>(entries: ReadonlyArray<{ token: string; client: C }>): (header: string | undefined) => C | null {
  const digests = entries.map((entry) => ({ digest: digest(entry.token), client: entry.client }));
  return (header) => {
    const match = typeof header === 'string' ? /^Bearer +(\S+) *$/i.exec(header) : null;
    const given = digest(match ? match[1] : '');
    let found: C | null = null;
    for (const entry of digests) {
      if (timingSafeEqual(given, entry.digest) && match !== null) found = entry.client;
    }
    return found;
  };
}

// The Public Suffix List (tldts), loaded on first use. Why lazily: building tldts's suffix trie
// is the largest single cost of starting `relayconf lint` (about 10 ms, and a third of the CLI's
// V8 code cache), and many configs never need it (a name equal to a configured domain, or under
// a reserved TLD, is decided without it).
import { createRequire } from 'node:module';
import type * as Tldts from 'tldts';

let loaded: typeof Tldts | undefined;

function tldts(): typeof Tldts {
  // From node_modules in both builds: the CLI bundle leaves tldts out (src/tools/bundle-cli.mjs)
  // and defines import.meta.url as the bundle's own location.
  loaded ??= createRequire(import.meta.url)('tldts') as typeof Tldts;
  return loaded;
}

/** tldts.getDomain: the registrable domain under the list, or null. */
export function registrableDomain(name: string, allowPrivateDomains: boolean): string | null {
  return tldts().getDomain(name, { allowPrivateDomains });
}

/** tldts.parse with the private section off: is the name's suffix ICANN's, and which is it. */
export function publicSuffixOf(name: string): { isIp: boolean | null; isIcann: boolean | null; publicSuffix: string | null } {
  const parsed = tldts().parse(name, { allowPrivateDomains: false });
  return { isIp: parsed.isIp, isIcann: parsed.isIcann, publicSuffix: parsed.publicSuffix };
}

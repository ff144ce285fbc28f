// node:crypto, loaded on first use. Why: loading it (and the stream modules it pulls in) is about
// 5 ms of every CLI start, and `relayconf lint` on a config whose keys are plain RSA public keys
// never needs it (src/dkim/spki-der.ts reads those).
import { createRequire } from 'node:module';

let loaded: typeof import('node:crypto') | undefined;

export function nodeCrypto(): typeof import('node:crypto') {
  loaded ??= createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');
  return loaded;
}

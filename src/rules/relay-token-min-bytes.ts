// relay-token-min-bytes: the relay refuses bearer tokens shorter than 32 bytes.
import { createRule } from './types.js';

/** The self-hosted HTTP relay build guide, step 6: "token: at least 32 bytes" (256 bits: not guessable online). */
export const MIN_TOKEN_BYTES = 32;

export default createRule({
  id: 'relay-token-min-bytes',
  defaultSeverity: 'error',
  docs: {
    summary: 'The minimum bearer token length is at least 32 bytes',
    rationale:
      'The self-hosted HTTP relay build guide, step 6: "token: at least 32 bytes", and step 8 asks for SMTP_RELAY_TOKEN=<long-random-token>. The relay ' +
      'refuses to start with a token shorter than relay.token.minBytes, so lowering the minimum is what lets a short, ' +
      'guessable token (a word, a date, a short hex string) into production. 32 random bytes are 256 bits: not guessable ' +
      'through the rate-limited /send endpoint or offline.',
    source: 'the self-hosted HTTP relay build guide, step 6',
    fix: 'Set relay.token.minBytes to 32 or more and generate the token with e.g. `openssl rand -base64 32`.',
    examples: {
      invalid: [{ description: 'A 16-byte minimum', config: 'relay:\n  token: { minBytes: 16 }\n' }],
      valid: [{ description: 'The self-hosted HTTP relay build guide\'s minimum', config: 'relay:\n  token: { minBytes: 32 }\n' }],
    },
  },
  messages: {
    short: 'relay.token.minBytes is {{value}}: tokens shorter than {{min}} bytes are allowed, so a guessable token can be deployed',
  },
  check({ model, report }) {
    const value = model.relay.token.minBytes;
    if (value < MIN_TOKEN_BYTES) report({ messageId: 'short', path: ['relay', 'token', 'minBytes'], data: { value, min: MIN_TOKEN_BYTES } });
  },
});

// relay-subject-cap: the subject cap fits an RFC 5322 line (998 characters).
import { createRule } from './types.js';

/** RFC 5322 §2.1.1: a line is at most 998 characters, excluding CRLF. */
export const RFC5322_LINE = 998;
export default createRule({
  id: 'relay-subject-cap',
  defaultSeverity: 'error',
  docs: {
    summary: 'The subject cap is at most 998 characters (RFC 5322 line limit)',
    rationale:
      'RFC 5322 §2.1.1 limits a line to 998 characters; a subject the relay accepts above that cannot be written on one ' +
      'header line, and receivers handle over-long headers badly (the amavis setup in the notes The Postfix Mail Server (2019) flags "header line longer than ' +
      '998 characters" as a bad header). The recommended 200 characters are relay-subject-recommended\'s (info), a ' +
      'separate rule so that quieting that advice never hides this error.',
    source: 'the self-hosted HTTP relay build guide, step 6, RFC 5322 §2.1.1',
    fix: 'Set relay.limits.subjectChars to 200 (the default), and never above 998.',
    examples: {
      invalid: [{ description: 'A cap beyond the RFC 5322 line limit', config: 'relay:\n  limits: { subjectChars: 2000 }\n' }],
      valid: [{ description: 'The self-hosted HTTP relay build guide\'s 200 characters', config: 'relay:\n  limits: { subjectChars: 200 }\n' }],
    },
  },
  messages: {
    overLine: 'Subject cap {{value}} exceeds the RFC 5322 line limit of 998 characters: such a subject cannot be one header line',
  },
  check({ model, report }) {
    const value = model.relay.limits.subjectChars;
    const path = ['relay', 'limits', 'subjectChars'];
    if (value > RFC5322_LINE) report({ messageId: 'overLine', path, data: { value } });
  },
});

// relay-subject-recommended: a subject cap above the recommended 200 characters (within the RFC 5322 line).
import { createRule } from './types.js';
import { RFC5322_LINE } from './relay-subject-cap.js';

/** The self-hosted HTTP relay build guide, step 6: "subject: capped length, for example 200 characters". */
export const RECOMMENDED_SUBJECT = 200;

export default createRule({
  id: 'relay-subject-recommended',
  defaultSeverity: 'info',
  docs: {
    summary: 'The subject cap is at most the recommended 200 characters',
    rationale:
      'The self-hosted HTTP relay build guide, step 6 caps the subject, "for example 200 characters": transaction subjects are short, and long ones look ' +
      'like spam. A cap above 200 but within the RFC 5322 §2.1.1 line limit is reported as information; above 998 ' +
      'characters it is relay-subject-cap\'s error.',
    source: 'the self-hosted HTTP relay build guide, step 6, RFC 5322 §2.1.1',
    fix: 'Set relay.limits.subjectChars to 200 (the default), or turn this rule off if your subjects need more.',
    examples: {
      invalid: [{ description: 'A cap above 200', config: 'relay:\n  limits: { subjectChars: 500 }\n' }],
      valid: [{ description: 'The self-hosted HTTP relay build guide\'s 200 characters', config: 'relay:\n  limits: { subjectChars: 200 }\n' }],
    },
  },
  messages: {
    overRecommended: 'Subject cap {{value}} is above the recommended {{recommended}} characters: transaction subjects are short',
  },
  check({ model, report }) {
    const value = model.relay.limits.subjectChars;
    if (value > RECOMMENDED_SUBJECT && value <= RFC5322_LINE) {
      report({ messageId: 'overRecommended', path: ['relay', 'limits', 'subjectChars'], data: { value, recommended: RECOMMENDED_SUBJECT } });
    }
  },
});

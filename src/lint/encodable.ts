// Lint reports, at its config key, any value of the Postfix model that build's encoder would refuse
// (a $ that starts no parameter name, a line break in a raw parameter or service): lint passes
// only what build can write. The Postfix files take raw text (postfix.parameters, postfix.services),
// so they are where such values reach an encoder; the other families take typed values only.
import type { KeyPath } from '../findings.js';
import { encodeMainCfParameter, encodeMapRows, encodeMasterService } from '../outputs/encode/postfix.js';
import { EncodeError } from '../outputs/encode/refuse.js';
import type { PostfixModel } from '../outputs/postfix-model.js';

export interface EncodingProblem {
  path: KeyPath;
  message: string;
}

function check(problems: EncodingProblem[], encode: () => unknown): void {
  try {
    encode();
  } catch (error) {
    if (!(error instanceof EncodeError)) throw error;
    problems.push({ path: error.from, message: `build cannot write ${error.key} into ${error.output}: ${error.reason}` });
  }
}

/** Every refusal the Postfix encoder would make, one per parameter, service or map. */
export function postfixEncodingProblems(postfix: PostfixModel): EncodingProblem[] {
  const problems: EncodingProblem[] = [];
  for (const section of postfix.sections) for (const entry of section.entries) check(problems, () => encodeMainCfParameter(entry.param));
  for (const row of postfix.services) check(problems, () => encodeMasterService(row.service));
  for (const { from } of postfix.unparsedServices) problems.push({ path: from, message: 'build cannot write this master.cf service: not one master(5) service line (8 fields, a known type, no control characters)' });
  check(problems, () => encodeMapRows(postfix.transport, 'etc/postfix/transport'));
  check(problems, () => encodeMapRows(postfix.senderTransport, 'etc/postfix/sender_transport'));
  return problems;
}

// The HELO/EHLO name Postfix really announces: mta.hostname unless a raw postfix.parameters
// override (smtp_helo_name, else myhostname) replaces it (postconf(5): smtp_helo_name = $myhostname).
import type { KeyPath } from '../../findings.js';
import type { RelayModel } from '../../config/model.js';

export interface HeloOverride {
  name: string;
  path: KeyPath;
}

/** The raw override that changes the announced HELO name, or null when mta.hostname is announced. */
export function heloOverride(model: RelayModel): HeloOverride | null {
  const params = model.postfix.parameters;
  const refersToMyhostname = (value: string) => /^\$(\{myhostname\}|\(myhostname\)|myhostname)$/.test(value.trim());
  const smtp = params.smtp_helo_name;
  if (smtp !== undefined && !refersToMyhostname(smtp)) return { name: smtp.trim(), path: ['postfix', 'parameters', 'smtp_helo_name'] };
  const my = params.myhostname;
  if (my !== undefined) return { name: my.trim(), path: ['postfix', 'parameters', 'myhostname'] };
  return null;
}

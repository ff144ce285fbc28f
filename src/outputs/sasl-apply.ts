// APPLY.md's part for SASL: each password map is written once on the server from shell variables the admin
// sets, one `key user:password` line per next hop (SASL_README); the tree itself only names the keys.
import type { RelayModel } from '../config/model.js';
import { op, variable, word, type ShellCommand } from './encode/shell.js';
import { credentialLines, passwordFiles, saslCredentials, type SaslCredential } from './sasl-credentials.js';

/** Who a credential is for, in the admin's words. */
function purpose(c: SaslCredential): string {
  return c.transport === null ? 'the smarthost password' : `the password for ${c.key} (${c.username}, transport ${c.transport})`;
}

function shortPurpose(c: SaslCredential): string {
  return c.transport === null ? 'the smarthost password' : `the password of transport ${c.transport}`;
}

/**
 * One printf per map: printf repeats its format for each triple of arguments, so every line of a map is
 * written in one go, and `onceRootOnly` keeps a map the server already has.
 */
export function saslSecretCommands(model: RelayModel, onceRootOnly: (file: string, ...produce: ShellCommand) => ShellCommand): ShellCommand[] {
  const credentials = saslCredentials(model);
  return passwordFiles(credentials).map((file) => {
    // sh expands the ${name:?message} text, so it names the transport, not the next hop.
    const args = credentialLines(credentials, file).flatMap((c) => [c.key, c.username, word(variable(c.variable, `set ${c.variable} to ${shortPurpose(c)}`))]);
    return onceRootOnly(file, 'printf', '%s %s:%s\\n', ...args);
  });
}

/** The note of the secrets step; the single-smarthost wording is kept as it was. */
export function saslSecretNotes(model: RelayModel): string[] {
  const credentials = saslCredentials(model);
  if (credentials.length === 0) return [];
  const single = credentials.length === 1 && credentials[0].transport === null;
  const from = [...new Set(credentials.map((c) => `\`$${c.variable}\``))].join(', ');
  return [
    single
      ? 'The smarthost password map is written once from `$SASL_PASSWORD` (Debian needs the libsasl2-modules package for SASL).'
      : `The SASL password maps are written once from ${from}, one line per next hop (Debian needs the libsasl2-modules package for SASL).`,
  ];
}

/** The variables list at the top of APPLY.md; `secretsStep` is the number of the step that reads them. */
export function saslVariableLines(model: RelayModel, secretsStep: number): string[] {
  const seen = new Set<string>();
  return saslCredentials(model)
    .filter((c) => !seen.has(c.variable) && seen.add(c.variable))
    .map((c) => `\`$${c.variable}\`: ${purpose(c)}, set in the root shell for step ${secretsStep} only.`);
}

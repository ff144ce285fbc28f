// The SASL credentials a config declares (smarthost, per-destination and sender-dependent relays), each with
// the password-map key Postfix looks it up by; the passwords themselves never enter the config or the tree.
import type { KeyPath } from '../findings.js';
import type { RelayModel } from '../config/model.js';
import { relayhostValue } from './postfix-model.js';

export interface SaslCredential {
  /** The smtp_sasl_password_maps key: the nexthop as written in relayhost or the transport map, or `@domain`. */
  key: string;
  username: string;
  /** Server path of the map source that holds this credential's line. */
  passwordFile: string;
  /** The shell variable APPLY.md reads the password from (never a value). */
  variable: string;
  /** The master.cf transport that authenticates with it; null for the main.cf relayhost. */
  transport: string | null;
  /** Keyed by sender domain: its transport needs smtp_sender_dependent_authentication = yes. */
  senderDependent: boolean;
  from: KeyPath;
}

/** The smarthost's password keeps the variable name earlier trees used. */
const RELAYHOST_VARIABLE = 'SASL_PASSWORD';

/**
 * Every credential with its map key. Postfix searches smtp_sasl_password_maps by the nexthop (postconf(5));
 * when a sender-dependent relay shares its nexthop with another credential, the nexthop cannot tell the two
 * apart, so that one is keyed by `@domain`, which Postfix tries first only with sender-dependent authentication.
 * Two lines with the same key in one map collapse into the first (same key, same line).
 */
export function saslCredentials(model: RelayModel): SaslCredential[] {
  const { delivery } = model;
  const out: SaslCredential[] = [];
  const relayhost = delivery.mode === 'relayhost' ? delivery.relayhost : null;
  if (relayhost?.auth) {
    out.push({ key: relayhostValue(model), ...relayhost.auth, variable: RELAYHOST_VARIABLE, transport: null, senderDependent: false, from: ['delivery', 'relayhost', 'auth'] });
  }
  delivery.destinations.forEach((d, i) => {
    if (!d.auth || d.nexthop === null) return;
    out.push({ key: d.nexthop, ...d.auth, variable: variableFor(d.transport), transport: d.transport, senderDependent: false, from: ['delivery', 'destinations', i, 'auth'] });
  });
  const nexthopKeys = new Set(out.map((c) => c.key));
  delivery.senderTransports.forEach((t, i) => {
    if (!t.auth || t.nexthop === null) return;
    const shared = nexthopKeys.has(t.nexthop) || delivery.senderTransports.some((o, j) => j !== i && o.auth && o.nexthop === t.nexthop);
    out.push({
      key: shared ? `@${t.domain}` : t.nexthop,
      ...t.auth,
      variable: variableFor(t.transport),
      transport: t.transport,
      senderDependent: shared,
      from: ['delivery', 'senderTransports', i, 'auth'],
    });
  });
  return out;
}

function variableFor(transport: string): string {
  return `${RELAYHOST_VARIABLE}_${transport.toUpperCase()}`;
}

/** The map files in first-use order: smtp_sasl_password_maps lists each once. */
export function passwordFiles(credentials: readonly SaslCredential[]): string[] {
  return [...new Set(credentials.map((c) => c.passwordFile))];
}

/** One line per key and map: a repeated key would be a duplicate entry to postmap(1). */
export function credentialLines(credentials: readonly SaslCredential[], passwordFile: string): SaslCredential[] {
  const seen = new Set<string>();
  return credentials.filter((c) => c.passwordFile === passwordFile && !seen.has(c.key) && seen.add(c.key));
}

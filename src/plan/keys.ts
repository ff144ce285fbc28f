// The private keys a change needs on the server: signing keys the build's KeyTable names and the deployed KeyTable does not.
import type { RelayModel } from '../config/model.js';
import { KEYS_DIR, signingKeys, type SigningKey } from '../outputs/opendkim.js';
import type { TreeEntry } from './tree.js';

/** Private key paths of a deployed KeyTable: `keyname domain:selector:/path` rows. */
function deployedKeyPaths(tree: Map<string, TreeEntry>): string[] {
  const table = tree.get('etc/opendkim/KeyTable')?.content.toString('utf8') ?? '';
  return table
    .split('\n')
    .map((line) => line.replace(/#.*/, '').trim().split(/\s+/)[1])
    .filter((value): value is string => value !== undefined)
    .map((value) => value.split(':').slice(2).join(':'));
}

export interface NewKeys {
  /** Keys to install before OpenDKIM restarts with them. */
  keys: SigningKey[];
  /** Domains with no key on the server yet: their key directory must be made first. */
  newDomains: string[];
}

export function newSigningKeys(model: RelayModel, tree: Map<string, TreeEntry>): NewKeys {
  const deployed = deployedKeyPaths(tree);
  const keys = signingKeys(model).filter((k) => !deployed.includes(k.privatePath));
  const newDomains = [...new Set(keys.map((k) => k.domain))].filter((d) => !deployed.some((p) => p.startsWith(`${KEYS_DIR}/${d}/`)));
  return { keys, newDomains };
}

// A plan: what a build would change in a directory, what the server then needs, and what is risky.
import type { RelayModel } from '../config/model.js';
import type { OutputFile } from '../outputs/types.js';
import { actionsFor, type ServerAction } from './actions.js';
import { compareTree, type FileChange } from './compare.js';
import { safetyWarnings } from './safety.js';
import { newSigningKeys } from './keys.js';
import type { TreeEntry } from './tree.js';
import { parseManifest } from '../outputs/apply-notes.js';

export interface Plan {
  warnings: string[];
  changes: FileChange[];
  /** Files in DIR that no relayconf build wrote (DIR's MANIFEST does not list them): a build leaves them alone. */
  kept: string[];
  actions: ServerAction[];
}

/**
 * Only files an earlier build wrote (listed in DIR's MANIFEST) can be removed by this one. Anything
 * else in DIR (a secret such as etc/postfix/sasl_passwd in a tree pulled back from the server, or
 * a stray file) is reported as kept, never as "removed", which an admin would read as deleted.
 */
export function makePlan(model: RelayModel, build: OutputFile[], tree: Map<string, TreeEntry>): Plan {
  const manifest = tree.get('MANIFEST');
  const listed = manifest ? parseManifest(manifest.content.toString('utf8')) : new Map();
  const isKept = (c: FileChange) => c.kind === 'removed' && c.path !== 'MANIFEST' && !listed.has(c.path);
  const all = compareTree(build, tree);
  const changes = all.filter((c) => !isKept(c));
  const kept = all.filter(isKept).map((c) => c.path);
  const warnings = changes.length > 0 ? safetyWarnings(model, tree) : [];
  if (kept.length > 0) {
    warnings.push(
      `${kept.length} file${kept.length === 1 ? '' : 's'} in the directory ${kept.length === 1 ? 'was' : 'were'} not written by relayconf (its MANIFEST does not list ${kept.length === 1 ? 'it' : 'them'}): kept as ${kept.length === 1 ? 'it is' : 'they are'}; \`relayconf build --out\` refuses to write into such a directory`,
    );
  }
  return { warnings, changes, kept, actions: actionsFor(changes, build, model.name, newSigningKeys(model, tree)) };
}

// A plan: what a build would change in a directory, what the server then needs, and what is risky.
import type { RelayModel } from '../config/model.js';
import type { OutputFile } from '../outputs/types.js';
import { actionsFor, type ServerAction } from './actions.js';
import { compareTree, type FileChange } from './compare.js';
import { safetyWarnings } from './safety.js';
import type { TreeEntry } from './tree.js';

export interface Plan {
  warnings: string[];
  changes: FileChange[];
  actions: ServerAction[];
}

export function makePlan(model: RelayModel, build: OutputFile[], tree: Map<string, TreeEntry>): Plan {
  const changes = compareTree(build, tree);
  return {
    warnings: changes.length > 0 ? safetyWarnings(model, tree) : [],
    changes,
    actions: actionsFor(changes, build, model.name),
  };
}

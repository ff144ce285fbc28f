// Compares a build (OutputFile[]) with a directory: added, removed, changed (with a unified diff)
// and mode changes. Used by `plan` and `build --check`.
import { createTwoFilesPatch } from 'diff';
import type { OutputFile } from '../outputs/types.js';
import type { TreeEntry } from './tree.js';
import { byteCompare } from '../util/compare.js';

export interface FileChange {
  path: string;
  kind: 'added' | 'removed' | 'changed';
  contentChanged: boolean;
  oldMode: number | null;
  newMode: number | null;
  /** Unified diff for text content (empty when only the mode changed); null for binary content. */
  diff: string | null;
}

const mode = (m: number | null) => (m === null ? '-' : `0${m.toString(8)}`);
export const formatMode = mode;

function isText(buffer: Buffer): boolean {
  return !buffer.includes(0);
}

function unifiedDiff(file: string, before: string, after: string): string {
  // Drop the "Index:"/"====" preamble: a merge-request reader wants the ---/+++ and hunks only.
  return createTwoFilesPatch(`a/${file}`, `b/${file}`, before, after, '', '', { context: 3 })
    .split('\n')
    .filter((line) => !line.startsWith('Index:') && !/^=+$/.test(line))
    // The diff package ends ---/+++ lines with a tab before the (empty) header; drop it.
    .map((line) => (line.startsWith('--- a/') || line.startsWith('+++ b/') ? line.trimEnd() : line))
    .join('\n');
}

export function compareTree(build: OutputFile[], tree: Map<string, TreeEntry>): FileChange[] {
  const changes: FileChange[] = [];
  const built = new Map(build.map((f) => [f.path, f]));
  for (const file of build) {
    const old = tree.get(file.path);
    const content = Buffer.from(file.content, 'utf8');
    if (!old) {
      changes.push({ path: file.path, kind: 'added', contentChanged: true, oldMode: null, newMode: file.mode, diff: unifiedDiff(file.path, '', file.content) });
      continue;
    }
    const contentChanged = !old.content.equals(content);
    if (!contentChanged && old.mode === file.mode) continue;
    const diff = !contentChanged ? '' : isText(old.content) ? unifiedDiff(file.path, old.content.toString('utf8'), file.content) : null;
    changes.push({ path: file.path, kind: 'changed', contentChanged, oldMode: old.mode, newMode: file.mode, diff });
  }
  for (const [file, old] of tree) {
    if (built.has(file)) continue;
    changes.push({
      path: file,
      kind: 'removed',
      contentChanged: true,
      oldMode: old.mode,
      newMode: null,
      diff: isText(old.content) ? unifiedDiff(file, old.content.toString('utf8'), '') : null,
    });
  }
  return changes.sort((a, b) => byteCompare(a.path, b.path));
}

/** One line per change: "changed etc/postfix/main.cf (mode 0644 -> 0640)". */
export function describeChange(change: FileChange): string {
  const modeNote = change.kind === 'changed' && change.oldMode !== change.newMode ? ` (mode ${mode(change.oldMode)} -> ${mode(change.newMode)})` : '';
  const what = change.kind === 'changed' && !change.contentChanged ? 'mode' : change.kind;
  return `${what} ${change.path}${modeNote}`;
}

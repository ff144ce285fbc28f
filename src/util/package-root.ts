// Files shipped with the package (schema, package.json, the relay bundle), found from wherever this
// code runs: src/ under vitest, dist/ after tsc, or a bundled chunk in dist/cli/chunks/.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

export function packageRoot(): string {
  if (root) return root;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === 'relayconf') return (root = dir);
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('relayconf: cannot find its own package.json above the running code');
    dir = parent;
  }
}

/** An absolute path to a file of the package, e.g. packageFile('schema', 'relay.schema.json'). */
export function packageFile(...segments: string[]): string {
  return path.join(packageRoot(), ...segments);
}

// relayconf's own version, read once from the package.json it ships with.
import { readFileSync } from 'node:fs';
import { packageFile } from '../util/package-root.js';

let versionCache: string | undefined;
export function toolVersion(): string {
  versionCache ??= JSON.parse(readFileSync(packageFile('package.json'), 'utf8')).version as string;
  return versionCache;
}

// Does a path inside the working directory lead out of it through a link? A checkout's links are
// aimed by whoever wrote the commit, and lint, build --check and plan run on checkouts in CI.
import { realpathSync } from 'node:fs';
import path from 'node:path';

export function isInside(dir: string, file: string): boolean {
  const relative = path.relative(dir, file);
  return relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}

/**
 * Why `absPath` (shown to the user as `shown`) must not be read, when it is inside `dir` as written
 * but a link takes it outside; else null: a path outside already is the caller's choice, and one
 * that is missing or a link loop is for the caller's own checks to name.
 */
export function linkOutsideRefusal(absPath: string, shown: string, dir: string, what: 'file' | 'directory'): string | null {
  if (!isInside(dir, absPath)) return null;
  let real: string;
  try {
    real = realpathSync.native(absPath);
  } catch {
    return null;
  }
  if (isInside(realpathSync.native(dir), real)) return null;
  return (
    `${shown} is a link to ${real}, outside ${dir}: a ${what} in the working directory must not lead out of it ` +
    `(a checked-out link can name any ${what} of the machine that runs relayconf); pass the target's path to use it there`
  );
}

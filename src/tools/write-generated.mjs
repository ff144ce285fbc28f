// The tail every generator under src/tools shares: write the generated file, or with --check
// only compare it and exit 1 naming the command that regenerates it.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/** Writes `text` to `target` (a file URL), or with --check on the command line exits 1 when they differ. */
export function writeOrCheck(target, text, command) {
  if (process.argv.includes('--check')) {
    const current = existsSync(target) ? readFileSync(target, 'utf8') : '';
    if (current !== text) {
      console.error(`${new URL(target).pathname.replace(/^.*\/src\//, 'src/')} differs from this Postfix: run \`${command}\``);
      process.exit(1);
    }
  } else {
    writeFileSync(target, text);
    console.log(`wrote ${new URL(target).pathname}`);
  }
}

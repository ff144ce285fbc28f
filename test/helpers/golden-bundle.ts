// The relay bundle is the same in every example's opt/<name>/server.js, so golden/ keeps it once
// (golden/_relay-bundle/) and each server.js golden holds its own header and data around a marker
// line naming the bundle's sha256; the golden test puts the bundle back and compares every byte.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { packageFile } from '../../src/util/package-root.js';

/** golden/<SHARED_GOLDEN>/ is not an example's golden: it holds what all of them share. */
export const SHARED_GOLDEN = '_relay-bundle';
export const BUNDLE_FILE = 'server.bundle.cjs';
/** How markers name the bundle golden (relative to the repository). */
export const BUNDLE_GOLDEN = `golden/${SHARED_GOLDEN}/${BUNDLE_FILE}`;
/** The outputs that embed the bundle: each must, so the golden never quietly grows back to a full copy. */
export const EMBEDS_BUNDLE = /^opt\/[^/]+\/server\.js$/;

const MARKER = /^\/\/ golden: (\S+) goes here \(sha256 ([0-9a-f]{64})\)\n/gm;

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

export function bundleMarker(bundle: string): string {
  return `// golden: ${BUNDLE_GOLDEN} goes here (sha256 ${sha256(bundle)})\n`;
}

export function hasBundleMarker(content: string): boolean {
  return new RegExp(MARKER.source, 'm').test(content);
}

/**
 * The package's relay bundle as server.js embeds it: relay-server.ts writes the bundle's text up to
 * its last non-blank character on lines of its own, so the piece cut out is that text plus its newline.
 */
export function packageBundle(): string {
  const file = packageFile('dist', 'relay', BUNDLE_FILE);
  if (!existsSync(file)) throw new Error(`${file} is missing: run npm run build first`);
  return `${readFileSync(file, 'utf8').trimEnd()}\n`;
}

/** `content` with the bundle (whole lines, exactly once) replaced by the marker line. */
export function splitBundle(content: string, bundle: string, where: string): string {
  const at = content.indexOf(bundle);
  if (at < 0 || (at > 0 && content[at - 1] !== '\n')) {
    throw new Error(`${where} does not embed the relay bundle verbatim on lines of its own, so ${BUNDLE_GOLDEN} cannot stand in for it`);
  }
  if (content.indexOf(bundle, at + 1) >= 0) throw new Error(`${where} embeds the relay bundle twice`);
  return content.slice(0, at) + bundleMarker(bundle) + content.slice(at + bundle.length);
}

/** Puts the bundle back in place of each marker, after checking the marker names this very bundle. */
export function joinBundle(content: string, bundle: string | null, where: string): string {
  return content.replace(MARKER, (_line, file: string, hash: string) => {
    if (file !== BUNDLE_GOLDEN) throw new Error(`${where}: its marker names ${file}, not ${BUNDLE_GOLDEN}`);
    if (bundle === null) throw new Error(`${where} refers to ${BUNDLE_GOLDEN}, which is missing: run npm run golden:update`);
    if (hash !== sha256(bundle)) {
      throw new Error(`${where} was made with the relay bundle of sha256 ${hash}, but ${BUNDLE_GOLDEN} has ${sha256(bundle)}: run npm run golden:update and review the diff`);
    }
    return bundle;
  });
}

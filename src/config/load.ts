// Finds, reads, parses, validates and normalizes a config: every problem becomes a positioned finding.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Finding } from '../findings.js';
import type { RelayConfig } from './schema-types.generated.js';
import type { RelayModel } from './model.js';
import { normalize } from './normalize.js';
import { parseSource, syntaxFindings, type ConfigSource } from './source.js';
import { schemaFindings } from './validate.js';
import { controlCharFindings } from './control-chars.js';
import { aliasLimitFinding, ALIAS_LIMIT } from './alias-limit.js';
import { referencedFileFindings } from './referenced-files.js';
import { formatBytes, readRegularFile } from '../util/read-regular-file.js';
import { linkOutsideRefusal } from '../util/link-outside.js';
import { ConfigReadError } from './errors.js';

/** A config is a page or two of YAML; a megabyte is already far past any real one. */
export const CONFIG_MAX_BYTES = 1024 * 1024;

/** Where relayconf looks, in order, when no path is given (cosmiconfig's searchPlaces for "relayconf", cwd only). */
export const SEARCH_PLACES = ['relay.config.yaml', '.relayconfrc.yaml', 'package.json'];

export { ConfigReadError } from './errors.js';

export interface LoadedConfig {
  source: ConfigSource;
  /** The plain data (after YAML parsing), or undefined when the YAML did not parse. */
  data: unknown;
  /** The normalized model, or null when the file has syntax or schema errors. */
  model: RelayModel | null;
  findings: Finding[];
}

/** A path as shown to the user: relative to cwd when inside it. */
export function displayPath(absPath: string, cwd: string): string {
  const relative = path.relative(cwd, absPath);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : absPath;
}

/**
 * Finds the config in `cwd`, and only there: relay.config.yaml, then .relayconfrc.yaml (an empty
 * one is skipped), then package.json with a "relayconf" key; cosmiconfig's names and order. Not
 * cosmiconfig itself: its cosmiconfig() factory first searches the process's working directory
 * for a meta config (package.json#cosmiconfig, .config/config.js ...) and runs the JavaScript it
 * finds, and a loaded file's "$import" loads others by extension, .js included. Lint is the gate a
 * pull request passes through, so finding the config must not run anything a pull request adds,
 * nor read anything outside `cwd` (a link to ~/.npmrc would be quoted back in a finding in the CI
 * log). A search place that is there but is no regular file is an error that names it: skipping
 * it answered "no config found" beside it.
 */
export function findConfigFile(cwd: string): { absPath: string; text: string } | null {
  for (const place of SEARCH_PLACES) {
    const candidate = path.join(cwd, place);
    refuseLinkOutside(candidate, place, cwd);
    const read = readRegularFile(candidate, CONFIG_MAX_BYTES);
    if (!read.ok) {
      if (read.reason === 'missing') continue;
      throw new ConfigReadError(`cannot read ${place}: ${read.message}; fix it, or pass the config's path`);
    }
    if (place !== 'package.json') {
      if (read.text.trim() !== '') return { absPath: candidate, text: read.text };
      continue;
    }
    if (packageJsonHasConfig(read.text, place)) return { absPath: candidate, text: read.text };
  }
  return null;
}

/**
 * A config path inside `cwd` must not lead out of it through a link: lint is the gate a checkout
 * passes, and a committed link to ~/.npmrc or /proc/self/environ would be read and quoted back in a
 * finding ("must be a mapping (got string ...)") in the CI log or the SARIF upload.
 */
function refuseLinkOutside(absPath: string, shown: string, cwd: string): void {
  const refusal = linkOutsideRefusal(absPath, shown, cwd, 'file');
  if (refusal) throw new ConfigReadError(refusal);
}

/** Does package.json carry a "relayconf" key? A package.json that is not JSON is the admin's to fix. */
function packageJsonHasConfig(text: string, place: string): boolean {
  let parsed: unknown;
  try {
    // A byte order mark (some editors save one) is not JSON, but Node's loader and npm skip it.
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ConfigReadError(`${place} is not valid JSON (${(error as Error).message}); fix it, or pass the config's path`);
  }
  return typeof parsed === 'object' && parsed !== null && Object.hasOwn(parsed, 'relayconf') && (parsed as Record<string, unknown>).relayconf != null;
}

/** The nearest relay.config.yaml in a directory above `cwd`, up to the enclosing git work tree's root. */
function configAbove(cwd: string): string | null {
  for (let dir = cwd; ; ) {
    if (existsSync(path.join(dir, '.git'))) return null;
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
    const candidate = path.join(dir, 'relay.config.yaml');
    try {
      if (statSync(candidate, { throwIfNoEntry: false })?.isFile()) return candidate;
    } catch {
      // A link loop or a directory we may not enter: only a hint was at stake.
    }
  }
}

/** Loads the config at `file`, or the one found in `cwd`. Throws ConfigReadError when unreadable. */
export async function loadConfigFile(file: string | undefined, cwd: string = process.cwd()): Promise<LoadedConfig> {
  // The search has read the file it found; an explicit path is read here.
  const { absPath, text } = file ? readExplicitConfig(file, cwd) : foundConfig(cwd);
  const prefix = path.basename(absPath) === 'package.json' ? ['relayconf'] : [];
  return loadConfigText(text, { file: displayPath(absPath, cwd), absPath, prefix });
}

function readExplicitConfig(file: string, cwd: string): { absPath: string; text: string } {
  const absPath = path.resolve(cwd, file);
  refuseLinkOutside(absPath, file, cwd);
  const read = readRegularFile(absPath, CONFIG_MAX_BYTES);
  if (!read.ok) {
    const why = read.reason === 'too-large' ? `${read.message} (${formatBytes(CONFIG_MAX_BYTES)}); a relay config is a few KiB` : read.message;
    throw new ConfigReadError(`cannot read config ${displayPath(absPath, cwd)}: ${why}`);
  }
  return { absPath, text: read.text };
}

function foundConfig(cwd: string): { absPath: string; text: string } {
  const found = findConfigFile(cwd);
  if (found) return found;
  const above = configAbove(cwd);
  // Not searched upwards on purpose: build writes out/ relative to where it runs, so a config
  // picked up from a parent would put the tree somewhere the admin did not look. Say where it is.
  const hint = above
    ? `${path.relative(cwd, above)} is above: run relayconf from ${path.dirname(above)}, or pass the path (and --out for build).`
    : 'Run `relayconf init --domain YOUR-DOMAIN` to write one, or pass a path.';
  throw new ConfigReadError(`no config found in ${cwd}: looked for ${SEARCH_PLACES.join(', ')} (a "relayconf" key). ${hint}`);
}

/** Parses and validates config text that came from `absPath` (used by tests and `init`). */
export function loadConfigText(text: string, where: { file: string; absPath: string; prefix?: string[] }): LoadedConfig {
  const source = parseSource(where.file, where.absPath, text, where.prefix ?? []);
  const syntax = syntaxFindings(source);
  if (syntax.length > 0) return { source, data: undefined, model: null, findings: syntax };
  let data: unknown;
  try {
    data = source.doc.toJS({ maxAliasCount: ALIAS_LIMIT });
  } catch (error) {
    const finding = aliasLimitFinding(source, error);
    if (!finding) throw error;
    return { source, data: undefined, model: null, findings: [finding] };
  }
  for (const key of source.prefix) data = (data as Record<string, unknown> | null)?.[key as string];
  // A control character also breaks the value's format: report it once, as the control character.
  const control = controlCharFindings(source);
  const atControl = new Set(control.map((f) => `${f.line}:${f.column}`));
  const schema = [...control, ...schemaFindings(source, data).filter((f) => !atControl.has(`${f.line}:${f.column}`))];
  if (schema.length > 0) return { source, data, model: null, findings: schema };
  const model = normalize(data as RelayConfig, path.dirname(where.absPath));
  const files = referencedFileFindings(source, model);
  if (files.length > 0) return { source, data, model: null, findings: files };
  return { source, data, model, findings: [] };
}

// Finds, reads, parses, validates and normalizes a config: every problem becomes a positioned finding.
import { existsSync, readFileSync, statSync } from 'node:fs';
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
import { ConfigReadError } from './errors.js';

/** A config is a page or two of YAML; a megabyte is already far past any real one. */
export const CONFIG_MAX_BYTES = 1024 * 1024;

/** Where relayconf looks, in order, when no path is given (cosmiconfig searchPlaces). */
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

/** Finds the config with cosmiconfig in `cwd` (relay.config.yaml, .relayconfrc.yaml, package.json#relayconf). */
export async function findConfigFile(cwd: string): Promise<string | null> {
  // The common case, a non-empty YAML file in cwd, needs no library: cosmiconfig (and the js-yaml
  // it brings) costs start-up time, so it is loaded only to read package.json or skip empty files.
  for (const place of SEARCH_PLACES.filter((p) => p.endsWith('.yaml'))) {
    const candidate = path.join(cwd, place);
    if (statSync(candidate, { throwIfNoEntry: false })?.isFile() && readFileSync(candidate, 'utf8').trim() !== '') return candidate;
    if (existsSync(candidate)) break;
  }
  const { cosmiconfig } = await import('cosmiconfig');
  // We only want the path: our own loader keeps the YAML positions, so cosmiconfig's parse is skipped.
  const explorer = cosmiconfig('relayconf', {
    searchPlaces: SEARCH_PLACES,
    searchStrategy: 'none',
    loaders: { '.yaml': () => true, noExt: () => true },
    cache: false,
  });
  const result = await explorer.search(cwd);
  return result && !result.isEmpty ? result.filepath : null;
}

/** The nearest relay.config.yaml in a directory above `cwd`, up to the enclosing git work tree's root. */
function configAbove(cwd: string): string | null {
  for (let dir = cwd; ; ) {
    if (existsSync(path.join(dir, '.git'))) return null;
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
    const candidate = path.join(dir, 'relay.config.yaml');
    if (statSync(candidate, { throwIfNoEntry: false })?.isFile()) return candidate;
  }
}

/** Loads the config at `file`, or the one cosmiconfig finds in `cwd`. Throws ConfigReadError when unreadable. */
export async function loadConfigFile(file: string | undefined, cwd: string = process.cwd()): Promise<LoadedConfig> {
  let absPath: string;
  if (file) {
    absPath = path.resolve(cwd, file);
  } else {
    const found = await findConfigFile(cwd);
    if (!found) {
      const above = configAbove(cwd);
      // Not searched upwards on purpose: build writes out/ relative to where it runs, so a config
      // picked up from a parent would put the tree somewhere the admin did not look. Say where it is.
      const hint = above
        ? `${path.relative(cwd, above)} is above: run relayconf from ${path.dirname(above)}, or pass the path (and --out for build).`
        : 'Run `relayconf init --domain YOUR-DOMAIN` to write one, or pass a path.';
      throw new ConfigReadError(`no config found in ${cwd}: looked for ${SEARCH_PLACES.join(', ')} (a "relayconf" key). ${hint}`);
    }
    absPath = found;
  }
  const read = readRegularFile(absPath, CONFIG_MAX_BYTES);
  if (!read.ok) {
    const why = read.reason === 'too-large' ? `${read.message} (${formatBytes(CONFIG_MAX_BYTES)}); a relay config is a few KiB` : read.message;
    throw new ConfigReadError(`cannot read config ${displayPath(absPath, cwd)}: ${why}`);
  }
  const text = read.text;
  const prefix = path.basename(absPath) === 'package.json' ? ['relayconf'] : [];
  return loadConfigText(text, { file: displayPath(absPath, cwd), absPath, prefix });
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

// The one encoder of systemd unit files (systemd.syntax(7), systemd.unit(5) "Specifiers",
// systemd.service(5) "Command lines") and of EnvironmentFile= files (systemd.exec(5)).
import type { KeyPath } from '../../findings.js';
import { refuse, refuseControl, type EncodeSite } from './refuse.js';

/** A directive's value: one text, a space-separated list of words, or a command line. */
export type DirectiveValue = string | { words: string[] } | { command: { path: string; args: string[] } };

export interface UnitDirective {
  section: 'Unit' | 'Service' | 'Install';
  key: string;
  value: DirectiveValue;
  from: KeyPath;
}

/**
 * Directives whose values resolve %-specifiers (systemd.unit(5)): a literal % is written %%.
 * Any other directive gets no %, because whether systemd would expand it is not known here.
 */
const SPECIFIER_KEYS = new Set([
  'Description', 'Documentation', 'After', 'Before', 'Wants', 'Requires', 'WantedBy', 'RequiredBy',
  'User', 'Group', 'SupplementaryGroups', 'WorkingDirectory', 'RootDirectory', 'EnvironmentFile',
  'LoadCredential', 'SetCredential', 'ExecStart', 'ExecStartPre', 'ExecStartPost', 'ExecStop', 'ExecReload',
  'ReadWritePaths', 'ReadOnlyPaths', 'InaccessiblePaths', 'ExecPaths', 'NoExecPaths', 'TemporaryFileSystem',
  'BindPaths', 'BindReadOnlyPaths', 'StateDirectory', 'CacheDirectory', 'LogsDirectory', 'RuntimeDirectory',
  'ConfigurationDirectory',
]);

const KEY = /^[A-Z][A-Za-z0-9]*$/;
/** A word any systemd list or command line reads as itself. */
const PLAIN_WORD = /^[A-Za-z0-9@+=:,./_%-]+$/;

function percent(site: EncodeSite, text: string): string {
  if (!text.includes('%')) return text;
  if (!SPECIFIER_KEYS.has(site.key)) refuse(site, '% may be read as a specifier here');
  return text.replace(/%/g, '%%');
}

/** One word of a list (ReadWritePaths=, After=): no whitespace, quotes or backslashes to reinterpret. */
function listWord(site: EncodeSite, word: string): string {
  if (!/^[^\s"'\\]+$/u.test(word)) refuse(site, `list item ${JSON.stringify(word)} must be one word without quotes or backslashes`);
  return percent(site, word);
}

/**
 * One word of a command line (systemd.service(5)): plain words as is, others in double quotes with
 * \\ and \" escaped. `$` becomes `$$` in arguments (variable substitution); the executable path
 * is not substituted, so it keeps its `$`.
 */
export function commandWord(site: EncodeSite, word: string, argument: boolean): string {
  const text = percent(site, argument ? word.replace(/\$/g, '$$$$') : word);
  if (PLAIN_WORD.test(text)) return text;
  return `"${text.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

function encodeValue(site: EncodeSite, value: DirectiveValue): string {
  if (typeof value === 'string') {
    refuseControl(site, value);
    if (/^\s|\s$/u.test(value)) refuse(site, 'systemd drops leading and trailing whitespace of a value');
    if (value.endsWith('\\')) refuse(site, 'a value ending in \\ would continue onto the next line');
    return percent(site, value);
  }
  if ('words' in value) {
    for (const word of value.words) refuseControl(site, word);
    return value.words.map((w) => listWord(site, w)).join(' ');
  }
  const { path, args } = value.command;
  for (const word of [path, ...args]) refuseControl(site, word);
  // The first character of the path would otherwise be read as a prefix (@, -, :, +, !).
  if (!path.startsWith('/')) refuse(site, 'the executable must be an absolute path');
  return [commandWord(site, path, false), ...args.map((a) => commandWord(site, a, true))].join(' ');
}

/** `Key=value`, one line. */
export function encodeDirective(directive: UnitDirective, output: string): string {
  const site: EncodeSite = { output, key: directive.key, from: directive.from };
  if (!KEY.test(directive.key)) refuse(site, 'not a systemd directive name');
  return `${directive.key}=${encodeValue(site, directive.value)}`;
}

/** One assignment of an EnvironmentFile= file. */
export interface EnvAssignment {
  name: string;
  value: string;
  from: KeyPath;
}

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const PLAIN_ENV_VALUE = /^[A-Za-z0-9@%+=:,./_[\]-]+$/;

/**
 * `NAME=value` as systemd's EnvironmentFile= parser reads it: a plain value bare, anything else in
 * double quotes where \ escapes ", \, ` and $ (the only characters it unescapes there). systemd
 * expands no variables in these files, so $ is only escaped, never a reference. Control characters
 * are refused: every value here is a path, a number or an address.
 */
export function encodeEnvAssignment(assignment: EnvAssignment, output: string): string {
  const site: EncodeSite = { output, key: assignment.name, from: assignment.from };
  if (!ENV_NAME.test(assignment.name)) refuse(site, 'not an environment variable name');
  refuseControl(site, assignment.value);
  const value = PLAIN_ENV_VALUE.test(assignment.value) ? assignment.value : `"${assignment.value.replace(/[\\"`$]/g, (c) => `\\${c}`)}"`;
  return `${assignment.name}=${value}`;
}

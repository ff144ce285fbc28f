// The one encoder of Postfix's files: main.cf parameters (postconf(5)), master.cf services (master(5))
// and the rows of lookup tables built by postmap (postmap(1), transport(5)).
import type { KeyPath } from '../../findings.js';
import { refuse, refuseControl, type EncodeSite } from './refuse.js';

/** One main.cf parameter and the config key that caused it (lint reports there). */
export interface MainCfParameter {
  name: string;
  value: string;
  from: KeyPath;
  /** True when postfix.parameters set it (a raw override). */
  overridden: boolean;
}

/** A Postfix parameter name: no whitespace, no `=`, nothing a reader could take for syntax. */
const PARAMETER_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

/**
 * Checks Postfix's $-syntax (postconf(5) "$name", "${name}", "$(name)", "${name?text}", "${name:text}",
 * "$$" for a literal $): a $ that starts no reference makes postconf stop with "macro processing
 * error", so such a value is refused rather than written. Returns the reason, or null when valid.
 */
export function macroError(value: string): string | null {
  const NAME = /^[A-Za-z0-9_]+/;
  for (let i = 0; i < value.length; i++) {
    if (value[i] !== '$') continue;
    const next = value[i + 1];
    if (next === '$') {
      i++;
      continue;
    }
    if (next === '{' || next === '(') {
      const close = next === '{' ? '}' : ')';
      let depth = 0;
      let end = -1;
      for (let j = i + 1; j < value.length; j++) {
        if (value[j] === next) depth++;
        else if (value[j] === close && --depth === 0) {
          end = j;
          break;
        }
      }
      if (end < 0) return `unbalanced ${next} after $`;
      const inner = value.slice(i + 2, end);
      const name = NAME.exec(inner)?.[0];
      if (!name) return `$${next} must start with a parameter name`;
      const rest = inner.slice(name.length);
      if (rest !== '' && !/^[?:]/.test(rest)) return `$${next}${name} must be followed by ${close}, ? or :`;
      const nested = rest === '' ? null : macroError(rest.slice(1));
      if (nested) return nested;
      i = end;
      continue;
    }
    const name = NAME.exec(value.slice(i + 1))?.[0];
    if (!name) return 'a $ that starts no parameter name (write $$ for a literal $)';
    i += name.length;
  }
  return null;
}

/**
 * `name = value`. postconf(5): a logical line ends at a newline, a line starting with whitespace
 * continues the previous one, and whitespace around `=` and at the end is dropped. So a value can
 * carry any printable text (`#` is only a comment at the start of a line) but no line break and no
 * leading or trailing whitespace: those are refused, not silently changed.
 */
export function encodeMainCfParameter(param: MainCfParameter, output = 'etc/postfix/main.cf'): string {
  const site: EncodeSite = { output, key: param.name, from: param.from };
  if (!PARAMETER_NAME.test(param.name)) refuse(site, 'not a Postfix parameter name');
  refuseControl(site, param.value);
  if (/^\s|\s$/u.test(param.value)) refuse(site, 'postconf drops leading and trailing whitespace of a value');
  const macro = macroError(param.value);
  if (macro) refuse(site, macro);
  return param.value === '' ? `${param.name} =` : `${param.name} = ${param.value}`;
}

/** One argument after the command in master.cf: a plain word, or a `-o name=value` override. */
export type MasterArg = { word: string } | { option: string; value: string };

/** One master.cf service with master(5)'s eight fields typed, and the config key that caused it. */
export interface MasterService {
  /** service name, or [host:]port for inet services. */
  service: string;
  type: 'inet' | 'unix' | 'unix-dgram' | 'fifo' | 'pass';
  private: string;
  unpriv: string;
  chroot: string;
  wakeup: string;
  maxproc: string;
  command: string;
  args: MasterArg[];
  from: KeyPath;
}

const FLAG = /^(?:[yn-])$/;
const WAKEUP = /^(?:-|\d+\??)$/;
const MAXPROC = /^(?:-|\d+)$/;

function balancedBraces(word: string): boolean {
  let depth = 0;
  for (const char of word) {
    if (char === '{') depth++;
    else if (char === '}' && --depth < 0) return false;
  }
  return depth === 0;
}

/** A master.cf field or argument word: non-empty, no whitespace, no `{`/`}` grouping, no comment start. */
function masterWord(site: EncodeSite, word: string, what: string): string {
  refuseControl(site, word);
  if (word === '' || /\s/u.test(word)) refuse(site, `${what} ${JSON.stringify(word)} must be one non-empty word`);
  // master(5) reads { } as a group only at the start of an argument, and keeps balanced braces inside a
  // word together (so pipe(8)'s ${sender} stays one word); anything else would regroup arguments.
  if (word.startsWith('{') || !balancedBraces(word)) refuse(site, `${what} ${JSON.stringify(word)}: { and } group arguments in master.cf`);
  if (word.startsWith('#')) refuse(site, `${what} ${JSON.stringify(word)} would start a comment`);
  return word;
}

function encodeArg(site: EncodeSite, arg: MasterArg): string[] {
  if ('word' in arg) return [masterWord(site, arg.word, 'argument')];
  if (!PARAMETER_NAME.test(arg.option)) refuse(site, `-o ${JSON.stringify(arg.option)} is not a parameter name`);
  refuseControl(site, arg.value);
  if (/[{}]/.test(arg.value)) refuse(site, `-o ${arg.option}: { and } group arguments in master.cf`);
  if (/^\s|\s$/u.test(arg.value)) refuse(site, `-o ${arg.option}: leading or trailing whitespace is dropped`);
  const macro = macroError(arg.value);
  if (macro) refuse(site, `-o ${arg.option}: ${macro}`);
  // master(5), Postfix 3.0: a value with whitespace is written as one { name = value } group.
  return /\s/u.test(arg.value) ? ['-o', `{ ${arg.option} = ${arg.value} }`] : ['-o', `${arg.option}=${arg.value}`];
}

/** Debian's column layout: service and type share the first 16 columns, then 8 per field. */
export function serviceLine(fields: string[]): string {
  const [service, type, ...rest] = fields;
  const head = `${service.padEnd(9)} ${type}`;
  return `${head.length < 16 ? head.padEnd(16) : `${head} `}${rest.slice(0, -1).map((f) => f.padEnd(8)).join('')}${rest[rest.length - 1]}`;
}

/** The service line plus indented continuation lines: one per -o override, one per run of words after one. */
export function encodeMasterService(service: MasterService, output = 'etc/postfix/master.cf'): string[] {
  const site: EncodeSite = { output, key: `service ${service.service}/${service.type}`, from: service.from };
  masterWord(site, service.service, 'service name');
  for (const [flag, what] of [[service.private, 'private'], [service.unpriv, 'unpriv'], [service.chroot, 'chroot']] as const) {
    if (!FLAG.test(flag)) refuse(site, `${what} must be y, n or -`);
  }
  if (!WAKEUP.test(service.wakeup)) refuse(site, 'wakeup must be -, a number, or a number and ?');
  if (!MAXPROC.test(service.maxproc)) refuse(site, 'maxproc must be - or a number');
  // A -o left as a plain word has no name=value: the daemon would stop on it (master(5)). After a
  // pipe(8)/spawn(8) argv= the words are that command's own arguments.
  const argv = service.args.findIndex((a) => 'word' in a && a.word.startsWith('argv='));
  service.args.forEach((a, i) => {
    if ('word' in a && a.word.startsWith('-o') && (argv < 0 || i < argv)) refuse(site, `${JSON.stringify(a.word)} is not -o name=value (master(5))`);
  });
  // Arguments keep their order: a daemon reads its -o options before its other arguments (getopt),
  // and after pipe(8)'s argv= every word is the command's. Words before the first -o stay on the
  // service line; from the first -o on, each -o and each run of words gets a continuation line.
  const lead = service.args.findIndex((a) => 'option' in a);
  const head = (lead < 0 ? service.args : service.args.slice(0, lead)).flatMap((a) => encodeArg(site, a));
  const rest: string[] = [];
  for (const arg of lead < 0 ? [] : service.args.slice(lead)) {
    const encoded = encodeArg(site, arg).join(' ');
    if ('word' in arg && rest.length > 0 && !rest[rest.length - 1].startsWith('-o')) rest[rest.length - 1] += ` ${encoded}`;
    else rest.push(encoded);
  }
  const fields = [service.service, service.type, service.private, service.unpriv, service.chroot, service.wakeup, service.maxproc, masterWord(site, service.command, 'command')];
  const line = serviceLine(fields);
  return [head.length ? `${line} ${head.join(' ')}` : line, ...rest.map((o) => `  ${o}`)];
}

/** One row of a postmap source: the key ends at the first whitespace, the value runs to the end of the line. */
export interface MapRow {
  key: string;
  value: string;
  from: KeyPath;
}

export function encodeMapRows(rows: readonly MapRow[], output: string): string[] {
  for (const row of rows) {
    const site: EncodeSite = { output, key: row.key, from: row.from };
    refuseControl(site, `${row.key}${row.value}`);
    if (row.key === '' || /\s/u.test(row.key)) refuse(site, 'a lookup key must be one non-empty word');
    if (row.key.startsWith('#')) refuse(site, 'a key starting with # would be a comment');
    if (/^\s|\s$/u.test(row.value)) refuse(site, 'postmap drops leading and trailing whitespace of a value');
  }
  const width = Math.max(0, ...rows.map((r) => r.key.length)) + 2;
  return rows.map((r) => (r.value === '' ? r.key : `${r.key.padEnd(width)}${r.value}`));
}

/** A comment line's text: any printable text, never a line break. */
export function commentText(site: EncodeSite, text: string): string {
  refuseControl(site, text);
  return text;
}

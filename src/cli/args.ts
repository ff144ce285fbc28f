// Option parsing for every command: node:util parseArgs, with its errors turned into relayconf's own
// usage errors (exit 2, a "did you mean", the command's --help) instead of Node's wording.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { closest } from '../util/closest.js';
import { UsageError } from './types.js';

type OptionSpec = NonNullable<ParseArgsConfig['options']>;
type Parsed<O extends OptionSpec> = ReturnType<typeof parseArgs<{ args: string[]; options: O; allowPositionals: boolean; strict: true }>>;

export function parseCommandArgs<const O extends OptionSpec>(command: string, args: string[], options: O, { positionals = true } = {}): Parsed<O> {
  try {
    return parseArgs({ args: joinNegativeValues(args, options), options, allowPositionals: positionals, strict: true });
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (typeof code !== 'string' || !code.startsWith('ERR_PARSE_ARGS')) throw error;
    throw new UsageError(`${describeParseError(code, (error as Error).message, options, command)}; \`relayconf ${command} --help\` lists the options`);
  }
}

/**
 * `--max-warnings -1`: parseArgs reads "-1" as an option and reports the value missing. A
 * negative number after an option that takes a value is that value, as in `--opt=-1`.
 */
function joinNegativeValues(args: string[], options: OptionSpec): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const name = /^--([^=]+)$/.exec(args[i])?.[1];
    if (name !== undefined && options[name]?.type === 'string' && /^-\d+$/.test(args[i + 1] ?? '')) {
      out.push(`${args[i]}=${args[i + 1]}`);
      i++;
    } else out.push(args[i]);
  }
  return out;
}

/** Our sentence for one parseArgs failure; the option is read from Node's message, which quotes it. */
function describeParseError(code: string, message: string, options: OptionSpec, command: string): string {
  const quoted = /'(-{1,2}[^' ]*)/.exec(message)?.[1] ?? '';
  const flag = quoted.split('=')[0];
  const names = Object.keys(options).map((name) => `--${name}`);
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const suggestion = closest(flag, [...names, '--help']);
    return `unknown option ${flag}${suggestion ? ` (did you mean ${suggestion}?)` : ''}`;
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    const word = /'([^']*)'/.exec(message)?.[1];
    return `${command} takes no arguments${word ? ` (got "${word}")` : ''}`;
  }
  const name = flag.replace(/^-+/, '');
  const spec = options[name] ?? Object.values(options).find((o) => o.short === name);
  if (spec?.type === 'boolean') return `${flag} is a switch and takes no value`;
  return `${flag} needs a value`;
}

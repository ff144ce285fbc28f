// The one encoder of nginx configuration files (nginx's "Configuration file measurement units" and
// the token rules of ngx_conf_file.c): directives, blocks and comments from a typed model.
import ipaddr from 'ipaddr.js';
import type { KeyPath } from '../../findings.js';
import type { SourceNetwork } from '../../config/model.js';
import { refuse, refuseControl, type EncodeSite } from './refuse.js';

/**
 * One argument of a directive:
 * - a string is a value (a path, a host name, a response body): written bare when it is one plain
 *   token, else in double quotes with \ and " escaped;
 * - `{ syntax }` is nginx syntax relayconf itself writes (a `$variable`, a regex, `zone=name:10m`):
 *   it must already be a single bare token;
 * - `{ network }` is an allow/deny source, checked again and written as address/prefix;
 * - a number is a non-negative integer (sizes in bytes, counts).
 */
export type NginxArg = string | number | { syntax: string } | { network: SourceNetwork };

export interface NginxDirective {
  kind: 'directive';
  name: string;
  args: NginxArg[];
  from: KeyPath;
}

export interface NginxBlock {
  kind: 'block';
  name: string;
  args: NginxArg[];
  children: NginxNode[];
  from: KeyPath;
}

/** A `#` comment line; its text may carry config values (names), so it is checked like any value. */
export interface NginxComment {
  kind: 'comment';
  text: string;
}

export type NginxNode = NginxDirective | NginxBlock | NginxComment;

const NAME = /^[a-z_][a-z0-9_]*$/;
/** A token nginx reads as itself anywhere: no whitespace, quote, ;, {, }, $, \ or #. */
const PLAIN = /^[A-Za-z0-9._/:@+=,*[\]-]+$/;
/**
 * A first character that some directive gives a meaning (server_name ~regex and *.wildcard, location
 * = ^~ ~ ~* and @name, if's !): quoting does not take that meaning away, so such a value is refused.
 */
const MEANINGFUL_START = /^[~=^*!@]/;
/** Syntax tokens may hold $variables and regex characters, but nothing that ends or quotes a token. */
const SYNTAX = /^[^\s;{}"'\\#]+$/;

function valueToken(site: EncodeSite, value: string): string {
  refuseControl(site, value);
  // nginx substitutes $name in most directive values and has no escape for a literal $.
  if (value.includes('$')) refuse(site, 'nginx would read $ as a variable, and it has no escape for it');
  if (MEANINGFUL_START.test(value)) refuse(site, `a value starting with ${value[0]} is read as nginx syntax in some directives`);
  if (value !== '' && PLAIN.test(value)) return value;
  return `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

function networkToken(site: EncodeSite, network: SourceNetwork): string {
  const max = network.family === 4 ? 32 : 128;
  if (!Number.isInteger(network.prefix) || network.prefix < 0 || network.prefix > max) refuse(site, `prefix ${network.prefix} is no IPv${network.family} prefix length`);
  const valid = network.family === 4 ? ipaddr.IPv4.isValidFourPartDecimal(network.address) : ipaddr.IPv6.isValid(network.address) && !network.address.includes('%');
  if (!valid) refuse(site, `${JSON.stringify(network.address)} is no IPv${network.family} address`);
  const address = ipaddr.parse(network.address);
  const canonical = address.toString();
  if (canonical !== network.address) refuse(site, `${JSON.stringify(network.address)} is not in canonical form (${canonical})`);
  return `${canonical}/${network.prefix}`;
}

function argToken(site: EncodeSite, arg: NginxArg): string {
  if (typeof arg === 'string') return valueToken(site, arg);
  if (typeof arg === 'number') {
    if (!Number.isSafeInteger(arg) || arg < 0) refuse(site, `${arg} is not a non-negative integer`);
    return String(arg);
  }
  if ('network' in arg) return networkToken(site, arg.network);
  refuseControl(site, arg.syntax);
  if (!SYNTAX.test(arg.syntax)) refuse(site, `${JSON.stringify(arg.syntax)} is not one nginx token`);
  return arg.syntax;
}

function head(node: NginxDirective | NginxBlock, output: string): string {
  const site: EncodeSite = { output, key: node.name, from: node.from };
  if (!NAME.test(node.name)) refuse(site, 'not an nginx directive name');
  return [node.name, ...node.args.map((arg) => argToken(site, arg))].join(' ');
}

function encodeNodes(nodes: NginxNode[], output: string, depth: number): string[] {
  const indent = '    '.repeat(depth);
  const lines: string[] = [];
  for (const node of nodes) {
    if (node.kind === 'comment') {
      refuseControl({ output, key: 'comment', from: [] }, node.text);
      lines.push(node.text === '' ? '' : `${indent}# ${node.text}`);
    } else if (node.kind === 'directive') {
      lines.push(`${indent}${head(node, output)};`);
    } else {
      lines.push(`${indent}${head(node, output)} {`, ...encodeNodes(node.children, output, depth + 1), `${indent}}`);
    }
  }
  return lines;
}

/** The file's text: one directive per line, blocks indented by four spaces, a final newline. */
export function encodeNginx(nodes: NginxNode[], output: string): string {
  return `${encodeNodes(nodes, output, 0).join('\n')}\n`;
}

/** Builders that keep the site model readable. */
export const directive = (name: string, args: NginxArg[], from: KeyPath = []): NginxDirective => ({ kind: 'directive', name, args, from });
export const block = (name: string, args: NginxArg[], children: NginxNode[], from: KeyPath = []): NginxBlock => ({ kind: 'block', name, args, children, from });
export const comment = (text: string): NginxComment => ({ kind: 'comment', text });
export const syntax = (text: string): { syntax: string } => ({ syntax: text });

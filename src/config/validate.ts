// Runs the precompiled schema validator and turns every ajv error into a positioned finding
// with a message a person understands.
import { readFileSync } from 'node:fs';
import type { ErrorObject } from 'ajv';
import validateSchema from './schema-validator.generated.js';
import type { Finding, KeyPath } from '../findings.js';
import { dedupeFindings, formatKeyPath } from '../findings.js';
import { locate, type Anchor, type ConfigSource } from './source.js';
import { closest } from '../util/closest.js';
import { packageFile } from '../util/package-root.js';
import { checkName, labelScripts } from './idn.js';
import { masterArgs, masterOptionProblem } from './formats.js';

type SchemaNode = Record<string, any>;
let schemaCache: SchemaNode | undefined;
function schema(): SchemaNode {
  schemaCache ??= JSON.parse(readFileSync(packageFile('schema', 'relay.schema.json'), 'utf8'));
  return schemaCache!;
}

/** The schema node a JSON pointer like #/properties/mta/properties/ipv4/type points into (minus the keyword). */
function schemaAt(schemaPath: string): SchemaNode | undefined {
  const parts = schemaPath.replace(/^#\//, '').split('/').map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  parts.pop(); // the keyword itself
  let node: any = schema();
  for (const part of parts) {
    if (node == null) return undefined;
    node = node[part];
  }
  return node ?? undefined;
}

/** The title of the schema node an error points into, or of its nearest titled ancestor (list items have none). */
function titleAt(schemaPath: string): string | undefined {
  let pointer = schemaPath;
  while (pointer.includes('/')) {
    const title = schemaAt(pointer)?.title;
    if (typeof title === 'string') return title;
    pointer = pointer.slice(0, pointer.lastIndexOf('/'));
  }
  return undefined;
}

function pointerToPath(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

function valueAt(data: unknown, path: KeyPath): unknown {
  let node: any = data;
  for (const key of path) node = node?.[key];
  return node;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `string ${JSON.stringify(value)}`;
  return `${typeof value} ${String(value)}`;
}

function got(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : describeValue(value);
}

const TYPE_NAMES: Record<string, string> = {
  string: 'a string',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  object: 'a mapping (key: value)',
  array: 'a list',
  null: 'null',
};

function firstSentence(text: string | undefined): string {
  if (!text) return '';
  const match = /^(.*?[.:])(\s|$)/.exec(text);
  return (match ? match[1] : text).replace(/[.:]$/, '');
}

/** What each custom format (src/config/formats.ts) expects, as an instruction. */
const FORMAT_HINTS: Record<string, string> = {
  hostname: 'write a host name of letters, digits and hyphens in dot-separated labels, e.g. mail.example.com (an IDN is taken in Unicode or xn-- form)',
  'dns-name': 'write a DNS name of letters, digits, hyphens and underscores in dot-separated labels, e.g. _dmarc.example.com',
  'dns-target': 'write a host name, e.g. mail.example.com',
  'dns-label': 'write one DNS label of letters, digits and hyphens, e.g. default',
  email: 'write local@domain with a local part of letters, digits and . _ + = -, e.g. bounces@example.com',
  'absolute-path': 'write an absolute path of letters, digits and . _ + @ - between single slashes, with no . or .. segment, e.g. /var/spool/relay',
  'queue-root': 'write an absolute path of a directory of its own (letters, digits and . _ + @ - between single slashes, with no . or .. segment), not / or a system directory such as /etc, /usr or /var/spool/postfix, e.g. /var/spool/relay',
  'service-user': 'write a user name of lower-case letters, digits, _ and - that is an account of its own, not root, a system account or a service\'s user such as postfix or opendkim, e.g. mailrelay',
  'postfix-map-path': 'write the absolute path of a file under /etc/postfix/ (letters, digits and . _ + @ - between single slashes), e.g. /etc/postfix/sasl_passwd',
  'local-path': 'write a path relative to this config file (or absolute) of letters, digits and . _ + @ -, with no . or .. segment, e.g. keys/mail202606.pub',
  ipv4: 'write one IPv4 address in dotted form, e.g. 192.0.2.10',
  ipv6: 'write one IPv6 address without a zone, e.g. 2001:db8::10',
  ip: 'write one IPv4 or IPv6 address, e.g. 192.0.2.10 or 2001:db8::10',
  network: 'write an address or network in CIDR form, e.g. 192.0.2.0/24 or [2001:db8::]/32',
  nexthop: 'write host, [host] or [host]:port (an optional transport: in front), e.g. [smtp.example.net]:587',
  listen: 'write address:port, e.g. 127.0.0.1:2525 or [::1]:2525',
  duration: 'write a whole number and one unit (ms, s, m, h, d), e.g. 30s',
  'single-line': 'write one line of printable text',
  token: 'write printable ASCII without spaces, quotes or backslashes',
  'spf-domain': 'write a domain name (SPF macros such as %{i} allowed), e.g. _spf.example.net',
  'spf-term': 'write one SPF term as RFC 7208 section 5 defines it, e.g. ip4:192.0.2.0/24, a, mx or exists:%{i}._spf.example.com',
  url: 'write an https:// URL without spaces, quotes, semicolons or commas',
  'report-uri': 'write an address (mailto: is added), e.g. dmarc-reports@example.com',
  'mx-host': 'write a host name, e.g. mx1.example.net, or . for a null MX',
  'mx-rdata': 'write the priority and the host separated by one space, e.g. 10 mx.example.com',
  'caa-rdata': 'write flags, tag (issue, issuewild, iodef) and the quoted value, e.g. 0 issue "letsencrypt.org"',
  'txt-rdata': 'write printable ASCII text without quotes (at most 4096 characters)',
  'master-service': 'write one master.cf service starting at the line start: name type private unpriv chroot wakeup maxproc command [args]',
  'systemd-paths': 'write absolute paths separated by single spaces, without - or + prefixes',
  'address-families': 'write none, or AF_* names separated by spaces (~ first to deny them)',
  'syscall-filter': 'write @sets or system call names separated by spaces (~ first to deny them)',
  capabilities: 'write CAP_* names separated by spaces (~ first to drop them)',
  namespaces: 'write namespace types (cgroup ipc net mnt pid user uts) separated by spaces (~ first to deny them)',
  'ip-address-list': 'write addresses or networks separated by spaces, or any, localhost, link-local, multicast',
};

/** Why a name failed, when the IDN checks say more than the format hint. */
function nameProblem(format: string, value: unknown): string | null {
  if (typeof value !== 'string' || !['hostname', 'dns-name', 'dns-target', 'email'].includes(format)) return null;
  const name = format === 'email' ? value.slice(value.lastIndexOf('@') + 1) : value;
  const result = checkName(name, { owner: format === 'dns-name', trailingDot: format !== 'hostname' && format !== 'email' });
  if (result.problem === 'mixed-script') {
    const scripts = [...labelScripts(result.label ?? '')].join(' and ');
    return `the label "${result.label}" mixes ${scripts} letters, as a look-alike of another name would; write it in one script`;
  }
  if (result.problem === 'idn') return 'it is not a valid internationalized name (IDNA): check the spelling or write its xn-- form';
  if (result.problem === 'length') return 'it is longer than the 253 characters a DNS name can have';
  return null;
}

/** Why a master.cf service's arguments failed, when a -o override is the problem. */
function masterServiceProblem(format: string, value: unknown): string | null {
  if (format !== 'master-service' || typeof value !== 'string') return null;
  return masterOptionProblem(masterArgs(value));
}

interface Described {
  path: KeyPath;
  anchor: Anchor;
  message: string;
}

function describe(error: ErrorObject, data: unknown): Described {
  const path = pointerToPath(error.instancePath);
  const where = formatKeyPath(path);
  const value = valueAt(data, path);
  const node = schemaAt(error.schemaPath);
  const params = error.params as Record<string, any>;
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const known = Object.keys(node?.properties ?? {});
      const suggestion = closest(key, known);
      // A schema's $comment says why a family of keys is not allowed (relay.hardening: no Exec*, User, ...).
      const why = typeof node?.$comment === 'string' ? `: ${node.$comment}` : '';
      const hint = why
        ? `${why}${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`
        : suggestion ? ` (did you mean "${suggestion}"?)` : known.length ? `; known keys: ${known.join(', ')}` : '';
      return {
        path: [...path, key],
        anchor: 'key',
        message: `${where === '(root)' ? 'the config' : where} has an unknown key "${key}"${hint}`,
      };
    }
    case 'required': {
      const key = String(params.missingProperty);
      const prop = node?.properties?.[key];
      const about = prop?.title ? ` (${prop.title}: ${firstSentence(prop.description)})` : '';
      return {
        path,
        anchor: 'key',
        message: `${where === '(root)' ? 'the config' : where} is missing the required key "${key}"${about}`,
      };
    }
    case 'enum':
      return {
        path,
        anchor: 'value',
        message: `${where} must be one of ${(params.allowedValues as unknown[]).join(', ')} (got ${got(value)})`,
      };
    case 'const':
      return { path, anchor: 'value', message: `${where} must be ${JSON.stringify(params.allowedValue)} (got ${got(value)})` };
    case 'type': {
      const types = String(params.type).split(',');
      const wanted = types.map((t) => TYPE_NAMES[t] ?? t).join(' or ');
      return { path, anchor: 'value', message: `${where} must be ${wanted} (got ${describeValue(value)})` };
    }
    case 'pattern':
      return {
        path,
        anchor: 'value',
        message: `${where} is not a valid ${(node?.title ?? 'value').toLowerCase()} (got ${got(value)}): ${firstSentence(node?.description) || `must match ${params.pattern}`}`,
      };
    case 'format': {
      const format = String(params.format);
      const what = titleAt(error.schemaPath)?.toLowerCase() ?? 'value';
      const why = nameProblem(format, value) ?? masterServiceProblem(format, value) ?? FORMAT_HINTS[format] ?? `must be a ${format}`;
      return { path, anchor: 'value', message: `${where} is not a valid ${what} (got ${got(value)}): ${why}` };
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return { path, anchor: 'value', message: `${where} must be ${params.comparison} ${params.limit} (got ${got(value)})` };
    case 'minItems':
      return { path, anchor: 'value', message: `${where} must list at least ${params.limit} item${params.limit === 1 ? '' : 's'}` };
    case 'minLength':
      return { path, anchor: 'value', message: `${where} must not be empty` };
    case 'oneOf':
    case 'anyOf':
      return {
        path,
        anchor: 'value',
        message: `${where} must be ${firstSentence(node?.description)?.replace(/^[^:]*:\s*/, '') || 'one of the allowed forms'} (got ${got(value)})`,
      };
    case 'propertyNames':
      return {
        path: [...path, String(params.propertyName)],
        anchor: 'key',
        message: `${where} has an invalid key ${JSON.stringify(params.propertyName)}`,
      };
    default:
      return { path, anchor: 'value', message: `${where} ${error.message ?? 'is invalid'}` };
  }
}

/** Validates parsed config data; every schema error becomes a finding. */
export function schemaFindings(source: ConfigSource, data: unknown): Finding[] {
  if (validateSchema(data)) return [];
  const errors = validateSchema.errors ?? [];
  // A oneOf/anyOf failure also reports why each branch failed; those details only confuse, unless a
  // branch matched the shape and failed deeper (one bad item of a list): then that item is the news.
  const isUnion = (e: ErrorObject) => e.keyword === 'oneOf' || e.keyword === 'anyOf';
  const branchErrors = (u: ErrorObject) => errors.filter((e) => e !== u && e.schemaPath.startsWith(u.schemaPath.replace(/\/(oneOf|anyOf)$/, '/$1/')));
  const deeper = (u: ErrorObject) => branchErrors(u).filter((e) => e.instancePath.startsWith(`${u.instancePath}/`));
  const hidden = new Set<ErrorObject>();
  for (const union of errors.filter(isUnion)) {
    const inner = deeper(union);
    for (const e of branchErrors(union)) if (!inner.includes(e)) hidden.add(e);
    if (inner.length > 0) hidden.add(union);
  }
  // propertyNames reports a pattern error for the name as well as its own.
  // An if/then failure ("must match then schema") repeats the error the then branch already gave.
  const kept = errors.filter((e) => !hidden.has(e) && !e.schemaPath.includes('/propertyNames/') && e.keyword !== 'if');
  const findings = kept.map((error) => {
    const { path, anchor, message } = describe(error, data);
    return { ruleId: 'schema', severity: 'error' as const, message, file: source.file, path, ...locate(source, path, anchor) };
  });
  return dedupeFindings(findings);
}


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
      const hint = suggestion ? ` (did you mean "${suggestion}"?)` : known.length ? `; known keys: ${known.join(', ')}` : '';
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
  // A oneOf/anyOf failure also reports why each branch failed; those details only confuse.
  const unions = errors.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf').map((e) => e.schemaPath.replace(/\/(oneOf|anyOf)$/, '/$1/'));
  // propertyNames reports a pattern error for the name as well as its own.
  const kept = errors.filter(
    (e) => !unions.some((prefix) => e.schemaPath.startsWith(prefix)) && !e.schemaPath.includes('/propertyNames/'),
  );
  const findings = kept.map((error) => {
    const { path, anchor, message } = describe(error, data);
    return { ruleId: 'schema', severity: 'error' as const, message, file: source.file, path, ...locate(source, path, anchor) };
  });
  return dedupeFindings(findings);
}


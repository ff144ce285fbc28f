// Recognises literal secrets in config strings: bearer tokens, NAME=secret assignments, passwords in
// Postfix static:/inline: SASL maps or URLs, systemd SetCredential values, and long high-entropy strings.
import type { KeyPath } from '../../findings.js';
import type { RelayModel } from '../../config/model.js';

export interface SecretHit {
  /** What was found, for the message: never the secret itself. */
  kind: string;
  /** Length of the secret part, so the message can say how long it is without showing it. */
  length: number;
}

/** Placeholders the seeds write instead of secrets: <long-random-token>, ${TOKEN}, $TOKEN, xxxx, .... */
export function isPlaceholder(value: string): boolean {
  const v = value.trim().replace(/^["']|["']$/g, '');
  return (
    v === '' ||
    /^<[^<>]*>$/.test(v) ||
    /^\$\{?[A-Za-z_]\w*\}?$/.test(v) ||
    /^%[A-Za-z_]\w*%$/.test(v) ||
    /^(x+|\.+|\*+|-+)$/i.test(v)
  );
}

/** Shannon entropy in bits per character. */
export function entropy(text: string): number {
  const counts = new Map<string, number>();
  for (const ch of text) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / text.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/** Postfix table references and paths are where secrets belong, not secrets. */
const REFERENCE = /^(?:[a-z][a-z0-9_]*:)?\/|^\$/;
const SECRET_NAME = /(token|secret|passw(?:or)?d|passwd|api_?key|apikey|credential|private_?key)/i;

/**
 * The random-looking runs a generated token consists of: 32+ characters of base64/base64url with
 * upper case, lower case and digits (a path or host name has no such mix), or 40+ hex digits.
 */
function highEntropyRun(value: string): string | undefined {
  for (const match of value.matchAll(/[A-Za-z0-9+/_=-]{32,}/g)) {
    const run = match[0].replace(/^[/=_-]+|[/=_-]+$/g, '');
    if (run.length < 32) continue;
    const mixed = /[A-Z]/.test(run) && /[a-z]/.test(run) && /\d/.test(run);
    if (mixed && entropy(run) >= 3.5) return run;
    if (/^[0-9a-f]{40,}$/i.test(run) && /\d/.test(run) && /[a-f]/i.test(run) && entropy(run) >= 3.0) return run;
  }
  return undefined;
}

/** Context for one string: the key it is the value of, where that matters (parameter or directive name). */
export interface StringContext {
  /** postfix.parameters name, -o option name, or relay.hardening directive. */
  name?: string;
}

export function findSecret(value: string, context: StringContext = {}): SecretHit | undefined {
  // A PEM block is a private or public key: dkim-no-private-key-in-repo reports private keys.
  if (value.includes('-----BEGIN ')) return undefined;

  const bearer = /\bBearer\s+([^\s"',;]{8,})/i.exec(value);
  if (bearer && !isPlaceholder(bearer[1])) return { kind: 'a bearer token', length: bearer[1].length };

  const url = /[a-z][a-z0-9+.-]*:\/\/[^/\s:@]+:([^/\s@]+)@/i.exec(value);
  if (url && !isPlaceholder(url[1])) return { kind: 'a password in a URL', length: url[1].length };

  const name = context.name ?? '';
  if (/^SetCredential$/.test(name)) {
    const secret = value.slice(value.indexOf(':') + 1);
    if (value.includes(':') && !isPlaceholder(secret)) return { kind: 'a SetCredential value (use LoadCredential with a file on the server)', length: secret.length };
  }
  // the Postfix SMTP relay guide keeps SASL credentials in /etc/postfix/sasl_passwd; static: and inline: maps put them in main.cf.
  if (/passw(?:or)?d/i.test(name)) {
    const inline = /\b(static|inline):(.+)$/.exec(value.trim());
    if (inline && /\S:\S/.test(inline[2])) return { kind: `a password in a ${inline[1]}: map`, length: inline[2].length };
  }

  for (const match of value.matchAll(/([A-Za-z][A-Za-z0-9_.-]*)\s*[=:]\s*("?)([^\s"';,]+)\2/g)) {
    const [, key, , secret] = match;
    if (!SECRET_NAME.test(key) || isPlaceholder(secret) || REFERENCE.test(secret) || secret.length < 4) continue;
    return { kind: `a value for ${key}`, length: secret.length };
  }

  if (/fingerprint/i.test(name)) return undefined; // certificate digests are public
  const run = highEntropyRun(value);
  if (run) return { kind: 'a long random-looking string', length: run.length };
  return undefined;
}

/**
 * Keys never holding secrets: values relayconf computes (a selector's parsed key, transport names,
 * paths), host names and rule ids, and dns.extraRecords, which are published in DNS for anyone to
 * read (a site-verification TXT or a third party's DKIM key looks random but is public by design).
 */
const NOT_SECRET = new Set(['configDir', 'publicKeyPath', 'key', 'transport', 'returnPathDomain', 'host', 'port', 'lint', 'extraRecords']);

export interface ConfigString {
  value: string;
  path: KeyPath;
  context: StringContext;
}

/** Every string the user wrote, with its key path; -o options of postfix.services are split out. */
export function configStrings(model: RelayModel): ConfigString[] {
  const out: ConfigString[] = [];
  const walk = (node: unknown, path: KeyPath, name?: string) => {
    if (typeof node === 'string') out.push({ value: node, path, context: { name } });
    else if (Array.isArray(node)) node.forEach((item, i) => walk(item, [...path, i], name));
    else if (node && typeof node === 'object') {
      for (const [key, child] of Object.entries(node)) {
        if (NOT_SECRET.has(key)) continue;
        const inFreeMap = path.length === 2 && (path[1] === 'parameters' || path[1] === 'hardening');
        walk(child, [...path, key], inFreeMap ? key : undefined);
      }
    }
  };
  const { configDir: _configDir, ...rest } = model;
  walk(rest, []);
  // A master.cf line's -o name=value options carry parameter names too.
  model.postfix.services.forEach((line, i) => {
    for (const match of line.matchAll(/-o\s*\{?\s*([a-z0-9_]+)\s*=\s*([^\s}]+)/g)) {
      out.push({ value: match[2], path: ['postfix', 'services', i], context: { name: match[1] } });
    }
  });
  return out;
}

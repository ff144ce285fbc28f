// Reads the relay's runtime settings from the environment (the generated /etc/<name>.env) and its token
// from the systemd credential or SMTP_RELAY_TOKEN. Every problem is a StartupError with a message that
// says what to fix: the relay refuses to start rather than run half-configured.
import path from 'node:path';
import type { RelayClient, RelayData, RelaySettingDefaults } from './data.js';
import { parsePostfixLog } from './postfix-log-setting.js';
import type { LogSource } from './log-follower.js';

export class StartupError extends Error {}

export interface RelaySettings {
  host: string;
  port: number;
  queueRoot: string;
  maxAttempts: number;
  backoffFirstMs: number;
  backoffMaxMs: number;
  handoff: 'smtp' | 'sendmail';
  smtpHost: string;
  smtpPort: number;
  /** Jobs in hand at once (SMTP connections, or sendmail processes). */
  handoffConcurrency: number;
  sendmailPath: string;
  /** Longest a hand-off may take: one sendmail run, or one SMTP transaction. */
  sendmailTimeoutMs: number;
  /** Where delivery outcomes are read (POSTFIX_LOG); null: not followed. */
  postfixLog: LogSource | null;
}

export type Env = Record<string, string | undefined>;

/** host:port or [v6]:port, the shape the config schema allows for relay.listen. */
export function parseListen(text: string, key = 'RELAY_LISTEN'): { host: string; port: number } {
  const match = /^(?:\[([0-9A-Fa-f:.]+)\]|([^:\s[\]]+)):(\d{1,5})$/.exec(text.trim());
  const port = match ? Number(match[3]) : NaN;
  // Port 0 (any free port) is allowed: the started log line names the real one (tests use it).
  if (!match || !(port >= 0 && port <= 65535)) {
    throw new StartupError(`${key}=${JSON.stringify(text)} is not host:port (e.g. 127.0.0.1:2525 or [::1]:2525)`);
  }
  return { host: match[1] ?? match[2], port };
}

export function integer(env: Env, key: string, fallback: number, min: number): number {
  const raw = env[key];
  if (raw === undefined || raw.trim() === '') return fallback;
  if (!/^\d+$/.test(raw.trim())) throw new StartupError(`${key}=${JSON.stringify(raw)} is not a whole number`);
  const value = Number(raw.trim());
  if (value < min) throw new StartupError(`${key}=${value} is below the minimum ${min}`);
  return value;
}

function absolutePath(env: Env, key: string, fallback: string): string {
  const value = env[key]?.trim() || fallback;
  if (!path.isAbsolute(value)) throw new StartupError(`${key}=${JSON.stringify(value)} must be an absolute path`);
  return value;
}

/** Settings from the env; a variable missing from the env falls back to the config's own value. */
export function readSettings(env: Env, defaults: RelaySettingDefaults): RelaySettings {
  const { host, port } = parseListen(env.RELAY_LISTEN?.trim() || defaults.listen);
  const backoffFirstMs = integer(env, 'QUEUE_BACKOFF_FIRST_MS', defaults.backoffFirstMs, 1);
  const backoffMaxMs = integer(env, 'QUEUE_BACKOFF_MAX_MS', defaults.backoffMaxMs, 1);
  if (backoffMaxMs < backoffFirstMs) {
    throw new StartupError(`QUEUE_BACKOFF_MAX_MS=${backoffMaxMs} is below QUEUE_BACKOFF_FIRST_MS=${backoffFirstMs}`);
  }
  const handoff = (env.RELAY_HANDOFF?.trim() || defaults.handoff) as RelaySettings['handoff'];
  if (handoff !== 'smtp' && handoff !== 'sendmail') {
    throw new StartupError(`RELAY_HANDOFF=${JSON.stringify(env.RELAY_HANDOFF)} is neither smtp nor sendmail`);
  }
  const smtp = parseListen(env.HANDOFF_SMTP?.trim() || defaults.smtpAddress, 'HANDOFF_SMTP');
  if (smtp.port === 0) throw new StartupError('HANDOFF_SMTP needs the port Postfix\'s smtpd listens on, not 0');
  return {
    host,
    port,
    handoff,
    smtpHost: smtp.host,
    smtpPort: smtp.port,
    handoffConcurrency: integer(env, 'HANDOFF_CONCURRENCY', defaults.handoffConcurrency, 1),
    queueRoot: absolutePath(env, 'QUEUE_ROOT', defaults.queueRoot),
    maxAttempts: integer(env, 'QUEUE_MAX_ATTEMPTS', Math.max(1, defaults.maxAttempts), 1),
    backoffFirstMs,
    backoffMaxMs,
    sendmailPath: absolutePath(env, 'SENDMAIL_PATH', defaults.sendmailPath),
    sendmailTimeoutMs: integer(env, 'SENDMAIL_TIMEOUT_MS', defaults.sendmailTimeoutMs, 1),
    postfixLog: parsePostfixLog(env.POSTFIX_LOG),
  };
}

export interface TokenSource {
  token: string;
  /** Where it came from, for the start-up log line (never the value). */
  from: string;
}

/**
 * The bearer token: `$CREDENTIALS_DIRECTORY/<name>-token` (systemd LoadCredential=) when present, else
 * SMTP_RELAY_TOKEN. One trailing newline is dropped (files written with echo end in one). Shorter than
 * `minBytes` (UTF-8 bytes) refuses the start (the self-hosted HTTP relay build guide, step 6: at least 32 bytes).
 */
export function readToken(
  env: Env,
  name: string,
  minBytes: number,
  readFile: (file: string) => string,
): TokenSource {
  let source: TokenSource | null = null;
  const credentials = env.CREDENTIALS_DIRECTORY;
  if (credentials) {
    const file = path.join(credentials, `${name}-token`);
    try {
      source = { token: readFile(file), from: `credential ${file}` };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT') throw new StartupError(`cannot read the token credential ${file}: ${code ?? String(error)}`);
    }
  }
  if (!source && env.SMTP_RELAY_TOKEN !== undefined) source = { token: env.SMTP_RELAY_TOKEN, from: 'SMTP_RELAY_TOKEN' };
  if (!source) {
    throw new StartupError(
      `no token: set the systemd credential ${name}-token (LoadCredential=) or SMTP_RELAY_TOKEN; ` +
        `make one with: openssl rand -base64 48`,
    );
  }
  return checkedToken(source, minBytes);
}

/** One trailing newline dropped; refused when shorter than `minBytes` or when it holds white space or controls. */
function checkedToken(source: TokenSource, minBytes: number): TokenSource {
  const token = source.token.replace(/\r?\n$/, '');
  const bytes = Buffer.byteLength(token, 'utf8');
  if (bytes < minBytes) {
    throw new StartupError(
      `the token from ${source.from} is ${bytes} bytes; the config requires at least ${minBytes} ` +
        `(relay.token.minBytes). Make a longer one with: openssl rand -base64 48`,
    );
  }
  if (/[\s\x00-\x1f\x7f]/.test(token)) {
    throw new StartupError(`the token from ${source.from} contains whitespace or control characters; an HTTP Bearer token cannot carry them`);
  }
  return { token, from: source.from };
}

/** A client with the token it authenticates with. */
export interface ClientToken extends TokenSource {
  client: RelayClient;
}

/**
 * Every client's token. The implicit client reads readToken's sources; a named client only its own
 * credential `$CREDENTIALS_DIRECTORY/<name>-token-<client>` (an environment variable would be inherited
 * by everything the relay spawns). A missing credential refuses the start: revoking a client is removing
 * it from the config and rebuilding, so a client still configured without a token is a mistake. Two
 * clients with one token refuse it too: a token must authenticate exactly one client.
 */
export function readClientTokens(env: Env, data: Pick<RelayData, 'name' | 'tokenMinBytes' | 'clients'>, readFile: (file: string) => string): ClientToken[] {
  const out: ClientToken[] = [];
  for (const client of data.clients) {
    if (client.implicit) {
      out.push({ client, ...readToken(env, data.name, data.tokenMinBytes, readFile) });
      continue;
    }
    const credentials = env.CREDENTIALS_DIRECTORY;
    if (!credentials) {
      throw new StartupError(`no credentials directory: client ${client.name} needs the systemd credential ${client.credential} (LoadCredential=)`);
    }
    const file = path.join(credentials, client.credential);
    let text: string;
    try {
      text = readFile(file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new StartupError(
        code === 'ENOENT'
          ? `client ${client.name} has no token: create ${file} (e.g. openssl rand -base64 48), or remove the client from relay.clients and rebuild`
          : `cannot read the token credential ${file}: ${code ?? String(error)}`,
      );
    }
    const token = checkedToken({ token: text, from: `credential ${file}` }, data.tokenMinBytes);
    const twin = out.find((other) => other.token === token.token);
    if (twin) throw new StartupError(`clients ${twin.client.name} and ${client.name} have the same token; a token must authenticate exactly one client`);
    out.push({ client, ...token });
  }
  return out;
}

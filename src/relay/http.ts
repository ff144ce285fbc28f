// The relay's HTTP front: GET /health, GET /metrics (loopback), POST /send, JSON errors, no stack traces.
// Checks run before the body is read: token first (a constant-time compare), then the rate budget of
// the authenticated caller, content type and declared length; only then is the body streamed in under
// the byte limit, decoded, validated and queued. A wrong token spends only the failed-authentication
// budget of its source address, so strangers can never use up a real caller's budget. 202 is sent only
// after the queue says the job is durable; a queue failure is a 503. HTML-only mail gets its text part
// (text-part.ts, in a worker thread) before it is queued; a caller gone by then, or gone while the queue
// was still opening, has nothing queued: the check runs again right before the job is written, and a
// pipelined request is written only once its answer is next on the connection (answerable()).
// Connections are capped (maxConnections) without letting idle sockets lock callers out: see admit().
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { isIP, type Socket } from 'node:net';
import ipaddr from 'ipaddr.js';
import { BodyTooLarge, readBody } from './body.js';
import type { RelayClient, RelayData } from './data.js';
import { apiError, errorBody, type ApiError } from './errors.js';
import type { Job } from './job.js';
import type { Logger } from './log.js';
import type { HealthReport } from './health.js';
import { bodyHash, IDEMPOTENCY_KEY, IdempotencyFull, type IdempotencyStore } from './idempotency.js';
import { MessageQuota } from './message-quota.js';
import { isOutcomeRoute, type OutcomeApi } from './outcome-api.js';
import { RELAY_ROUTES } from './routes.js';
import { suppressedRecipient } from './suppressed-recipient.js';
import { AUTH_FAILURES_PER_PEER_PER_MINUTE, RateLimiter, type ClientRateLimits } from './rate-limit.js';
import { withTextPart } from './text-part.js';
import { validateSendRequest, type MailRequest } from './validate.js';

/** What the HTTP front needs of the html-to-text converter (HtmlToText in html-worker.ts). */
export interface HtmlConverter {
  convert(html: string, signal?: AbortSignal): Promise<string>;
  readonly budgetMs: number;
}

/**
 * Open connections at once. The callers are a few local services (or the entry layer in front); each
 * connection may hold a request body of up to the body limit in memory, so 128 x 512 KiB bounds that at
 * 64 MiB, far under the file-descriptor limit. At the cap a new connection takes the place of an idle
 * one (admit() in createRelayHttp); it is refused only when every connection has a request in progress.
 */
export const DEFAULT_MAX_CONNECTIONS = 128;

export interface HttpOptions {
  data: RelayData;
  /** The client an Authorization header authenticates (auth.ts clientAuthenticator), or null. */
  authenticate: (authorization: string | undefined) => RelayClient | null;
  /** Each client's budget of authenticated requests per minute. */
  limiter: ClientRateLimits;
  /** Each client's messages per hour and per day; a fresh in-memory one by default. */
  quota?: MessageQuota;
  /** Budget of failed authentications, keyed by source address. */
  authFailures: RateLimiter;
  /**
   * Budget of failed authentications of all sources forwarded by one gateway peer together
   * (default AUTH_FAILURES_PER_PEER_PER_MINUTE), so made-up X-Real-IP values cannot multiply the budget.
   */
  peerAuthFailures?: RateLimiter;
  /**
   * Resolves once the queue can take jobs (start-up recovery done); rejects when it cannot open. A request
   * waits here rather than inside enqueue, so whether its caller is still there is judged after the wait.
   */
  queueReady?: () => Promise<void>;
  /**
   * Makes the job durable (and tells the worker) at once; throws when it cannot. `beforeWrite` runs with
   * the new job before its file is written (the idempotency reservation); when it throws, nothing is queued.
   */
  enqueue: (mail: MailRequest, client: RelayClient, beforeWrite?: (job: Job) => Promise<void>) => Promise<Job>;
  /** Idempotency-Key records; without it the header is checked for shape and otherwise ignored. */
  idempotency?: IdempotencyStore;
  /** GET /messages/{id}, GET /suppressions, DELETE /suppressions/{address}; 404 without it. */
  outcomeApi?: OutcomeApi;
  /** Whether an address is on the suppression list: POST /send to one answers 422 recipient_suppressed. */
  suppressed?: (address: string) => boolean;
  /** Makes the text part of HTML-only mail off the event loop. */
  htmlToText: HtmlConverter;
  log: Logger;
  maxConnections?: number;
  /** Slow-client limits; the defaults suit a local relay whose callers are services, not browsers. */
  headersTimeoutMs?: number;
  requestTimeoutMs?: number;
  keepAliveTimeoutMs?: number;
  maxHeaderBytes?: number;
  /** How long stop() waits for requests in flight before dropping their connections. */
  stopGraceMs?: number;
  /** GET /health's report (health.ts): 200 when ok, 503 when degraded; without it always ok. */
  health?: () => Promise<HealthReport>;
  /** GET /metrics: which TCP peers may read it and the exposition text; without it /metrics is 404. */
  metrics?: { allows(peer: string): boolean; render(): Promise<{ contentType: string; text: string }> };
  /** Told of every answered request: its path and status (metrics.ts counts them). */
  answered?: (path: string, status: number) => void;
}

export interface RelayHttp {
  server: http.Server;
  /** The connection cap in force (the relay's own, not server.maxConnections: see admit()). */
  readonly maxConnections: number;
  listen(host: string, port: number): Promise<void>;
  /** Stops accepting, lets requests in flight finish (bounded by stopGraceMs), closes every connection. */
  stop(): Promise<void>;
}

const JSON_TYPE = 'application/json; charset=utf-8';

/** A request under an Idempotency-Key: where its record goes, the key and the body's hash. */
interface Keyed {
  store: IdempotencyStore;
  key: string;
  hash: string;
}

/** `application/json`, optionally with charset=utf-8 (any case, quoted or not); nothing else. */
export function isJsonContentType(value: string | undefined): boolean {
  if (!value) return false;
  const [type, ...params] = value.split(';');
  if (type.trim().toLowerCase() !== 'application/json') return false;
  return params.every((param) => {
    const eq = param.indexOf('=');
    const key = (eq < 0 ? param : param.slice(0, eq)).trim().toLowerCase();
    const val = eq < 0 ? '' : param.slice(eq + 1).trim();
    return key !== 'charset' || /^"?utf-8"?$/i.test(val);
  });
}

/** Ends a socket once what was written is flushed, without waiting for the client to hang up. */
function closeAfterFlush(socket: Socket): void {
  if (socket.destroyed) return;
  socket.once('finish', () => socket.destroy());
  socket.end();
}

/**
 * Resolves once `res` is the response its connection writes next, or the connection is gone. A pipelined
 * request is read and worked on while the answer to an earlier one on the same connection is still pending
 * (a slow text part, the queue opening); Node holds its response back until then (res.socket is null).
 * Queued meanwhile, its 202 could wait seconds behind the earlier answer, and a caller gone in that time
 * would never learn the mail was queued: it would retry and the mail would go out twice. Waiting here
 * also queues pipelined requests in the order they were sent.
 */
function answerable(res: ServerResponse, socket: Socket): Promise<void> {
  if (res.socket !== null || socket.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      res.off('socket', done);
      socket.off('close', done);
      resolve();
    };
    res.once('socket', done);
    socket.once('close', done);
  });
}

/**
 * One spelling per address, or null when `raw` is no address. Brackets ([2001:db8::1]) and a zone index
 * are dropped, IPv6 takes its RFC 5952 form, and an IPv4 address carried in IPv6 becomes that IPv4
 * address: IPv4-mapped ::ffff:a.b.c.d (RFC 4291 section 2.5.5.2), NAT64 64:ff9b::/96 (RFC 6052 section 2.1)
 * and 6to4 2002::/16 (RFC 3056 section 2). Otherwise one host could be counted under several keys.
 */
export function canonicalAddress(raw: string): string | null {
  let text = raw.trim();
  if (text.startsWith('[') && text.endsWith(']')) text = text.slice(1, -1);
  // A zone index (fe80::1%eth0) names the link, not the address.
  text = text.replace(/%.*$/, '');
  // node:net is strict where ipaddr.js also takes 0x7f.1-style IPv4.
  const family = isIP(text);
  if (family === 4) return ipaddr.IPv4.parse(text).toString();
  if (family !== 6) return null;
  const parsed = ipaddr.IPv6.parse(text);
  const range = parsed.range();
  const embedded = (high: number, low: number) => ipaddr.fromByteArray([high >> 8, high & 255, low >> 8, low & 255]).toString();
  if (range === 'ipv4Mapped') return parsed.toIPv4Address().toString();
  if (range === 'rfc6052' || range === 'rfc6145') return embedded(parsed.parts[6], parsed.parts[7]);
  if (range === '6to4') return embedded(parsed.parts[1], parsed.parts[2]);
  return parsed.toString();
}

/**
 * The caller's addresses: `peer`, the TCP peer, and `forwarded`: when the peer is the declared gateway's
 * own address (data.gatewayPeers), the single address in the X-Real-IP header the gateway sets (null
 * otherwise). Anybody else's X-Real-IP is ignored, so a direct caller cannot choose the bucket it is counted in.
 */
export function callerAddresses(req: IncomingMessage, gatewayPeers: readonly string[]): { peer: string; forwarded: string | null } {
  const raw = req.socket.remoteAddress ?? 'unknown';
  const peer = canonicalAddress(raw) ?? raw;
  if (!gatewayPeers.some((gateway) => canonicalAddress(gateway) === peer)) return { peer, forwarded: null };
  const header = req.headers['x-real-ip'];
  // Sent twice, Node joins the values with ", ", which is no address: the peer is used then.
  const forwarded = typeof header === 'string' ? canonicalAddress(header) : null;
  return { peer, forwarded };
}

/**
 * The failed-authentication bucket of a source address. Every address in 127.0.0.0/8 (and ::1) is this
 * host, and any local process can bind any of them: counted apart, they would give one guesser sixteen
 * million budgets. For the same reason an IPv6 caller is counted by its /64: a subnet is handed out per
 * link (RFC 4291 section 2.5.1: 64-bit interface identifiers), so one host controls 2^64 addresses.
 * IPv4 stays per address.
 */
export function failureBucket(source: string): string {
  const address = canonicalAddress(source);
  if (address === null) return source;
  if (address === '::1' || (isIP(address) === 4 && address.startsWith('127.'))) return 'loopback';
  if (isIP(address) === 4) return address;
  const prefix = ipaddr.IPv6.parse(address).parts.slice(0, 4).map((part) => part.toString(16));
  return `${prefix.join(':')}::/64`;
}

export function createRelayHttp(options: HttpOptions): RelayHttp {
  const { data, log } = options;
  const limit = data.limits.bodyBytes;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  // Open connections, oldest first by when each was accepted or last finished a request (see admit()).
  const sockets = new Set<Socket>();
  // Requests in progress per connection: more than one when a caller pipelines, so the answer to one
  // does not make a connection whose next request is still being worked on look idle (and evictable).
  const busy = new Map<Socket, number>();
  // Connections that have sent at least one complete request.
  const served = new WeakSet<Socket>();
  const maxConnections = options.maxConnections ?? DEFAULT_MAX_CONNECTIONS;
  const peerAuthFailures = options.peerAuthFailures ?? new RateLimiter(AUTH_FAILURES_PER_PEER_PER_MINUTE);
  const quota = options.quota ?? new MessageQuota();
  // Each client's senders as a set; the implicit client (senders null) may use the whole allowlist.
  const permitted = new Map(data.clients.map((c) => [c.name, c.senders === null ? undefined : new Set(c.senders)]));
  let stopping = false;

  const server = http.createServer({
    maxHeaderSize: options.maxHeaderBytes ?? 16 * 1024,
    // Node 18.0+: slow-loris limits are checked on this interval.
    connectionsCheckingInterval: 1000,
  } as http.ServerOptions);
  server.headersTimeout = options.headersTimeoutMs ?? 10_000;
  server.requestTimeout = options.requestTimeoutMs ?? 30_000;
  server.keepAliveTimeout = options.keepAliveTimeoutMs ?? 5_000;
  server.maxHeadersCount = 64;
  server.timeout = options.requestTimeoutMs ?? 30_000;
  // No cap on requests per keep-alive connection (nginx's keepalive_requests, Apache's
  // MaxKeepAliveRequests). Such a cap bounds what a server accumulates per connection; this one keeps
  // nothing per request on the socket, memory is bounded by the connection cap, rate limits count callers,
  // not connections, and idle connections give way at the cap (admit()). A cap would only make the
  // callers' pools reconnect, and Node answers a pipelined request past it with a bare 503 outside the
  // API's JSON error shape. Idle keep-alive connections still close after keepAliveTimeout (sent to
  // clients as Keep-Alive: timeout=N, which Node's and undici's pools honour).
  server.maxRequestsPerSocket = 0;
  // Reaching the cap is logged once a minute at most: a flood must not flood the journal too.
  let lastCapLog = -Infinity;
  const logCapped = () => {
    const now = Date.now();
    if (now - lastCapLog < 60_000) return;
    lastCapLog = now;
    log('connections_capped', { limit: maxConnections });
  };

  /**
   * The connection that makes room for a new one at the cap: the oldest that has not yet sent a complete
   * request, else the oldest idle between keep-alive requests; undefined when every one has a request in
   * progress. Refusing the newcomer instead (server.maxConnections) let anybody who can connect, with
   * no token, hold every slot with sockets that send nothing, shutting out every real caller. With
   * eviction a flood only displaces itself: a real caller sends its headers right after connecting and
   * is then busy, so it would have to be outrun by maxConnections newer connections in that instant.
   * A per-source share would not help here: the callers and a local flooder all come from loopback.
   * The bound on memory is unchanged: never more than maxConnections sockets, each holding at most one body.
   */
  function evictable(): Socket | undefined {
    let idleServed: Socket | undefined;
    for (const socket of sockets) {
      if (busy.has(socket)) continue;
      if (!served.has(socket)) return socket;
      idleServed ??= socket;
    }
    return idleServed;
  }

  /** Keeps the cap on a new connection: false when it was closed because no room could be made. */
  function admit(socket: Socket): boolean {
    if (sockets.size < maxConnections) return true;
    logCapped();
    const victim = stopping ? undefined : evictable();
    if (!victim) {
      socket.destroy();
      return false;
    }
    sockets.delete(victim);
    victim.destroy();
    return true;
  }

  function send(res: ServerResponse, status: number, body: string, type: string, headers: Record<string, string> = {}, close = false): void {
    if (res.headersSent) return;
    const bytes = Buffer.from(body, 'utf8');
    res.statusCode = status;
    res.setHeader('Content-Type', type);
    res.setHeader('Content-Length', bytes.length);
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    for (const [key, value] of Object.entries(headers)) res.setHeader(key, value);
    // An answer given before the body was read closes the connection: the unread rest is dropped.
    if (close || stopping) res.setHeader('Connection', 'close');
    res.end(res.req.method === 'HEAD' ? undefined : bytes);
  }

  const fail = (res: ServerResponse, error: ApiError, close: boolean) =>
    send(res, error.status, errorBody(error), JSON_TYPE, error.headers, close);

  /** The caller's client, or null once a 401/429 has been answered. Spends the client's rate budget. */
  function authenticated(req: IncomingMessage, res: ServerResponse): RelayClient | null {
    const client = options.authenticate(req.headers.authorization);
    if (client === null) {
      const { peer, forwarded } = callerAddresses(req, data.gatewayPeers);
      const source = forwarded ?? peer;
      // The forwarded source's own budget, then the budget all sources behind this gateway peer share.
      // Only wrong tokens reach here, so the shared one never holds up an authenticated request.
      let failures = options.authFailures.take(failureBucket(source));
      if (failures.allowed && forwarded !== null) failures = peerAuthFailures.take(`gateway ${failureBucket(peer)}`);
      if (!failures.allowed) {
        if (failures.firstDenial) log('auth_throttled', { source, peer, retryAfterSeconds: failures.retryAfterSeconds });
        const error = apiError(429, 'auth_rate_limited', `too many failed authentications from this address; retry in ${failures.retryAfterSeconds} s`);
        error.headers = { 'Retry-After': String(failures.retryAfterSeconds) };
        fail(res, error, true);
        return null;
      }
      const error = apiError(401, 'unauthorized', 'missing or wrong bearer token');
      error.headers = { 'WWW-Authenticate': 'Bearer' };
      fail(res, error, true);
      return null;
    }
    const rate = options.limiter.take(client);
    if (!rate.allowed) {
      const error = apiError(429, 'rate_limited', `too many requests for client ${client.name}; retry in ${rate.retryAfterSeconds} s`);
      error.headers = { 'Retry-After': String(rate.retryAfterSeconds) };
      fail(res, error, true);
      return null;
    }
    return client;
  }

  /** The outcome routes (outcome-api.ts): authenticated like POST /send. */
  async function handleOutcome(req: IncomingMessage, res: ServerResponse, urlPath: string, api: OutcomeApi): Promise<void> {
    if (authenticated(req, res) === null) return;
    const answer = await api(req.method ?? 'GET', urlPath);
    if ('error' in answer) return fail(res, answer.error, answer.error.status === 405);
    send(res, answer.status, JSON.stringify(answer.body), JSON_TYPE);
  }

  async function handleSend(req: IncomingMessage, res: ServerResponse, expectContinue: boolean): Promise<void> {
    if (stopping) return fail(res, apiError(503, 'shutting_down', 'the relay is shutting down; retry shortly'), true);
    const client = authenticated(req, res);
    if (client === null) return;
    if (!isJsonContentType(req.headers['content-type'])) {
      return fail(res, apiError(415, 'unsupported_media_type', 'send Content-Type: application/json'), true);
    }
    const declared = req.headers['content-length'];
    if (declared !== undefined && Number(declared) > limit) {
      return fail(res, apiError(413, 'payload_too_large', `the body is larger than ${limit} bytes`), true);
    }
    const rawKey = req.headers['idempotency-key'];
    const key = typeof rawKey === 'string' ? rawKey : undefined;
    if (rawKey !== undefined && (key === undefined || !IDEMPOTENCY_KEY.test(key))) {
      return fail(res, apiError(400, 'invalid_idempotency_key', 'Idempotency-Key must be 1 to 255 printable ASCII characters, sent once', 'Idempotency-Key'), true);
    }
    if (expectContinue) res.writeContinue();
    let raw: Buffer;
    try {
      raw = await readBody(req, limit);
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        return fail(res, apiError(413, 'payload_too_large', `the body is larger than ${limit} bytes`), true);
      }
      // The client went away mid-body: nobody to answer.
      res.destroy();
      return;
    }
    let body: unknown;
    try {
      body = JSON.parse(decoder.decode(raw));
    } catch {
      return fail(res, apiError(400, 'invalid_json', 'the body is not valid UTF-8 JSON', 'body'), false);
    }
    const store = options.idempotency;
    if (key === undefined || !store) return accept(req, res, body, client, null);
    // One request per client and key at a time: a concurrent retry waits, then finds the first one's record.
    const release = await store.turn(client.name, key);
    try {
      const hash = bodyHash(body);
      const found = await store.lookup(client.name, key, hash);
      if (found.kind === 'conflict') {
        return fail(res, apiError(409, 'idempotency_conflict', 'this Idempotency-Key was used with a different body within the last 24 hours; use a new key for a new message', 'Idempotency-Key'), false);
      }
      if (found.kind === 'replay') {
        return send(res, 202, JSON.stringify({ ok: true, queued: true, id: found.jobId }), JSON_TYPE, { 'Idempotent-Replayed': 'true' });
      }
      return await accept(req, res, body, client, { store, key, hash });
    } catch (error) {
      log('queue_error', { reason: `idempotency record: ${error instanceof Error ? error.message : String(error)}` });
      const full = error instanceof IdempotencyFull;
      const problem = apiError(503, full ? 'idempotency_store_full' : 'queue_unavailable', full ? 'the relay holds too many idempotency records; retry later' : 'the request could not be recorded durably; it was not queued, retry later');
      problem.headers = { 'Retry-After': full ? '60' : '5' };
      return fail(res, problem, false);
    } finally {
      release();
    }
  }

  /** Validation, message budget, queueing and the 202 of a parsed body. */
  async function accept(req: IncomingMessage, res: ServerResponse, body: unknown, client: RelayClient, keyed: Keyed | null): Promise<void> {
    const checked = validateSendRequest(body, data, permitted.get(client.name));
    if (!checked.ok) return fail(res, checked.error, false);
    if (options.suppressed) {
      // The list is loaded with the queue: a request in the first moments of a start waits for it (a
      // failed open is answered 503 by queueMail below).
      await options.queueReady?.().catch(() => undefined);
      const suppressed = suppressedRecipient(checked.mail, options.suppressed);
      if (suppressed) return fail(res, suppressed, false);
    }
    // The message budget is spent only by mail that is queued: the slot goes back on any other outcome.
    const slot = quota.reserve(client.name, client.limits);
    if (!slot.allowed) {
      const error = apiError(429, 'quota_exceeded', `client ${client.name} has sent its ${slot.limit} messages per ${slot.window}; retry in ${slot.retryAfterSeconds} s`);
      error.headers = { 'Retry-After': String(slot.retryAfterSeconds) };
      return fail(res, error, false);
    }
    let queued = false;
    try {
      const job = await queueMail(req, res, checked.mail, client, keyed);
      if (job === null) return;
      queued = true;
      send(res, 202, JSON.stringify({ ok: true, queued: true, id: job.id }), JSON_TYPE);
    } finally {
      if (!queued) slot.release();
    }
  }

  /** Text part, queue, 202-or-not: null when an answer (or none, for a caller gone) was already given. */
  async function queueMail(req: IncomingMessage, res: ServerResponse, mail: MailRequest, client: RelayClient, keyed: Keyed | null): Promise<Job | null> {
    // A caller that hangs up while its request is worked on gives its turn away (a conversion still waiting
    // is dropped). The connection's state is read as well as the event: a close seen by the socket before
    // the response had it (a pipelined request) never reaches this listener.
    const socket = req.socket;
    // The abort signal exists only for an HTML conversion, the one step it can cut short: making one per
    // request, and aborting it when every answered request's response closed, cost an AbortSignal and an
    // AbortError (a DOMException with its stack) per 202 on the accept path.
    let closed = false;
    let conversion: AbortController | null = null;
    res.once('close', () => {
      closed = true;
      conversion?.abort();
    });
    // Not writable: the caller half-closed, and Node ends such a connection without an answer.
    const callerGone = () => closed || socket.destroyed || !socket.writable;
    const conversionSignal = (): AbortSignal => {
      conversion ??= new AbortController();
      if (callerGone()) conversion.abort();
      return conversion.signal;
    };
    // A caller gone before its job is written never learns of a 202, so it would retry and the mail would
    // go out twice. Not queued; the log says so.
    const abandoned = (): boolean => {
      if (!callerGone()) return false;
      log('client_gone', { reason: 'the caller disconnected before its mail was queued; nothing queued' });
      return true;
    };
    const complete = await withTextPart(mail, {
      htmlToText: (html) => options.htmlToText.convert(html, conversionSignal()),
      budgetMs: options.htmlToText.budgetMs,
      maxStoredBytes: limit,
    });
    if (abandoned()) return null;
    if (!complete.ok) {
      fail(res, complete.error, false);
      return null;
    }
    try {
      await options.queueReady?.();
      await answerable(res, socket);
      // The last moment before the 202 commits: from the enqueue call on, nothing waits before the write.
      if (abandoned()) return null;
      // With a key: its record (uncommitted) is durable before the job, committed once the job is.
      const job = await options.enqueue(complete.mail, client, keyed ? (prepared) => keyed.store.reserve(client.name, keyed.key, keyed.hash, prepared.id) : undefined);
      if (keyed) {
        await keyed.store.commit(client.name, keyed.key, keyed.hash, job.id).catch((error: unknown) => {
          // The job is queued and will be sent: the 202 stands (it means the job is on disk); the store
          // remembers the job, so a retry with this key replays it, and a restart commits the record from the job.
          log('queue_error', { id: job.id, reason: `cannot commit the idempotency record: ${error instanceof Error ? error.message : String(error)}` });
        });
      }
      return job;
    } catch (thrown) {
      if (keyed) await keyed.store.abandon(client.name, keyed.key).catch(() => undefined);
      if (thrown instanceof IdempotencyFull) {
        const problem = apiError(503, 'idempotency_store_full', 'the relay holds too many idempotency records; retry later');
        problem.headers = { 'Retry-After': '60' };
        fail(res, problem, false);
        return null;
      }
      // The enqueue path logged the file-system reason; the client only learns it was not queued.
      const error = apiError(503, 'queue_unavailable', 'the job could not be stored durably; it was not queued, retry later');
      error.headers = { 'Retry-After': '5' };
      fail(res, error, false);
      return null;
    }
  }

  async function handleMetrics(req: IncomingMessage, res: ServerResponse, metrics: NonNullable<HttpOptions['metrics']>): Promise<void> {
    if (!metrics.allows(req.socket.remoteAddress ?? '')) {
      return fail(res, apiError(403, 'forbidden', 'GET /metrics is answered only to the peers in METRICS_PEERS (by default this host)'), true);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      const error = apiError(405, 'method_not_allowed', 'use GET /metrics');
      error.headers = { Allow: 'GET, HEAD' };
      return fail(res, error, true);
    }
    const exposition = await metrics.render();
    return send(res, 200, exposition.text, exposition.contentType);
  }

  async function handle(req: IncomingMessage, res: ServerResponse, expectContinue: boolean): Promise<void> {
    const socket = req.socket;
    busy.set(socket, (busy.get(socket) ?? 0) + 1);
    served.add(socket);
    res.on('close', () => {
      const left = (busy.get(socket) ?? 1) - 1;
      if (left > 0) return void busy.set(socket, left);
      busy.delete(socket);
      if (stopping) closeAfterFlush(socket);
      else if (sockets.delete(socket)) sockets.add(socket); // idle again: now the newest idle connection
    });
    try {
      const url = req.url ?? '/';
      const path = url.split('?')[0];
      if (options.answered) res.once('finish', () => options.answered?.(path, res.statusCode));
      if (path === '/health') {
        if (req.method === 'GET' || req.method === 'HEAD') {
          const report = options.health ? await options.health() : { status: 'ok' };
          return send(res, report.status === 'ok' ? 200 : 503, JSON.stringify(report), JSON_TYPE);
        }
        const error = apiError(405, 'method_not_allowed', 'use GET /health');
        error.headers = { Allow: 'GET, HEAD' };
        return fail(res, error, true);
      }
      if (path === '/metrics' && options.metrics) return await handleMetrics(req, res, options.metrics);
      if (path === '/send') {
        if (req.method === 'POST') return await handleSend(req, res, expectContinue);
        const error = apiError(405, 'method_not_allowed', 'use POST /send');
        error.headers = { Allow: 'POST' };
        return fail(res, error, true);
      }
      if (options.outcomeApi && isOutcomeRoute(path)) return await handleOutcome(req, res, path, options.outcomeApi);
      return fail(res, apiError(404, 'not_found', `no such endpoint; the relay serves ${RELAY_ROUTES.map((r) => `${r.method} ${r.path}`).join(', ')}`), true);
    } catch (error) {
      // A bug, never a client's problem to read about: log it, answer generically.
      log('queue_error', { reason: `request handler failed: ${error instanceof Error ? error.message : String(error)}` });
      if (!res.headersSent) fail(res, apiError(503, 'internal', 'the relay could not handle this request; retry later'), true);
      else res.destroy();
    }
  }

  server.on('request', (req, res) => void handle(req, res, false));
  // Expect: 100-continue: the checks above run before the client is told to send the body.
  server.on('checkContinue', (req, res) => void handle(req, res, true));
  server.on('connection', (socket: Socket) => {
    if (!admit(socket)) return;
    sockets.add(socket);
    socket.on('close', () => {
      sockets.delete(socket);
      busy.delete(socket);
    });
  });
  // Malformed HTTP, oversized headers, timeouts: a JSON error and a closed connection, never a stack.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    const code = error.code ?? '';
    if (code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const status = code === 'HPE_HEADER_OVERFLOW' ? 431 : code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
    const name = status === 431 ? 'headers_too_large' : status === 408 ? 'request_timeout' : 'bad_request';
    const text = status === 431 ? 'request headers too large' : status === 408 ? 'request timed out' : 'malformed HTTP request';
    const body = errorBody(apiError(status, name, text));
    const reason = status === 431 ? 'Request Header Fields Too Large' : status === 408 ? 'Request Timeout' : 'Bad Request';
    socket.write(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Type: ${JSON_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `Cache-Control: no-store\r\nConnection: close\r\n\r\n${body}`,
    );
    closeAfterFlush(socket);
  });

  return {
    server,
    maxConnections,
    listen(host, port) {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve();
        });
      });
    },
    stop() {
      stopping = true;
      return new Promise((resolve) => {
        const grace = setTimeout(() => {
          for (const socket of sockets) socket.destroy();
        }, options.stopGraceMs ?? 5_000);
        server.close(() => {
          clearTimeout(grace);
          resolve();
        });
        // Idle keep-alive connections would hold close() open (Node 18 has no closeIdleConnections before 18.2).
        for (const socket of sockets) if (!busy.has(socket)) socket.destroy();
      });
    },
  };
}

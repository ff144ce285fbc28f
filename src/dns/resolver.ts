// The DNS client every live check uses: dns2 on the wire, node:dns-shaped answers and error codes,
// so check-dns, mailauth's SPF evaluator and DKIM verification all ask the same server (--resolver).
import { connect, isIP } from 'node:net';
import { getServers } from 'node:dns';
import dns2 from 'dns2';

const { Packet, UDPClient } = dns2;

export interface ResolverAddress {
  host: string;
  port: number;
}

/** The record types check-dns and the SPF/DKIM evaluators ask for. */
export type RecordType = 'A' | 'AAAA' | 'MX' | 'TXT' | 'PTR' | 'CNAME' | 'CAA';

export interface MxAnswer {
  exchange: string;
  priority: number;
}

export interface CaaAnswer {
  critical: number;
  tag: string;
  value: string;
}

/** Answers in node:dns `resolve*` shapes (what mailauth expects from a custom resolver). */
export type AnswerOf<T extends RecordType> = T extends 'TXT' ? string[][] : T extends 'MX' ? MxAnswer[] : T extends 'CAA' ? CaaAnswer[] : string[];

/**
 * node:dns error codes, so mailauth classifies them as it does for node:dns: ENOTFOUND (NXDOMAIN)
 * and ENODATA (no record of the type) are "void"; ETIMEOUT, ESERVFAIL, EREFUSED, ECONNREFUSED,
 * EFORMERR, ENOTIMP and EBADRESP mean the answer is unknown, never that the record is absent.
 */
export type LookupErrorCode = 'ENOTFOUND' | 'ENODATA' | 'ETIMEOUT' | 'ESERVFAIL' | 'EREFUSED' | 'ECONNREFUSED' | 'EFORMERR' | 'ENOTIMP' | 'EBADRESP';

export class DnsLookupError extends Error {
  constructor(
    readonly code: LookupErrorCode,
    readonly hostname: string,
    readonly rrtype: RecordType,
    readonly detail: string,
  ) {
    super(`${rrtype} ${hostname}: ${detail}`);
  }
}

export interface DnsResolver {
  /** Resolves like node:dns `resolve(name, type)`; rejects with a DnsLookupError. Answers are cached per run. */
  resolve<T extends RecordType>(name: string, type: T): Promise<AnswerOf<T>>;
  readonly server: ResolverAddress;
  readonly timeoutMs: number;
  readonly tries: number;
}

export interface ResolverOptions {
  server: ResolverAddress;
  /** How long to wait for each answer. */
  timeoutMs: number;
  /** Attempts per query before it counts as timed out (UDP can lose a datagram). */
  tries?: number;
}

export const DEFAULT_TIMEOUT_MS = 2000;
export const DEFAULT_TRIES = 2;

/** NXDOMAIN or NODATA: the name or the record does not exist (an RFC 7208 "void lookup"). */
export function isVoidError(error: unknown): error is DnsLookupError {
  return error instanceof DnsLookupError && (error.code === 'ENOTFOUND' || error.code === 'ENODATA');
}

/** Anything else: the server did not tell us (timeout, SERVFAIL, refused): never read as "absent". */
export function isFailureError(error: unknown): boolean {
  return !isVoidError(error);
}

/** Parses `--resolver`: `1.2.3.4`, `1.2.3.4:5353`, `::1`, `[::1]:5353`. Throws with a message for the user. */
export function parseResolverAddress(text: string): ResolverAddress {
  const value = text.trim();
  let host: string;
  let port = 53;
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(value);
  if (bracketed) {
    host = bracketed[1];
    if (bracketed[2] !== undefined) port = Number(bracketed[2]);
  } else if (isIP(value) === 6) {
    host = value;
  } else {
    const match = /^([^:]+)(?::(\d+))?$/.exec(value);
    if (!match) throw new Error(`--resolver takes HOST[:PORT] with an IP address, e.g. 127.0.0.1:5353 or [::1]:53 (got "${text}")`);
    host = match[1];
    if (match[2] !== undefined) port = Number(match[2]);
  }
  // dns2 only checks the reply's source when the server is an IP literal; a name would also need a lookup itself.
  if (isIP(host) === 0) throw new Error(`--resolver needs an IP address, not a name (got "${host}")`);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`--resolver port must be 1-65535 (got "${text}")`);
  return { host, port };
}

/** The first nameserver of the system configuration (/etc/resolv.conf), as node:dns reads it. */
export function systemResolverAddress(): ResolverAddress {
  const [first] = getServers();
  if (!first) throw new Error('no nameserver configured in /etc/resolv.conf; pass --resolver HOST[:PORT]');
  return parseResolverAddress(first);
}

/**
 * A name that cannot be put into a query (empty label, label over 63 octets, name over 253) does
 * not exist as far as DNS goes: RFC 7208 4.3 and 4.8 treat such targets as non-existent.
 */
function invalidNameReason(name: string): string | null {
  if (name.length === 0) return 'empty name';
  if (Buffer.byteLength(name, 'latin1') > 253) return 'name longer than 253 octets';
  for (const label of name.split('.')) {
    if (label.length === 0) return 'empty label';
    if (label.length > 63) return `label longer than 63 octets (${label.slice(0, 20)}...)`;
  }
  if ([...name].some((c) => c.charCodeAt(0) > 0xff)) return 'characters outside a DNS label';
  return null;
}

const RCODE_ERRORS: Record<number, [LookupErrorCode, string]> = {
  1: ['EFORMERR', 'FORMERR (the server could not read the query)'],
  2: ['ESERVFAIL', 'SERVFAIL (the server failed to get an answer)'],
  3: ['ENOTFOUND', 'NXDOMAIN (no such name)'],
  4: ['ENOTIMP', 'NOTIMP (the server does not implement this query)'],
  5: ['EREFUSED', 'REFUSED (the server refused to answer)'],
};

type DnsPacket = InstanceType<typeof Packet>;

/** HOST:PORT as --resolver takes it ([v6]:port for IPv6). */
export function resolverLabel(server: ResolverAddress): string {
  return `${server.host.includes(':') ? `[${server.host}]` : server.host}:${server.port}`;
}

export function createResolver(options: ResolverOptions): DnsResolver {
  const { server, timeoutMs } = options;
  const tries = Math.max(1, options.tries ?? DEFAULT_TRIES);
  const where = resolverLabel(server);
  // A large answer (a 4096-bit DKIM key) comes back truncated over UDP; we then ask over TCP ourselves
  // so the same timeout applies (dns2's TCP client has none).
  const udp = UDPClient({ dns: server.host, port: server.port, timeout: timeoutMs, retryOverTCP: false, socketType: server.host.includes(':') ? 'udp6' : 'udp4' });
  const cache = new Map<string, Promise<unknown>>();

  async function ask(name: string, type: RecordType): Promise<DnsPacket> {
    for (let attempt = 1; attempt <= tries; attempt++) {
      try {
        const response = await udp(name, type);
        if (response.header.tc) return await tcpQuery(server, name, type, timeoutMs);
        return response;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ETIMEDOUT') continue;
        if (code === 'ECONNREFUSED') throw new DnsLookupError('ECONNREFUSED', name, type, `connection refused by ${where}`);
        if (error instanceof DnsLookupError) throw error;
        throw new DnsLookupError('EBADRESP', name, type, `query to ${where} failed: ${(error as Error).message}`);
      }
    }
    throw new DnsLookupError('ETIMEOUT', name, type, `no answer from ${where} within ${timeoutMs} ms (${tries} ${tries === 1 ? 'try' : 'tries'})`);
  }

  async function lookup(rawName: string, type: RecordType): Promise<unknown> {
    const name = rawName.replace(/\.$/, '');
    const invalid = invalidNameReason(name);
    if (invalid) throw new DnsLookupError('ENOTFOUND', name, type, `not a valid DNS name (${invalid})`);
    const response = await ask(name, type);
    const rcode = response.header.rcode;
    if (rcode !== 0) {
      const [code, text] = RCODE_ERRORS[rcode] ?? (['ESERVFAIL', `RCODE ${rcode}`] as [LookupErrorCode, string]);
      throw new DnsLookupError(code, name, type, `${text} from ${where}`);
    }
    // A recursive answer may start with the CNAME chain; only records of the asked type are the answer.
    const records = response.answers.filter((r) => r.type === Packet.TYPE[type] && (r.class === Packet.CLASS.IN || r.class === undefined));
    if (records.length === 0) throw new DnsLookupError('ENODATA', name, type, `no ${type} record (NODATA) from ${where}`);
    switch (type) {
      case 'A':
      case 'AAAA':
        return records.map((r) => String(r.address));
      case 'MX':
        return records.map((r) => ({ exchange: String(r.exchange ?? '').replace(/\.$/, ''), priority: Number(r.priority) }));
      case 'TXT':
        return records.map((r) => (Array.isArray(r.data) ? r.data.map(String) : [String(r.data ?? '')]));
      case 'PTR':
      case 'CNAME':
        return records.map((r) => String(r.domain ?? '').replace(/\.$/, ''));
      case 'CAA':
        return records.map((r) => ({ critical: Number(r.flags ?? 0), tag: String(r.tag ?? ''), value: String(r.value ?? '') }));
    }
  }

  return {
    server,
    timeoutMs,
    tries,
    resolve<T extends RecordType>(name: string, type: T): Promise<AnswerOf<T>> {
      const key = `${type} ${name.toLowerCase().replace(/\.$/, '')}`;
      let pending = cache.get(key);
      if (!pending) {
        pending = lookup(name, type);
        // The cache keeps the rejection too: a name that timed out once is not waited for again in this run.
        pending.catch(() => undefined);
        cache.set(key, pending);
      }
      return pending as Promise<AnswerOf<T>>;
    },
  };
}

/** One query over TCP (RFC 1035 4.2.2 framing), dns2 building and parsing the messages. */
function tcpQuery(server: ResolverAddress, name: string, type: RecordType, timeoutMs: number): Promise<DnsPacket> {
  const query = new Packet();
  query.header.id = Packet.uuid();
  query.header.rd = 1;
  query.questions.push({ name, type: Packet.TYPE[type], class: Packet.CLASS.IN } as DnsPacket['questions'][number]);
  const message = query.toBuffer();
  const framed = Buffer.concat([Buffer.from([message.length >> 8, message.length & 0xff]), message]);
  const where = `${server.host}:${server.port} (TCP)`;
  return new Promise((resolve, reject) => {
    const socket = connect({ host: server.host, port: server.port });
    let buffered = Buffer.alloc(0);
    let settled = false;
    const timer = setTimeout(() => finish(new DnsLookupError('ETIMEOUT', name, type, `no answer from ${where} within ${timeoutMs} ms`)), timeoutMs);
    const finish = (error: Error | null, packet?: DnsPacket) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      if (error) reject(error);
      else resolve(packet as DnsPacket);
    };
    socket.on('connect', () => socket.write(framed));
    socket.on('data', (chunk) => {
      buffered = Buffer.concat([buffered, chunk]);
      if (buffered.length < 2) return;
      const length = buffered.readUInt16BE(0);
      if (buffered.length < 2 + length) return;
      try {
        const packet = Packet.parse(buffered.subarray(2, 2 + length));
        if (packet.header.id !== query.header.id) throw new Error('answer for another query');
        finish(null, packet);
      } catch (error) {
        finish(new DnsLookupError('EBADRESP', name, type, `unreadable answer from ${where}: ${(error as Error).message}`));
      }
    });
    socket.on('error', (error: NodeJS.ErrnoException) =>
      finish(new DnsLookupError(error.code === 'ECONNREFUSED' ? 'ECONNREFUSED' : 'EBADRESP', name, type, `${where}: ${error.message}`)),
    );
    socket.on('end', () => finish(new DnsLookupError('EBADRESP', name, type, `${where} closed the connection without an answer`)));
  });
}

/** Short human text for a lookup error, e.g. "timed out: no answer from 127.0.0.1:53 within 2000 ms (2 tries)". */
export function describeLookupError(error: unknown): string {
  if (!(error instanceof DnsLookupError)) return `lookup failed: ${(error as Error)?.message ?? String(error)}`;
  switch (error.code) {
    case 'ENOTFOUND':
      return error.detail.startsWith('not a valid') ? error.detail : 'NXDOMAIN (no such name)';
    case 'ENODATA':
      return `no ${error.rrtype} record (NODATA)`;
    case 'ETIMEOUT':
      return `timed out: ${error.detail}`;
    default:
      return error.detail;
  }
}

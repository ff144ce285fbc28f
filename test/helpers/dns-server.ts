// A real DNS server for tests: dns2 on 127.0.0.1 at a random port (UDP and TCP on the same port),
// answering from a record list like a recursive resolver would (CNAME chains followed), with
// names that never answer, names that SERVFAIL, and a whole-server "never answer" mode.
import dns2 from 'dns2';
import type { Socket } from 'node:net';
import type { RecordModel } from '../../src/dns/records.js';
import { reverseName } from '../../src/dns/check/ip.js';

const { Packet } = dns2;
type DnsPacket = InstanceType<typeof Packet>;
/** RFC 1035 4.1.1 response codes (dns2 has them at runtime, its types do not). */
const RCODE = { NOERROR: 0, SERVFAIL: 2, NXDOMAIN: 3 } as const;

export type TestRecord =
  | { name: string; type: 'A' | 'AAAA'; address: string }
  | { name: string; type: 'TXT' | 'SPF'; strings: (string | Buffer)[] }
  | { name: string; type: 'MX'; priority: number; exchange: string }
  | { name: string; type: 'PTR' | 'CNAME'; target: string }
  | { name: string; type: 'CAA'; flags: number; tag: string; value: string };

export type RecordType = TestRecord['type'];

export interface ZoneOptions {
  records: TestRecord[];
  /**
   * Names whose queries are never answered: 'all' of them, or only the 'missing' types (the
   * types the name has no record of: the openspf suite's TIMEOUT entry).
   */
  silent?: Record<string, 'all' | 'missing'>;
  /** Names answered with SERVFAIL. */
  servfail?: string[];
  /** The whole server never answers (a dead resolver). */
  neverAnswer?: boolean;
}

export interface TestDnsServer {
  host: '127.0.0.1';
  port: number;
  /** "127.0.0.1:PORT", what --resolver takes. */
  address: string;
  /** Every question received, in order ("TXT example.com"). */
  queries: string[];
  /** Replaces what the server answers (keeps the port). */
  setZone(zone: ZoneOptions): void;
  close(): Promise<void>;
}

const key = (name: string) => name.toLowerCase().replace(/\.$/, '');

function typeName(code: number): string {
  return Object.entries(Packet.TYPE).find(([, value]) => value === code)?.[0] ?? String(code);
}

function rdata(record: TestRecord): Record<string, unknown> {
  switch (record.type) {
    case 'A':
    case 'AAAA':
      return { address: record.address };
    case 'TXT':
    case 'SPF':
      for (const s of record.strings) {
        // dns2 would silently wrap the length byte: a test must split long text itself (as DNS does).
        if (Buffer.byteLength(s) > 255) throw new Error(`test zone: TXT string over 255 bytes at ${record.name}; split it`);
      }
      return { data: record.strings };
    case 'MX':
      return { priority: record.priority, exchange: record.exchange };
    case 'PTR':
    case 'CNAME':
      return { domain: record.target };
    case 'CAA':
      return { flags: record.flags, tag: record.tag, value: record.value };
  }
}

/** What a recursive resolver would return for (name, type): answers, NXDOMAIN, SERVFAIL, or silence. */
function answer(zone: ZoneOptions, byName: Map<string, TestRecord[]>, qname: string, qtype: string): { rcode: number; answers: Record<string, unknown>[] } | 'silent' {
  const answers: Record<string, unknown>[] = [];
  let name = qname;
  const seen = new Set<string>();
  for (;;) {
    const k = key(name);
    const silent = zone.silent?.[k] ?? Object.entries(zone.silent ?? {}).find(([n]) => key(n) === k)?.[1];
    const records = byName.get(k) ?? [];
    const ofType = records.filter((r) => r.type === qtype);
    if (silent === 'all' || (silent === 'missing' && ofType.length === 0)) return 'silent';
    if ((zone.servfail ?? []).some((n) => key(n) === k)) return { rcode: RCODE.SERVFAIL, answers: [] };
    const cname = records.find((r) => r.type === 'CNAME') as Extract<TestRecord, { target: string }> | undefined;
    if (cname && qtype !== 'CNAME') {
      // A CNAME loop is what real resolvers answer with SERVFAIL.
      if (seen.has(k) || seen.size > 8) return { rcode: RCODE.SERVFAIL, answers: [] };
      seen.add(k);
      answers.push({ name, type: Packet.TYPE.CNAME, class: Packet.CLASS.IN, ttl: 300, domain: cname.target });
      name = cname.target;
      continue;
    }
    if (records.length === 0 && answers.length === 0) return { rcode: RCODE.NXDOMAIN, answers: [] };
    for (const record of ofType) answers.push({ name, type: Packet.TYPE[qtype as keyof typeof Packet.TYPE], class: Packet.CLASS.IN, ttl: 300, ...rdata(record) });
    return { rcode: RCODE.NOERROR, answers };
  }
}

export async function startDnsServer(initial: ZoneOptions): Promise<TestDnsServer> {
  let zone = initial;
  let byName = index(initial.records);
  const queries: string[] = [];

  const handle = (request: DnsPacket, send: (response: DnsPacket) => Promise<unknown> | void) => {
    const [question] = request.questions;
    if (!question) return;
    const qtype = typeName(question.type);
    queries.push(`${qtype} ${question.name}`);
    if (zone.neverAnswer) return;
    const result = answer(zone, byName, question.name, qtype);
    if (result === 'silent') return;
    const response = Packet.createResponseFromRequest(request);
    response.header.ra = 1;
    response.header.rcode = result.rcode;
    response.answers = result.answers as unknown as DnsPacket['answers'];
    void Promise.resolve(send(response)).catch(() => undefined);
  };

  for (let attempt = 0; ; attempt++) {
    const udp = dns2.createUDPServer(handle as never);
    await udp.listen(0, '127.0.0.1');
    const port = udp.address().port;
    // TCP on the same port: a truncated UDP answer (a 4096-bit DKIM key) is asked again over TCP.
    const tcp = dns2.createTCPServer(handle as never);
    const sockets = new Set<Socket>();
    tcp.on('connection', (socket: Socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    const bound = await new Promise<boolean>((resolve) => {
      tcp.once('error', () => resolve(false));
      tcp.listen(port, '127.0.0.1', () => resolve(true));
    });
    if (!bound) {
      udp.close();
      if (attempt >= 10) throw new Error('could not bind UDP and TCP on one port');
      continue;
    }
    return {
      host: '127.0.0.1',
      port,
      address: `127.0.0.1:${port}`,
      queries,
      setZone(next) {
        zone = next;
        byName = index(next.records);
      },
      async close() {
        for (const socket of sockets) socket.destroy();
        await Promise.all([new Promise<void>((resolve) => udp.close(() => resolve())), new Promise<void>((resolve) => tcp.close(() => resolve()))]);
      },
    };
  }
}

function index(records: TestRecord[]): Map<string, TestRecord[]> {
  const map = new Map<string, TestRecord[]>();
  for (const record of records) {
    const k = key(record.name);
    map.set(k, [...(map.get(k) ?? []), record]);
  }
  return map;
}

/**
 * The zone a build publishes, as served records: every record of the record model (TXT as its
 * 255-byte strings), plus the PTR answers the provider's panel would give for each expectation.
 */
export function recordsFromModel(model: RecordModel): TestRecord[] {
  const out: TestRecord[] = [];
  for (const r of model.records) {
    if (r.type === 'A' || r.type === 'AAAA') out.push({ name: r.name, type: r.type, address: r.value });
    else if (r.type === 'TXT') out.push({ name: r.name, type: 'TXT', strings: r.strings ?? [r.value] });
    else if (r.type === 'MX') out.push({ name: r.name, type: 'MX', priority: r.priority ?? 10, exchange: r.value });
    else if (r.type === 'CNAME') out.push({ name: r.name, type: 'CNAME', target: r.value });
    else if (r.type === 'CAA') {
      const [flags, tag, ...rest] = r.value.trim().split(/\s+/);
      out.push({ name: r.name, type: 'CAA', flags: Number(flags), tag, value: rest.join(' ').replace(/^"|"$/g, '') });
    }
  }
  for (const p of model.ptr) out.push({ name: reverseName(p.ip), type: 'PTR', target: p.name });
  return out;
}

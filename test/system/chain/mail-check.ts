// Reads what the sink captured the way a receiving MX would judge it: header fields (unfolded), the parts of
// a multipart body, and mailauth's verdicts (DKIM alone, and SPF + DKIM + DMARC together) against a dns2
// server on 127.0.0.1 serving the build's own dns/records.json: names outside it are NXDOMAIN, so no
// lookup ever leaves the machine.
import { readFileSync } from 'node:fs';
import { authenticate } from 'mailauth';
import { dkimVerify } from 'mailauth/lib/dkim/verify.js';
import type { RecordModel } from '../../../src/dns/records.js';
import { createResolver } from '../../../src/dns/resolver.js';
import { mailauthResolver } from '../../../src/dns/spf-eval.js';
import { recordsFromModel, startDnsServer, type TestDnsServer } from '../../helpers/dns-server.js';

export interface HeaderField {
  name: string;
  value: string;
}

/** The header section split into fields, continuation lines unfolded (RFC 5322 2.2.3), in order. */
export function headerFields(raw: string): HeaderField[] {
  const end = raw.search(/\r?\n\r?\n/);
  const head = end < 0 ? raw : raw.slice(0, end);
  const fields: HeaderField[] = [];
  for (const line of head.split(/\r?\n/)) {
    if (/^[ \t]/.test(line) && fields.length > 0) {
      fields[fields.length - 1].value += line;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) throw new Error(`not a header field: ${JSON.stringify(line)}`);
    fields.push({ name: line.slice(0, colon), value: line.slice(colon + 1).trim() });
  }
  return fields;
}

/** Every value of header NAME (case-insensitive), unfolded. */
export function headerValues(raw: string, name: string): string[] {
  return headerFields(raw)
    .filter((f) => f.name.toLowerCase() === name.toLowerCase())
    .map((f) => f.value.replace(/\r?\n/g, ''));
}

export interface MimePart {
  contentType: string;
  body: string;
}

/**
 * The parts of a multipart body: the boundary from Content-Type, then each part's own Content-Type and body.
 * Enough for the 7bit parts nodemailer writes for ASCII text; anything else is a test failure, not parsed.
 */
export function multipartParts(raw: string): { type: string; parts: MimePart[] } {
  const contentType = headerValues(raw, 'Content-Type')[0] ?? '';
  const type = contentType.split(';')[0].trim().toLowerCase();
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  if (!boundary) return { type, parts: [] };
  const body = raw.slice(raw.search(/\r?\n\r?\n/)).replace(/^\r?\n\r?\n/, '');
  const chunks = body.split(`--${boundary}`);
  // chunks[0] is the preamble, the last one starts with "--" (the close delimiter).
  const parts = chunks.slice(1, -1).map((chunk) => {
    const text = chunk.replace(/^\r?\n/, '');
    const split = text.search(/\r?\n\r?\n/);
    const partHead = text.slice(0, split);
    return {
      contentType: headerValues(`${partHead}\r\n\r\n`, 'Content-Type')[0]?.split(';')[0].trim().toLowerCase() ?? 'text/plain',
      body: text.slice(split).replace(/^\r?\n\r?\n/, '').replace(/\r?\n$/, ''),
    };
  });
  return { type, parts };
}

export interface ZoneDns {
  server: TestDnsServer;
  /** mailauth's resolver signature, answering from the zone server only. */
  resolver: (name: string, type: string) => Promise<unknown>;
  close(): Promise<void>;
}

/** A dns2 server serving a build's dns/records.json (its records plus the PTR the rDNS panel would give). */
export async function serveZone(recordsJson: string): Promise<ZoneDns> {
  const model = JSON.parse(readFileSync(recordsJson, 'utf8')) as RecordModel;
  const server = await startDnsServer({ records: recordsFromModel(model) });
  const resolver = mailauthResolver(createResolver({ server: { host: server.host, port: server.port }, timeoutMs: 2000, tries: 2 }));
  return { server, resolver, close: () => server.close() };
}

export interface DkimVerdict {
  result: string;
  domain?: string;
  selector?: string;
}

/** mailauth's dkimVerify: one verdict per DKIM-Signature (or one "none" for an unsigned message). */
export async function verifyDkim(raw: string, zone: ZoneDns): Promise<DkimVerdict[]> {
  const verdict = await dkimVerify(Buffer.from(raw), { resolver: zone.resolver as never });
  return verdict.results.map((r: { status: { result: string }; signingDomain?: string; selector?: string }) => ({
    result: r.status.result,
    domain: r.signingDomain,
    selector: r.selector,
  }));
}

/**
 * What the receiving MX would conclude if the message came from the relay's public IP with its HELO name
 * (the sink sees 127.0.0.1; on the server the recipient sees mta.ipv4): SPF, DKIM and DMARC results.
 */
export async function authenticateAsReceiver(raw: string, zone: ZoneDns, client: { ip: string; helo: string; sender: string }) {
  const result = await authenticate(Buffer.from(raw), {
    ip: client.ip,
    helo: client.helo,
    sender: client.sender,
    mta: 'mx.recipient.test',
    resolver: zone.resolver as never,
    disableArc: true,
    disableBimi: true,
  });
  return {
    spf: result.spf ? (result.spf as { status: { result: string } }).status.result : null,
    dkim: result.dkim.results.map((r: { status: { result: string } }) => r.status.result),
    dmarc: result.dmarc ? (result.dmarc as { status: { result: string } }).status.result : null,
    headers: result.headers,
  };
}

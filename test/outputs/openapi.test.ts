// Tests opt/<name>/openapi.json (src/outputs/openapi.ts): a real OpenAPI validator (swagger-parser) accepts
// it; it carries this config's senders as an enum and its limits as maxima; and the built server.js
// answers every status it documents for POST /send with a body the document's schema accepts (ajv,
// JSON Schema 2020-12 as OpenAPI 3.1 uses), while the examples the README shows are valid requests.
import SwaggerParser from '@apidevtools/swagger-parser';
import Ajv2020 from 'ajv/dist/2020.js';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openApiDocument, openApiFile } from '../../src/outputs/openapi.js';
import { RELAY_ROUTES } from '../../src/relay/routes.js';
import { assessHealth, HEALTH_DEFAULTS } from '../../src/relay/health.js';
import { buildRelay, FakeSendmail, loadModel, newQueueRoot, reap, removeDir, request, send, startRelay, validMail, type BuiltRelay, type RelayProcess } from '../relay/helpers/relay-process.js';

const CLIENTS = `  clients:
    - name: billing
      senders: [support@example.com]
      limits: { requestsPerMinute: 100, messagesPerHour: 2 }
    - name: alerts
      senders: [hello@other.example]
`;
const model = loadModel((text) => text.replace('  token:\n', `${CLIENTS}  token:\n`));
const document = openApiDocument(model) as any;
const BILLING = `billing-${'b'.repeat(40)}`;
const ALERTS = `alerts-${'a'.repeat(40)}`;

const ajv = new (Ajv2020 as unknown as typeof Ajv2020.default)({ strict: false, validateFormats: false, allErrors: true });
ajv.addSchema(document, 'openapi.json');
const validator = (pointer: string) => ajv.getSchema(`openapi.json#${pointer}`)!;

test('swagger-parser validates the document as OpenAPI 3.1', async () => {
  const api = (await SwaggerParser.validate(structuredClone(document))) as any;
  expect(api.openapi).toBe('3.1.0');
  expect(Object.keys(api.paths)).toEqual(['/health', '/send', '/messages/{id}', '/suppressions', '/suppressions/{address}']);
  // The document's paths are the routes the relay serves and the gateways pass (src/relay/routes.ts).
  expect(Object.keys(api.paths)).toEqual(RELAY_ROUTES.map((r) => r.path));
  // The validator does bite: a response that is not a Response Object is refused.
  const broken = structuredClone(document);
  broken.paths['/send'].post.responses['202'] = 'queued';
  await expect(SwaggerParser.validate(broken)).rejects.toThrow();
});

test("the config's senders are the From enum, its limits the maxima, its clients listed without tokens", () => {
  const request = document.components.schemas.SendRequest.properties;
  expect(request.from.properties.email.enum).toEqual(['hello@other.example', 'noreply@example.com', 'plain@example.com', 'support@example.com']);
  expect(request.subject.maxLength).toBe(40);
  expect(request.to.oneOf[1].maxItems).toBe(3);
  expect(document.paths['/send'].post.responses['413'].description).toBe('The body is larger than 4096 bytes.');
  expect(document['x-relay-clients']).toEqual([
    { name: 'billing', senders: ['support@example.com'], requestsPerMinute: 100, messagesPerHour: 2, messagesPerDay: 0 },
    { name: 'alerts', senders: ['hello@other.example'], requestsPerMinute: 0, messagesPerHour: 0, messagesPerDay: 0 },
  ]);
  expect(Object.keys(document.components.schemas.Headers.properties)).toEqual(['List-Unsubscribe', 'List-Unsubscribe-Post', 'List-Id', 'In-Reply-To', 'References', 'X-Entity-Ref-ID', 'Auto-Submitted', 'Feedback-ID']);
  const file = openApiFile(model);
  expect([file.path, file.mode, JSON.parse(file.content).openapi]).toEqual(['opt/test-mail-relay/openapi.json', 0o644, '3.1.0']);
});

test('requests: the documented shapes validate, and what the relay refuses the schema refuses too', () => {
  const check = validator('/components/schemas/SendRequest');
  const full = {
    ...validMail(),
    cc: ['carol@example.org'],
    bcc: 'audit@example.org',
    attachments: [{ filename: 'invoice.pdf', contentType: 'application/pdf', content: Buffer.from('%PDF').toString('base64') }],
    headers: { 'List-Unsubscribe': '<https://example.com/u/1>', 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click', 'X-Entity-Ref-ID': 'inv-1' },
  };
  expect(check(full), JSON.stringify(check.errors)).toBe(true);
  for (const bad of [
    { ...full, from: { email: 'ceo@example.com' } },
    { ...full, subject: 'x'.repeat(41) },
    { ...full, headers: { Bcc: 'x@example.org' } },
    { ...full, attachments: [{ ...full.attachments[0], content: 'not base64!' }] },
    { ...full, to: ['a@example.org', 'b@example.org', 'c@example.org', 'd@example.org'] },
    { ...full, extra: 1 },
  ]) {
    expect(check(bad)).toBe(false);
  }
});

describe('the built server answers as documented', () => {
  let built: BuiltRelay;
  let relay: RelayProcess;
  beforeAll(async () => {
    built = buildRelay(model);
    const credentials = path.join(built.dir, 'credentials');
    mkdirSync(credentials, { mode: 0o700 });
    writeFileSync(path.join(credentials, 'test-mail-relay-token-billing'), BILLING);
    writeFileSync(path.join(credentials, 'test-mail-relay-token-alerts'), ALERTS);
    relay = await startRelay({ built, queueRoot: newQueueRoot(built.dir), sendmail: new FakeSendmail(built.dir), token: null, env: { CREDENTIALS_DIRECTORY: credentials } });
  });
  afterAll(async () => {
    await reap(relay);
    removeDir(built.dir);
  });

  test('202, 400, 401, 403, 409, 413, 415 and 429 bodies match the response schema of their status', async () => {
    const billing = { authorization: `Bearer ${BILLING}` };
    const answers = [
      await send(relay.port, validMail(), { headers: { ...billing, 'idempotency-key': 'k1' } }),
      await send(relay.port, validMail({ attachments: [{ filename: 'a.exe', contentType: 'application/pdf', content: '' }] }), { headers: billing }),
      await send(relay.port, validMail(), { headers: { authorization: 'Bearer wrong' } }),
      await send(relay.port, validMail(), { headers: { authorization: `Bearer ${ALERTS}` } }),
      await send(relay.port, validMail({ subject: 'other' }), { headers: { ...billing, 'idempotency-key': 'k1' } }),
      await send(relay.port, validMail({ text: 'x'.repeat(5000) }), { headers: billing }),
      await request(relay.port, { headers: { ...billing, 'content-type': 'text/plain' }, body: 'hi' }),
      await send(relay.port, validMail(), { headers: billing }),
      await send(relay.port, validMail(), { headers: billing }),
    ];
    expect(answers.map((a) => a.status)).toEqual([202, 400, 401, 403, 409, 413, 415, 202, 429]);
    const responses = document.paths['/send'].post.responses;
    for (const answer of answers) {
      const documented = responses[String(answer.status)];
      expect(documented, `status ${answer.status} is documented`).toBeDefined();
      const pointer = documented.content['application/json'].schema.$ref.slice(1);
      const check = validator(pointer);
      expect(check(answer.json), `${answer.status}: ${JSON.stringify(check.errors)}`).toBe(true);
      for (const header of Object.keys(documented.headers ?? {})) {
        if (header === 'Idempotent-Replayed') continue;
        expect(answer.headers[header.toLowerCase()], `${answer.status} carries ${header}`).toBeDefined();
      }
    }
    const health = await request(relay.port, { method: 'GET', path: '/health' });
    expect(health.status).toBe(200);
    const healthSchema = validator(document.paths['/health'].get.responses['200'].content['application/json'].schema.$ref.slice(1));
    expect(healthSchema(health.json), JSON.stringify(healthSchema.errors)).toBe(true);
  });

  test('the outcome routes: 200, 400, 401, 404 and 405 bodies match their documented schema', async () => {
    const billing = { authorization: `Bearer ${BILLING}` };
    const unknown = '0m3k5x2a1-0123456789abcdef0123';
    const answers: [string, string, Awaited<ReturnType<typeof request>>][] = [
      ['/messages/{id}', 'get', await request(relay.port, { method: 'GET', path: `/messages/${unknown}`, headers: billing })],
      ['/messages/{id}', 'get', await request(relay.port, { method: 'GET', path: '/messages/nope', headers: billing })],
      ['/messages/{id}', 'get', await request(relay.port, { method: 'GET', path: `/messages/${unknown}` })],
      ['/suppressions', 'get', await request(relay.port, { method: 'GET', path: '/suppressions', headers: billing })],
      ['/suppressions/{address}', 'delete', await request(relay.port, { method: 'DELETE', path: '/suppressions/a%40example.org', headers: billing })],
      ['/suppressions/{address}', 'delete', await request(relay.port, { method: 'DELETE', path: '/suppressions/not-an-address', headers: billing })],
    ];
    expect(answers.map(([, , a]) => a.status)).toEqual([404, 400, 401, 200, 404, 400]);
    for (const [route, method, answer] of answers) {
      const documented = document.paths[route][method].responses[String(answer.status)];
      expect(documented, `${route} ${answer.status} is documented`).toBeDefined();
      const schema = documented.content['application/json'].schema;
      const check = schema.$ref ? validator(schema.$ref.slice(1)) : ajv.compile(schema);
      expect(check(answer.json), `${route} ${answer.status}: ${JSON.stringify(check.errors)}`).toBe(true);
    }
    // A message body as the relay answers it (a job still queued) fits the Message schema.
    const check = validator('/components/schemas/Message');
    expect(check({ id: unknown, state: 'accepted', queueId: null, recipients: [], events: [{ time: new Date().toISOString(), state: 'accepted', detail: 'queued by the relay' }] })).toBe(true);
    expect(check({ id: unknown, state: 'queued', queueId: null, recipients: [], events: [] })).toBe(false);
  });
});

test("the Health schema accepts what GET /health answers, healthy and with every reason, and nothing else", () => {
  const check = validator('/components/schemas/Health');
  const snapshot = { pending: 20_000, processing: 3, failed: 1, oldestAgeSeconds: 7200, disk: { freeBytes: 2 ** 20, totalBytes: 2 ** 40 } };
  const degraded = assessHealth(snapshot, 9, HEALTH_DEFAULTS);
  expect(degraded.reasons!.map((r) => r.code)).toEqual(['backlog', 'oldest_job', 'handoff_failing', 'disk_low']);
  expect(check(degraded), JSON.stringify(check.errors)).toBe(true);
  const healthy = assessHealth({ ...snapshot, pending: 0, oldestAgeSeconds: 0, disk: null }, 0, HEALTH_DEFAULTS);
  expect(check(healthy), JSON.stringify(check.errors)).toBe(true);
  expect(check({ ...healthy, status: 'fine' })).toBe(false);
  expect(check({ ...degraded, reasons: [{ code: 'secret', message: 'x' }] })).toBe(false);
  expect(Object.keys(document.paths['/health'].get.responses)).toEqual(['200', '503']);
});

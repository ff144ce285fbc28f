// The delivery-outcome part of opt/<name>/openapi.json: GET /messages/{id}, GET /suppressions and
// DELETE /suppressions/{address} (src/relay/outcome-api.ts) with their response schemas.
import { errorResponse, ref, retryAfter } from './openapi.js';

type Schema = Record<string, unknown>;

const JOB_ID_PATTERN = '^[0-9a-z]{9}-[0-9a-f]{20}$';
const STATES = ['accepted', 'failed', 'handed_off', 'sent', 'deferred', 'bounced', 'expired'];
const json = (description: string, schema: Schema): Schema => ({ description, content: { 'application/json': { schema } } });

export function outcomePaths(): Schema {
  const unauthorized = errorResponse('Missing or wrong bearer token.', { 'WWW-Authenticate': { description: 'Bearer', schema: { type: 'string' } } });
  const rateLimited = errorResponse("Over the client's requests per minute, or too many failed authentications.", retryAfter);
  return {
    '/messages/{id}': {
      get: {
        operationId: 'message',
        summary: "A message's delivery state and history",
        description:
          "accepted: in the relay's queue; failed: the relay gave up handing it to Postfix; handed_off: Postfix took it (queueId) and has logged no outcome yet; " +
          'deferred: a recipient was deferred (a 4xx reply, or no connection) and Postfix retries on its own schedule, which its log does not announce per message, ' +
          'so the event time is when the deferral was logged; sent, bounced (a 5xx reply or a permanent error) and expired (the queue lifetime ran out) are final. ' +
          'With several recipients: deferred while any is, then expired or bounced when any was, else sent. Records are kept 7 days after acceptance.',
        parameters: [{ name: 'id', in: 'path', required: true, description: 'The id POST /send answered.', schema: { type: 'string', pattern: JOB_ID_PATTERN } }],
        responses: {
          '200': json('The state and its events, oldest first.', ref('Message')),
          '400': errorResponse('Not a message id.'),
          '401': unauthorized,
          '404': errorResponse('No such message (or older than the retention).'),
          '429': rateLimited,
        },
      },
    },
    '/suppressions': {
      get: {
        operationId: 'suppressions',
        summary: 'The suppression list',
        description:
          'Recipients their server refused for good (a 5xx reply to RCPT TO, or a bad-address DSN 5.1.x, RFC 3463). ' +
          'POST /send naming one is 422 recipient_suppressed. Addresses compare without regard to case; a deferral never suppresses.',
        responses: { '200': json('Every entry, oldest first.', ref('Suppressions')), '401': unauthorized, '429': rateLimited },
      },
    },
    '/suppressions/{address}': {
      delete: {
        operationId: 'unsuppress',
        summary: 'Remove an address from the suppression list',
        parameters: [{ name: 'address', in: 'path', required: true, description: 'The address, percent-encoded.', schema: { type: 'string', maxLength: 320 } }],
        responses: {
          '200': json('Removed.', { type: 'object', additionalProperties: false, required: ['ok', 'removed'], properties: { ok: { const: true }, removed: { type: 'string' } } }),
          '400': errorResponse('Not an address.'),
          '401': unauthorized,
          '404': errorResponse('The address is not on the list.'),
          '429': rateLimited,
        },
      },
    },
  };
}

export function outcomeSchemas(): Record<string, Schema> {
  const event = {
    type: 'object',
    additionalProperties: false,
    required: ['time', 'state', 'detail'],
    properties: {
      time: { type: 'string', format: 'date-time' },
      state: { enum: STATES },
      recipient: { type: 'string' },
      detail: { type: 'string', description: "The remote server's reply (sent, deferred, bounced) or Postfix's reason." },
      relay: { type: 'string', description: 'The host that answered, as Postfix logs it: name[address]:port.' },
      dsn: { type: 'string', description: 'Enhanced status code (RFC 3463).' },
    },
  };
  return {
    Message: {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'state', 'queueId', 'recipients', 'events'],
      properties: {
        id: { type: 'string', pattern: JOB_ID_PATTERN },
        state: { enum: STATES },
        queueId: { type: ['string', 'null'], description: "Postfix's queue id from its 250 reply to DATA: what to look for in Postfix's log." },
        recipients: {
          type: 'array',
          items: { type: 'object', additionalProperties: false, required: ['address', 'state'], properties: { address: { type: 'string' }, state: { enum: STATES } } },
        },
        events: { type: 'array', items: event },
      },
    },
    Suppressions: {
      type: 'object',
      additionalProperties: false,
      required: ['count', 'suppressions'],
      properties: {
        count: { type: 'integer', minimum: 0 },
        suppressions: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['address', 'since', 'reason', 'id'],
            properties: { address: { type: 'string' }, since: { type: 'string', format: 'date-time' }, reason: { type: 'string' }, id: { type: 'string', pattern: JOB_ID_PATTERN } },
          },
        },
      },
    },
  };
}

// The authenticated read side of delivery outcomes: GET /messages/{id} (a job's state and history) and
// the suppression list, GET /suppressions and DELETE /suppressions/{address}. Answers are plain values
// (status and JSON body) so the HTTP front only routes and authenticates.
import path from 'node:path';
import { apiError, type ApiError } from './errors.js';
import type { QueueFs } from './fsops.js';
import { JOB_ID } from './job.js';
import { jobState, recipientStates, type OutcomeStore } from './outcomes.js';
import type { SuppressionList } from './suppressions.js';

export type ApiAnswer = { status: number; body: unknown } | { error: ApiError };

export interface OutcomeApiOptions {
  outcomes: OutcomeStore;
  suppressions: SuppressionList;
  fs: QueueFs;
  queueRoot: string;
}

/** Whether `path` is one of this module's routes (any method: a wrong one gets its 405 here). */
export function isOutcomeRoute(urlPath: string): boolean {
  return urlPath.startsWith('/messages/') || urlPath === '/suppressions' || urlPath.startsWith('/suppressions/');
}

const LONGEST_ADDRESS = 320;

const methodNotAllowed = (allow: string, use: string): ApiAnswer => {
  const error = apiError(405, 'method_not_allowed', `use ${use}`);
  error.headers = { Allow: allow };
  return { error };
};

/** Acceptance time of a job, from its id (base36 milliseconds). */
const acceptedAt = (id: string) => new Date(parseInt(id.slice(0, 9), 36)).toISOString();

export function outcomeApi(options: OutcomeApiOptions) {
  async function inQueue(id: string): Promise<'accepted' | 'failed' | null> {
    const file = `${id}.json`;
    if (await options.fs.exists(path.join(options.queueRoot, 'failed', file))) return 'failed';
    for (const dir of ['pending', 'processing']) if (await options.fs.exists(path.join(options.queueRoot, dir, file))) return 'accepted';
    return null;
  }

  async function message(id: string): Promise<ApiAnswer> {
    if (!JOB_ID.test(id)) return { error: apiError(400, 'invalid_id', 'a message id looks like the id POST /send answered (9 base36 characters, a dash, 20 hex digits)', 'id') };
    const accepted = { time: acceptedAt(id), state: 'accepted', detail: 'queued by the relay' };
    const record = await options.outcomes.read(id).catch(() => null);
    if (record && record.queueId !== '') {
      const states = recipientStates(record);
      return {
        status: 200,
        body: {
          id,
          state: jobState(record),
          queueId: record.queueId,
          recipients: record.recipients.map((address) => ({ address, state: states.get(address.toLowerCase()) ?? 'handed_off' })),
          // seq numbers the webhook ids; the API shows the events as documented (openapi-outcomes.ts).
          events: [accepted, ...record.events.map(({ seq: _seq, ...event }) => event)],
        },
      };
    }
    const queued = await inQueue(id);
    if (queued === null) return { error: apiError(404, 'message_not_found', 'no message with this id (unknown, or accepted more than 7 days ago)', 'id') };
    const events = queued === 'failed' ? [accepted, { time: accepted.time, state: 'failed', detail: 'the relay gave up handing it to Postfix; see its failed event in the relay log' }] : [accepted];
    return { status: 200, body: { id, state: queued, queueId: null, recipients: [], events } };
  }

  return async function answer(method: string, urlPath: string): Promise<ApiAnswer> {
    if (urlPath.startsWith('/messages/')) {
      if (method !== 'GET' && method !== 'HEAD') return methodNotAllowed('GET, HEAD', 'GET /messages/{id}');
      return message(urlPath.slice('/messages/'.length));
    }
    if (urlPath === '/suppressions') {
      if (method !== 'GET' && method !== 'HEAD') return methodNotAllowed('GET, HEAD', 'GET /suppressions');
      const entries = options.suppressions.list().map(({ address, since, reason, id }) => ({ address, since, reason, id }));
      return { status: 200, body: { count: entries.length, suppressions: entries } };
    }
    if (method !== 'DELETE') return methodNotAllowed('DELETE', 'DELETE /suppressions/{address}');
    let address: string;
    try {
      address = decodeURIComponent(urlPath.slice('/suppressions/'.length));
    } catch {
      address = '';
    }
    if (address.length === 0 || address.length > LONGEST_ADDRESS || !address.includes('@') || /[\s\x00-\x1f\x7f/]/.test(address)) {
      return { error: apiError(400, 'invalid_address', 'the path names one e-mail address (percent-encoded)', 'address') };
    }
    if (!(await options.suppressions.remove(address))) return { error: apiError(404, 'not_suppressed', 'this address is not on the suppression list', 'address') };
    return { status: 200, body: { ok: true, removed: address.toLowerCase() } };
  };
}

export type OutcomeApi = ReturnType<typeof outcomeApi>;

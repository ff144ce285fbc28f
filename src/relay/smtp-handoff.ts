// Hands jobs to Postfix's smtpd on loopback over a small pool of persistent SMTP connections (nodemailer's
// SMTP pool: PIPELINING for MAIL/RCPT, one message per connection at a time, RSET between messages,
// reconnect after an error). Postfix has the message, signed through smtpd_milters, once it answers 250
// to the end of DATA (RFC 5321 section 4.1.1.4); that reply names its queue id ("250 2.0.0 Ok: queued as
// 4Xyz", smtpd(8)), which the worker logs with the job. Any other outcome leaves the job in the queue:
// a 4xx reply, a timeout or a dropped connection is retried, a 5xx reply is final. A refused RCPT TO
// ends the transaction before DATA (all or nothing per job, see ALL_RECIPIENTS_OR_NONE), and timeoutMs
// bounds the whole hand-off as well as each silence.
// Sessions are renewed every SESSION_MAX_AGE_MS: smtpd connects to its milters once per session, so with
// milter_default_action = accept a session opened while OpenDKIM was down would send unsigned mail for
// as long as it lived; renewed sessions sign again within that bound once OpenDKIM is back.
import { Readable } from 'node:stream';
import SMTPConnection from 'nodemailer/lib/smtp-connection/index.js';
import SMTPPool from 'nodemailer/lib/smtp-pool/index.js';
import { envelopeRecipients, type Job } from './job.js';
import type { HandoffResult } from './sendmail.js';

/** Longest a pooled SMTP session is used for new messages (ms). */
export const SESSION_MAX_AGE_MS = 30_000;
/** An old pool is closed this long after it stopped getting messages: every message given to it has a connection by then. */
const RETIRE_AFTER_MS = 1_000;

export interface SmtpHandoffOptions {
  host: string;
  port: number;
  /** Connections kept open at most: the worker keeps as many jobs in hand. */
  connections: number;
  /** Longest silence from Postfix (connect, greeting, any reply) before the attempt is abandoned. */
  timeoutMs: number;
  /** EHLO name: the relay talks to its own host. */
  heloName?: string;
  /** Session renewal (default SESSION_MAX_AGE_MS). */
  sessionMaxAgeMs?: number;
  now?: () => number;
}

export interface SmtpEnvelope {
  /** MAIL FROM: the return path. */
  from: string;
  /** RCPT TO, one per address. */
  to: string[];
}

/**
 * The SMTP envelope of a job: MAIL FROM its return path, RCPT TO each recipient the request named (what
 * `sendmail -t` reads from the headers in the sendmail hand-off).
 */
export function smtpEnvelope(job: Job): SmtpEnvelope {
  // To, Cc and Bcc: Bcc exists only here, never in the message (mime.ts).
  return { from: job.returnPath, to: envelopeRecipients(job) };
}

/** Postfix's queue id from its 250 reply to DATA (long or short ids: letters and digits), else null. */
export function queueIdOf(reply: string): string | null {
  return /\bqueued as ([0-9A-Za-z]+)\b/.exec(reply)?.[1] ?? null;
}

const LONGEST_REPLY = 200;

/** An SMTP reply as a log field: one line, printable ASCII, bounded. */
export function replyText(reply: unknown): string {
  const text = typeof reply === 'string' ? reply : '';
  return text.replace(/[^\x20-\x7e]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, LONGEST_REPLY);
}

interface PoolError extends Error {
  code?: string;
  responseCode?: number;
  response?: string;
}

interface PoolInfo {
  response?: string;
  rejected?: string[];
  rejectedErrors?: PoolError[];
}

/** A reply with its addresses reduced to their domains: recipient addresses stay out of the journal (job.ts). */
export function redactAddresses(text: string): string {
  return text.replace(/[^\s<>"']+@([^\s<>"']+)/g, '*@$1');
}

// All or nothing per job. nodemailer sends DATA as soon as one RCPT TO was accepted and reports the
// others in rejectedErrors, too late: Postfix already has the message for part of the envelope, and a
// recipient deferred with 4xx would be lost once the job is deleted. Re-queuing the job for just the
// deferred recipients would need a second envelope on the job file; refusing DATA keeps the job one unit:
// with the option below, any refused RCPT TO ends the transaction before DATA (the error nodemailer
// already raises when every recipient is refused; the pool then drops that connection), and
// classifySmtpError retries the whole job if any refusal was temporary, fails it if all were permanent.
// nodemailer has no such option, so its RCPT reply handler is wrapped, only for connections opened with
// ALL_RECIPIENTS_OR_NONE (this file's pools).
const ALL_RECIPIENTS_OR_NONE = 'relayconfAllRecipientsOrNone';
interface RcptState {
  options: Record<string, unknown>;
  _recipientQueue: string[];
  _envelope: { rcptQueue: string[]; rejected: string[]; rejectedErrors: PoolError[] };
  _formatError(message: string, type: string, response: string, command: string): PoolError & { rejected?: string[]; rejectedErrors?: PoolError[]; recipient?: string };
}
const rcptProto = SMTPConnection.prototype as unknown as { _actionRCPT: (this: RcptState, str: string, callback: (error: PoolError) => void) => void };
const actionRCPT = rcptProto._actionRCPT;
if (typeof actionRCPT !== 'function') throw new Error('nodemailer SMTPConnection has no _actionRCPT: check the all-or-nothing RCPT wrapper');
rcptProto._actionRCPT = function (this: RcptState, str: string, callback: (error: PoolError) => void): void {
  const last = this._envelope.rcptQueue.length === 0 && this._recipientQueue.length === 1;
  const refused = Number(String(str).charAt(0)) !== 2;
  if (this.options[ALL_RECIPIENTS_OR_NONE] !== true || !last || (!refused && this._envelope.rejected.length === 0)) {
    actionRCPT.call(this, str, callback);
    return;
  }
  // The last RCPT reply, and at least one recipient refused: record it like nodemailer, then stop before DATA.
  const recipient = this._recipientQueue.shift() ?? '';
  if (refused) {
    const err = this._formatError('Recipient command failed', 'EENVELOPE', str, 'RCPT TO');
    err.recipient = recipient;
    this._envelope.rejected.push(recipient);
    this._envelope.rejectedErrors.push(err);
  }
  const err = this._formatError("Can't send mail - recipients were refused", 'EENVELOPE', str, 'RCPT TO');
  err.rejected = this._envelope.rejected;
  err.rejectedErrors = this._envelope.rejectedErrors;
  callback(err);
};

/** The outcome when RCPT TO refused recipients: any 4xx retries the whole job, all 5xx fail it with every reply. */
function classifyRefusals(refusals: PoolError[]): HandoffResult {
  const codes = refusals.map((e) => (typeof e.responseCode === 'number' ? e.responseCode : 0));
  const replies = refusals.map((e) => redactAddresses(replyText(e.response) || replyText(e.message))).join('; ');
  const temporary = codes.find((code) => !(code >= 500 && code < 600));
  const count = `${refusals.length} recipient${refusals.length === 1 ? '' : 's'}`;
  if (temporary === undefined) {
    return { ok: false, permanent: true, replyCode: codes[0]!, reason: `Postfix refused ${count}, nothing sent: ${replies}` };
  }
  const result: HandoffResult = { ok: false, reason: `Postfix refused ${count} (some temporarily), nothing sent: ${replies}` };
  if (temporary > 0) result.replyCode = temporary;
  return result;
}

/** What an error from the pool means for the job: a 5xx reply is final, anything else is worth a retry. */
export function classifySmtpError(error: PoolError): HandoffResult {
  const refusals = (error as { rejectedErrors?: unknown }).rejectedErrors;
  if (Array.isArray(refusals) && refusals.length > 0) return classifyRefusals(refusals as PoolError[]);
  const code = typeof error.responseCode === 'number' ? error.responseCode : undefined;
  const said = replyText(error.response) || replyText(error.message);
  if (code !== undefined && code >= 500 && code < 600) {
    return { ok: false, permanent: true, replyCode: code, reason: `Postfix refused the message: ${said}` };
  }
  if (code !== undefined) return { ok: false, replyCode: code, reason: `Postfix deferred the message: ${said}` };
  return { ok: false, reason: `SMTP hand-off failed (${error.code ?? 'error'}): ${said}` };
}

interface PoolInternals {
  _queue?: { mail: unknown }[];
  _connections?: { queueEntry?: { mail: unknown } | false; connection?: { _socket?: { destroy(): void }; _onError?(e: Error, type: string, data: unknown, command: string): void } }[];
}

/**
 * Takes a message back from the pool after its deadline: out of the pool's queue if it is still waiting, else
 * its connection fails now (the pool drops the entry without requeueing it) and its socket is destroyed.
 */
function abandon(pool: SMTPPool, mail: unknown): void {
  const internals = pool as unknown as PoolInternals;
  const waiting = internals._queue?.findIndex((entry) => entry.mail === mail) ?? -1;
  if (waiting >= 0) internals._queue!.splice(waiting, 1);
  for (const resource of internals._connections ?? []) {
    if (!resource.queueEntry || resource.queueEntry.mail !== mail) continue;
    const connection = resource.connection;
    connection?._onError?.(new Error('hand-off deadline'), 'ETIMEDOUT', false, 'CONN');
    connection?._socket?.destroy();
  }
}

export class SmtpHandoff {
  private pool: SMTPPool;
  private poolBorn: number;
  private readonly retiring = new Map<NodeJS.Timeout, SMTPPool>();
  private readonly now: () => number;

  constructor(private readonly options: SmtpHandoffOptions) {
    this.now = options.now ?? Date.now;
    this.pool = this.newPool();
    this.poolBorn = this.now();
  }

  private newPool(): SMTPPool {
    const options = this.options;
    // maxRequeues is a pool option @types/nodemailer does not list; ALL_RECIPIENTS_OR_NONE is this file's.
    const poolOptions: SMTPPool.Options & { maxRequeues: number; [ALL_RECIPIENTS_OR_NONE]: boolean } = {
      pool: true,
      host: options.host,
      port: options.port,
      // Loopback to the same host: STARTTLS would protect nothing (the generated main.cf offers none there).
      secure: false,
      ignoreTLS: true,
      name: options.heloName ?? 'localhost',
      maxConnections: options.connections,
      // Keep connections for good; Postfix closes idle ones itself (smtpd_timeout) and the pool reconnects.
      maxMessages: Infinity,
      // A connection Postfix closed cleanly just as it was picked gets the message once more on a fresh
      // one; a drop with an error (mid-DATA included) fails the attempt and the worker retries the job.
      maxRequeues: 1,
      connectionTimeout: options.timeoutMs,
      greetingTimeout: options.timeoutMs,
      socketTimeout: options.timeoutMs,
      logger: false,
      debug: false,
      [ALL_RECIPIENTS_OR_NONE]: true,
    };
    return new SMTPPool(poolOptions);
  }

  /** The pool for the next message: a fresh one (fresh smtpd sessions) once the current one is too old. */
  private current(): SMTPPool {
    if (this.now() - this.poolBorn >= (this.options.sessionMaxAgeMs ?? SESSION_MAX_AGE_MS)) {
      const old = this.pool;
      // Closing waits for messages on their way; closed at once, a message still queued inside it would fail.
      const timer = setTimeout(() => {
        this.retiring.delete(timer);
        old.close();
      }, RETIRE_AFTER_MS);
      this.retiring.set(timer, old);
      this.pool = this.newPool();
      this.poolBorn = this.now();
    }
    return this.pool;
  }

  /** Sends one message; resolves with the outcome, never rejects. */
  send(envelope: SmtpEnvelope, message: Buffer, messageId: string): Promise<HandoffResult> {
    return new Promise((resolveOnce) => {
      let settled = false;
      let deadline: NodeJS.Timeout | undefined;
      // Set once smtpd answered 354 and the body started: from then on a failure without a reply may
      // follow Postfix queuing the message (it replies 250 after its queue file is safe).
      let bodyStarted = false;
      const unsure = (result: HandoffResult): HandoffResult => (bodyStarted && !result.ok && result.replyCode === undefined ? { ...result, uncertain: true } : result);
      const resolve = (result: HandoffResult): void => {
        if (settled) return;
        settled = true;
        clearTimeout(deadline);
        resolveOnce(result);
      };
      // The pool's view of a message: nodemailer's Mail object reduced to what smtp-pool reads.
      const mail = {
        data: {},
        message: {
          getEnvelope: () => ({ from: envelope.from, to: [...envelope.to] }),
          messageId: () => messageId,
          getHeader: (name: string) => (name.toLowerCase() === 'message-id' ? messageId : undefined),
          createReadStream: () => {
            bodyStarted = true;
            return Readable.from([message]);
          },
        },
      };
      const pool = this.current();
      // timeoutMs is also the longest the whole hand-off may take: nodemailer's timeouts only bound silence,
      // and a reply that never ends ("250-" lines forever) would hold the job and its slot for good.
      deadline = setTimeout(() => {
        resolve(unsure({ ok: false, reason: `SMTP hand-off took longer than ${this.options.timeoutMs} ms` }));
        abandon(pool, mail);
      }, this.options.timeoutMs);
      const accepted = pool.send(mail as never, (error: PoolError | null, info?: PoolInfo) => {
        if (error) {
          resolve(unsure(classifySmtpError(error)));
          return;
        }
        const reply = replyText(info?.response);
        const queueId = queueIdOf(reply);
        const result: HandoffResult = { ok: true, reply };
        if (queueId !== null) result.queueId = queueId;
        const rejected = info?.rejectedErrors ?? [];
        // Not expected: any refused RCPT TO stops before DATA (ALL_RECIPIENTS_OR_NONE). Were the message queued
        // for part of its envelope anyway, it must not be sent again; the refusals are logged with it.
        if (rejected.length > 0) result.rejected = rejected.map((e) => redactAddresses(replyText(e.response) || replyText(e.message)));
        resolve(result);
      }) as unknown;
      if (accepted === false) resolve({ ok: false, local: true, reason: 'the SMTP pool is closed' });
    });
  }

  /** Closes idle connections now and busy ones after their message (QUIT). */
  close(): void {
    for (const [timer, old] of this.retiring) {
      clearTimeout(timer);
      old.close();
    }
    this.retiring.clear();
    this.pool.close();
  }
}

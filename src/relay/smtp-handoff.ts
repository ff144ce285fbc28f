// Hands jobs to Postfix's smtpd on loopback over a small pool of persistent SMTP connections (nodemailer's
// SMTP pool: PIPELINING for MAIL/RCPT, one message per connection at a time, RSET between messages,
// reconnect after an error). Postfix has the message, signed through smtpd_milters, once it answers 250
// to the end of DATA (RFC 5321 section 4.1.1.4); that reply names its queue id ("250 2.0.0 Ok: queued as
// 4Xyz", smtpd(8)), which the worker logs with the job. Any other outcome leaves the job in the queue:
// a 4xx reply, a timeout or a dropped connection is retried, a 5xx reply is final.
import { Readable } from 'node:stream';
import SMTPPool from 'nodemailer/lib/smtp-pool/index.js';
import type { Job } from './job.js';
import type { HandoffResult } from './sendmail.js';

export interface SmtpHandoffOptions {
  host: string;
  port: number;
  /** Connections kept open at most: the worker keeps as many jobs in hand. */
  connections: number;
  /** Longest silence from Postfix (connect, greeting, any reply) before the attempt is abandoned. */
  timeoutMs: number;
  /** EHLO name: the relay talks to its own host. */
  heloName?: string;
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
  return { from: job.returnPath, to: [...job.to] };
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

/** What an error from the pool means for the job: a 5xx reply is final, anything else is worth a retry. */
export function classifySmtpError(error: PoolError): HandoffResult {
  const code = typeof error.responseCode === 'number' ? error.responseCode : undefined;
  const said = replyText(error.response) || replyText(error.message);
  if (code !== undefined && code >= 500 && code < 600) {
    return { ok: false, permanent: true, replyCode: code, reason: `Postfix refused the message: ${said}` };
  }
  if (code !== undefined) return { ok: false, replyCode: code, reason: `Postfix deferred the message: ${said}` };
  return { ok: false, reason: `SMTP hand-off failed (${error.code ?? 'error'}): ${said}` };
}

export class SmtpHandoff {
  private readonly pool: SMTPPool;

  constructor(options: SmtpHandoffOptions) {
    // maxRequeues is a pool option @types/nodemailer does not list.
    const poolOptions: SMTPPool.Options & { maxRequeues: number } = {
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
    };
    this.pool = new SMTPPool(poolOptions);
  }

  /** Sends one message; resolves with the outcome, never rejects. */
  send(envelope: SmtpEnvelope, message: Buffer, messageId: string): Promise<HandoffResult> {
    return new Promise((resolve) => {
      // The pool's view of a message: nodemailer's Mail object reduced to what smtp-pool reads.
      const mail = {
        data: {},
        message: {
          getEnvelope: () => ({ from: envelope.from, to: [...envelope.to] }),
          messageId: () => messageId,
          getHeader: (name: string) => (name.toLowerCase() === 'message-id' ? messageId : undefined),
          createReadStream: () => Readable.from([message]),
        },
      };
      const accepted = this.pool.send(mail as never, (error: PoolError | null, info?: PoolInfo) => {
        if (error) {
          resolve(classifySmtpError(error));
          return;
        }
        const reply = replyText(info?.response);
        const queueId = queueIdOf(reply);
        const result: HandoffResult = { ok: true, reply };
        if (queueId !== null) result.queueId = queueId;
        const rejected = info?.rejectedErrors ?? [];
        // Postfix took the message for some recipients and refused others (RCPT 5xx): the message is
        // queued and must not be sent again; the refusal is logged with it.
        if (rejected.length > 0) result.rejected = rejected.map((e) => replyText(e.response) || replyText(e.message));
        resolve(result);
      }) as unknown;
      if (accepted === false) resolve({ ok: false, local: true, reason: 'the SMTP pool is closed' });
    });
  }

  /** Closes idle connections now and busy ones after their message (QUIT). */
  close(): void {
    this.pool.close();
  }
}

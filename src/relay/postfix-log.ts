// Reads Postfix's delivery log lines (postconf(5) maillog_file, or syslog/the journal): the per-recipient
// outcome a delivery agent logs (smtp, lmtp, local, virtual, pipe, error: "to=<..>, relay=.., dsn=..,
// status=sent|deferred|bounced|expired (text)") and qmgr's "status=expired, returned to sender" for a
// message whose queue lifetime ran out (postconf(5) maximal_queue_lifetime). Everything else is ignored.

export type DeliveryStatus = 'sent' | 'deferred' | 'bounced' | 'expired';

export interface DeliveryLine {
  queueId: string;
  status: DeliveryStatus;
  /**
   * The recipient as the relay gave it: orig_to=<...> when Postfix rewrote the address (virtual(5) aliases,
   * canonical(5)), else to=<...>; null for qmgr's whole-message expiry.
   */
  recipient: string | null;
  /** relay=host[address]:port, or none/local for agents that deliver without a next hop. */
  relay: string | null;
  /** The enhanced status code (RFC 3463), e.g. 5.1.1. */
  dsn: string | null;
  /** The parenthesized text: the remote reply ("250 2.0.0 Ok"), or Postfix's own reason. */
  detail: string;
}

/** Postfix's queue ids: short (hex, 6+ characters) or long (postconf(5) enable_long_queue_ids: base 52 with a 'z'). */
const QUEUE_ID = '[0-9A-F]{6,}|[0-9B-DF-HJ-NP-TV-Zb-df-hj-np-tv-z]{10,}z[0-9B-DF-HJ-NP-TV-Zb-df-hj-np-tv-z]+';
const RECIPIENT_LINE = new RegExp(`^(${QUEUE_ID}): to=<([^>]*)>, (.*?)status=(sent|deferred|bounced|expired)(?: \\((.*)\\))?$`);
const EXPIRED_LINE = new RegExp(`^(${QUEUE_ID}): from=<[^>]*>, status=expired, (.*)$`);
/** Programs whose lines carry outcomes; a multi-instance Postfix logs as postfix-<name>/<program>. */
const PROGRAM = /^postfix(?:-[\w.-]+)?\/(?:[\w.-]+\/)?(smtp|lmtp|local|virtual|pipe|error|retry|discard|relay|qmgr)$/;

/** One field out of the middle part: "relay=..., delay=..., dsn=5.1.1, ". */
function field(middle: string, name: string): string | null {
  const match = new RegExp(`(?:^|, )${name}=([^,]*)`).exec(middle);
  return match ? match[1] : null;
}

/**
 * The outcome in one log message (the text after "program[pid]: "), or null when it says none. `program`
 * is the syslog tag without the pid (postfix/smtp); lines of any other program are not read.
 */
export function parseDeliveryMessage(program: string, message: string): DeliveryLine | null {
  const agent = PROGRAM.exec(program)?.[1];
  if (agent === undefined) return null;
  if (agent === 'qmgr') {
    const expired = EXPIRED_LINE.exec(message);
    return expired ? { queueId: expired[1], status: 'expired', recipient: null, relay: null, dsn: null, detail: expired[2] } : null;
  }
  const match = RECIPIENT_LINE.exec(message);
  if (!match) return null;
  const [, queueId, to, middle, status, detail] = match;
  const original = /(?:^|, )orig_to=<([^>]*)>/.exec(middle)?.[1];
  return { queueId, status: status as DeliveryStatus, recipient: original ?? to, relay: field(middle, 'relay'), dsn: field(middle, 'dsn'), detail: detail ?? '' };
}

/**
 * What ties a queue id to one of the relay's messages, and what shows Postfix kept it: cleanup's
 * "QUEUEID: message-id=<...>" (logged while the message is received, so also for one the client abandoned
 * before the end of DATA), and qmgr's "QUEUEID: from=<...>, size=N, nrcpt=N (queue active)" or
 * "QUEUEID: removed", logged only for a message that was queued in full. Short queue ids come back (they
 * are a time's microseconds and the queue file's inode), so the first line of each new message, smtpd's
 * "QUEUEID: client=..." or pickup's "QUEUEID: uid=N from=<...>", says that what came before under the id
 * was another message. The relay hands off over SMTP: pickup's message came from sendmail(1), a local user's.
 */
export type QueueLine =
  | { kind: 'message-id'; queueId: string; messageId: string }
  | { kind: 'queued'; queueId: string }
  | { kind: 'new'; queueId: string; via: 'smtpd' | 'pickup' };

const CLEANUP = /^postfix(?:-[\w.-]+)?\/(?:[\w.-]+\/)?cleanup$/;
const QMGR = /^postfix(?:-[\w.-]+)?\/(?:[\w.-]+\/)?qmgr$/;
const MESSAGE_ID_LINE = new RegExp(`^(${QUEUE_ID}): message-id=(<[^\\s<>]*>)$`);
const QUEUED_LINE = new RegExp(`^(${QUEUE_ID}): (?:from=<[^>]*>, size=\\d+, nrcpt=\\d+ \\(queue active\\)|removed)$`);
const RECEIVER = /^postfix(?:-[\w.-]+)?\/(?:[\w.-]+\/)?(smtpd|pickup)$/;
const NEW_LINE = { smtpd: new RegExp(`^(${QUEUE_ID}): client=`), pickup: new RegExp(`^(${QUEUE_ID}): uid=\\d+ from=<`) };

/** The message-id, queued or new-message line in one log message, or null (see QueueLine). */
export function parseQueueMessage(program: string, message: string): QueueLine | null {
  const receiver = RECEIVER.exec(program)?.[1] as keyof typeof NEW_LINE | undefined;
  if (receiver !== undefined) {
    const match = NEW_LINE[receiver].exec(message);
    return match ? { kind: 'new', queueId: match[1], via: receiver } : null;
  }
  if (CLEANUP.test(program)) {
    const match = MESSAGE_ID_LINE.exec(message);
    return match ? { kind: 'message-id', queueId: match[1], messageId: match[2] } : null;
  }
  if (QMGR.test(program)) {
    const match = QUEUED_LINE.exec(message);
    return match ? { kind: 'queued', queueId: match[1] } : null;
  }
  return null;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
// "Nov 30 23:32:00 host program[pid]: message" (RFC 3164 section 4.1.2 timestamp, as postlogd writes maillog_file),
// or an RFC 3339 timestamp (rsyslog's high-precision format).
const SYSLOG_LINE = /^(?:([A-Z][a-z]{2}) {1,2}(\d{1,2}) (\d\d):(\d\d):(\d\d)(?:\.\d+)?|(\d{4}-\d\d-\d\dT[\d:.]+(?:Z|[+-]\d\d:?\d\d)?)) \S+ ([^\s[\]:]+)(?:\[\d+\])?: (.*)$/;

/** A line of a log file: its time, program and message, or null when it is not a syslog-shaped line. */
export function parseSyslogLine(line: string, now: Date = new Date()): { time: Date; program: string; message: string } | null {
  const match = SYSLOG_LINE.exec(line);
  if (!match) return null;
  const [, month, day, hh, mm, ss, iso, program, message] = match;
  let time: Date;
  if (iso !== undefined) {
    time = new Date(iso);
  } else {
    // The classic stamp has no year and is local time: the current year, or last year for a stamp
    // that would lie more than a day ahead (a December line read in January).
    const index = MONTHS.indexOf(month);
    if (index < 0) return null;
    time = new Date(now.getFullYear(), index, Number(day), Number(hh), Number(mm), Number(ss));
    if (time.getTime() - now.getTime() > 86_400_000) time.setFullYear(time.getFullYear() - 1);
  }
  if (Number.isNaN(time.getTime())) return null;
  return { time, program, message };
}

/** The remote's SMTP reply code in a bounce or deferral text ("host x said: 550 5.1.1 ..."), or null. */
export function remoteReplyCode(detail: string): number | null {
  const match = /\bsaid: ([2-5]\d\d)[ -]/.exec(detail);
  return match ? Number(match[1]) : null;
}

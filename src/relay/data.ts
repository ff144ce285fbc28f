// The per-config data compiled into server.js (src/outputs/relay-server.ts writes it as a JSON constant).
// Only what the relay must enforce lives here; runtime settings (paths, ports, timeouts) come from the
// env file so tests and admins can point the very same server.js elsewhere.

export interface RelaySender {
  /** Lower-case address: the From allowlist key (the self-hosted HTTP relay build guide, step 6). */
  address: string;
  /** Display name from the config, used when the request gives none. */
  name: string | null;
  /**
   * Envelope sender for `sendmail -f`: the return path of the domains[] entry the sender is listed under
   * (its SPF domain; the dmarc-alignment rule checks the same pairing).
   */
  returnPath: string;
}

export interface RelayLimits {
  bodyBytes: number;
  /** Authenticated requests per caller (the token) per minute; 0 switches the limiter off. */
  ratePerMinute: number;
  subjectChars: number;
  recipients: number;
}

/** Runtime settings as the config declares them: the fallback when a variable is missing from the env. */
export interface RelaySettingDefaults {
  listen: string;
  queueRoot: string;
  maxAttempts: number;
  backoffFirstMs: number;
  backoffMaxMs: number;
  /** smtp: pooled SMTP to Postfix's smtpd (smtpAddress); sendmail: one sendmail process per job. */
  handoff: 'smtp' | 'sendmail';
  /** host:port of Postfix's smtpd the smtp hand-off connects to (loopback). */
  smtpAddress: string;
  /** Jobs in hand at once: SMTP connections in the pool, or sendmail processes. */
  handoffConcurrency: number;
  sendmailPath: string;
  sendmailTimeoutMs: number;
}

/** One caller of POST /send with its own token (relay.clients, or the implicit single-token client). */
export interface RelayClient {
  name: string;
  /** File name under $CREDENTIALS_DIRECTORY holding its token: `<name>-token-<client>`, or `<name>-token`. */
  credential: string;
  /** The single-token setup: also reads SMTP_RELAY_TOKEN, and may use every sender. */
  implicit: boolean;
  /** Lower-case From addresses it may use; null: the whole allowlist. */
  senders: string[] | null;
  /** 0 switches a limit off. */
  limits: { requestsPerMinute: number; messagesPerHour: number; messagesPerDay: number };
}

export interface RelayData {
  /** Service name: the systemd unit, the credential `<name>-token`, the log's `service` field. */
  name: string;
  /** The From allowlist (the self-hosted HTTP relay build guide, step 6), each sender with its display name and return path. */
  senders: RelaySender[];
  limits: RelayLimits;
  tokenMinBytes: number;
  /** Who may call: each with its token's credential, its senders and its limits (at least one). */
  clients: RelayClient[];
  /**
   * Peer addresses of a gateway on this host whose X-Real-IP header names the real caller (loopback
   * when relay.entry.gateway is a same-host HTTP proxy that sets it); empty: the header is ignored.
   */
  gatewayPeers: string[];
  defaults: RelaySettingDefaults;
  /** Endpoints message events are POSTed to (relay.webhooks); absent when none is configured. */
  webhooks?: RelayWebhook[];
}

export type WebhookEventType = 'delivered' | 'deferred' | 'bounced' | 'failed';

/** One webhook: its URL as WHATWG URL serialized it at build time, and the event types it takes. */
export interface RelayWebhook {
  name: string;
  url: string;
  events: WebhookEventType[];
}

// The normalized model: the config with every default applied, durations in ms, key files read.
// Rules, outputs and check-dns all read this; array indices match the YAML so a rule's key path
// (e.g. ['domains', 0, 'dkim', 'selectors', 1, 'publicKeyFile']) locates the value in the file.
import type { SeverityOrOff } from '../findings.js';

export type DeliveryMode = 'direct' | 'relayhost';
export type TlsLevel = 'none' | 'may' | 'encrypt' | 'dane' | 'verify' | 'secure';
export type MilterDefault = 'accept' | 'tempfail';
export type GatewayKind = 'none' | 'nginx-allowlist' | 'mtls' | 'vpn' | 'cloudflare-access';
export type SpfAll = '-all' | '~all' | '?all' | '+all' | 'none';
export type DmarcPolicy = 'none' | 'quarantine' | 'reject';

export interface RelayModel {
  version: 1;
  name: string;
  /** Absolute directory of the config file: relative key paths resolve against it. */
  configDir: string;
  mta: MtaModel;
  delivery: DeliveryModel;
  domains: DomainModel[];
  dns: DnsModel;
  relay: RelayServiceModel;
  postfix: PostfixOverridesModel;
  /** Severity overrides, and the commands the config runs on purpose (exactly as lint quotes them). */
  lint: { rules: Record<string, SeverityOrOff>; acknowledgedCommands: string[] };
}

export interface MtaModel {
  hostname: string;
  ipv4: string;
  /** Declared PTR of ipv4; the hostname when not given. */
  ptr: string;
  /** Whether `ptr` was written in the file (rules may want to know). */
  ptrDeclared: boolean;
  ipv6: string | null;
  ipv6Ptr: string | null;
}

export interface RelayhostModel {
  host: string;
  port: number; // 587 by default
  mxLookup: boolean; // false: written as [host]:port
  auth: SaslAuthModel | null;
  caFile: string; // /etc/ssl/certs/ca-certificates.crt by default
}

export interface DestinationModel {
  domain: string;
  /** Postfix transport name derived from the domain, e.g. `slow_qq_com`. */
  transport: string;
  concurrency: number | null;
  /** As written (Postfix takes 10s, 1m, ...); null when not set. */
  rateDelay: string | null;
  rateDelayMs: number | null;
  recipientLimit: number | null;
  nexthop: string | null;
  /** SASL credential for this destination's own nexthop (the schema requires the nexthop). */
  auth: SaslAuthModel | null;
}

/** A SASL user name and the server path of the password map that holds its password (never the password). */
export interface SaslAuthModel {
  username: string;
  passwordFile: string;
}

export interface SenderTransportModel {
  domain: string;
  /** Postfix transport name derived from the domain, e.g. `out_other_example`. */
  transport: string;
  bindAddress: string;
  heloName: string;
  /** Sender-dependent relay: the nexthop of this transport's map entry; null for the normal route. */
  nexthop: string | null;
  auth: SaslAuthModel | null;
}

export interface DeliveryModel {
  mode: DeliveryMode;
  relayhost: RelayhostModel | null;
  inetInterfaces: 'loopback-only' | 'all' | string[];
  trustedNetworks: string[];
  fallbackRelays: string[];
  tls: TlsLevel;
  messageSizeLimit: number;
  smtputf8: boolean;
  stripInternalHeaders: boolean;
  milterDefault: MilterDefault;
  /** maximal_queue_lifetime and bounce_queue_lifetime as written (or defaulted), with their ms. */
  queueLifetime: { text: string; ms: number };
  bounceQueueLifetime: { text: string; ms: number };
  destinations: DestinationModel[];
  senderTransports: SenderTransportModel[];
}

/** What reading a selector's public key file found. */
export type DkimKeyInfo =
  | {
      status: 'ok';
      keyType: 'rsa' | 'ed25519';
      /** RSA modulus bits; 256 for ed25519. */
      bits: number;
      /** The DNS p= value: base64 of the DER SubjectPublicKeyInfo (rsa) or the raw 32-byte key (ed25519). */
      dnsPublicKey: string;
    }
  | { status: 'missing' | 'unparsable' | 'private-key'; message: string }
  /** Not read: not a regular file, over the size cap, or unreadable (a load error, never seen by rules). */
  | { status: 'refused'; message: string };

export interface SelectorModel {
  name: string;
  /** As written in the config (relative to the config file). */
  publicKeyFile: string;
  /** Absolute path on this machine. */
  publicKeyPath: string;
  key: DkimKeyInfo;
}

export interface DomainModel {
  name: string;
  returnPath: string;
  /** Domain part of returnPath, lower case: the SPF (MAIL FROM) domain. */
  returnPathDomain: string;
  senders: { address: string; name: string | null }[];
  dkim: { signWith: string; selectors: SelectorModel[] };
  spf: { include: string[]; mechanisms: string[]; redirect: string | null; all: SpfAll; declared: boolean };
  dmarc: {
    policy: DmarcPolicy;
    subdomainPolicy: DmarcPolicy | null;
    /** np= (RFC 9989 section 4.7): the policy for subdomains that do not exist. */
    nonExistentSubdomainPolicy: DmarcPolicy | null;
    /** t=y: receivers apply the policy one level lower while the owner tests it. */
    testing: boolean;
    /** psd=n declares the domain its own organizational domain; null writes nothing (psd=u). */
    psd: 'n' | null;
    /** Removed by RFC 9989: kept only so dmarc-pct-removed can point at it; never written. */
    pct: number | null;
    rua: string[];
    adkim: 'r' | 's';
    aspf: 'r' | 's';
  } | null;
  mx: { priority: number; host: string }[];
  bimi: { logo: string; authority: string | null; selector: string } | null;
}

export interface DnsModel {
  ttl: number;
  extraRecords: { name: string; type: 'A' | 'AAAA' | 'CNAME' | 'TXT' | 'MX' | 'CAA'; value: string }[];
}

/** A source network, parsed once (ipaddr.js) and kept as its parts: never the config's text. */
export interface SourceNetwork {
  /** The network address in its canonical spelling (low bits beyond the prefix cleared). */
  address: string;
  family: 4 | 6;
  prefix: number;
}

/** relay.entry: the gateway in front of the relay and what its generated config needs. */
export interface EntryModel {
  hostname: string | null;
  gateway: GatewayKind | null;
  /** nginx allow list (nginx-allowlist, mtls); empty when none is declared. */
  allowFrom: SourceNetwork[];
  /** mtls: the CA file nginx checks client certificates against, as declared (null: the default, see clientCaPath). */
  clientCaFile: string | null;
  /** cloudflare-access: the tunnel UUID, lower case. */
  tunnelId: string | null;
}

export interface RelayServiceModel {
  listen: { host: string; port: number; text: string };
  entry: EntryModel;
  user: string;
  limits: { bodyBytes: number; ratePerMinute: number; subjectChars: number; recipients: number };
  queue: { root: string; maxAttempts: number; backoff: { firstMs: number; maxMs: number; first: string; max: string } };
  /** smtp: pooled SMTP to Postfix's smtpd on loopback; sendmail: one sendmail process per job. */
  handoff: 'smtp' | 'sendmail';
  sendmail: { path: string; timeoutMs: number; timeout: string };
  token: { minBytes: number };
  /** Named API callers (relay.clients); empty: the single token is one implicit client with every sender. */
  clients: RelayClientModel[];
  /** Hardening directive overrides as written (directive -> value). */
  hardening: Record<string, string | boolean>;
  /** Endpoints message events are POSTed to (relay.webhooks); empty: no webhooks, no secret, no outbox. */
  webhooks: WebhookModel[];
}

export type WebhookEventType = 'delivered' | 'deferred' | 'bounced' | 'failed';

/** One webhook, its URL parsed once by WHATWG URL (the config's text never reaches an output). */
export interface WebhookModel {
  name: string;
  /** The URL as WHATWG URL serializes it (host lower-cased, IDN in A-labels, default port dropped). */
  url: string;
  scheme: 'http' | 'https';
  /** Host name or address as URL.hostname gives it (IPv6 without brackets). */
  host: string;
  /** The URL carries a user name or password (relay-webhook-url-secure reports it). */
  userinfo: boolean;
  /** Event types sent to it, in the fixed order delivered, deferred, bounced, failed. */
  events: WebhookEventType[];
}

export interface RelayClientModel {
  name: string;
  /** Lower-case From addresses this client may use. */
  senders: string[];
  /** 0 switches a limit off. */
  limits: { requestsPerMinute: number; messagesPerHour: number; messagesPerDay: number };
}

export interface PostfixOverridesModel {
  parameters: Record<string, string>;
  services: string[];
}

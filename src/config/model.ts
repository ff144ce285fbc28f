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
  auth: { username: string; passwordFile: string } | null;
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
}

export interface SenderTransportModel {
  domain: string;
  /** Postfix transport name derived from the domain, e.g. `out_other_example`. */
  transport: string;
  bindAddress: string;
  heloName: string;
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
    pct: number;
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

export interface RelayServiceModel {
  listen: { host: string; port: number; text: string };
  entry: { hostname: string | null; gateway: GatewayKind | null };
  user: string;
  limits: { bodyBytes: number; ratePerMinute: number; subjectChars: number; recipients: number };
  queue: { root: string; maxAttempts: number; backoff: { firstMs: number; maxMs: number; first: string; max: string } };
  sendmail: { path: string; timeoutMs: number; timeout: string };
  token: { minBytes: number };
  /** Named API callers (relay.clients); empty: the single token is one implicit client with every sender. */
  clients: RelayClientModel[];
  /** Hardening directive overrides as written (directive -> value). */
  hardening: Record<string, string | boolean>;
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

// Generated from schema/relay.schema.json by src/tools/gen-types.mjs. Do not edit; run `npm run gen:types`.

/**
 * Version of this file's format. Only 1 exists.
 */
export type ConfigFormatVersion = 1;
/**
 * Name of the relay service: the systemd unit, env file, /opt directory and default queue root derive from it. Lower-case letters, digits and dashes.
 */
export type ServiceName = string;
/**
 * Fully qualified name Postfix announces in HELO/EHLO (myhostname, smtp_helo_name). Must have an A record to the sending IP and match its PTR.
 */
export type MTAHostname = string;
/**
 * The public IPv4 address Postfix sends from: published as the A record and authorized in SPF (ip4:).
 */
export type SendingIPv4Address = string;
/**
 * The name the provider's rDNS panel holds for the IPv4 address. Defaults to the MTA hostname; declared here so lint and check-dns can compare.
 */
export type IPv4PTRName = string;
/**
 * Optional public IPv6 address. Only declare it when the server really sends over IPv6 with routing, PTR and reputation for it (the self-hosted HTTP relay build guide, step 2, A / AAAA); it adds AAAA, ip6: in SPF and inet_protocols = all.
 */
export type SendingIPv6Address = string | null;
/**
 * The rDNS name the provider holds for the IPv6 address. Required when ipv6 is declared (ipv6-needs-ptr).
 */
export type IPv6PTRName = string | null;
/**
 * direct: Postfix looks up recipient MX and connects out on TCP 25. relayhost: every message goes to a smarthost (postconf(5) relayhost).
 */
export type DeliveryMode = 'direct' | 'relayhost';
/**
 * Host name of the smarthost, without brackets.
 */
export type SmarthostHostName = string;
/**
 * TCP port of the smarthost; 587 (submission with STARTTLS) by default. 465 is implicit TLS (RFC 8314 section 3.3): relayconf then writes smtp_tls_wrappermode = yes with smtp_tls_security_level = encrypt.
 */
export type SmarthostPort = number;
/**
 * When true the host is written without [brackets], so Postfix looks up its MX records first (relayhost-brackets). Default false.
 */
export type LookUpMXOfTheSmarthostName = boolean;
/**
 * User name the smarthost expects (for example apikey). Not a secret; the password is.
 */
export type SASLUsername = string;
/**
 * Absolute server path under /etc/postfix/ of the Postfix password map source (smtp_sasl_password_maps = hash:<path>). relayconf never writes it; postmap it on the server.
 */
export type SASLPasswordMapPath = string;
/**
 * smtp_tls_CAfile used to verify the smarthost; Debian's bundle by default.
 */
export type CABundle = string;
/**
 * inet_interfaces: loopback-only (default, the self-hosted HTTP relay build guide, step 3), or a list of literal addresses when other hosts must submit on purpose.
 */
export type PostfixListenInterfaces =
  ('loopback-only' | 'all') | [ListenInterfaceAddress, ...ListenInterfaceAddress[]];
export type ListenInterfaceAddress = string;
export type TrustedNetwork = string;
/**
 * Postfix mynetworks: the clients allowed to relay through this MTA. Loopback (127.0.0.0/8 and [::1]/128) by default.
 */
export type TrustedNetworks = TrustedNetwork[];
export type FallbackRelay = string;
/**
 * smtp_fallback_relay: next hops tried when direct delivery fails (postconf(5) smtp_fallback_relay), as host, [host] or [host]:port.
 */
export type FallbackRelays = FallbackRelay[];
/**
 * smtp_tls_security_level. may (opportunistic) by default; encrypt by default when a smarthost authenticates.
 */
export type OutboundTLSLevel = 'none' | 'may' | 'encrypt' | 'dane' | 'verify' | 'secure';
/**
 * Postfix message_size_limit in bytes (default 25600000, postconf(5) message_size_limit). Must hold the relay body after MIME growth.
 */
export type MessageSizeLimit = number;
/**
 * Postfix smtputf8_enable (default true, postconf(5)).
 */
export type SMTPUTF8 = boolean;
/**
 * Write smtp_header_checks that drop internal Received, X-Originating-IP and X-PHP-Originating-Script headers before mail leaves (header_checks(5)). Default true.
 */
export type StripInternalHeaders = boolean;
/**
 * maximal_queue_lifetime: how long Postfix retries a message that meets temporary errors before it bounces it (postconf(5); Postfix's own default is 5d). Default 2d: transactional mail (a password reset, a receipt) is worth little after that, and the sender learns of the failure days sooner.
 */
export type PostfixQueueLifetime = string;
/**
 * bounce_queue_lifetime: how long Postfix retries its own non-delivery notices (postconf(5); Postfix's own default is 5d). Default 12h: a bounce to the return path that cannot be delivered in half a day rarely will be.
 */
export type PostfixBounceQueueLifetime = string;
/**
 * milter_default_action when OpenDKIM does not answer: accept sends unsigned mail (the self-hosted HTTP relay build guide), tempfail keeps it queued until OpenDKIM is back.
 */
export type MilterDefaultAction = 'accept' | 'tempfail';
/**
 * Recipient domain this transport applies to (transport_maps key).
 */
export type RecipientDomain = string;
/**
 * <transport>_destination_concurrency_limit: parallel connections to this domain.
 */
export type Concurrency = number;
/**
 * <transport>_destination_rate_delay: pause between deliveries to this domain, as a duration (10s, 1m).
 */
export type RateDelay = string;
/**
 * <transport>_destination_recipient_limit: recipients per delivery.
 */
export type RecipientLimit = number;
/**
 * Optional next hop for this domain (transport map nexthop, e.g. [smtp.example.net]:587); default is the normal route. Port 465 is implicit TLS: its transport gets smtp_tls_wrappermode = yes.
 */
export type NextHop = string;
/**
 * User name this next hop expects. Not a secret; the password is.
 */
export type SASLUsername1 = string;
/**
 * Absolute server path under /etc/postfix/ of the password map source that holds this credential (one map may hold several, one line per next hop). relayconf never writes it; APPLY.md writes it once on the server.
 */
export type SASLPasswordMapPath1 = string;
/**
 * Recipient domains that get their own transport with concurrency, rate delay and recipient limits (postconf(5) transport_destination_rate_delay and the other per-transport limits), and optionally their own next hop.
 */
export type PerDestinationThrottles = DestinationThrottle[];
/**
 * Envelope sender domain routed through this transport.
 */
export type SenderDomain = string;
/**
 * smtp_bind_address of the transport: the local IPv4 address mail leaves from.
 */
export type BindAddress = string;
/**
 * smtp_helo_name of the transport; must resolve to the bind address and match its PTR.
 */
export type HELOName = string;
/**
 * Optional smarthost for this sender domain (the nexthop of its sender_dependent_default_transport_maps entry, e.g. [smtp.example.net]:587); default is the normal route (relayhost or the recipient MX).
 */
export type SenderDependentRelay = string;
/**
 * User name this next hop expects. Not a secret; the password is.
 */
export type SASLUsername2 = string;
/**
 * Absolute server path under /etc/postfix/ of the password map source that holds this credential (one map may hold several, one line per next hop). relayconf never writes it; APPLY.md writes it once on the server.
 */
export type SASLPasswordMapPath2 = string;
/**
 * Sender domains that leave from their own source IP and HELO name (postconf(5) sender_dependent_default_transport_maps).
 */
export type SenderDependentTransports = SenderTransport[];
/**
 * One or more domains this relay sends for, each with its senders and DNS authentication.
 *
 * @minItems 1
 */
export type SendingDomains = [SendingDomain, ...SendingDomain[]];
/**
 * The visible From domain (DMARC alignment is judged against it).
 */
export type DomainName = string;
/**
 * Envelope sender (sendmail -f): SPF is checked for its domain and bounces go to it. Defaults to bounces@<name>.
 */
export type ReturnPath = string;
/**
 * The allowed From address.
 */
export type SenderAddress = string;
/**
 * Display name used when the request gives none.
 */
export type DisplayName = string;
/**
 * The From allowlist (the self-hosted HTTP relay build guide, step 6): the relay refuses any other From.
 */
export type AllowedSenders = Sender[];
/**
 * Selector OpenDKIM signs with now; must be one of the published selectors.
 */
export type SigningSelector = string;
/**
 * Every selector still published; rotation keeps the old one until the TTL and a grace period have passed.
 *
 * @minItems 1
 */
export type PublishedSelectors = [Selector, ...Selector[]];
/**
 * Selector label, ideally dated (mail202606).
 */
export type SelectorName = string;
/**
 * Path of the PEM public key, relative to this config file. The private key never enters the repository.
 */
export type PublicKeyFile = string;
export type IncludeDomain = string;
/**
 * Other authorized senders, as include: domains (each costs at least one DNS lookup).
 */
export type Includes = IncludeDomain[];
export type SPFTerm = string;
/**
 * Further SPF terms written verbatim after the includes (ip4:, ip6:, a, mx, exists:, ...).
 */
export type ExtraMechanisms = SPFTerm[];
/**
 * redirect= modifier; only used when no all is set.
 */
export type Redirect = string;
/**
 * The closing all: ~all while other senders may exist, -all once sure (the self-hosted HTTP relay build guide). none omits it.
 */
export type AllQualifier = '-all' | '~all' | '?all' | '+all' | 'none';
/**
 * p=: none only while observing; quarantine or reject in production.
 */
export type Policy = 'none' | 'quarantine' | 'reject';
/**
 * sp=: the policy for existing subdomains; omitted when not set (receivers then use p=).
 */
export type SubdomainPolicy = 'none' | 'quarantine' | 'reject';
/**
 * np=: the policy for subdomains that do not exist in DNS (RFC 9989 section 4.7); omitted when not set (receivers then use sp=, then p=).
 */
export type NonExistentSubdomainPolicy = 'none' | 'quarantine' | 'reject';
/**
 * t=y when true: receivers apply the policy one level lower (reject as quarantine, quarantine as none) while you test it (RFC 9989 section 4.7). Default false (t=n, not written).
 */
export type Testing = boolean;
/**
 * psd=: n declares this domain the organizational domain for itself and its subdomains, so the DNS tree walk stops here (RFC 9989 section 4.7, 4.10.2); u (the default, not written) lets the walk decide. psd=y belongs to public suffix operators, never to a sending domain.
 */
export type OrganizationalDomainFlag = 'n' | 'u';
/**
 * Removed by RFC 9989 (it obsoletes RFC 7489): never written; setting it draws the dmarc-pct-removed warning. Use testing: true (t=y) while ramping up.
 */
export type PercentageRemoved = number;
export type ReportAddress = string;
/**
 * rua= addresses (plain addresses; mailto: is added).
 */
export type AggregateReportAddresses = ReportAddress[];
/**
 * adkim=: s (strict, exact domain) or r (relaxed, same organizational domain). Default r (RFC 9989 section 4.7).
 */
export type DKIMAlignment = 'r' | 's';
/**
 * aspf=: s (strict) or r (relaxed). Default r (RFC 9989 section 4.7).
 */
export type SPFAlignment = 'r' | 's';
/**
 * MX preference; lower is tried first.
 */
export type Priority = number;
/**
 * Host name of the receiving server.
 */
export type Host = string;
/**
 * The domain's existing receiving provider (replies, bounces, DMARC reports), not this send-only relay.
 */
export type MXRecords = MXRecord[];
/**
 * https URL of the SVG Tiny PS logo (l=).
 */
export type LogoURL = string;
/**
 * https URL of the VMC/CMC certificate (a=); Gmail needs one for reliable display.
 */
export type AuthorityEvidenceURL = string;
/**
 * BIMI selector; default.
 */
export type BIMISelector = string;
/**
 * $TTL of the generated records in seconds (default 3600).
 */
export type TTL = number;
/**
 * Fully qualified owner name.
 */
export type OwnerName = string;
/**
 * Record type.
 */
export type RecordType = 'A' | 'AAAA' | 'CNAME' | 'TXT' | 'MX' | 'CAA';
/**
 * Record data as in a zone file (TXT without quotes), typed by the record type.
 */
export type Value = string;
/**
 * Further records written verbatim into the zone of the domain they belong to (linted, e.g. for a second SPF record).
 */
export type ExtraRecords = ExtraRecord[];
/**
 * host:port the relay listens on; 127.0.0.1:2525 by default.
 */
export type ListenAddress = string;
/**
 * HTTP-side name callers use (mail-relay.example.com); never the MTA hostname.
 */
export type EntryHostname = string;
/**
 * What controls who can reach the relay: none, nginx-allowlist, mtls, vpn or cloudflare-access.
 */
export type GatewayKind = 'none' | 'nginx-allowlist' | 'mtls' | 'vpn' | 'cloudflare-access';
export type AllowedSourceNetwork = string;
/**
 * nginx-allowlist and mtls: the client networks (address or CIDR, e.g. 198.51.100.0/24 or 2001:db8:5::/48) nginx lets through; everyone else gets 403. Required for nginx-allowlist.
 */
export type AllowedSources = AllowedSourceNetwork[];
/**
 * mtls: the PEM file of the CA that issues the callers' client certificates (nginx ssl_client_certificate); default /etc/nginx/<name>-client-ca.pem.
 */
export type ClientCAFile = string;
/**
 * cloudflare-access: the tunnel's UUID (cloudflared tunnel create prints it; not a secret). The entry name's CNAME points at <tunnelId>.cfargotunnel.com and etc/cloudflared/config.yml names it.
 */
export type CloudflareTunnelId = string;
/**
 * User and group the relay runs as (default mailrelay): an account of its own, never root, a system account or the postfix/opendkim user.
 */
export type SystemUser = string;
/**
 * Largest accepted request body in bytes (default 524288 = 512 KiB).
 */
export type BodyLimit = number;
/**
 * Authenticated requests per caller (the bearer token) per minute (default 60); 0 switches it off. Failed authentications have their own small budget per source address.
 */
export type RateLimit = number;
/**
 * Longest accepted subject in characters (default 200).
 */
export type SubjectCap = number;
/**
 * Most recipients in one request's to list (default 10).
 */
export type RecipientCap = number;
/**
 * Absolute directory of its own holding pending/, processing/ and failed/ (default /var/spool/<name>); never / or a system directory.
 */
export type QueueRoot = string;
/**
 * Delivery attempts before a job moves to failed/ (default 8).
 */
export type MaximumAttempts = number;
/**
 * Delay after the first failure, as a duration (30s).
 */
export type FirstDelay = string;
/**
 * Cap of the doubling delay (1h).
 */
export type MaximumDelay = string;
/**
 * How the worker hands a job to Postfix: smtp (default) over a small pool of persistent connections to Postfix's smtpd on 127.0.0.1:25, signed through smtpd_milters, the job leaving the queue on the 250 reply to DATA; or sendmail, one sendmail -t -oi process per job through postdrop and the maildrop queue.
 */
export type HandOffToPostfix = 'smtp' | 'sendmail';
/**
 * Absolute path of sendmail (default /usr/sbin/sendmail).
 */
export type SendmailPath = string;
/**
 * How long one hand-off may take (a sendmail run, or one SMTP transaction to its 250 reply) before it is abandoned and retried, as a duration (default 30s).
 */
export type SendmailTimeout = string;
/**
 * The relay refuses to start with a shorter token (default 32).
 */
export type MinimumTokenLength = number;
/**
 * Named callers of POST /send, each with its own bearer token (the systemd credential <name>-token-<client>, never in this file), the senders it may use and its own limits. Without clients, the one token <name>-token is a single implicit client with every sender.
 *
 * @minItems 1
 */
export type APIClients = [APIClient, ...APIClient[]];
/**
 * Lower-case letters, digits and hyphens: names the credential <name>-token-<client> and the client in logs.
 */
export type ClientName = string;
/**
 * The From addresses this client may use; each must be on a domain's senders list.
 *
 * @minItems 1
 */
export type ClientSenders = [SenderAddress1, ...SenderAddress1[]];
/**
 * An address from domains[].senders.
 */
export type SenderAddress1 = string;
/**
 * Authenticated requests per minute (default relay.limits.ratePerMinute); 0 switches it off.
 */
export type RequestsPerMinute = number;
/**
 * Accepted messages per rolling hour (default 0: no hourly cap).
 */
export type MessagesPerHour = number;
/**
 * Accepted messages per rolling 24 hours (default 0: no daily cap).
 */
export type MessagesPerDay = number;
/**
 * HTTPS endpoints the relay POSTs each message event to (delivered, deferred, bounced, failed) as signed JSON, from a durable outbox with retries (at least once; receivers dedupe by event id). The HMAC secret is the systemd credential <name>-webhook-secret, never in this file.
 *
 * @minItems 1
 */
export type Webhooks = [Webhook, ...Webhook[]];
/**
 * Lower-case letters, digits and hyphens: names the webhook's outbox directory and the webhook in logs.
 */
export type WebhookName = string;
/**
 * The https:// URL events are POSTed to (plain http only to a loopback host); no user name or password in it.
 */
export type WebhookURL = string;
/**
 * The event types sent to this webhook (default: all four).
 *
 * @minItems 1
 */
export type WebhookEvents = [EventType, ...EventType[]];
/**
 * delivered, deferred, bounced or failed.
 */
export type EventType = 'delivered' | 'deferred' | 'bounced' | 'failed';
/**
 * A boolean: true or false (yes/no also work).
 */
export type SystemdBoolean =
  true | false | 'yes' | 'no' | 'true' | 'false' | 'on' | 'off' | '1' | '0';
/**
 * A boolean: true or false (yes/no also work).
 */
export type SystemdBoolean1 =
  true | false | 'yes' | 'no' | 'true' | 'false' | 'on' | 'off' | '1' | '0';
/**
 * A boolean: true or false (yes/no also work).
 */
export type SystemdBoolean2 =
  true | false | 'yes' | 'no' | 'true' | 'false' | 'on' | 'off' | '1' | '0';
/**
 * A boolean: true or false (yes/no also work).
 */
export type SystemdBoolean3 =
  true | false | 'yes' | 'no' | 'true' | 'false' | 'on' | 'off' | '1' | '0';
/**
 * A boolean: true or false (yes/no also work).
 */
export type SystemdBoolean4 =
  true | false | 'yes' | 'no' | 'true' | 'false' | 'on' | 'off' | '1' | '0';
/**
 * A boolean: true or false (yes/no also work).
 */
export type SystemdBoolean5 =
  true | false | 'yes' | 'no' | 'true' | 'false' | 'on' | 'off' | '1' | '0';
/**
 * A boolean: true or false (yes/no also work).
 */
export type SystemdBoolean6 =
  true | false | 'yes' | 'no' | 'true' | 'false' | 'on' | 'off' | '1' | '0';
/**
 * A boolean: true or false (yes/no also work).
 */
export type SystemdBoolean7 =
  true | false | 'yes' | 'no' | 'true' | 'false' | 'on' | 'off' | '1' | '0';
/**
 * A boolean: true or false (yes/no also work).
 */
export type SystemdBoolean8 =
  true | false | 'yes' | 'no' | 'true' | 'false' | 'on' | 'off' | '1' | '0';
/**
 * A boolean: true or false (yes/no also work).
 */
export type SystemdBoolean9 =
  true | false | 'yes' | 'no' | 'true' | 'false' | 'on' | 'off' | '1' | '0';
/**
 * A boolean: true or false (yes/no also work).
 */
export type SystemdBoolean10 =
  true | false | 'yes' | 'no' | 'true' | 'false' | 'on' | 'off' | '1' | '0';
/**
 * A boolean: true or false (yes/no also work).
 */
export type SystemdBoolean11 =
  true | false | 'yes' | 'no' | 'true' | 'false' | 'on' | 'off' | '1' | '0';
/**
 * A boolean: true or false (yes/no also work).
 */
export type SystemdBoolean12 =
  true | false | 'yes' | 'no' | 'true' | 'false' | 'on' | 'off' | '1' | '0';
/**
 * A boolean: true or false (yes/no also work).
 */
export type SystemdBoolean13 =
  true | false | 'yes' | 'no' | 'true' | 'false' | 'on' | 'off' | '1' | '0';
/**
 * A boolean: true or false (yes/no also work).
 */
export type SystemdBoolean14 =
  true | false | 'yes' | 'no' | 'true' | 'false' | 'on' | 'off' | '1' | '0';
/**
 * A boolean: true or false (yes/no also work).
 */
export type SystemdBoolean15 =
  true | false | 'yes' | 'no' | 'true' | 'false' | 'on' | 'off' | '1' | '0';
/**
 * A boolean: true or false (yes/no also work).
 */
export type SystemdBoolean16 =
  true | false | 'yes' | 'no' | 'true' | 'false' | 'on' | 'off' | '1' | '0';
/**
 * A boolean: true or false (yes/no also work).
 */
export type SystemdBoolean17 =
  true | false | 'yes' | 'no' | 'true' | 'false' | 'on' | 'off' | '1' | '0';
/**
 * ProtectSystem: strict, full, true or false.
 */
export type ProtectSystem = 'strict' | 'full' | true | false | 'yes' | 'no' | 'true' | 'false';
/**
 * ProtectHome: true, read-only, tmpfs or false.
 */
export type ProtectHome = true | false | 'yes' | 'no' | 'true' | 'false' | 'read-only' | 'tmpfs';
/**
 * ProtectProc: noaccess, invisible, ptraceable or default.
 */
export type ProtectProc = 'noaccess' | 'invisible' | 'ptraceable' | 'default';
/**
 * ProcSubset: all or pid.
 */
export type ProcSubset = 'all' | 'pid';
/**
 * KeyringMode: private, shared or inherit.
 */
export type KeyringMode = 'private' | 'shared' | 'inherit';
/**
 * DevicePolicy (systemd.resource-control(5)): strict, closed or auto.
 */
export type DevicePolicy = 'strict' | 'closed' | 'auto';
/**
 * RestrictNamespaces: true, false, or namespace types (cgroup ipc net mnt pid user uts), ~ first to deny them.
 */
export type RestrictNamespaces = SystemdBoolean18 | string;
/**
 * A boolean: true or false (yes/no also work).
 */
export type SystemdBoolean18 =
  true | false | 'yes' | 'no' | 'true' | 'false' | 'on' | 'off' | '1' | '0';
/**
 * ReadWritePaths: absolute paths separated by single spaces, without systemd prefixes (- + :).
 */
export type ReadWritePaths = string;
/**
 * ReadOnlyPaths: absolute paths separated by single spaces, without systemd prefixes (- + :).
 */
export type ReadOnlyPaths = string;
/**
 * InaccessiblePaths: absolute paths separated by single spaces, without systemd prefixes (- + :).
 */
export type InaccessiblePaths = string;
/**
 * ExecPaths: absolute paths separated by single spaces, without systemd prefixes (- + :).
 */
export type ExecPaths = string;
/**
 * NoExecPaths: absolute paths separated by single spaces, without systemd prefixes (- + :).
 */
export type NoExecPaths = string;
/**
 * RestrictAddressFamilies: none, or AF_* names separated by spaces, ~ first to deny them.
 */
export type RestrictAddressFamilies = string;
/**
 * SystemCallFilter: @sets and system call names separated by spaces, ~ first to deny them.
 */
export type SystemCallFilter = string;
/**
 * CapabilityBoundingSet: CAP_* names separated by spaces, ~ first to drop them; empty drops all.
 */
export type CapabilityBoundingSet = string;
/**
 * IPAddressAllow (systemd.resource-control(5)): addresses or networks separated by spaces, or localhost, link-local, multicast, any.
 */
export type IPAddressAllow = string;
/**
 * IPAddressDeny (systemd.resource-control(5)): addresses or networks separated by spaces, or localhost, link-local, multicast, any.
 */
export type IPAddressDeny = string;
/**
 * SystemCallArchitectures: native or architecture names separated by spaces.
 */
export type SystemCallArchitectures = string;
/**
 * SystemCallErrorNumber: an errno name such as EPERM.
 */
export type SystemCallErrorNumber = string;
/**
 * UMask: an octal file mode mask such as 0077.
 */
export type UMask = string;
export type MasterCfService = string;
/**
 * Extra master.cf lines, one service each (service type private unpriv chroot wakeup maxproc command + args).
 */
export type ExtraMasterCfServices = MasterCfService[];
export type AcknowledgedCommand = string;
/**
 * Commands this config runs on purpose, each exactly as lint quotes it: a pipe(8) or spawn(8) argv, a main.cf command such as mailbox_command, or a relay.sendmail.path other than /usr/sbin/sendmail. Listed ones are reported as info (acknowledged-command) instead of failing lint; a changed command no longer matches and fails again.
 */
export type AcknowledgedCommands = AcknowledgedCommand[];

/**
 * relay.config.yaml: one outbound-only transactional mail relay (MTA identity, Postfix delivery, sending domains with DKIM/SPF/DMARC/MX, the HTTP relay service) compiled and linted by relayconf.
 */
export interface RelayConfig {
  version: ConfigFormatVersion;
  name: ServiceName;
  mta: MTAIdentity;
  delivery?: PostfixDelivery;
  domains: SendingDomains;
  dns?: DNSOutput;
  relay?: HTTPRelayService;
  postfix?: RawPostfixOverrides;
  lint?: LintSettings;
}
/**
 * The SMTP-side identity recipients see: Postfix myhostname/smtp_helo_name, the sending IPs and their PTR names (the self-hosted HTTP relay build guide, steps 1-2).
 */
export interface MTAIdentity {
  hostname: MTAHostname;
  ipv4: SendingIPv4Address;
  ptr?: IPv4PTRName;
  ipv6?: SendingIPv6Address;
  ipv6Ptr?: IPv6PTRName;
}
/**
 * How the loopback-only Postfix delivers mail: directly to recipient MX or through a smarthost, and its policy knobs (postconf(5)).
 */
export interface PostfixDelivery {
  mode?: DeliveryMode;
  relayhost?: Smarthost;
  inetInterfaces?: PostfixListenInterfaces;
  trustedNetworks?: TrustedNetworks;
  fallbackRelays?: FallbackRelays;
  tls?: OutboundTLSLevel;
  messageSizeLimit?: MessageSizeLimit;
  smtputf8?: SMTPUTF8;
  stripInternalHeaders?: StripInternalHeaders;
  queueLifetime?: PostfixQueueLifetime;
  bounceQueueLifetime?: PostfixBounceQueueLifetime;
  milterDefault?: MilterDefaultAction;
  destinations?: PerDestinationThrottles;
  senderTransports?: SenderDependentTransports;
}
/**
 * The upstream relay used when mode is relayhost (postconf(5) relayhost): written as relayhost = [host]:port.
 */
export interface Smarthost {
  host: SmarthostHostName;
  port?: SmarthostPort;
  mxLookup?: LookUpMXOfTheSmarthostName;
  auth?: SASLAuthentication;
  caFile?: CABundle;
}
/**
 * SASL credentials for the smarthost. The password stays on the server in passwordFile; only its path is configured here.
 */
export interface SASLAuthentication {
  username: SASLUsername;
  passwordFile: SASLPasswordMapPath;
}
/**
 * One recipient domain and its limits.
 */
export interface DestinationThrottle {
  domain: RecipientDomain;
  concurrency?: Concurrency;
  rateDelay?: RateDelay;
  recipientLimit?: RecipientLimit;
  nexthop?: NextHop;
  auth?: SASLAuthenticationToThisNextHop;
}
/**
 * SASL credentials for this destination's own next hop (nexthop is then required). The password stays on the server in passwordFile (keyed by the next hop, postconf(5) smtp_sasl_password_maps); only the user name and the map's path are configured here.
 */
export interface SASLAuthenticationToThisNextHop {
  username: SASLUsername1;
  passwordFile: SASLPasswordMapPath1;
}
/**
 * One sender domain with its bind address and HELO name.
 */
export interface SenderTransport {
  domain: SenderDomain;
  bindAddress: BindAddress;
  heloName: HELOName;
  nexthop?: SenderDependentRelay;
  auth?: SASLAuthenticationToThisNextHop1;
}
/**
 * SASL credentials for this sender domain's relay. When another credential uses the same next hop, this one is keyed by @domain and the transport sets smtp_sender_dependent_authentication = yes. The password stays on the server in passwordFile (keyed by the next hop, postconf(5) smtp_sasl_password_maps); only the user name and the map's path are configured here.
 */
export interface SASLAuthenticationToThisNextHop1 {
  username: SASLUsername2;
  passwordFile: SASLPasswordMapPath2;
}
/**
 * A From domain with its return path, sender allowlist, DKIM, SPF, DMARC, MX and optional BIMI.
 */
export interface SendingDomain {
  name: DomainName;
  returnPath?: ReturnPath;
  senders: AllowedSenders;
  dkim: DKIM;
  spf?: SPF;
  dmarc?: DMARC;
  mx?: MXRecords;
  bimi?: BIMI;
}
/**
 * One allowed From address and its default display name.
 */
export interface Sender {
  address: SenderAddress;
  name?: DisplayName;
}
/**
 * Selectors published in DNS and the one OpenDKIM signs with now (the self-hosted HTTP relay build guide, step 4).
 */
export interface DKIM {
  signWith: SigningSelector;
  selectors: PublishedSelectors;
}
/**
 * A DKIM selector and its committed public key.
 */
export interface Selector {
  name: SelectorName;
  publicKeyFile: PublicKeyFile;
}
/**
 * The SPF record published for the return-path domain. The sending IPs (ip4:/ip6:) are always added first.
 */
export interface SPF {
  include?: Includes;
  mechanisms?: ExtraMechanisms;
  redirect?: Redirect;
  all?: AllQualifier;
}
/**
 * The _dmarc policy record for this From domain (RFC 9989; reports per RFC 9990).
 */
export interface DMARC {
  policy: Policy;
  subdomainPolicy?: SubdomainPolicy;
  nonExistentSubdomainPolicy?: NonExistentSubdomainPolicy;
  testing?: Testing;
  psd?: OrganizationalDomainFlag;
  pct?: PercentageRemoved;
  rua?: AggregateReportAddresses;
  adkim?: DKIMAlignment;
  aspf?: SPFAlignment;
}
/**
 * One MX host with its priority.
 */
export interface MXRecord {
  priority: Priority;
  host: Host;
}
/**
 * Optional brand indicator (the self-hosted HTTP relay build guide, step 14); needs DMARC quarantine or reject, not in testing (t=y).
 */
export interface BIMI {
  logo: LogoURL;
  authority?: AuthorityEvidenceURL;
  selector?: BIMISelector;
}
/**
 * How the DNS record fragments (dns/<zone>.zone, records only: the SOA and NS stay with whoever serves the zone) are written.
 */
export interface DNSOutput {
  ttl?: TTL;
  extraRecords?: ExtraRecords;
}
/**
 * One DNS record.
 */
export interface ExtraRecord {
  name: OwnerName;
  type: RecordType;
  value: Value;
}
/**
 * The generated Node.js relay (the self-hosted HTTP relay build guide, steps 5-9): HTTP /send in front of a disk queue and sendmail.
 */
export interface HTTPRelayService {
  listen?: ListenAddress;
  entry?: EntryLayer;
  user?: SystemUser;
  limits?: RequestLimits;
  queue?: DiskQueue;
  handoff?: HandOffToPostfix;
  sendmail?: Sendmail;
  token?: BearerTokenPolicy;
  clients?: APIClients;
  webhooks?: Webhooks;
  hardening?: SystemdHardeningOverrides;
}
/**
 * Optional gateway in front of the relay when callers are not on this host (the self-hosted HTTP relay build guide, step 9).
 */
export interface EntryLayer {
  hostname?: EntryHostname;
  gateway?: GatewayKind;
  allowFrom?: AllowedSources;
  clientCaFile?: ClientCAFile;
  tunnelId?: CloudflareTunnelId;
}
/**
 * Limits that keep the relay small and strict (the self-hosted HTTP relay build guide, step 6).
 */
export interface RequestLimits {
  bodyBytes?: BodyLimit;
  ratePerMinute?: RateLimit;
  subjectChars?: SubjectCap;
  recipients?: RecipientCap;
}
/**
 * Where accepted jobs wait and how they are retried (the self-hosted HTTP relay build guide, step 7).
 */
export interface DiskQueue {
  root?: QueueRoot;
  maxAttempts?: MaximumAttempts;
  backoff?: Backoff;
}
/**
 * Retry delays: first, doubling, capped at max (default 30s to 1h).
 */
export interface Backoff {
  first?: FirstDelay;
  max?: MaximumDelay;
}
/**
 * The Postfix sendmail the worker calls with -t -oi -f <return path>.
 */
export interface Sendmail {
  path?: SendmailPath;
  timeout?: SendmailTimeout;
}
/**
 * Where the relay reads its bearer token and how long it must be. The token itself never appears in this file.
 */
export interface BearerTokenPolicy {
  minBytes?: MinimumTokenLength;
}
/**
 * One calling service.
 */
export interface APIClient {
  name: ClientName;
  senders: ClientSenders;
  limits?: ClientLimits;
}
/**
 * This client's own budget; over it the relay answers 429 with Retry-After.
 */
export interface ClientLimits {
  requestsPerMinute?: RequestsPerMinute;
  messagesPerHour?: MessagesPerHour;
  messagesPerDay?: MessagesPerDay;
}
/**
 * One receiving endpoint.
 */
export interface Webhook {
  name: WebhookName;
  url: WebhookURL;
  events?: WebhookEvents;
}
/**
 * Overrides of the unit's sandboxing and security directives (systemd.exec(5)), directive name to typed value. Commands, identity and environment (Exec*, User, Group, DynamicUser, Environment*, credentials) are not overridable here. Anything that switches hardening off is linted (systemd-hardening-kept).
 */
export interface SystemdHardeningOverrides {
  NoNewPrivileges?: SystemdBoolean;
  PrivateTmp?: SystemdBoolean1;
  PrivateDevices?: SystemdBoolean2;
  PrivateNetwork?: SystemdBoolean3;
  PrivateUsers?: SystemdBoolean4;
  PrivateMounts?: SystemdBoolean5;
  PrivateIPC?: SystemdBoolean6;
  ProtectKernelTunables?: SystemdBoolean7;
  ProtectKernelModules?: SystemdBoolean8;
  ProtectKernelLogs?: SystemdBoolean9;
  ProtectControlGroups?: SystemdBoolean10;
  ProtectClock?: SystemdBoolean11;
  ProtectHostname?: SystemdBoolean12;
  RestrictSUIDSGID?: SystemdBoolean13;
  RestrictRealtime?: SystemdBoolean14;
  LockPersonality?: SystemdBoolean15;
  MemoryDenyWriteExecute?: SystemdBoolean16;
  RemoveIPC?: SystemdBoolean17;
  ProtectSystem?: ProtectSystem;
  ProtectHome?: ProtectHome;
  ProtectProc?: ProtectProc;
  ProcSubset?: ProcSubset;
  KeyringMode?: KeyringMode;
  DevicePolicy?: DevicePolicy;
  RestrictNamespaces?: RestrictNamespaces;
  ReadWritePaths?: ReadWritePaths;
  ReadOnlyPaths?: ReadOnlyPaths;
  InaccessiblePaths?: InaccessiblePaths;
  ExecPaths?: ExecPaths;
  NoExecPaths?: NoExecPaths;
  RestrictAddressFamilies?: RestrictAddressFamilies;
  SystemCallFilter?: SystemCallFilter;
  CapabilityBoundingSet?: CapabilityBoundingSet;
  IPAddressAllow?: IPAddressAllow;
  IPAddressDeny?: IPAddressDeny;
  SystemCallArchitectures?: SystemCallArchitectures;
  SystemCallErrorNumber?: SystemCallErrorNumber;
  UMask?: UMask;
}
/**
 * Escape hatch: main.cf parameters and extra master.cf services written after the generated ones. Linted (postfix-param-known and the posture rules).
 */
export interface RawPostfixOverrides {
  parameters?: MainCfParameters;
  services?: ExtraMasterCfServices;
}
/**
 * Parameter name to value; overrides the generated value.
 */
export interface MainCfParameters {
  [k: string]: (string | (number | boolean)) | undefined;
}
/**
 * Per-rule severity overrides, like eslint.
 */
export interface LintSettings {
  rules?: RuleSeverities;
  acknowledgedCommands?: AcknowledgedCommands;
}
/**
 * Rule id (a lint rule or a check-dns finding, as `relayconf rules` lists them) to off, info, warning or error; lint and check-dns both apply it, and --rule on the command line wins.
 */
export interface RuleSeverities {
  [k: string]: ('off' | 'info' | 'warning' | 'error') | undefined;
}

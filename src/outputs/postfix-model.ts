// The Postfix model: main.cf parameters, master.cf services and map rows, each tied to the config key
// that caused it. build encodes exactly this model and lint judges exactly this model, raw
// postfix.parameters and postfix.services included, so what is checked is what is written.
import type { KeyPath } from '../findings.js';
import type { DestinationModel, RelayModel, SenderTransportModel } from '../config/model.js';
import type { MainCfParameter, MapRow, MasterArg, MasterService } from './encode/postfix.js';
import { parseServiceLine } from './postfix-services.js';
import { passwordFiles, saslCredentials, type SaslCredential } from './sasl-credentials.js';
import { IMPLICIT_TLS_PORT } from '../config/normalize.js';

export const POSTFIX_DIR = '/etc/postfix';
export const HEADER_CHECKS_PATH = `${POSTFIX_DIR}/smtp_header_checks`;
export const TRANSPORT_PATH = `${POSTFIX_DIR}/transport`;
export const SENDER_TRANSPORT_PATH = `${POSTFIX_DIR}/sender_transport`;
/** OpenDKIM's milter socket (the self-hosted relay guide, step 4); opendkim.ts listens on the same address. */
export const MILTER = { host: '127.0.0.1', port: 8891 };
/** Debian's snakeoil pair (package ssl-cert, a postfix dependency), as in Debian's own main.cf. */
const SNAKEOIL = { cert: '/etc/ssl/certs/ssl-cert-snakeoil.pem', key: '/etc/ssl/private/ssl-cert-snakeoil.key' };
/** Postfix's own mailbox_size_limit default: message_size_limit may not exceed it (postfix check). */
const POSTFIX_MAILBOX_SIZE_LIMIT = 51_200_000;

export interface MainCfEntry {
  param: MainCfParameter;
  comments: string[];
}
export interface MainCfSection {
  comments: string[];
  entries: MainCfEntry[];
}
export interface MasterRow {
  comments: string[];
  service: MasterService;
}

export interface PostfixModel {
  /** main.cf as written: sections of parameters, raw overrides applied in place or appended. */
  sections: MainCfSection[];
  /** The effective main.cf by name (after overrides). */
  parameters: Map<string, MainCfParameter>;
  /** master.cf as written: stock services, generated transports, then postfix.services. */
  services: MasterRow[];
  /** postfix.services lines with fewer than master(5)'s eight fields: the encoder refuses them. */
  unparsedServices: Array<{ line: string; from: KeyPath }>;
  transport: MapRow[];
  senderTransport: MapRow[];
}

const entry = (name: string, value: string | number, from: KeyPath, ...comments: string[]): MainCfEntry => ({
  param: { name, value: String(value), from, overridden: false },
  comments,
});

/** `[host]:port`, or `host:port` when the smarthost's MX should be looked up. */
export function relayhostValue(model: RelayModel): string {
  const relayhost = model.delivery.relayhost;
  if (model.delivery.mode !== 'relayhost' || !relayhost) return '';
  return relayhost.mxLookup ? `${relayhost.host}:${relayhost.port}` : `[${relayhost.host}]:${relayhost.port}`;
}

/** The TCP port of a `[host]:port` or `host:port` nexthop; 25 (smtp) when none is written. */
export function nexthopPort(nexthop: string): number {
  const match = /:(\d+)$/.exec(nexthop);
  return match ? Number(match[1]) : 25;
}

/** Implicit TLS (RFC 8314 section 3.3): Postfix must start TLS before SMTP (postconf(5) smtp_tls_wrappermode). */
export function isImplicitTls(nexthop: string): boolean {
  return nexthop !== '' && nexthopPort(nexthop) === IMPLICIT_TLS_PORT;
}

/** Levels that already rule out plaintext, so wrappermode and SASL need no stronger per-transport level. */
const MANDATORY_LEVELS: ReadonlySet<string> = new Set(['encrypt', 'verify', 'secure']);

/** Postfix time values take one-letter units (s, m, h, d); the config also allows ms, rounded up here. */
export function postfixDuration(text: string, ms: number): string {
  return /ms$/.test(text) ? `${Math.max(1, Math.ceil(ms / 1000))}s` : text;
}

/** The parent domain Postfix would derive from myhostname, written out so nobody has to guess. */
function parentDomain(hostname: string): string {
  const labels = hostname.toLowerCase().split('.');
  return labels.length > 2 ? labels.slice(1).join('.') : labels.join('.');
}

/**
 * Where a throttled destination's mail goes. A transport map result with a transport and an empty
 * next hop resets the next hop to the recipient domain (transport(5)), which would send it around
 * the smarthost; so in relayhost mode the smarthost is written as the next hop explicitly.
 */
export function destinationNexthop(model: RelayModel, destination: DestinationModel): string {
  return destination.nexthop ?? relayhostValue(model);
}

/** postconf(5): with a non-zero rate delay, a failed cohort limit of 10 or more. */
export const MIN_FAILED_COHORT = 10;
const FAILED_COHORT = '_destination_concurrency_failed_cohort_limit';

/** Parameters no single key causes (the relay's fixed posture) point at the delivery block. */
const DELIVERY: KeyPath = ['delivery'];

function isIpv6(address: string): boolean {
  return address.includes(':');
}

/**
 * Mail leaves from the address whose PTR and SPF match: on a host with several addresses (SLAAC or
 * privacy IPv6 addresses, a second IPv4) the kernel's choice may not be it (postconf(5) smtp_bind_address).
 * Behind 1:1 NAT the public address is not local: Postfix 3.7 then logs a warning and connects unbound
 * (smtp_bind_address_enforce = no); set postfix.parameters smtp_bind_address to "" there.
 */
function bindEntries(model: RelayModel): MainCfEntry[] {
  const entries = [entry('smtp_bind_address', model.mta.ipv4, ['mta', 'ipv4'], 'Leave from the address the PTR and SPF name, not whichever one the kernel picks.')];
  // With inet_protocols = ipv4 Postfix makes no IPv6 connection, and an IPv6 bind address would be an error.
  if (model.mta.ipv6) entries.push(entry('smtp_bind_address6', model.mta.ipv6, ['mta', 'ipv6']));
  return entries;
}

function listenSection(model: RelayModel): MainCfSection {
  const { delivery } = model;
  const interfaces = Array.isArray(delivery.inetInterfaces) ? delivery.inetInterfaces.join(', ') : delivery.inetInterfaces;
  const open = delivery.inetInterfaces !== 'loopback-only';
  const entries = [
    entry('inet_interfaces', interfaces, ['delivery', 'inetInterfaces']),
    entry('inet_protocols', model.mta.ipv6 ? 'all' : 'ipv4', ['mta', 'ipv6'], model.mta.ipv6 ? 'IPv6 is declared with its PTR (mta.ipv6): send over both.' : 'No IPv6 declared (the self-hosted HTTP relay build guide, step 2, A / AAAA): never send over a half-configured IPv6 path.'),
    entry('mynetworks', delivery.trustedNetworks.join(' '), ['delivery', 'trustedNetworks'], 'Clients trusted to relay (delivery.trustedNetworks): loopback unless declared (postconf(5) mynetworks).'),
    entry('smtpd_client_restrictions', 'permit_mynetworks, reject', DELIVERY),
    entry('smtpd_relay_restrictions', 'permit_mynetworks, reject', DELIVERY),
    entry('smtpd_recipient_restrictions', 'permit_mynetworks, reject', DELIVERY),
  ];
  if (open) {
    entries.push(
      entry('smtpd_tls_security_level', 'may', ['delivery', 'inetInterfaces'], 'Other hosts may submit (delivery.inetInterfaces): offer STARTTLS to them (the self-hosted HTTP relay build guide, step 2, TLS).'),
      entry('smtpd_tls_cert_file', SNAKEOIL.cert, ['delivery', 'inetInterfaces']),
      entry('smtpd_tls_key_file', SNAKEOIL.key, ['delivery', 'inetInterfaces']),
    );
  } else {
    entries.push(entry('smtpd_tls_security_level', 'none', ['delivery', 'inetInterfaces'], 'Loopback only: STARTTLS on 127.0.0.1 protects nothing and would need a certificate.'));
  }
  return {
    comments: [
      'Who may hand mail in (the self-hosted HTTP relay build guide, step 3): loopback-only, never 0.0.0.0:25/465/587.',
      'Every restriction list ends in reject: only trusted clients relay (postconf(5) smtpd_relay_restrictions).',
    ],
    entries,
  };
}

function deliverySection(model: RelayModel): MainCfSection {
  const { delivery } = model;
  const relayhost = delivery.relayhost;
  const entries: MainCfEntry[] = [];
  if (delivery.mode === 'relayhost' && relayhost) {
    entries.push(entry('relayhost', relayhostValue(model), ['delivery', 'relayhost'], relayhost.mxLookup ? 'Without [brackets]: Postfix looks up the MX of the smarthost name first.' : '[brackets]: connect to this host, no MX lookup (postconf(5) relayhost).'));
    if (relayhost.auth) {
      entries.push(entry('smtp_sasl_auth_enable', 'yes', ['delivery', 'relayhost', 'auth'], `SASL to the smarthost as ${relayhost.auth.username}; the password lives only in the map on the server.`));
    }
  } else {
    entries.push(entry('relayhost', '', ['delivery', 'relayhost'], 'Direct delivery: look up each recipient MX and connect out on TCP 25 (the self-hosted HTTP relay build guide, step 0).'));
  }
  if (delivery.fallbackRelays.length > 0) {
    entries.push(entry('smtp_fallback_relay', delivery.fallbackRelays.join(', '), ['delivery', 'fallbackRelays'], 'Tried when the normal next hop cannot be reached (postconf(5) smtp_fallback_relay).'));
  }
  entries.push(...saslEntries(saslCredentials(model)));
  return { comments: ['Where mail goes (the Postfix SMTP relay guide: direct or through a smarthost).'], entries };
}

/**
 * The password maps every credential lives in. Only the smarthost's credential turns SASL on for all of
 * main.cf; a transport with its own credential turns it on in master.cf, so no other next hop is offered a password.
 */
function saslEntries(credentials: SaslCredential[]): MainCfEntry[] {
  if (credentials.length === 0) return [];
  const from = credentials[0].transport === null ? ['delivery', 'relayhost', 'auth', 'passwordFile'] : [...credentials[0].from, 'passwordFile'];
  const keys = credentials.map((c) => `${c.key} (${c.username})`).join(', ');
  return [
    entry(
      'smtp_sasl_password_maps',
      passwordFiles(credentials).map((file) => `hash:${file}`).join(', '),
      from,
      ...(credentials.length > 1 || credentials[0].transport !== null ? [`One line per next hop (postconf(5) smtp_sasl_password_maps): ${keys}.`] : []),
    ),
    entry('smtp_sasl_security_options', 'noanonymous', credentials[0].from),
    entry('smtp_sasl_tls_security_options', 'noanonymous', credentials[0].from),
  ];
}

function tlsSection(model: RelayModel): MainCfSection {
  const { delivery } = model;
  const entries = [entry('smtp_tls_security_level', delivery.tls, ['delivery', 'tls'])];
  if (mainWrappermode(model)) {
    entries.push(entry('smtp_tls_wrappermode', 'yes', ['delivery', 'relayhost', 'port'], 'Port 465 is implicit TLS (RFC 8314 section 3.3): TLS starts before SMTP, never STARTTLS (postconf(5) smtp_tls_wrappermode).'));
  }
  if (delivery.tls === 'dane') entries.push(entry('smtp_dns_support_level', 'dnssec', ['delivery', 'tls'], 'DANE needs DNSSEC-validated lookups.'));
  const caFile = delivery.relayhost?.caFile;
  if (delivery.mode === 'relayhost' && caFile) entries.push(entry('smtp_tls_CAfile', caFile, ['delivery', 'relayhost', 'caFile']), entry('smtp_tls_note_starttls_offer', 'yes', ['delivery', 'relayhost', 'caFile']));
  else if (['verify', 'secure'].includes(delivery.tls)) entries.push(entry('smtp_tls_CAfile', '/etc/ssl/certs/ca-certificates.crt', ['delivery', 'tls']));
  if (delivery.tls !== 'none') {
    entries.push(entry('smtp_tls_loglevel', 1, ['delivery', 'tls']), entry('smtp_tls_session_cache_database', 'btree:${data_directory}/smtp_scache', ['delivery', 'tls']));
  }
  const why =
    delivery.tls === 'may'
      ? 'Outbound TLS whenever the peer offers it (the self-hosted HTTP relay build guide, step 2, TLS).'
      : `Outbound TLS level ${delivery.tls} (delivery.tls)${delivery.mode === 'relayhost' && delivery.relayhost?.auth ? ': SASL credentials never travel in clear (Postfix SASL_README)' : ''}.`;
  return { comments: [why], entries };
}

/** Postfix's default smtpd_recipient_limit (postconf(5)). */
const POSTFIX_SMTPD_RECIPIENT_LIMIT = 1000;

function limitsSection(model: RelayModel): MainCfSection {
  const { delivery } = model;
  const entries = [
    entry('message_size_limit', delivery.messageSizeLimit, ['delivery', 'messageSizeLimit'], 'Bytes, envelope included (postconf(5) message_size_limit); holds the relay body after MIME growth.'),
    entry('smtputf8_enable', delivery.smtputf8 ? 'yes' : 'no', ['delivery', 'smtputf8']),
  ];
  if (delivery.messageSizeLimit > POSTFIX_MAILBOX_SIZE_LIMIT) {
    entries.push(entry('mailbox_size_limit', delivery.messageSizeLimit, ['delivery', 'messageSizeLimit'], 'Postfix refuses a message_size_limit above mailbox_size_limit; there are no mailboxes here.'));
  }
  if (model.relay.limits.recipients > POSTFIX_SMTPD_RECIPIENT_LIMIT) {
    // Else RCPT TO past Postfix's default gets 452 and the SMTP hand-off retries the job until it fails.
    entries.push(entry('smtpd_recipient_limit', model.relay.limits.recipients, ['relay', 'limits', 'recipients'], 'The relay takes up to relay.limits.recipients recipients a message: smtpd must accept as many (postconf(5)).'));
  }
  return { comments: ['Message limits (postconf(5)).'], entries };
}

function queueSection(model: RelayModel): MainCfSection {
  const { queueLifetime, bounceQueueLifetime } = model.delivery;
  return {
    comments: [
      'How long Postfix retries mail the relay handed over (postconf(5); Postfix\'s own default is 5d for both).',
      'Transactional mail is stale long before that; the sender hears of a failure sooner.',
    ],
    entries: [
      entry('maximal_queue_lifetime', postfixDuration(queueLifetime.text, queueLifetime.ms), ['delivery', 'queueLifetime']),
      entry('bounce_queue_lifetime', postfixDuration(bounceQueueLifetime.text, bounceQueueLifetime.ms), ['delivery', 'bounceQueueLifetime']),
    ],
  };
}

/** main.cf speaks implicit TLS when the smarthost listens on 465. */
function mainWrappermode(model: RelayModel): boolean {
  return model.delivery.mode === 'relayhost' && isImplicitTls(relayhostValue(model));
}

function milterSection(model: RelayModel): MainCfSection {
  const milter = `inet:${MILTER.host}:${MILTER.port}`;
  return {
    comments: [
      'OpenDKIM signs everything leaving, from SMTP clients and from sendmail alike (the self-hosted HTTP relay build guide, step 4).',
      model.delivery.milterDefault === 'tempfail'
        ? 'tempfail: while OpenDKIM is down mail waits in the queue instead of leaving unsigned.'
        : 'accept: while OpenDKIM is down mail leaves unsigned (the self-hosted HTTP relay build guide); tempfail would hold it.',
    ],
    entries: [
      entry('milter_protocol', 6, DELIVERY),
      entry('milter_default_action', model.delivery.milterDefault, ['delivery', 'milterDefault']),
      entry('smtpd_milters', milter, DELIVERY),
      entry('non_smtpd_milters', '$smtpd_milters', DELIVERY),
    ],
  };
}

function transportSections(model: RelayModel): MainCfSection[] {
  const sections: MainCfSection[] = [];
  const { destinations, senderTransports } = model.delivery;
  if (destinations.length > 0) {
    const entries = [entry('transport_maps', `hash:${TRANSPORT_PATH}`, ['delivery', 'destinations'])];
    for (const [i, d] of destinations.entries()) {
      if (d.concurrency !== null) entries.push(entry(`${d.transport}_destination_concurrency_limit`, d.concurrency, ['delivery', 'destinations', i, 'concurrency']));
      if (d.rateDelay !== null && d.rateDelayMs !== null) {
        entries.push(entry(`${d.transport}_destination_rate_delay`, postfixDuration(d.rateDelay, d.rateDelayMs), ['delivery', 'destinations', i, 'rateDelay']));
        if (d.rateDelayMs > 0) {
          entries.push(entry(`${d.transport}${FAILED_COHORT}`, MIN_FAILED_COHORT, ['delivery', 'destinations', i, 'rateDelay'], 'With a rate delay one connection error would otherwise suspend the whole destination (postconf(5)).'));
        }
      }
      if (d.recipientLimit !== null) entries.push(entry(`${d.transport}_destination_recipient_limit`, d.recipientLimit, ['delivery', 'destinations', i, 'recipientLimit']));
    }
    sections.push({ comments: ['Throttled destinations (postconf(5), per-transport limits): each has its own transport in master.cf and limits here.'], entries });
  }
  if (senderTransports.length > 0) {
    sections.push({
      comments: [
        'Sender domains that leave from their own address and HELO name (postconf(5) sender_dependent_default_transport_maps).',
        'A throttled destination (transport_maps) wins over these for its recipients.',
      ],
      entries: [entry('sender_dependent_default_transport_maps', `hash:${SENDER_TRANSPORT_PATH}`, ['delivery', 'senderTransports'])],
    });
  }
  return sections;
}

/** main.cf as the model implies it, before the raw postfix.parameters overrides. */
function generatedSections(model: RelayModel): MainCfSection[] {
  const hostname = model.mta.hostname.toLowerCase();
  const sections: MainCfSection[] = [
    {
      comments: ['Postfix 3.6 defaults (Debian 12 ships 3.7): no backwards-compatibility warnings.'],
      entries: [
        entry('compatibility_level', '3.6', DELIVERY),
        entry('biff', 'no', DELIVERY),
        entry('append_dot_mydomain', 'no', DELIVERY),
        entry('readme_directory', 'no', DELIVERY),
        entry('smtpd_banner', '$myhostname ESMTP', DELIVERY),
      ],
    },
    {
      comments: ['The MTA identity recipients see in HELO/EHLO; it must match the A record and the PTR (the self-hosted HTTP relay build guide, steps 1-2).'],
      entries: [
        entry('myhostname', hostname, ['mta', 'hostname']),
        entry('mydomain', parentDomain(hostname), ['mta', 'hostname']),
        entry('myorigin', '$mydomain', ['mta', 'hostname']),
        entry('smtp_helo_name', hostname, ['mta', 'hostname']),
        ...bindEntries(model),
      ],
    },
    listenSection(model),
    {
      comments: ['A pure relay: no domain is final here and nothing is delivered locally (postconf(5) mydestination).'],
      entries: [
        entry('mydestination', '', DELIVERY),
        entry('relay_domains', '', DELIVERY),
        entry('local_transport', 'error:local delivery is disabled on this send-only relay', DELIVERY),
        entry('local_recipient_maps', '', DELIVERY),
        entry('alias_maps', '', DELIVERY, 'No local aliases: newaliases has nothing to build.'),
        entry('alias_database', '', DELIVERY),
      ],
    },
    deliverySection(model),
    tlsSection(model),
    limitsSection(model),
    queueSection(model),
  ];
  if (model.delivery.stripInternalHeaders) {
    sections.push({
      comments: ['Drop internal Received, X-Originating-IP and X-PHP-Originating-Script headers as mail leaves (header_checks(5)).'],
      entries: [entry('smtp_header_checks', `regexp:${HEADER_CHECKS_PATH}`, ['delivery', 'stripInternalHeaders'])],
    });
  }
  sections.push(milterSection(model), ...transportSections(model));
  return sections;
}


/** postfix.parameters replace a generated value in place, or follow in a section of their own. */
function applyOverrides(sections: MainCfSection[], parameters: Record<string, string>): MainCfSection[] {
  const byName = new Map(sections.flatMap((s) => s.entries.map((e) => [e.param.name, e] as const)));
  const added: MainCfEntry[] = [];
  for (const name of Object.keys(parameters).sort()) {
    const param: MainCfParameter = { name, value: parameters[name], from: ['postfix', 'parameters', name], overridden: true };
    const existing = byName.get(name);
    if (existing) {
      existing.param = param;
      existing.comments = [...existing.comments, 'Value from relay.config.yaml postfix.parameters.'];
    } else {
      added.push({ param, comments: [] });
    }
  }
  if (added.length > 0) sections.push({ comments: ['Raw parameters from relay.config.yaml postfix.parameters.'], entries: added });
  return sections;
}

/** Debian 12's stock services (Postfix 3.7 master.cf) without submission, smtps and the pipe(8) extras. */
const STOCK_SERVICES: ReadonlyArray<readonly [string, MasterService['type'], string, string, string, string, string, string, ...string[]]> = [
  ['smtp', 'inet', 'n', '-', 'y', '-', '-', 'smtpd'],
  ['pickup', 'unix', 'n', '-', 'y', '60', '1', 'pickup'],
  ['cleanup', 'unix', 'n', '-', 'y', '-', '0', 'cleanup'],
  ['qmgr', 'unix', 'n', '-', 'n', '300', '1', 'qmgr'],
  ['tlsmgr', 'unix', '-', '-', 'y', '1000?', '1', 'tlsmgr'],
  ['rewrite', 'unix', '-', '-', 'y', '-', '-', 'trivial-rewrite'],
  ['bounce', 'unix', '-', '-', 'y', '-', '0', 'bounce'],
  ['defer', 'unix', '-', '-', 'y', '-', '0', 'bounce'],
  ['trace', 'unix', '-', '-', 'y', '-', '0', 'bounce'],
  ['verify', 'unix', '-', '-', 'y', '-', '1', 'verify'],
  ['flush', 'unix', 'n', '-', 'y', '1000?', '0', 'flush'],
  ['proxymap', 'unix', '-', '-', 'n', '-', '-', 'proxymap'],
  ['proxywrite', 'unix', '-', '-', 'n', '-', '1', 'proxymap'],
  ['smtp', 'unix', '-', '-', 'y', '-', '-', 'smtp'],
  ['relay', 'unix', '-', '-', 'y', '-', '-', 'smtp', 'syslog_name=postfix/$service_name'],
  ['showq', 'unix', 'n', '-', 'y', '-', '-', 'showq'],
  ['error', 'unix', '-', '-', 'y', '-', '-', 'error'],
  ['retry', 'unix', '-', '-', 'y', '-', '-', 'error'],
  ['discard', 'unix', '-', '-', 'y', '-', '-', 'discard'],
  ['local', 'unix', '-', 'n', 'n', '-', '-', 'local'],
  ['virtual', 'unix', '-', 'n', 'n', '-', '-', 'virtual'],
  ['lmtp', 'unix', '-', '-', 'y', '-', '-', 'lmtp'],
  ['anvil', 'unix', '-', '-', 'y', '-', '1', 'anvil'],
  ['scache', 'unix', '-', '-', 'y', '-', '1', 'scache'],
  ['postlog', 'unix-dgram', 'n', '-', 'n', '-', '1', 'postlogd'],
];

/** `-o name=value` as a typed argument. */
const option = (setting: string): MasterArg => {
  const eq = setting.indexOf('=');
  return { option: setting.slice(0, eq), value: setting.slice(eq + 1) };
};

/** An smtp(8) client service of our own (a throttled destination or a sender transport). */
function smtpService(transport: string, options: string[], from: KeyPath): MasterService {
  return { service: transport, type: 'unix', private: '-', unpriv: '-', chroot: 'y', wakeup: '-', maxproc: '-', command: 'smtp', args: options.map(option), from };
}

/**
 * -o settings a transport needs for its own next hop: wrappermode when its port differs from main.cf's
 * (465 is implicit TLS, anything else STARTTLS), and SASL with mandatory TLS when it has a credential.
 */
function nexthopOptions(model: RelayModel, nexthop: string, credential: SaslCredential | undefined): string[] {
  const options: string[] = [];
  const wrapper = isImplicitTls(nexthop);
  const mandatory = MANDATORY_LEVELS.has(model.delivery.tls);
  if (wrapper !== mainWrappermode(model)) options.push(`smtp_tls_wrappermode=${wrapper ? 'yes' : 'no'}`);
  if (credential) {
    options.push('smtp_sasl_auth_enable=yes');
    if (credential.senderDependent) options.push('smtp_sender_dependent_authentication=yes');
  }
  if ((wrapper || credential) && !mandatory) options.push('smtp_tls_security_level=encrypt');
  return options;
}

const credentialOf = (model: RelayModel, transport: string) => saslCredentials(model).find((c) => c.transport === transport);

function destinationRow(model: RelayModel, d: DestinationModel, i: number): MasterRow {
  const limits = [
    d.concurrency !== null ? `concurrency ${d.concurrency}` : null,
    d.rateDelay !== null ? `rate delay ${d.rateDelay}` : null,
    d.recipientLimit !== null ? `${d.recipientLimit} recipients a delivery` : null,
  ].filter((x): x is string => x !== null);
  return {
    comments: [`Throttled destination ${d.domain} (master(5))${limits.length ? `: ${limits.join(', ')} (main.cf)` : ''}.`],
    service: smtpService(d.transport, [...nexthopOptions(model, destinationNexthop(model, d), credentialOf(model, d.transport)), `syslog_name=postfix/${d.transport}`], ['delivery', 'destinations', i]),
  };
}

function senderRow(model: RelayModel, t: SenderTransportModel, i: number): MasterRow {
  const v6 = isIpv6(t.bindAddress);
  const options = [`${v6 ? 'smtp_bind_address6' : 'smtp_bind_address'}=${t.bindAddress}`, `smtp_helo_name=${t.heloName.toLowerCase()}`];
  // With IPv6 on for the host, this transport would otherwise leave over the host's IPv6 address,
  // whose PTR names the main MTA, not this HELO name.
  if (model.mta.ipv6) options.push(`inet_protocols=${v6 ? 'ipv6' : 'ipv4'}`);
  if (t.nexthop !== null) options.push(...nexthopOptions(model, t.nexthop, credentialOf(model, t.transport)));
  options.push(`syslog_name=postfix/${t.transport}`);
  return {
    comments: [`Mail from @${t.domain} leaves from ${t.bindAddress} as ${t.heloName.toLowerCase()}${t.nexthop ? ` through ${t.nexthop}` : ''} (the how-to Local mail relay with Postfix).`],
    service: smtpService(t.transport, options, ['delivery', 'senderTransports', i]),
  };
}

function masterRows(model: RelayModel): Pick<PostfixModel, 'services' | 'unparsedServices'> {
  const services: MasterRow[] = [
    ...STOCK_SERVICES.map(([service, type, priv, unpriv, chroot, wakeup, maxproc, command, ...options]) => ({
      comments: [],
      service: { service, type, private: priv, unpriv, chroot, wakeup, maxproc, command, args: options.map(option), from: [] },
    })),
    ...model.delivery.destinations.map((d, i) => destinationRow(model, d, i)),
    ...model.delivery.senderTransports.map((t, i) => senderRow(model, t, i)),
  ];
  const unparsedServices: PostfixModel['unparsedServices'] = [];
  let first = true;
  model.postfix.services.forEach((line, index) => {
    const from: KeyPath = ['postfix', 'services', index];
    const service = parseServiceLine(line, from);
    if (!service) return unparsedServices.push({ line, from });
    services.push({ comments: first ? ['Extra services from relay.config.yaml postfix.services.'] : [], service });
    first = false;
  });
  return { services, unparsedServices };
}

function mapRows(model: RelayModel): Pick<PostfixModel, 'transport' | 'senderTransport'> {
  return {
    transport: model.delivery.destinations.map((d, i) => ({ key: d.domain, value: `${d.transport}:${destinationNexthop(model, d)}`, from: ['delivery', 'destinations', i] })),
    senderTransport: model.delivery.senderTransports.map((t, i) => ({ key: `@${t.domain}`, value: `${t.transport}:${t.nexthop ?? ''}`, from: ['delivery', 'senderTransports', i] })),
  };
}

/** The whole Postfix model of a config: what build writes and what the posture rules judge. */
export function buildPostfixModel(model: RelayModel): PostfixModel {
  const sections = applyOverrides(generatedSections(model), model.postfix.parameters);
  const parameters = new Map(sections.flatMap((s) => s.entries.map((e) => [e.param.name, e.param] as const)));
  return { sections, parameters, ...masterRows(model), ...mapRows(model) };
}

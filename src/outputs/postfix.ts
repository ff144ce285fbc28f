// Postfix output: main.cf, master.cf and the map sources they name (seeds 01 step 3-4, 02, 03, 05).
import type { DestinationModel, RelayModel, SenderTransportModel } from '../config/model.js';
import type { ApplyHint, OutputFile } from './types.js';
import { columns, render } from './render.js';
import { HASH_MAP, MAIN_CF, MASTER_CF, SMTP_HEADER_CHECKS } from './templates/postfix.js';

export const POSTFIX_DIR = '/etc/postfix';
export const HEADER_CHECKS_PATH = `${POSTFIX_DIR}/smtp_header_checks`;
export const TRANSPORT_PATH = `${POSTFIX_DIR}/transport`;
export const SENDER_TRANSPORT_PATH = `${POSTFIX_DIR}/sender_transport`;
/** OpenDKIM's milter socket (seed 01 step 4); opendkim.ts listens on the same address. */
export const MILTER = { host: '127.0.0.1', port: 8891 };
/** Debian's snakeoil pair (package ssl-cert, a postfix dependency), as in Debian's own main.cf. */
const SNAKEOIL = { cert: '/etc/ssl/certs/ssl-cert-snakeoil.pem', key: '/etc/ssl/private/ssl-cert-snakeoil.key' };
/** Postfix's own mailbox_size_limit default: message_size_limit may not exceed it (postfix check). */
const POSTFIX_MAILBOX_SIZE_LIMIT = 51_200_000;

interface Entry {
  key: string;
  value: string;
  comments: string[];
}
interface Section {
  comments: string[];
  entries: Entry[];
}

const entry = (key: string, value: string | number, ...comments: string[]): Entry => ({ key, value: String(value), comments });

/** `[host]:port`, or `host:port` when the smarthost's MX should be looked up (seed 02). */
export function relayhostValue(model: RelayModel): string {
  const relayhost = model.delivery.relayhost;
  if (model.delivery.mode !== 'relayhost' || !relayhost) return '';
  return relayhost.mxLookup ? `${relayhost.host}:${relayhost.port}` : `[${relayhost.host}]:${relayhost.port}`;
}

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

function isIpv6(address: string): boolean {
  return address.includes(':');
}

function listenSection(model: RelayModel): Section {
  const { delivery } = model;
  const interfaces = Array.isArray(delivery.inetInterfaces) ? delivery.inetInterfaces.join(', ') : delivery.inetInterfaces;
  const open = delivery.inetInterfaces !== 'loopback-only';
  const entries = [
    entry('inet_interfaces', interfaces),
    entry('inet_protocols', model.mta.ipv6 ? 'all' : 'ipv4', model.mta.ipv6 ? 'IPv6 is declared with its PTR (mta.ipv6): send over both.' : 'No IPv6 declared (seed 01 A/AAAA): never send over a half-configured IPv6 path.'),
    entry('mynetworks', delivery.trustedNetworks.join(' '), 'Clients trusted to relay (delivery.trustedNetworks): loopback unless declared (seeds 02, 03, 05).'),
    entry('smtpd_client_restrictions', 'permit_mynetworks, reject'),
    entry('smtpd_relay_restrictions', 'permit_mynetworks, reject'),
    entry('smtpd_recipient_restrictions', 'permit_mynetworks, reject'),
  ];
  if (open) {
    entries.push(
      entry('smtpd_tls_security_level', 'may', 'Other hosts may submit (delivery.inetInterfaces): offer STARTTLS to them (seed 01 TLS).'),
      entry('smtpd_tls_cert_file', SNAKEOIL.cert),
      entry('smtpd_tls_key_file', SNAKEOIL.key),
    );
  } else {
    entries.push(entry('smtpd_tls_security_level', 'none', 'Loopback only: STARTTLS on 127.0.0.1 protects nothing and would need a certificate.'));
  }
  return {
    comments: [
      'Who may hand mail in (seed 01 step 3): loopback-only, never 0.0.0.0:25/465/587.',
      'Every restriction list ends in reject: only trusted clients relay (seed 02).',
    ],
    entries,
  };
}

function deliverySection(model: RelayModel): Section {
  const { delivery } = model;
  const relayhost = delivery.relayhost;
  const entries: Entry[] = [];
  if (delivery.mode === 'relayhost' && relayhost) {
    entries.push(entry('relayhost', relayhostValue(model), relayhost.mxLookup ? 'Without [brackets]: Postfix looks up the MX of the smarthost name first.' : '[brackets]: connect to this host, no MX lookup (seed 02).'));
    if (relayhost.auth) {
      entries.push(
        entry('smtp_sasl_auth_enable', 'yes', `SASL to the smarthost as ${relayhost.auth.username}; the password lives only in the map on the server.`),
        entry('smtp_sasl_password_maps', `hash:${relayhost.auth.passwordFile}`),
        entry('smtp_sasl_security_options', 'noanonymous'),
        entry('smtp_sasl_tls_security_options', 'noanonymous'),
      );
    }
  } else {
    entries.push(entry('relayhost', '', 'Direct delivery: look up each recipient MX and connect out on TCP 25 (seed 01 step 0).'));
  }
  if (delivery.fallbackRelays.length > 0) {
    entries.push(entry('smtp_fallback_relay', delivery.fallbackRelays.join(', '), 'Tried when the normal next hop cannot be reached (seed 03).'));
  }
  return { comments: ['Where mail goes (seed 02: direct or through a smarthost).'], entries };
}

function tlsSection(model: RelayModel): Section {
  const { delivery } = model;
  const entries = [entry('smtp_tls_security_level', delivery.tls)];
  if (delivery.tls === 'dane') entries.push(entry('smtp_dns_support_level', 'dnssec', 'DANE needs DNSSEC-validated lookups.'));
  const caFile = delivery.relayhost?.caFile;
  if (delivery.mode === 'relayhost' && caFile) entries.push(entry('smtp_tls_CAfile', caFile), entry('smtp_tls_note_starttls_offer', 'yes'));
  else if (['verify', 'secure'].includes(delivery.tls)) entries.push(entry('smtp_tls_CAfile', '/etc/ssl/certs/ca-certificates.crt'));
  if (delivery.tls !== 'none') {
    entries.push(entry('smtp_tls_loglevel', 1), entry('smtp_tls_session_cache_database', 'btree:${data_directory}/smtp_scache'));
  }
  const why =
    delivery.tls === 'may'
      ? 'Outbound TLS whenever the peer offers it (seed 01 TLS).'
      : `Outbound TLS level ${delivery.tls} (delivery.tls)${delivery.mode === 'relayhost' && delivery.relayhost?.auth ? ': SASL credentials never travel in clear (seed 02)' : ''}.`;
  return { comments: [why], entries };
}

function limitsSection(model: RelayModel): Section {
  const { delivery } = model;
  const entries = [
    entry('message_size_limit', delivery.messageSizeLimit, 'Bytes, envelope included (seed 03); holds the relay body after MIME growth.'),
    entry('smtputf8_enable', delivery.smtputf8 ? 'yes' : 'no'),
  ];
  if (delivery.messageSizeLimit > POSTFIX_MAILBOX_SIZE_LIMIT) {
    entries.push(entry('mailbox_size_limit', delivery.messageSizeLimit, 'Postfix refuses a message_size_limit above mailbox_size_limit; there are no mailboxes here.'));
  }
  return { comments: ['Message limits (seed 03).'], entries };
}

function milterSection(model: RelayModel): Section {
  const milter = `inet:${MILTER.host}:${MILTER.port}`;
  return {
    comments: [
      'OpenDKIM signs everything leaving, from SMTP clients and from sendmail alike (seed 01 step 4).',
      model.delivery.milterDefault === 'tempfail'
        ? 'tempfail: while OpenDKIM is down mail waits in the queue instead of leaving unsigned.'
        : 'accept: while OpenDKIM is down mail leaves unsigned (seed 01); tempfail would hold it.',
    ],
    entries: [
      entry('milter_protocol', 6),
      entry('milter_default_action', model.delivery.milterDefault),
      entry('smtpd_milters', milter),
      entry('non_smtpd_milters', '$smtpd_milters'),
    ],
  };
}

function transportSections(model: RelayModel): Section[] {
  const sections: Section[] = [];
  const { destinations, senderTransports } = model.delivery;
  if (destinations.length > 0) {
    const entries = [entry('transport_maps', `hash:${TRANSPORT_PATH}`)];
    for (const d of destinations) {
      if (d.concurrency !== null) entries.push(entry(`${d.transport}_destination_concurrency_limit`, d.concurrency));
      if (d.rateDelay !== null && d.rateDelayMs !== null) entries.push(entry(`${d.transport}_destination_rate_delay`, postfixDuration(d.rateDelay, d.rateDelayMs)));
      if (d.recipientLimit !== null) entries.push(entry(`${d.transport}_destination_recipient_limit`, d.recipientLimit));
    }
    sections.push({ comments: ['Throttled destinations (seed 05): each has its own transport in master.cf and limits here.'], entries });
  }
  if (senderTransports.length > 0) {
    sections.push({
      comments: [
        'Sender domains that leave from their own address and HELO name (seed 05).',
        'A throttled destination (transport_maps) wins over these for its recipients.',
      ],
      entries: [entry('sender_dependent_default_transport_maps', `hash:${SENDER_TRANSPORT_PATH}`)],
    });
  }
  return sections;
}

/** main.cf as the model implies it, before the raw postfix.parameters overrides. */
function generatedSections(model: RelayModel): Section[] {
  const hostname = model.mta.hostname.toLowerCase();
  const sections: Section[] = [
    {
      comments: ['Postfix 3.6 defaults (Debian 12 ships 3.7): no backwards-compatibility warnings.'],
      entries: [
        entry('compatibility_level', '3.6'),
        entry('biff', 'no'),
        entry('append_dot_mydomain', 'no'),
        entry('readme_directory', 'no'),
        entry('smtpd_banner', '$myhostname ESMTP'),
      ],
    },
    {
      comments: ['The MTA identity recipients see in HELO/EHLO; it must match the A record and the PTR (seed 01 steps 1-2).'],
      entries: [
        entry('myhostname', hostname),
        entry('mydomain', parentDomain(hostname)),
        entry('myorigin', '$mydomain'),
        entry('smtp_helo_name', hostname),
      ],
    },
    listenSection(model),
    {
      comments: ['A pure relay: no domain is final here and nothing is delivered locally (seed 02).'],
      entries: [
        entry('mydestination', ''),
        entry('relay_domains', ''),
        entry('local_transport', 'error:local delivery is disabled on this send-only relay'),
        entry('local_recipient_maps', ''),
        entry('alias_maps', '', 'No local aliases: newaliases has nothing to build.'),
        entry('alias_database', ''),
      ],
    },
    deliverySection(model),
    tlsSection(model),
    limitsSection(model),
  ];
  if (model.delivery.stripInternalHeaders) {
    sections.push({
      comments: ['Drop internal Received, X-Originating-IP and X-PHP-Originating-Script headers as mail leaves (seeds 02, 05).'],
      entries: [entry('smtp_header_checks', `regexp:${HEADER_CHECKS_PATH}`)],
    });
  }
  sections.push(milterSection(model), ...transportSections(model));
  return sections;
}

/** main.cf as sections of entries, with the raw overrides applied: what build writes. */
export function mainCfSections(model: RelayModel): Section[] {
  return applyOverrides(generatedSections(model), model.postfix.parameters);
}

/** Every main.cf parameter the model implies (before overrides): lint reads the same values build writes. */
export function generatedMainCfParameters(model: RelayModel): Map<string, string> {
  return new Map(generatedSections(model).flatMap((s) => s.entries.map((e) => [e.key, e.value] as [string, string])));
}

/** postfix.parameters replace a generated value in place, or follow in a section of their own. */
function applyOverrides(sections: Section[], parameters: Record<string, string>): Section[] {
  const added: Entry[] = [];
  for (const key of Object.keys(parameters).sort()) {
    const value = parameters[key];
    const existing = sections.flatMap((s) => s.entries).find((e) => e.key === key);
    if (existing) {
      existing.value = value;
      existing.comments = [...existing.comments, 'Value from relay.config.yaml postfix.parameters.'];
    } else {
      added.push(entry(key, value));
    }
  }
  if (added.length > 0) sections.push({ comments: ['Raw parameters from relay.config.yaml postfix.parameters.'], entries: added });
  return sections;
}

export function mainCf(model: RelayModel): OutputFile {
  return { path: 'etc/postfix/main.cf', mode: 0o644, content: render('postfix/main.cf', MAIN_CF, { name: model.name, sections: mainCfSections(model) }) };
}

/** Debian 12's stock services (Postfix 3.7 master.cf) without submission, smtps and the pipe(8) extras. */
const STOCK_SERVICES: ReadonlyArray<{ fields: string[]; options?: string[] }> = [
  { fields: ['smtp', 'inet', 'n', '-', 'y', '-', '-', 'smtpd'] },
  { fields: ['pickup', 'unix', 'n', '-', 'y', '60', '1', 'pickup'] },
  { fields: ['cleanup', 'unix', 'n', '-', 'y', '-', '0', 'cleanup'] },
  { fields: ['qmgr', 'unix', 'n', '-', 'n', '300', '1', 'qmgr'] },
  { fields: ['tlsmgr', 'unix', '-', '-', 'y', '1000?', '1', 'tlsmgr'] },
  { fields: ['rewrite', 'unix', '-', '-', 'y', '-', '-', 'trivial-rewrite'] },
  { fields: ['bounce', 'unix', '-', '-', 'y', '-', '0', 'bounce'] },
  { fields: ['defer', 'unix', '-', '-', 'y', '-', '0', 'bounce'] },
  { fields: ['trace', 'unix', '-', '-', 'y', '-', '0', 'bounce'] },
  { fields: ['verify', 'unix', '-', '-', 'y', '-', '1', 'verify'] },
  { fields: ['flush', 'unix', 'n', '-', 'y', '1000?', '0', 'flush'] },
  { fields: ['proxymap', 'unix', '-', '-', 'n', '-', '-', 'proxymap'] },
  { fields: ['proxywrite', 'unix', '-', '-', 'n', '-', '1', 'proxymap'] },
  { fields: ['smtp', 'unix', '-', '-', 'y', '-', '-', 'smtp'] },
  { fields: ['relay', 'unix', '-', '-', 'y', '-', '-', 'smtp'], options: ['-o syslog_name=postfix/$service_name'] },
  { fields: ['showq', 'unix', 'n', '-', 'y', '-', '-', 'showq'] },
  { fields: ['error', 'unix', '-', '-', 'y', '-', '-', 'error'] },
  { fields: ['retry', 'unix', '-', '-', 'y', '-', '-', 'error'] },
  { fields: ['discard', 'unix', '-', '-', 'y', '-', '-', 'discard'] },
  { fields: ['local', 'unix', '-', 'n', 'n', '-', '-', 'local'] },
  { fields: ['virtual', 'unix', '-', 'n', 'n', '-', '-', 'virtual'] },
  { fields: ['lmtp', 'unix', '-', '-', 'y', '-', '-', 'lmtp'] },
  { fields: ['anvil', 'unix', '-', '-', 'y', '-', '1', 'anvil'] },
  { fields: ['scache', 'unix', '-', '-', 'y', '-', '1', 'scache'] },
  { fields: ['postlog', 'unix-dgram', 'n', '-', 'n', '-', '1', 'postlogd'] },
];

/** One master.cf line in Debian's column layout (service and type share the first 16 columns). */
export function serviceLine(fields: string[]): string {
  const [service, type, ...rest] = fields;
  const head = `${service.padEnd(9)} ${type}`;
  return `${head.length < 16 ? head.padEnd(16) : `${head} `}${rest.slice(0, -1).map((f) => f.padEnd(8)).join('')}${rest[rest.length - 1]}`;
}

function destinationRow(d: DestinationModel) {
  const limits = [
    d.concurrency !== null ? `concurrency ${d.concurrency}` : null,
    d.rateDelay !== null ? `rate delay ${d.rateDelay}` : null,
    d.recipientLimit !== null ? `${d.recipientLimit} recipients a delivery` : null,
  ].filter((x): x is string => x !== null);
  return {
    comments: [`Throttled destination ${d.domain} (seed 05)${limits.length ? `: ${limits.join(', ')} (main.cf)` : ''}.`],
    line: serviceLine([d.transport, 'unix', '-', '-', 'y', '-', '-', 'smtp']),
    options: [`-o syslog_name=postfix/${d.transport}`],
  };
}

function senderRow(model: RelayModel, t: SenderTransportModel) {
  const v6 = isIpv6(t.bindAddress);
  const options = [`-o ${v6 ? 'smtp_bind_address6' : 'smtp_bind_address'}=${t.bindAddress}`, `-o smtp_helo_name=${t.heloName.toLowerCase()}`];
  // With IPv6 on for the host, this transport would otherwise leave over the host's IPv6 address,
  // whose PTR names the main MTA, not this HELO name.
  if (model.mta.ipv6) options.push(`-o inet_protocols=${v6 ? 'ipv6' : 'ipv4'}`);
  options.push(`-o syslog_name=postfix/${t.transport}`);
  return {
    comments: [`Mail from @${t.domain} leaves from ${t.bindAddress} as ${t.heloName.toLowerCase()} (seed 05).`],
    line: serviceLine([t.transport, 'unix', '-', '-', 'y', '-', '-', 'smtp']),
    options,
  };
}

export function masterCf(model: RelayModel): OutputFile {
  const rows = [
    ...STOCK_SERVICES.map((s) => ({ comments: [] as string[], line: serviceLine(s.fields), options: s.options ?? [] })),
    ...model.delivery.destinations.map(destinationRow),
    ...model.delivery.senderTransports.map((t) => senderRow(model, t)),
  ];
  return {
    path: 'etc/postfix/master.cf',
    mode: 0o644,
    content: render('postfix/master.cf', MASTER_CF, { name: model.name, rows, extra: model.postfix.services }),
  };
}

function hashMap(model: RelayModel, serverPath: string, what: string, comments: string[], rows: Array<[string, string]>): OutputFile {
  return {
    path: serverPath.replace(/^\//, ''),
    mode: 0o644,
    content: render('postfix/hash-map', HASH_MAP, { name: model.name, path: serverPath, what, comments, rows: columns(rows) }),
  };
}

/** The map sources main.cf names; the SASL password map is the admin's secret and never written. */
export function postfixMaps(model: RelayModel): OutputFile[] {
  const files: OutputFile[] = [];
  if (model.delivery.stripInternalHeaders) {
    files.push({ path: HEADER_CHECKS_PATH.slice(1), mode: 0o644, content: render('postfix/smtp_header_checks', SMTP_HEADER_CHECKS, { name: model.name }) });
  }
  if (model.delivery.destinations.length > 0) {
    const viaSmarthost = model.delivery.mode === 'relayhost' && model.delivery.destinations.some((d) => d.nexthop === null);
    files.push(
      hashMap(
        model,
        TRANSPORT_PATH,
        'transport_maps: recipient domain -> transport:nexthop (seed 05).',
        viaSmarthost ? ['An empty next hop would mean the recipient domain (transport(5)), so the smarthost is written out.'] : [],
        model.delivery.destinations.map((d) => [d.domain, `${d.transport}:${destinationNexthop(model, d)}`]),
      ),
    );
  }
  if (model.delivery.senderTransports.length > 0) {
    files.push(
      hashMap(
        model,
        SENDER_TRANSPORT_PATH,
        'sender_dependent_default_transport_maps: @sender-domain -> transport (seed 05).',
        [],
        model.delivery.senderTransports.map((t) => [`@${t.domain}`, `${t.transport}:`]),
      ),
    );
  }
  return files;
}

/** Every hash: map the server must postmap after the copy, SASL passwords included. */
export function postmapHints(model: RelayModel): ApplyHint[] {
  const hints: ApplyHint[] = [];
  if (model.delivery.destinations.length > 0) hints.push({ command: `postmap ${TRANSPORT_PATH}`, why: 'transport_maps' });
  if (model.delivery.senderTransports.length > 0) hints.push({ command: `postmap ${SENDER_TRANSPORT_PATH}`, why: 'sender_dependent_default_transport_maps' });
  const auth = model.delivery.mode === 'relayhost' ? model.delivery.relayhost?.auth : null;
  // umask 077: the .db holds the password too (seed 02: chmod 600 both).
  if (auth) hints.push({ command: `(umask 077; postmap ${auth.passwordFile})`, why: 'smtp_sasl_password_maps' });
  return hints;
}

export function postfixFiles(model: RelayModel): OutputFile[] {
  return [mainCf(model), masterCf(model), ...postfixMaps(model)];
}

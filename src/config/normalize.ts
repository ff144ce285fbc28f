// Turns a schema-valid config into the fully defaulted RelayModel. Defaults come from the seeds
// (the self-hosted HTTP relay build guide, steps 3 and 6-8, the hosted Outgoing Mail Server settings page for message size); key files are read here so rules stay pure.
import path from 'node:path';
import type { RelayConfig, Webhook } from './schema-types.generated.js';
import type { DkimKeyInfo, DomainModel, RelayModel, SelectorModel, WebhookEventType, WebhookModel } from './model.js';
import { parseDuration } from '../util/duration.js';
import { dkimKeyReader } from '../dkim/public-key.js';
import { addressToALabels, toALabels } from './idn.js';
import { normalizeEntry } from './entry.js';

/** Submission over implicit TLS (RFC 8314 section 3.3): the client speaks TLS before SMTP. */
export const IMPLICIT_TLS_PORT = 465;

export const DEFAULTS = {
  relayhostPort: 587,
  caFile: '/etc/ssl/certs/ca-certificates.crt',
  trustedNetworks: ['127.0.0.0/8', '[::1]/128'],
  messageSizeLimit: 25_600_000, // the hosted Outgoing Mail Server settings page
  milterDefault: 'accept' as const, // the self-hosted HTTP relay build guide, step 4
  // Transactional mail is stale long before Postfix's 5d (postconf(5) maximal_queue_lifetime):
  // 2d rides out a recipient MX outage and greylisting, and tells the sender of a failure days sooner.
  queueLifetime: '2d',
  // A bounce to the return path that cannot be delivered in half a day rarely will be.
  bounceQueueLifetime: '12h',
  ttl: 3600,
  listen: '127.0.0.1:2525', // the self-hosted HTTP relay build guide, step 5
  user: 'mailrelay', // the self-hosted HTTP relay build guide, step 8
  bodyBytes: 512 * 1024, // the self-hosted HTTP relay build guide, step 6
  ratePerMinute: 60,
  subjectChars: 200,
  recipients: 10,
  maxAttempts: 8, // the self-hosted HTTP relay build guide, step 7
  backoffFirst: '30s',
  backoffMax: '1h',
  // Pooled SMTP keeps up with Postfix's own accept rate; one sendmail per job does not (bench relay).
  handoff: 'smtp' as const,
  sendmailPath: '/usr/sbin/sendmail',
  sendmailTimeout: '30s',
  tokenMinBytes: 32,
  spfAll: '~all' as const, // the self-hosted HTTP relay build guide: ~all while other senders may exist
  bimiSelector: 'default',
};

/** A Postfix transport name from a domain: letters, digits and underscores only. */
export function transportName(prefix: string, domain: string): string {
  return `${prefix}_${domain.toLowerCase().replace(/[^a-z0-9]+/g, '_')}`;
}

export function domainOf(address: string): string {
  const at = address.lastIndexOf('@');
  return (at >= 0 ? address.slice(at + 1) : address).toLowerCase();
}

/** host:port or [v6]:port */
export function parseListen(text: string): { host: string; port: number; text: string } {
  const match = /^(?:\[([^\]]+)\]|([^:]+)):(\d+)$/.exec(text);
  if (!match) return { host: '127.0.0.1', port: 2525, text };
  return { host: match[1] ?? match[2], port: Number(match[3]), text };
}

/** A next hop with its host in A-label form: [bücher.example]:587 -> [xn--bcher-kva.example]:587. */
function nexthopToALabels(text: string): string {
  return text.replace(/^((?:[a-z][a-z0-9_-]*:)?\[?)([^\]:[]+)/, (_all, lead: string, host: string) => `${lead}${host.includes('.') ? toALabels(host) : host}`);
}

/** An SPF domain-spec in A-label form; one with macros is ASCII already (the schema says so). */
function spfDomainToALabels(text: string): string {
  return text.includes('%') ? text : toALabels(text);
}

/** Extra record data with host-name targets in A-label form. */
function rdataToALabels(type: string, value: string): string {
  if (type === 'CNAME') return toALabels(value);
  if (type === 'MX') return value.replace(/ (\S+)$/, (_all, host: string) => ` ${host === '.' ? host : toALabels(host)}`);
  return value;
}

function timed(text: string): { text: string; ms: number } {
  return { text, ms: parseDuration(text) };
}

export function normalize(config: RelayConfig, configDir: string): RelayModel {
  const delivery = config.delivery ?? {};
  const relay = config.relay ?? {};
  const mode = delivery.mode ?? (delivery.relayhost ? 'relayhost' : 'direct');
  const relayhost = delivery.relayhost
    ? {
        host: toALabels(delivery.relayhost.host),
        port: delivery.relayhost.port ?? DEFAULTS.relayhostPort,
        mxLookup: delivery.relayhost.mxLookup ?? false,
        auth: delivery.relayhost.auth ? { ...delivery.relayhost.auth } : null,
        caFile: delivery.relayhost.caFile ?? DEFAULTS.caFile,
      }
    : null;
  // the Postfix SMTP relay guide: SASL to a smarthost goes with TLS encrypt; elsewhere opportunistic TLS (the self-hosted HTTP relay build guide).
  // Implicit TLS on 465 needs encrypt or stronger (postconf(5) smtp_tls_wrappermode).
  const mandatory = mode === 'relayhost' && (relayhost?.auth || relayhost?.port === IMPLICIT_TLS_PORT);
  const tls = delivery.tls ?? (mandatory ? 'encrypt' : 'may');
  const backoffFirst = relay.queue?.backoff?.first ?? DEFAULTS.backoffFirst;
  const backoffMax = relay.queue?.backoff?.max ?? DEFAULTS.backoffMax;
  const sendmailTimeout = relay.sendmail?.timeout ?? DEFAULTS.sendmailTimeout;
  // A thousand domains commonly share a key or two: read and parse each once per load.
  const readKey = dkimKeyReader();

  return {
    version: 1,
    name: config.name,
    configDir,
    mta: {
      hostname: toALabels(config.mta.hostname),
      ipv4: config.mta.ipv4,
      ptr: toALabels(config.mta.ptr ?? config.mta.hostname),
      ptrDeclared: config.mta.ptr !== undefined,
      ipv6: config.mta.ipv6 ?? null,
      ipv6Ptr: config.mta.ipv6Ptr ? toALabels(config.mta.ipv6Ptr) : null,
    },
    delivery: {
      mode,
      relayhost,
      inetInterfaces: delivery.inetInterfaces ?? 'loopback-only',
      trustedNetworks: delivery.trustedNetworks ?? [...DEFAULTS.trustedNetworks],
      fallbackRelays: (delivery.fallbackRelays ?? []).map(nexthopToALabels),
      tls,
      messageSizeLimit: delivery.messageSizeLimit ?? DEFAULTS.messageSizeLimit,
      smtputf8: delivery.smtputf8 ?? true,
      stripInternalHeaders: delivery.stripInternalHeaders ?? true,
      milterDefault: delivery.milterDefault ?? DEFAULTS.milterDefault,
      queueLifetime: timed(delivery.queueLifetime ?? DEFAULTS.queueLifetime),
      bounceQueueLifetime: timed(delivery.bounceQueueLifetime ?? DEFAULTS.bounceQueueLifetime),
      destinations: (delivery.destinations ?? []).map((d) => ({
        domain: toALabels(d.domain).toLowerCase(),
        transport: transportName('slow', toALabels(d.domain)),
        concurrency: d.concurrency ?? null,
        rateDelay: d.rateDelay ?? null,
        rateDelayMs: d.rateDelay ? parseDuration(d.rateDelay) : null,
        recipientLimit: d.recipientLimit ?? null,
        nexthop: d.nexthop ? nexthopToALabels(d.nexthop) : null,
        auth: d.auth ? { ...d.auth } : null,
      })),
      senderTransports: (delivery.senderTransports ?? []).map((t) => ({
        domain: toALabels(t.domain).toLowerCase(),
        transport: transportName('out', toALabels(t.domain)),
        bindAddress: t.bindAddress,
        heloName: toALabels(t.heloName),
        nexthop: t.nexthop ? nexthopToALabels(t.nexthop) : null,
        auth: t.auth ? { ...t.auth } : null,
      })),
    },
    domains: config.domains.map((d) => normalizeDomain(d, configDir, readKey)),
    dns: {
      ttl: config.dns?.ttl ?? DEFAULTS.ttl,
      extraRecords: (config.dns?.extraRecords ?? []).map((r) => ({ ...r, name: toALabels(r.name), value: rdataToALabels(r.type, r.value) })),
    },
    relay: {
      listen: parseListen(relay.listen ?? DEFAULTS.listen),
      entry: normalizeEntry(relay.entry),
      user: relay.user ?? DEFAULTS.user,
      limits: {
        bodyBytes: relay.limits?.bodyBytes ?? DEFAULTS.bodyBytes,
        ratePerMinute: relay.limits?.ratePerMinute ?? DEFAULTS.ratePerMinute,
        subjectChars: relay.limits?.subjectChars ?? DEFAULTS.subjectChars,
        recipients: relay.limits?.recipients ?? DEFAULTS.recipients,
      },
      queue: {
        root: relay.queue?.root ?? `/var/spool/${config.name}`,
        maxAttempts: relay.queue?.maxAttempts ?? DEFAULTS.maxAttempts,
        backoff: {
          first: backoffFirst,
          max: backoffMax,
          firstMs: parseDuration(backoffFirst),
          maxMs: parseDuration(backoffMax),
        },
      },
      handoff: relay.handoff ?? DEFAULTS.handoff,
      sendmail: {
        path: relay.sendmail?.path ?? DEFAULTS.sendmailPath,
        timeout: sendmailTimeout,
        timeoutMs: parseDuration(sendmailTimeout),
      },
      token: { minBytes: relay.token?.minBytes ?? DEFAULTS.tokenMinBytes },
      clients: (relay.clients ?? []).map((c) => ({
        name: c.name,
        senders: c.senders.map((address) => address.toLowerCase()),
        limits: {
          requestsPerMinute: c.limits?.requestsPerMinute ?? relay.limits?.ratePerMinute ?? DEFAULTS.ratePerMinute,
          messagesPerHour: c.limits?.messagesPerHour ?? 0,
          messagesPerDay: c.limits?.messagesPerDay ?? 0,
        },
      })),
      webhooks: (relay.webhooks ?? []).map(normalizeWebhook),
      hardening: Object.fromEntries(
        Object.entries(relay.hardening ?? {}).filter((entry): entry is [string, string | boolean] => entry[1] !== undefined),
      ),
    },
    postfix: {
      parameters: Object.fromEntries(
        Object.entries(config.postfix?.parameters ?? {})
          .filter(([, v]) => v !== undefined)
          .map(([k, v]) => [k, typeof v === 'boolean' ? (v ? 'yes' : 'no') : String(v)]),
      ),
      services: config.postfix?.services ?? [],
    },
    lint: {
      rules: { ...((config.lint?.rules ?? {}) as Record<string, 'off' | 'info' | 'warning' | 'error'>) },
      acknowledgedCommands: [...(config.lint?.acknowledgedCommands ?? [])],
    },
  };
}

function normalizeDomain(d: RelayConfig['domains'][number], configDir: string, readKey: (file: string) => DkimKeyInfo): DomainModel {
  const name = toALabels(d.name).toLowerCase();
  const returnPath = d.returnPath ? addressToALabels(d.returnPath) : `bounces@${name}`;
  const selectors: SelectorModel[] = d.dkim.selectors.map((s) => {
    const publicKeyPath = path.resolve(configDir, s.publicKeyFile);
    return { name: s.name, publicKeyFile: s.publicKeyFile, publicKeyPath, key: readKey(publicKeyPath) };
  });
  return {
    name,
    returnPath,
    returnPathDomain: domainOf(returnPath),
    senders: d.senders.map((s) => ({ address: addressToALabels(s.address), name: s.name ?? null })),
    dkim: { signWith: d.dkim.signWith, selectors },
    spf: {
      include: (d.spf?.include ?? []).map(spfDomainToALabels),
      mechanisms: d.spf?.mechanisms ?? [],
      redirect: d.spf?.redirect ? spfDomainToALabels(d.spf.redirect) : null,
      // A redirect with no all is the point of a redirect (RFC 7208 6.1): default all only without one.
      all: d.spf?.all ?? (d.spf?.redirect ? 'none' : DEFAULTS.spfAll),
      declared: d.spf !== undefined,
    },
    dmarc: d.dmarc
      ? {
          policy: d.dmarc.policy,
          subdomainPolicy: d.dmarc.subdomainPolicy ?? null,
          nonExistentSubdomainPolicy: d.dmarc.nonExistentSubdomainPolicy ?? null,
          testing: d.dmarc.testing ?? false,
          // psd=u is the default: writing it would say nothing.
          psd: d.dmarc.psd === 'n' ? 'n' : null,
          pct: d.dmarc.pct ?? null,
          rua: (d.dmarc.rua ?? []).map(addressToALabels),
          adkim: d.dmarc.adkim ?? 'r',
          aspf: d.dmarc.aspf ?? 'r',
        }
      : null,
    mx: (d.mx ?? []).map((m) => ({ priority: m.priority, host: toALabels(m.host) })),
    bimi: d.bimi
      ? { logo: d.bimi.logo, authority: d.bimi.authority ?? null, selector: d.bimi.selector ?? DEFAULTS.bimiSelector }
      : null,
  };
}

const WEBHOOK_EVENTS: WebhookEventType[] = ['delivered', 'deferred', 'bounced', 'failed'];

/** relay.webhooks[i]: the URL parsed by WHATWG URL (the schema's url format already proved it parses). */
function normalizeWebhook(hook: Webhook): WebhookModel {
  const url = new URL(hook.url);
  const wanted = new Set(hook.events ?? WEBHOOK_EVENTS);
  return {
    name: hook.name,
    url: url.href,
    scheme: url.protocol === 'http:' ? 'http' : 'https',
    host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    userinfo: url.username !== '' || url.password !== '',
    events: WEBHOOK_EVENTS.filter((type) => wanted.has(type)),
  };
}

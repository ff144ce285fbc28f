// OpenDKIM output: opendkim.conf and its KeyTable, SigningTable and TrustedHosts (seed 01 step 4).
import type { DomainModel, RelayModel } from '../config/model.js';
import { domainOf } from '../config/normalize.js';
import type { OutputFile } from './types.js';
import { columns, render } from './render.js';
import { MILTER } from './postfix.js';
import { OPENDKIM_CONF, TABLE } from './templates/opendkim.js';
import { byteCompare } from '../util/compare.js';

export const OPENDKIM_DIR = '/etc/opendkim';
export const KEYS_DIR = `${OPENDKIM_DIR}/keys`;

/** One key OpenDKIM signs with: a sending domain's signWith selector. */
export interface SigningKey {
  domain: string;
  selector: string;
  /** KeyTable key and DKIM record owner: <selector>._domainkey.<domain> */
  keyName: string;
  /** Server path of the private key. */
  privatePath: string;
}

export function signingKey(domain: DomainModel): SigningKey {
  return {
    domain: domain.name,
    selector: domain.dkim.signWith,
    keyName: `${domain.dkim.signWith}._domainkey.${domain.name}`,
    privatePath: `${KEYS_DIR}/${domain.name}/${domain.dkim.signWith}.private`,
  };
}

/** The keys the server needs, sorted by domain: only signing selectors (older published ones need no private key). */
export function signingKeys(model: RelayModel): SigningKey[] {
  return model.domains.map(signingKey).sort((a, b) => byteCompare(a.domain, b.domain));
}

/**
 * SigningTable rows: every From domain the allowlist uses, mapped to the key of the sending domain
 * that lists it. OpenDKIM picks the signature by the From: header, so a sender such as
 * alerts@ops.example.com needs its own row; refile: patterns are literal except for `*`.
 */
export function signingRows(model: RelayModel): Array<[string, string]> {
  const rows = new Map<string, string>();
  for (const domain of model.domains) {
    const key = signingKey(domain).keyName;
    for (const fromDomain of [domain.name, ...domain.senders.map((s) => domainOf(s.address))]) {
      if (!rows.has(fromDomain)) rows.set(fromDomain, key);
    }
  }
  return [...rows.entries()].sort(([a], [b]) => byteCompare(a, b)).map(([fromDomain, key]) => [`*@${fromDomain}`, key]);
}

/** Hosts whose mail is signed, not verified: loopback plus the trusted networks, in OpenDKIM's CIDR form. */
export function trustedHosts(model: RelayModel): string[] {
  const hosts = ['127.0.0.1', '::1', 'localhost', ...model.delivery.trustedNetworks.map((n) => n.replace(/^\[([^\]]+)\]/, '$1'))];
  return [...new Set(hosts)];
}

/** OpenDKIM's SignatureAlgorithm is global: Ed25519 only when every signing key is Ed25519. */
export function signatureAlgorithm(model: RelayModel): 'rsa-sha256' | 'ed25519-sha256' {
  const types = model.domains.map((d) => {
    const key = d.dkim.selectors.find((s) => s.name === d.dkim.signWith)?.key;
    return key?.status === 'ok' ? key.keyType : 'rsa';
  });
  return types.every((t) => t === 'ed25519') ? 'ed25519-sha256' : 'rsa-sha256';
}

export function opendkimConf(model: RelayModel): OutputFile {
  const algorithm = signatureAlgorithm(model);
  const settings = columns(
    [
      ['Syslog', 'yes'],
      ['SyslogSuccess', 'yes'],
      ['LogWhy', 'yes'],
      ['Mode', 's'],
      ['Socket', `inet:${MILTER.port}@${MILTER.host}`],
      ['PidFile', '/run/opendkim/opendkim.pid'],
      ['UserID', 'opendkim'],
      ['UMask', '007'],
      ['Canonicalization', 'relaxed/simple'],
      // RFC 6376 5.4.1's list: OpenDKIM's default leaves Message-ID and the MIME structure unsigned.
      ['SignHeaders', 'From,Reply-To,To,Cc,Subject,Date,Message-ID,MIME-Version,Content-Type,In-Reply-To,References'],
      ['OversignHeaders', 'From'],
      ...(algorithm === 'rsa-sha256' ? [] : [['SignatureAlgorithm', algorithm] as [string, string]]),
      ['KeyTable', `refile:${OPENDKIM_DIR}/KeyTable`],
      ['SigningTable', `refile:${OPENDKIM_DIR}/SigningTable`],
      ['InternalHosts', `${OPENDKIM_DIR}/TrustedHosts`],
      ['ExternalIgnoreList', `${OPENDKIM_DIR}/TrustedHosts`],
      ['RequireSafeKeys', 'yes'],
    ],
    8,
  );
  return { path: 'etc/opendkim.conf', mode: 0o644, content: render('opendkim/opendkim.conf', OPENDKIM_CONF, { name: model.name, settings }) };
}

function table(model: RelayModel, file: string, what: string[], rows: string[]): OutputFile {
  return { path: `etc/opendkim/${file}`, mode: 0o644, content: render('opendkim/table', TABLE, { name: model.name, file, what, rows }) };
}

export function opendkimFiles(model: RelayModel): OutputFile[] {
  return [
    opendkimConf(model),
    table(
      model,
      'KeyTable',
      ['Key name -> domain:selector:private key path. Only the selectors that sign (dkim.signWith);', 'older published selectors stay in DNS and need no private key here.'],
      columns(signingKeys(model).map((k) => [k.keyName, `${k.domain}:${k.selector}:${k.privatePath}`])),
    ),
    table(
      model,
      'SigningTable',
      ['From address pattern -> KeyTable key (refile: `*` is the only wildcard). One row per From domain', 'in the sender allowlist (seed 01 step 6), signed with its sending domain\'s key.'],
      columns(signingRows(model)),
    ),
    table(
      model,
      'TrustedHosts',
      ['InternalHosts and ExternalIgnoreList: mail from these is signed, not verified.', 'Loopback plus delivery.trustedNetworks (Postfix mynetworks).'],
      trustedHosts(model),
    ),
  ];
}

// OpenDKIM output: opendkim.conf and its KeyTable, SigningTable and TrustedHosts (the self-hosted HTTP relay build guide, step 4).
import type { DomainModel, RelayModel } from '../config/model.js';
import { domainOf } from '../config/normalize.js';
import type { OutputFile } from './types.js';
import { render } from './render.js';
import { MILTER } from './postfix-model.js';
import { encodeOpendkimRows, type OpendkimRow } from './encode/opendkim.js';
import { refuseControl } from './encode/refuse.js';
import type { KeyPath } from '../findings.js';
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
  return signingTable(model).map((r) => [r.key, r.value]);
}

/** SigningTable rows with the config key of each From domain. */
function signingTable(model: RelayModel): OpendkimRow[] {
  const rows = new Map<string, { key: string; from: KeyPath }>();
  model.domains.forEach((domain, i) => {
    const key = signingKey(domain).keyName;
    const sources: Array<[string, KeyPath]> = [[domain.name, ['domains', i, 'name']], ...domain.senders.map((s, j): [string, KeyPath] => [domainOf(s.address), ['domains', i, 'senders', j]])];
    for (const [fromDomain, from] of sources) if (!rows.has(fromDomain)) rows.set(fromDomain, { key, from });
  });
  return [...rows.entries()].sort(([a], [b]) => byteCompare(a, b)).map(([fromDomain, { key, from }]) => ({ key: `*@${fromDomain}`, value: key, from }));
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
  const fixed = (rows: Array<[string, string]>): OpendkimRow[] => rows.map(([key, value]) => ({ key, value, from: [] }));
  const settings = encodeOpendkimRows(
    fixed([
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
      // The list headers a caller may set: RFC 8058 section 3 requires List-Unsubscribe and
      // List-Unsubscribe-Post to be covered by the DKIM signature for one-click unsubscribe.
      ['SignHeaders', 'From,Reply-To,To,Cc,Subject,Date,Message-ID,MIME-Version,Content-Type,In-Reply-To,References,List-Unsubscribe,List-Unsubscribe-Post,List-Id,Feedback-ID'],
      // Oversigned (RFC 6376 section 8.15): nobody on the way can add a second From or a second unsubscribe target.
      ['OversignHeaders', 'From,List-Unsubscribe,List-Unsubscribe-Post'],
      ...(algorithm === 'rsa-sha256' ? [] : [['SignatureAlgorithm', algorithm] as [string, string]]),
      ['KeyTable', `refile:${OPENDKIM_DIR}/KeyTable`],
      ['SigningTable', `refile:${OPENDKIM_DIR}/SigningTable`],
      ['InternalHosts', `${OPENDKIM_DIR}/TrustedHosts`],
      ['ExternalIgnoreList', `${OPENDKIM_DIR}/TrustedHosts`],
      ['RequireSafeKeys', 'yes'],
    ]),
    'etc/opendkim.conf',
    8,
  );
  return { path: 'etc/opendkim.conf', mode: 0o644, content: render('opendkim/opendkim.conf', OPENDKIM_CONF, { name: comment('etc/opendkim.conf', model.name), settings }) };
}

function comment(output: string, text: string): string {
  refuseControl({ output, key: 'comment', from: ['name'] }, text);
  return text;
}

function table(model: RelayModel, file: string, what: string[], rows: OpendkimRow[]): OutputFile {
  const path = `etc/opendkim/${file}`;
  return { path, mode: 0o644, content: render('opendkim/table', TABLE, { name: comment(path, model.name), file, what, rows: encodeOpendkimRows(rows, path) }) };
}

export function opendkimFiles(model: RelayModel): OutputFile[] {
  const domainIndex = new Map(model.domains.map((d, i) => [d.name, i]));
  return [
    opendkimConf(model),
    table(
      model,
      'KeyTable',
      ['Key name -> domain:selector:private key path. Only the selectors that sign (dkim.signWith);', 'older published selectors stay in DNS and need no private key here.'],
      signingKeys(model).map((k) => ({ key: k.keyName, value: `${k.domain}:${k.selector}:${k.privatePath}`, from: ['domains', domainIndex.get(k.domain) ?? 0, 'dkim', 'signWith'] })),
    ),
    table(
      model,
      'SigningTable',
      ['From address pattern -> KeyTable key (refile: `*` is the only wildcard). One row per From domain', 'in the sender allowlist (the self-hosted HTTP relay build guide, step 6), signed with its sending domain\'s key.'],
      signingTable(model),
    ),
    table(
      model,
      'TrustedHosts',
      ['InternalHosts and ExternalIgnoreList: mail from these is signed, not verified.', 'Loopback plus delivery.trustedNetworks (Postfix mynetworks).'],
      trustedHosts(model).map((host) => ({ key: host, value: '', from: ['delivery', 'trustedNetworks'] })),
    ),
  ];
}

// The string formats of schema/relay.schema.json: what each kind of config string may hold.
// The precompiled validator (src/tools/gen-validator.mjs) calls these by name; validate.ts says
// in FORMAT_HINTS what each expects, so a finding tells what to write instead.
import { isIPv4, isIPv6 } from '../util/ip-address.js';
import { checkName } from './idn.js';

const PORT = /^[0-9]{1,5}$/;
const validPort = (text: string) => PORT.test(text) && Number(text) >= 1 && Number(text) <= 65535;

/** A host name: LDH labels, an IDN in U-label or A-label form, no label mixing scripts. */
function hostname(text: string): boolean {
  return checkName(text).problem === null;
}

/** A DNS owner name: like a host name, but labels may start with an underscore (_dmarc, _domainkey). */
function dnsName(text: string): boolean {
  return checkName(text, { owner: true, trailingDot: true }).problem === null;
}

/** A zone-file target (CNAME, MX): a host name, optionally absolute with a trailing dot. */
function dnsTarget(text: string): boolean {
  return checkName(text, { trailingDot: true }).problem === null;
}

/** A sane local part: dot-atom of letters, digits and . _ + = - (no quoting, no spaces, no shell metacharacters). */
const LOCAL_PART = /^[A-Za-z0-9_+=-]+(?:\.[A-Za-z0-9_+=-]+)*$/;

/** local@domain with a sane local part (at most 64 octets, RFC 5321 4.5.3.1.1) and a host-name domain. */
function email(text: string): boolean {
  const at = text.lastIndexOf('@');
  if (at <= 0) return false;
  const local = text.slice(0, at);
  return local.length <= 64 && LOCAL_PART.test(local) && hostname(text.slice(at + 1));
}

/** Path characters that need no quoting in any output: no spaces, quotes, $, %, ;, backslashes or globs. */
const PATH_SEGMENT = /^[A-Za-z0-9._+@-]+$/;

function safeSegments(segments: string[]): boolean {
  return segments.every((s) => PATH_SEGMENT.test(s) && s !== '.' && s !== '..');
}

/** An absolute server path from a safe character set, with no `.`/`..` segment and no `//`. */
function absolutePath(text: string): boolean {
  if (text === '/') return true;
  if (!text.startsWith('/') || text.length > 4096 || text.endsWith('/')) return false;
  return safeSegments(text.slice(1).split('/'));
}

/**
 * Trees of the system and of the other services: a queue there would let the relay user write into
 * them (APPLY.md runs `install -d -o <relay user>` on the root, the unit opens it with ReadWritePaths=).
 */
const SYSTEM_TREES = ['/etc', '/proc', '/sys', '/dev', '/boot', '/usr', '/bin', '/sbin', '/lib', '/lib32', '/lib64', '/libx32', '/root', '/home', '/var/spool/postfix', '/var/lib/postfix', '/var/lib/opendkim'];
/** Shared parents of many services' directories: the queue gets a directory of its own below them. */
const SHARED_PARENTS = new Set(['/var/spool', '/var/lib', '/var/log', '/var/cache', '/var/tmp', '/var/mail', '/var/opt', '/var/local', '/var/backups']);

/** The relay's queue root: a safe absolute path of its own, at least two levels deep, outside the system trees. */
function queueRoot(text: string): boolean {
  if (!absolutePath(text) || text.split('/').length < 3 || SHARED_PARENTS.has(text)) return false;
  return !SYSTEM_TREES.some((tree) => text === tree || text.startsWith(`${tree}/`));
}

/**
 * A Postfix lookup table source the operator's APPLY.md writes as root and postmaps: a file under
 * /etc/postfix/, never a system file (/etc/ld.so.preload, /etc/sudoers.d/x) it would create or feed.
 */
function postfixMapPath(text: string): boolean {
  return absolutePath(text) && text.startsWith('/etc/postfix/');
}

/** A local file path (relative to the config file, or absolute) from the same safe set, no `..`. */
function localPath(text: string): boolean {
  if (text.startsWith('/')) return absolutePath(text);
  return text.length <= 4096 && safeSegments(text.split('/'));
}

function ipv4(text: string): boolean {
  return isIPv4(text);
}

function ipv6(text: string): boolean {
  // No zone (fe80::1%eth0): no DNS record or Postfix value can carry one.
  return isIPv6(text);
}

function ip(text: string): boolean {
  return ipv4(text) || ipv6(text);
}

/** A Postfix network: an address or CIDR, IPv6 optionally in [brackets] as main.cf writes it. */
function network(text: string): boolean {
  const match = /^(\[([^\]]+)\]|[^/[\]]+)(?:\/([0-9]{1,3}))?$/.exec(text);
  if (!match) return false;
  const address = match[2] ?? match[1];
  const version = ipv6(address) ? 6 : ipv4(address) ? 4 : 0;
  if (version === 0 || (match[2] !== undefined && version !== 6)) return false;
  return match[3] === undefined || Number(match[3]) <= (version === 4 ? 32 : 128);
}

/** host, [host], [ipv4], [ipv6:addr] with an optional :port, optionally after a transport name (smtp:[host]:25). */
function nexthop(text: string): boolean {
  let rest = text;
  const transport = /^([a-z][a-z0-9_-]*):(.+)$/.exec(text);
  if (transport && !validPort(transport[2]) && !/^[0-9]+$/.test(transport[2])) rest = transport[2];
  const bracketed = /^\[([^\]]+)\](?::([^:]+))?$/.exec(rest);
  if (bracketed) {
    const host = bracketed[1];
    const hostOk = hostname(host) || ipv4(host) || (/^ipv6:/i.test(host) && ipv6(host.slice(5)));
    return hostOk && (bracketed[2] === undefined || validPort(bracketed[2]));
  }
  const plain = /^([^:[\]]+)(?::([^:]+))?$/.exec(rest);
  return plain !== null && hostname(plain[1]) && (plain[2] === undefined || validPort(plain[2]));
}

/** host:port for the relay's listener: an IPv4 address, [IPv6] or a host name (localhost). */
function listen(text: string): boolean {
  const match = /^(?:\[([^\]]+)\]|([^:[\]]+)):([0-9]{1,5})$/.exec(text);
  if (!match || !validPort(match[3])) return false;
  return match[1] !== undefined ? ipv6(match[1]) : ipv4(match[2]) || hostname(match[2]);
}

/** A duration as Postfix and the relay take it: a whole number and one unit. */
function duration(text: string): boolean {
  return /^[0-9]{1,9}(ms|s|m|h|d)$/.test(text);
}

/** One line of text: any printable character (the control-character check rejects the rest first). */
function singleLine(text: string): boolean {
  // Printable ASCII first: it saves building the Unicode class on a config that has no other text.
  return /^[\x20-\x7e]*$/.test(text) || !/[\p{Cc}\u2028\u2029]/u.test(text);
}

/** Printable ASCII without spaces, quotes or backslashes: a user name, an SPF term. */
function token(text: string): boolean {
  return /^[\x21\x23-\x5b\x5d-\x7e]+$/.test(text);
}

/** SPF domain-spec (RFC 7208 7.1): a host name, possibly with %{...} macros; no spaces or quotes. */
function spfDomain(text: string): boolean {
  if (!text.includes('%')) return dnsName(text);
  return /^(?:[\x21-\x24\x26-\x7e]|%\{[slodiphcrtv][0-9]*r?[.\-+,/_=]*\}|%%|%_|%-)+$/.test(text) && !text.includes('"');
}

function spfCidr(text: string | undefined, max: number): boolean {
  return text === undefined || (/^[0-9]{1,3}$/.test(text) && Number(text) <= max && !/^0[0-9]/.test(text));
}

/** One SPF term (RFC 7208 4.6.1): a mechanism with its qualifier, or a modifier name=value. */
function spfTerm(text: string): boolean {
  const modifier = /^([A-Za-z][A-Za-z0-9_.-]*)=(.*)$/.exec(text);
  if (modifier) return modifier[2] === '' ? false : modifier[1].toLowerCase() === 'redirect' || modifier[1].toLowerCase() === 'exp' ? spfDomain(modifier[2]) : token(modifier[2]);
  const match = /^([+?~-]?)([A-Za-z0-9]+)(?::([^/]*))?(?:\/([0-9]+))?(?:\/\/([0-9]+))?$/.exec(text);
  if (!match) return false;
  const [, , rawName, arg, cidr4, cidr6] = match;
  const name = rawName.toLowerCase();
  switch (name) {
    case 'all':
      return arg === undefined && cidr4 === undefined && cidr6 === undefined;
    case 'include':
    case 'exists':
      return arg !== undefined && spfDomain(arg) && cidr4 === undefined && cidr6 === undefined;
    case 'a':
    case 'mx':
      return (arg === undefined || spfDomain(arg)) && spfCidr(cidr4, 32) && spfCidr(cidr6, 128);
    case 'ptr':
      return (arg === undefined || spfDomain(arg)) && cidr4 === undefined && cidr6 === undefined;
    case 'ip4':
      return arg !== undefined && ipv4(arg) && spfCidr(cidr4, 32) && cidr6 === undefined;
    case 'ip6': {
      // ip6:2001:db8::/32: the regex stops the argument at the first slash, so the whole address is there.
      return arg !== undefined && ipv6(arg) && spfCidr(cidr4, 128) && cidr6 === undefined;
    }
    default:
      return false;
  }
}

/** URL characters that cannot end a DNS tag (RFC 6376 3.2 tag-list: ; and , would) or a TXT string. */
const URL_CHARS = /^[A-Za-z0-9._~:/?#[\]@!$&'()*+=%-]+$/;

/** An http(s) URL for a BIMI tag (whether it is https is bimi-needs-enforced-dmarc's business). */
function url(text: string): boolean {
  if (!URL_CHARS.test(text) || text.length > 2048) return false;
  try {
    const parsed = new URL(text);
    return (parsed.protocol === 'https:' || parsed.protocol === 'http:') && parsed.hostname !== '';
  } catch {
    return false;
  }
}

/** A DMARC report address: local@domain, mailto:local@domain, or another URI (dmarc-rua-deliverable judges the scheme). */
function reportUri(text: string): boolean {
  if (email(text.replace(/^mailto:/i, ''))) return true;
  return /^[a-z][a-z0-9+.-]*:/i.test(text) && URL_CHARS.test(text) && !text.includes('!') && text.length <= 2048;
}

/** An MX host: a host name, or "." for a null MX (RFC 7505). */
function mxHost(text: string): boolean {
  return text === '.' || dnsTarget(text);
}

/** A DNS label (a BIMI selector). */
function dnsLabel(text: string): boolean {
  return /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i.test(text);
}

/** "priority target" of an MX record. */
function mxRdata(text: string): boolean {
  const match = /^([0-9]{1,5}) (\S+)$/.exec(text);
  return match !== null && Number(match[1]) <= 65535 && (dnsTarget(match[2]) || match[2] === '.');
}

/** CAA rdata (RFC 8659 4.1): flags, a known tag and a quoted value of printable ASCII without quotes or backslashes. */
function caaRdata(text: string): boolean {
  const match = /^([0-9]{1,3}) (issue|issuewild|iodef) "([\x20\x21\x23-\x5b\x5d-\x7e]*)"$/.exec(text);
  return match !== null && Number(match[1]) <= 255;
}

/** TXT rdata: printable text, unquoted (the zone encoder quotes and escapes it). */
function txtRdata(text: string): boolean {
  return text.length <= 4096 && /^[\x20-\x7e]+$/.test(text);
}

/**
 * The `-o` overrides of a master.cf command (master(5)): each `-o` is followed by name=value (or is
 * `-oname=value`). A lone `-o`, or one before a word without `=`, is written as it stands and the
 * daemon stops on it, breaking the service. After a pipe(8) or spawn(8) `argv=` the words belong to
 * that command, not to Postfix. A `{ name = value }` group (Postfix 3.0) is one argument here.
 * Returns why the arguments are wrong, or null.
 */
export function masterOptionProblem(args: readonly string[]): string | null {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg.startsWith('argv=')) return null;
    if (!arg.startsWith('-o')) continue;
    const setting = arg === '-o' ? args[i + 1] : arg.slice(2);
    if (setting === undefined) return `its last argument is a lone -o: master(5) wants -o name=value`;
    if (!/^(?:\{\s*)?[A-Za-z0-9][A-Za-z0-9_.-]*\s*=/.test(setting)) return `-o ${JSON.stringify(setting)} is not name=value: master(5) wants -o name=value`;
    if (arg === '-o') i++;
  }
  return null;
}

/** The words after master.cf's eight fields, a `{ ... }` group kept as one (as master(5) reads them). */
export function masterArgs(text: string): string[] {
  return (text.trim().match(/\{[^}]*\}|\S+/g) ?? []).slice(8);
}

/** One extra master.cf service (master(5)): 8 or more fields, the first at the start of the line. */
function masterService(text: string): boolean {
  const fields = text.split(/ +/);
  if (/^\s/.test(text) || /[\t]/.test(text) || fields.length < 8) return false;
  const [name, type, priv, unpriv, chroot, wakeup, maxproc, command] = fields;
  return (
    /^(?:[A-Za-z0-9._-]+|[A-Za-z0-9.-]+:[A-Za-z0-9]+|\[[0-9A-Fa-f:.]+\]:[A-Za-z0-9]+)$/.test(name) &&
    ['inet', 'unix', 'unix-dgram', 'fifo', 'pass'].includes(type) &&
    [priv, unpriv, chroot].every((f) => /^[yn-]$/.test(f)) &&
    /^(?:[0-9]+\??|-)$/.test(wakeup) &&
    /^(?:[0-9]+|-)$/.test(maxproc) &&
    /^[a-z][a-z0-9_-]*$/.test(command) &&
    fields.slice(8).every((arg) => singleLine(arg) && !arg.includes('\\')) &&
    masterOptionProblem(masterArgs(text)) === null
  );
}

/** systemd paths for ReadWritePaths and friends: absolute safe paths separated by spaces, no -/+ prefixes. */
function systemdPaths(text: string): boolean {
  const items = text.split(' ');
  return items.length > 0 && items.every((item) => absolutePath(item));
}

/** RestrictAddressFamilies: none, or AF_* names, optionally negated as a whole with ~. */
function addressFamilies(text: string): boolean {
  return text === 'none' || /^~?AF_[A-Z0-9]+(?: AF_[A-Z0-9]+)*$/.test(text);
}

/** SystemCallFilter: @sets and syscall names, optionally negated as a whole with ~, optionally :ERRNO. */
function syscallFilter(text: string): boolean {
  return /^~?@?[a-z0-9_-]+(?::[A-Z0-9]+)?(?: @?[a-z0-9_-]+(?::[A-Z0-9]+)?)*$/.test(text);
}

/** CapabilityBoundingSet: CAP_* names, optionally negated as a whole with ~ (empty drops every capability). */
function capabilities(text: string): boolean {
  return text === '' || /^~?CAP_[A-Z_]+(?: CAP_[A-Z_]+)*$/.test(text);
}

/** RestrictNamespaces as a list: namespace types, optionally negated as a whole with ~. */
function namespaces(text: string): boolean {
  return /^~?(?:cgroup|ipc|net|mnt|pid|user|uts)(?: (?:cgroup|ipc|net|mnt|pid|user|uts))*$/.test(text);
}

/** IPAddressAllow/IPAddressDeny: networks separated by spaces, or systemd's symbolic names. */
function ipAddressList(text: string): boolean {
  const items = text.split(' ');
  return items.every((item) => ['any', 'localhost', 'link-local', 'multicast'].includes(item) || (network(item) && !item.startsWith('[')));
}

/**
 * Accounts that already mean something on a Debian server: root, base-passwd's static system users,
 * and the services the relay sits beside. Running the relay as one hands it that account's files
 * (opendkim owns the DKIM private keys, postfix the mail queue) and APPLY.md would chown the queue to it.
 */
const SHARED_ACCOUNTS = new Set([
  'root', 'daemon', 'bin', 'sys', 'sync', 'games', 'man', 'lp', 'mail', 'news', 'uucp', 'proxy', 'www-data', 'backup',
  'list', 'irc', 'gnats', 'nobody', '_apt', 'messagebus', 'sshd', 'postfix', 'postdrop', 'opendkim', 'staff', 'adm', 'sudo', 'shadow',
]);

/** The relay's system user: a user name (useradd's rules) that is an account of its own. */
function serviceUser(text: string): boolean {
  return /^[a-z_][a-z0-9_-]{0,31}$/.test(text) && !SHARED_ACCOUNTS.has(text) && !text.startsWith('systemd-');
}

/** Every custom format by its schema name. */
export const formats: Record<string, (text: string) => boolean> = {
  hostname,
  'dns-name': dnsName,
  'dns-target': dnsTarget,
  'dns-label': dnsLabel,
  email,
  'absolute-path': absolutePath,
  'queue-root': queueRoot,
  'postfix-map-path': postfixMapPath,
  'service-user': serviceUser,
  'local-path': localPath,
  ipv4,
  ipv6,
  ip,
  network,
  nexthop,
  listen,
  duration,
  'single-line': singleLine,
  token,
  'spf-domain': spfDomain,
  'spf-term': spfTerm,
  url,
  'report-uri': reportUri,
  'mx-host': mxHost,
  'mx-rdata': mxRdata,
  'caa-rdata': caaRdata,
  'txt-rdata': txtRdata,
  'master-service': masterService,
  'systemd-paths': systemdPaths,
  'address-families': addressFamilies,
  'syscall-filter': syscallFilter,
  capabilities,
  namespaces,
  'ip-address-list': ipAddressList,
};


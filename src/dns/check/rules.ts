// The finding ids check-dns reports, with their metadata (for SARIF, --rule and the docs).
import type { Severity } from '../../findings.js';
import type { RuleMeta } from '../../cli/format/types.js';

type Meta = { summary: string; help: string; defaultSeverity: Severity; source: string };

const RULES = {
  'dns-timeout': {
    summary: 'Every lookup is answered in time',
    help: 'The resolver gave no answer within --timeout, so this record could not be checked (it is not known to be missing). Check --resolver, the network path, and the zone\'s authoritative servers; a name that times out for you may time out for receivers too (SPF then gives temperror).',
    defaultSeverity: 'error',
    source: 'RFC 7208 2.6.6, RFC 1035',
  },
  'dns-servfail': {
    summary: 'Every lookup gets a real answer (no SERVFAIL or REFUSED)',
    help: 'The resolver answered SERVFAIL, REFUSED or something unreadable: the zone may be lame, DNSSEC-broken, or the resolver may not serve you. The record could not be checked.',
    defaultSeverity: 'error',
    source: 'RFC 1035 4.1.1',
  },
  'dns-resolver-unreachable': {
    summary: 'The resolver answers at all',
    help: 'No lookup of the run got an answer (every one timed out or was refused), so nothing was checked: the findings would all say the same thing. Check --resolver (HOST[:PORT]), that it serves you (a recursive resolver, not an authoritative-only server), and the network path from this machine.',
    defaultSeverity: 'error',
    source: 'RFC 1035 4.2 (transport), RFC 1123 6.1.3.3',
  },
  'dns-a-missing': {
    summary: 'The MTA hostname has its A/AAAA record',
    help: 'Recipient servers look up the HELO name and the PTR name; without an A record forward-confirmed reverse DNS fails. Publish the A (and AAAA, if IPv6 is declared) record from the built zone.',
    defaultSeverity: 'error',
    source: 'seed 01 step 0, step 2 (A / AAAA)',
  },
  'dns-a-mismatch': {
    summary: 'The MTA hostname resolves to exactly the configured IPs',
    help: 'The A/AAAA answer must contain the sending IP; otherwise FCrDNS and SPF a-terms break. Extra addresses are reported as a warning: mail may be checked against an address that is not this MTA.',
    defaultSeverity: 'error',
    source: 'seed 01 step 0, step 2 (A / AAAA)',
  },
  'dns-aaaa-unexpected': {
    summary: 'No AAAA record for an MTA that does not send over IPv6',
    help: 'The config declares no IPv6 address, yet the hostname has AAAA records. Seed 01: do not publish AAAA just because the provider gives you one; a half-configured IPv6 path causes random-looking failures. Remove the AAAA or declare mta.ipv6 with its PTR.',
    defaultSeverity: 'warning',
    source: 'seed 01 step 2 (A / AAAA)',
  },
  'dns-ptr-missing': {
    summary: 'Each sending IP has a PTR record',
    help: 'The sending IP has no reverse DNS. Set it in the VPS provider\'s rDNS panel to the MTA hostname; Gmail and Yahoo require valid forward and reverse DNS.',
    defaultSeverity: 'error',
    source: 'seed 01 step 0, step 2 (PTR / rDNS)',
  },
  'dns-ptr-mismatch': {
    summary: 'Each sending IP\'s PTR is the configured name',
    help: 'The PTR points at another name (often the provider\'s default like vps-203-0-113-10.provider.example). Change it in the provider\'s rDNS panel to the MTA hostname that Postfix announces in HELO.',
    defaultSeverity: 'error',
    source: 'seed 01 step 0, step 2 (PTR / rDNS)',
  },
  'dns-fcrdns-mismatch': {
    summary: 'The PTR name resolves back to the IP (FCrDNS)',
    help: 'Forward-confirmed reverse DNS needs IP -> PTR name -> the same IP. The name the PTR gives does not resolve back to the sending IP.',
    defaultSeverity: 'error',
    source: 'seed 01 step 2 (PTR / rDNS)',
  },
  'dns-spf-missing': {
    summary: 'Each return-path domain publishes an SPF record',
    help: 'No TXT record starting with v=spf1 at the return-path (MAIL FROM) domain: receivers get SPF "none" and DMARC can only pass through DKIM. Publish the SPF record from the built zone.',
    defaultSeverity: 'error',
    source: 'seed 01 step 2 (SPF)',
  },
  'dns-spf-multiple': {
    summary: 'Exactly one SPF record per name',
    help: 'Two v=spf1 TXT records at one name make every SPF check a permerror (RFC 7208 4.5). Merge them into one record (add include: terms) and delete the other.',
    defaultSeverity: 'error',
    source: 'RFC 7208 3.2, 4.5',
  },
  'dns-spf-syntax': {
    summary: 'The published SPF record parses',
    help: 'A term of the record does not follow the RFC 7208 grammar. Receivers return permerror for the whole record, even when the term comes after the one that matches.',
    defaultSeverity: 'error',
    source: 'RFC 7208 4.6, 12',
  },
  'dns-spf-mismatch': {
    summary: 'The published SPF record is the one the build emits',
    help: 'The live record differs from the record the build writes: the zone was not republished after a change, or someone edited DNS by hand. Publish the built record (or change the config to match what you want).',
    defaultSeverity: 'warning',
    source: 'seed 01 step 2 (SPF)',
  },
  'dns-spf-not-authorized': {
    summary: 'SPF gives pass for every sending IP',
    help: 'An RFC 7208 evaluation (mailauth) of the live record, for MAIL FROM = the return path and the configured sending IP, did not give pass. Mail from this relay will fail SPF, and DMARC unless DKIM aligns.',
    defaultSeverity: 'error',
    source: 'seed 01 step 2 (SPF), step 12',
  },
  'dns-spf-lookups': {
    summary: 'At most 10 DNS-querying terms, counted through every include',
    help: 'RFC 7208 4.6.4 limits include, a, mx, ptr, exists and redirect to 10 per check, counted recursively. Providers grow their include trees behind your back; past 10 receivers return permerror. Drop includes you no longer need, or replace a provider include by its ip4:/ip6: ranges.',
    defaultSeverity: 'error',
    source: 'RFC 7208 4.6.4',
  },
  'dns-spf-void-lookups': {
    summary: 'At most 2 void lookups in the SPF tree',
    help: 'Lookups that find no name or no record ("void", RFC 7208 4.6.4) are limited to 2; past that receivers return permerror. Remove terms that point at names that no longer exist.',
    defaultSeverity: 'error',
    source: 'RFC 7208 4.6.4',
  },
  'dns-spf-include-broken': {
    summary: 'Every include and redirect leads to one valid SPF record',
    help: 'An include: or redirect= target has no SPF record (or several, or one that does not parse). Receivers that reach the term return permerror, and a missing name also counts as a void lookup. Remove the term or fix the target.',
    defaultSeverity: 'error',
    source: 'RFC 7208 5.2, 6.1',
  },
  'dns-dkim-missing': {
    summary: 'Every configured DKIM selector is published',
    help: 'The selector\'s TXT record is not visible yet. For a new selector in a rotation this is expected until DNS is published and caches expire: keep signing with the old selector until check-dns passes. For the signing selector, receivers fail DKIM now.',
    defaultSeverity: 'error',
    source: 'seed 01 step 4, step 13',
  },
  'dns-dkim-mismatch': {
    summary: 'Each DKIM record carries exactly the configured public key',
    help: 'The TXT record, joined across its strings, must have v=DKIM1, the right k= and p= equal to the public key file. A p= cut short means the DNS provider truncated the record (often at 255 characters): publish it as several quoted strings. Other differences (h=, t=y) are reported as warnings.',
    defaultSeverity: 'error',
    source: 'seed 01 step 2 (DKIM), step 4; RFC 6376 3.6.1',
  },
  'dns-dkim-unchecked': {
    summary: 'Every selector\'s public key could be read',
    help: 'The selector\'s public key file is missing or unreadable, so there is nothing to compare DNS with. Run `relayconf lint` and fix the key file.',
    defaultSeverity: 'warning',
    source: 'seed 01 step 4',
  },
  'dns-dkim-live': {
    summary: 'A DKIM selector is published and matches its key',
    help: 'Information: the selector\'s live record equals the record the build emits. In a rotation, this is the signal that the new selector may become signWith.',
    defaultSeverity: 'info',
    source: 'seed 01 DKIM (rotation), step 13',
  },
  'dns-dmarc-missing': {
    summary: 'Each sending domain publishes a DMARC record',
    help: 'No v=DMARC1 record at _dmarc.<domain> (or several, which receivers discard) while the build writes one, or no DMARC policy at all: the DNS tree walk up the parent domains (at most 8 queries) found none either, so receivers apply no policy and send no aggregate reports. When a parent\'s record was found, the finding says which policy receivers apply until the built record is published.',
    defaultSeverity: 'error',
    source: 'RFC 9989 section 4.10, 4.10.1',
  },
  'dns-dmarc-mismatch': {
    summary: 'The DMARC record is the one the build emits',
    help: 'A tag of the live DMARC record differs from the config (compared with RFC 9989 defaults applied: sp follows p, np follows sp, t=n, psd=u, adkim=r, aspf=r): e.g. p=none published while the config says quarantine. The removed tags pct, rf and ri are not compared (dns-dmarc-removed-tag). Publish the built record.',
    defaultSeverity: 'error',
    source: 'RFC 9989 section 4.7',
  },
  'dns-dmarc-removed-tag': {
    summary: 'The published DMARC record has no pct, rf or ri',
    help: 'RFC 9989 removed pct, rf and ri; receivers that follow it ignore them, so a pct below 100 no longer limits the policy, and a record that still carries them was published from an older build or by hand. pct=0 lives on as t=y (testing: true). Publish the built record, which never writes them.',
    defaultSeverity: 'warning',
    source: 'RFC 9989 Appendix A.6, Appendix C.5.2',
  },
  'dns-dmarc-inherited': {
    summary: 'A sending domain without its own DMARC record gets a parent\'s policy',
    help: 'The domain publishes no DMARC record and the config declares none for it; receivers walk up the DNS tree (at most 8 queries; a name of 8 or more labels jumps to its last 7) and apply the record of the organizational domain: the one with the fewest labels, or the one a psd=n or psd=y tag marks. Its sp= applies (p= when sp= is absent), np= to subdomains that do not exist. Information: check that this is the policy you want for the domain, or give it a dmarc block.',
    defaultSeverity: 'info',
    source: 'RFC 9989 section 4.10, 4.10.1, 4.10.2',
  },
  'dns-mx-missing': {
    summary: 'Each sending domain keeps an MX',
    help: 'Replies, bounces and DMARC reports need somewhere to go, and some receivers distrust a From domain that cannot receive mail. Keep the domain\'s existing mail provider as MX (a null MX "0 ." counts as none).',
    defaultSeverity: 'error',
    source: 'seed 01 step 2 (MX)',
  },
  'dns-mx-this-relay': {
    summary: 'MX does not point at this send-only relay',
    help: 'An MX is the MTA hostname or resolves to the sending IP: receivers would deliver replies and reports to a server that does not accept mail. Keep the existing receiving provider.',
    defaultSeverity: 'warning',
    source: 'seed 01 step 2 (MX)',
  },
  'dns-mx-mismatch': {
    summary: 'The published MX set is the configured one',
    help: 'The live MX hosts or priorities differ from domains[].mx. Publish the built records, or update the config to the provider\'s current MX.',
    defaultSeverity: 'warning',
    source: 'seed 01 step 2 (MX)',
  },
  'dns-bimi-missing': {
    summary: 'A configured BIMI record is published',
    help: 'The config declares BIMI but no v=BIMI1 record is visible at <selector>._bimi.<domain>.',
    defaultSeverity: 'error',
    source: 'seed 01 step 14',
  },
  'dns-bimi-mismatch': {
    summary: 'The BIMI record is the one the build emits',
    help: 'The live BIMI record\'s l= or a= differs from the config.',
    defaultSeverity: 'error',
    source: 'seed 01 step 14',
  },
  'dns-record-missing': {
    summary: 'Each extra record of dns.extraRecords is published',
    help: 'A record listed under dns.extraRecords (or a sender transport\'s HELO name) is not visible in DNS.',
    defaultSeverity: 'error',
    source: 'seed 01 step 2',
  },
  'dns-record-mismatch': {
    summary: 'Each extra record has the configured value',
    help: 'A record listed under dns.extraRecords is published with another value.',
    defaultSeverity: 'error',
    source: 'seed 01 step 2',
  },
} satisfies Record<string, Meta>;

export type DnsCheckId = keyof typeof RULES;

export const DNS_CHECK_RULES: RuleMeta[] = Object.entries(RULES).map(([id, meta]) => ({ id, ...meta }));

export function defaultSeverity(id: DnsCheckId): Severity {
  return RULES[id].defaultSeverity;
}

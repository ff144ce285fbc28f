// The check-dns finding registry: every id check-dns reports, defined like a lint rule, in the one
// catalogue that `relayconf rules`, `explain`, docs/rules.md, SARIF and the severity overrides use.
//
// Shape of a definition (src/dns/check/rule-types.ts), one export per id in
// src/dns/check/catalogue/<check>.ts beside the check module that reports it:
//
//   export const dnsDmarcMissing = createDnsRule({
//     id: 'dns-dmarc-missing',
//     defaultSeverity: 'error',                 // one severity per id: a second concern gets its own id
//     docs: {
//       summary: 'one line',                    // was `summary`
//       rationale: 'why, citing RFC 7489 §6.6.3 or "the self-hosted HTTP relay build guide, step 2 (DMARC)"',
//       source: 'the citation alone',           // was `source`; never "seed NN" or "issue N"
//       fix: 'how to fix',                      // the old `help` split into rationale and fix
//       examples: {                             // run against a loopback DNS server (test/dns/check/catalogue.test.ts)
//         invalid: [{ description, config: '' /* fragment merged into the docs base config */, dns: [{ remove: 'TXT _dmarc.acme-mail.net' }] }],
//         valid: [{ description, config: '' }],
//       },
//     },
//     messages: { none: '{{name}} has no DMARC record ({{detail}})' },   // {{placeholders}} filled from data
//   });
//
// and it is listed in DNS_RULE_LIST below. A check reports it by id and message id (both typed):
//   before: report(ctx, 'dns-dmarc-missing', path, `${name} has no DMARC record (${detail})`)
//   after:  report(ctx, 'dns-dmarc-missing', 'none', path, { name, detail })
// Severity comes only from the definition and the overrides (lint.rules, --rule), resolved by
// src/rules/severity.ts as for lint rules.
import type { DnsRule } from './rule-types.js';
import { dnsResolverUnreachable, dnsServfail, dnsTimeout } from './catalogue/lookup.js';
import { dnsAExtra, dnsAMismatch, dnsAMissing, dnsAaaaUnexpected } from './catalogue/address.js';
import { dnsFcrdnsMismatch, dnsPtrMismatch, dnsPtrMissing } from './catalogue/ptr.js';
import {
  dnsSpfIncludeBroken,
  dnsSpfLookups,
  dnsSpfMismatch,
  dnsSpfMissing,
  dnsSpfMultiple,
  dnsSpfNotAuthorized,
  dnsSpfSyntax,
  dnsSpfVoidLookups,
} from './catalogue/spf.js';
import { dnsDkimLive, dnsDkimMismatch, dnsDkimMissing, dnsDkimTagsDiffer, dnsDkimUnchecked } from './catalogue/dkim.js';
import { dnsDmarcInherited, dnsDmarcMismatch, dnsDmarcMissing, dnsDmarcRemovedTag } from './catalogue/dmarc.js';
import { dnsMxMismatch, dnsMxMissing, dnsMxThisRelay } from './catalogue/mx.js';
import { dnsBimiMismatch, dnsBimiMissing } from './catalogue/bimi.js';
import { dnsRecordMismatch, dnsRecordMissing } from './catalogue/extra.js';
import { dnsEntryMismatch, dnsEntryMissing } from './catalogue/entry.js';

const DNS_RULE_LIST = [
  dnsTimeout,
  dnsServfail,
  dnsResolverUnreachable,
  dnsAMissing,
  dnsAMismatch,
  dnsAExtra,
  dnsAaaaUnexpected,
  dnsPtrMissing,
  dnsPtrMismatch,
  dnsFcrdnsMismatch,
  dnsSpfMissing,
  dnsSpfMultiple,
  dnsSpfSyntax,
  dnsSpfMismatch,
  dnsSpfNotAuthorized,
  dnsSpfLookups,
  dnsSpfVoidLookups,
  dnsSpfIncludeBroken,
  dnsDkimMissing,
  dnsDkimMismatch,
  dnsDkimTagsDiffer,
  dnsDkimUnchecked,
  dnsDkimLive,
  dnsDmarcMissing,
  dnsDmarcMismatch,
  dnsDmarcRemovedTag,
  dnsDmarcInherited,
  dnsMxMissing,
  dnsMxThisRelay,
  dnsMxMismatch,
  dnsBimiMissing,
  dnsBimiMismatch,
  dnsRecordMissing,
  dnsRecordMismatch,
  dnsEntryMissing,
  dnsEntryMismatch,
] as const;

type AnyDnsRule = (typeof DNS_RULE_LIST)[number];
export type DnsCheckId = AnyDnsRule['id'];
/** The message ids of one finding id: what report() accepts for it. */
export type DnsMessageId<I extends DnsCheckId> = keyof Extract<AnyDnsRule, { id: I }>['messages'] & string;

export const dnsRules: readonly DnsRule[] = DNS_RULE_LIST;
export const dnsRulesById: ReadonlyMap<string, DnsRule> = new Map(dnsRules.map((rule) => [rule.id, rule]));

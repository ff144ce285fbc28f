// check-dns findings about SPF: one record per return-path domain, it parses, it is the built one,
// it passes the sending IPs, and its include tree stays within the lookup limits.
import { createDnsRule } from '../rule-types.js';

const GUIDE_SPF = 'the self-hosted HTTP relay build guide, step 2 (SPF)';
const ELEVEN_A = Array.from({ length: 11 }, () => 'a:mail.acme-mail.net').join(' ');

export const dnsSpfMissing = createDnsRule({
  id: 'dns-spf-missing',
  defaultSeverity: 'error',
  docs: {
    summary: 'Each return-path domain publishes an SPF record',
    rationale: `No TXT record starting with v=spf1 at the return-path (MAIL FROM) domain: receivers get SPF "none" (RFC 7208 §4.5) and DMARC can only pass through DKIM (${GUIDE_SPF}).`,
    source: `${GUIDE_SPF}; RFC 7208 §4.5`,
    fix: 'Publish the SPF record from the built zone (dns/<zone>.zone).',
    examples: {
      invalid: [{ description: 'No SPF record', config: '', dns: [{ remove: 'TXT acme-mail.net' }] }],
      valid: [{ description: 'The built record is published', config: '' }],
    },
  },
  messages: {
    none: '{{name}} has no SPF record ({{detail}}); publish {{expected}}',
    noSpf: '{{name}} has {{count}} TXT record(s) but none starts with v=spf1; publish {{expected}}',
  },
});

export const dnsSpfMultiple = createDnsRule({
  id: 'dns-spf-multiple',
  defaultSeverity: 'error',
  docs: {
    summary: 'Exactly one SPF record per name',
    rationale: 'Two v=spf1 TXT records at one name make every SPF check a permerror (RFC 7208 §3.2 and §4.5), so mail fails SPF everywhere.',
    source: 'RFC 7208 §3.2, §4.5',
    fix: 'Merge them into one record (add include: terms) and delete the other.',
    examples: {
      invalid: [{ description: 'A second SPF record for another sender', config: '', dns: [{ add: 'acme-mail.net TXT "v=spf1 include:_spf.mailhost-provider.net ~all"' }] }],
      valid: [{ description: 'One record', config: '' }],
    },
  },
  messages: { multiple: '{{name}} has {{count}} SPF records ({{records}}): every SPF check gives permerror (RFC 7208 4.5); publish only {{expected}}' },
});

export const dnsSpfSyntax = createDnsRule({
  id: 'dns-spf-syntax',
  defaultSeverity: 'error',
  docs: {
    summary: 'The published SPF record parses',
    rationale: 'A term of the record does not follow the grammar of RFC 7208 §4.6 and §12. Receivers return permerror for the whole record, even when the bad term comes after the one that matches.',
    source: 'RFC 7208 §4.6, §12',
    fix: 'Correct the term (an ip4: needs a full address, a mechanism name is spelled as in RFC 7208 §5), or publish the built record.',
    examples: {
      invalid: [
        {
          description: 'An IPv4 address with three octets',
          config: '',
          dns: [{ edit: 'acme-mail.net', replace: ' -all', with: ' ip4:94.130.10 -all' }],
        },
      ],
      valid: [{ description: 'The built record parses', config: '' }],
    },
  },
  messages: { syntax: 'the SPF record of {{name}} does not parse at "{{term}}": {{reason}}; receivers return permerror' },
});

export const dnsSpfMismatch = createDnsRule({
  id: 'dns-spf-mismatch',
  defaultSeverity: 'warning',
  docs: {
    summary: 'The published SPF record is the one the build emits',
    rationale: `The live record differs from the record the build writes: the zone was not republished after a change, or someone edited DNS by hand, so what lint checked is not what receivers see (${GUIDE_SPF}).`,
    source: GUIDE_SPF,
    fix: 'Publish the built record, or change the config to match what you want.',
    examples: {
      invalid: [{ description: 'DNS still has ~all; the config says -all', config: '', published: 'domain0:\n  spf: { all: "~all" }\n' }],
      valid: [{ description: 'The built record is published', config: '' }],
    },
  },
  messages: { differs: '{{name}} publishes {{actual}}; the build emits {{expected}}' },
});

export const dnsSpfNotAuthorized = createDnsRule({
  id: 'dns-spf-not-authorized',
  defaultSeverity: 'error',
  docs: {
    summary: 'SPF gives pass for every sending IP',
    rationale: `An RFC 7208 §4 evaluation of the live record (by mailauth), for MAIL FROM = the return path and each configured sending IP, did not give pass. Mail from this relay fails SPF, and DMARC too unless DKIM aligns (${GUIDE_SPF}; step 12 reads the verdict in the received headers).`,
    source: `${GUIDE_SPF}; RFC 7208 §4`,
    fix: 'Publish the built record, which lists the sending IPs as ip4:/ip6: terms.',
    examples: {
      invalid: [{ description: 'The record lacks the sending IP', config: '', dns: [{ remove: 'TXT acme-mail.net' }, { add: 'acme-mail.net TXT "v=spf1 -all"' }] }],
      valid: [{ description: 'The built record authorizes the sending IP', config: '' }],
    },
  },
  messages: { verdict: 'SPF for MAIL FROM {{sender}} from {{ip}} gives {{result}}, expected pass{{comment}}' },
});

export const dnsSpfLookups = createDnsRule({
  id: 'dns-spf-lookups',
  defaultSeverity: 'error',
  docs: {
    summary: 'At most 10 DNS-querying terms, counted through every include',
    rationale:
      'RFC 7208 §4.6.4 limits include, a, mx, ptr, exists and redirect to 10 per check, counted recursively. Providers grow their include trees behind your back; past 10 receivers return permerror, so lint (which counts only your own terms) cannot see it.',
    source: 'RFC 7208 §4.6.4',
    fix: 'Drop includes you no longer need, or replace a provider include by its ip4:/ip6: ranges.',
    examples: {
      invalid: [{ description: 'Eleven a: terms', config: '', dns: [{ edit: 'acme-mail.net', replace: ' -all', with: ` ${ELEVEN_A} -all` }] }],
      valid: [{ description: 'The built record needs no lookup', config: '' }],
    },
  },
  messages: { over: 'SPF of {{name}} needs {{summary}}; lookup #{{next}} is {{via}}' },
});

export const dnsSpfVoidLookups = createDnsRule({
  id: 'dns-spf-void-lookups',
  defaultSeverity: 'error',
  docs: {
    summary: 'At most 2 void lookups in the SPF tree',
    rationale: 'Lookups that find no name or no record ("void", RFC 7208 §4.6.4) are limited to 2; past that receivers return permerror.',
    source: 'RFC 7208 §4.6.4',
    fix: 'Remove terms that point at names that no longer exist.',
    examples: {
      invalid: [
        {
          description: 'Three a: terms naming hosts that are gone',
          config: '',
          dns: [{ edit: 'acme-mail.net', replace: ' -all', with: ' a:gone1.acme-mail.net a:gone2.acme-mail.net a:gone3.acme-mail.net -all' }],
        },
      ],
      valid: [{ description: 'No term points at a missing name', config: '' }],
    },
  },
  messages: { over: 'SPF of {{name}} has {{count}} void lookups (limit {{limit}}: receivers return permerror): {{terms}}' },
});

export const dnsSpfIncludeBroken = createDnsRule({
  id: 'dns-spf-include-broken',
  defaultSeverity: 'error',
  docs: {
    summary: 'Every include and redirect leads to one valid SPF record',
    rationale:
      'An include: or redirect= target has no SPF record (or several, or one that does not parse). Receivers that reach the term return permerror (RFC 7208 §5.2 and §6.1), and a missing name also counts as a void lookup (§4.6.4).',
    source: 'RFC 7208 §5.2, §6.1',
    fix: 'Remove the term, or fix the target (a provider that renamed its include publishes the new name in its documentation).',
    examples: {
      invalid: [{ description: 'An include of a name without SPF', config: '', dns: [{ edit: 'acme-mail.net', replace: ' -all', with: ' include:_spf.gone.acme-mail.net -all' }] }],
      valid: [{ description: 'The built record includes nothing', config: '' }],
    },
  },
  messages: { broken: '{{path}} in the SPF of {{name}} leads to {{problem}}{{voidNote}}: receivers that reach it return permerror' },
});

// check-dns findings about dns.extraRecords (and sender transports' HELO names): each is published with its value.
import { createDnsRule } from '../rule-types.js';

const EXTRA = 'dns:\n  extraRecords: [{ name: acme-mail.net, type: CAA, value: \'0 issue "letsencrypt.org"\' }]\n';

export const dnsRecordMissing = createDnsRule({
  id: 'dns-record-missing',
  defaultSeverity: 'error',
  docs: {
    summary: 'Each extra record of dns.extraRecords is published',
    rationale:
      'A record listed under dns.extraRecords (a CAA, a DMARC report authorization of RFC 7489 §7.1, a sender transport\'s HELO name) is not visible in DNS, so whatever relies on it fails (the self-hosted HTTP relay build guide, step 2: records live in the DNS zone, not on the server).',
    source: 'the self-hosted HTTP relay build guide, step 2; RFC 1035 §3.2',
    fix: 'Publish the record from the built zone.',
    examples: {
      invalid: [{ description: 'The CAA record is not published', config: EXTRA, dns: [{ remove: 'CAA acme-mail.net' }] }],
      valid: [{ description: 'The built record is published', config: EXTRA }],
    },
  },
  messages: { none: '{{name}} has no {{type}} record ({{detail}}); expected {{expected}}' },
});

export const dnsRecordMismatch = createDnsRule({
  id: 'dns-record-mismatch',
  defaultSeverity: 'error',
  docs: {
    summary: 'Each extra record has the configured value',
    rationale: 'A record listed under dns.extraRecords is published with another value: the zone was not republished, or was edited by hand (the self-hosted HTTP relay build guide, step 2).',
    source: 'the self-hosted HTTP relay build guide, step 2; RFC 1035 §3.2',
    fix: 'Publish the built record, or change the config to the value you want.',
    examples: {
      invalid: [{ description: 'DNS allows another CA', config: EXTRA, published: 'dns:\n  extraRecords: [{ name: acme-mail.net, type: CAA, value: \'0 issue "pki.goog"\' }]\n' }],
      valid: [{ description: 'The built record is published', config: EXTRA }],
    },
  },
  messages: { differs: '{{name}} {{type}} is {{actual}}; expected {{expected}}' },
});

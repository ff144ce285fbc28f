// check-dns findings about reverse DNS: each sending IP's PTR and the round trip back (FCrDNS).
import { createDnsRule } from '../rule-types.js';

const GUIDE_PTR = 'the self-hosted HTTP relay build guide, step 0 and step 2 (PTR / rDNS)';

export const dnsPtrMissing = createDnsRule({
  id: 'dns-ptr-missing',
  defaultSeverity: 'error',
  docs: {
    summary: 'Each sending IP has a PTR record',
    rationale: `The sending IP has no reverse DNS. Receivers treat valid forward and reverse DNS as a baseline (${GUIDE_PTR}; Gmail's and Yahoo's sender guidelines require it); PTR lives with the IP's owner, not in your zone.`,
    source: GUIDE_PTR,
    fix: "Set the PTR in the VPS provider's rDNS panel to the MTA hostname (mta.ptr).",
    examples: {
      invalid: [{ description: 'No PTR for the sending IP', config: '', dns: [{ remove: 'PTR 20.10.130.94.in-addr.arpa' }] }],
      valid: [{ description: 'The provider publishes the PTR', config: '' }],
    },
  },
  messages: { none: "{{ip}} has no PTR record ({{owner}}: {{detail}}); set it to {{name}} in the provider's rDNS panel" },
});

export const dnsPtrMismatch = createDnsRule({
  id: 'dns-ptr-mismatch',
  defaultSeverity: 'error',
  docs: {
    summary: "Each sending IP's PTR is the configured name",
    rationale: `The PTR points at another name, often the provider's default such as static.20.10.130.94.clients.example: the mail then looks like it comes from a throwaway host, and the HELO name no longer matches the reverse name (${GUIDE_PTR}).`,
    source: GUIDE_PTR,
    fix: "Change the PTR in the provider's rDNS panel to the MTA hostname that Postfix announces in HELO.",
    examples: {
      invalid: [
        {
          description: "The provider's default reverse name",
          config: '',
          dns: [{ remove: 'PTR 20.10.130.94.in-addr.arpa' }, { add: '20.10.130.94.in-addr.arpa PTR static.20.10.130.94.clients.your-server.de' }],
        },
      ],
      valid: [{ description: 'The PTR is the MTA hostname', config: '' }],
    },
  },
  messages: { wrong: "PTR of {{ip}} is {{names}}; expected {{name}} (change it in the provider's rDNS panel)" },
});

export const dnsFcrdnsMismatch = createDnsRule({
  id: 'dns-fcrdns-mismatch',
  defaultSeverity: 'error',
  docs: {
    summary: 'The PTR name resolves back to the IP (FCrDNS)',
    rationale: `Forward-confirmed reverse DNS needs IP -> PTR name -> the same IP (${GUIDE_PTR}); receivers that check it distrust a reverse name anyone could have set.`,
    source: GUIDE_PTR,
    fix: 'Give the name the PTR returns an A/AAAA record with the sending IP, or point the PTR at the MTA hostname, whose A record the build writes.',
    examples: {
      invalid: [
        {
          description: 'The PTR names a host that does not resolve back',
          config: '',
          dns: [{ remove: 'PTR 20.10.130.94.in-addr.arpa' }, { add: '20.10.130.94.in-addr.arpa PTR static.20.10.130.94.clients.your-server.de' }],
        },
      ],
      valid: [{ description: 'The PTR name has the A record of the sending IP', config: '' }],
    },
  },
  messages: { broken: '{{ip}} -> {{seen}}: no PTR name resolves back to {{ip}} (forward-confirmed reverse DNS fails)' },
});

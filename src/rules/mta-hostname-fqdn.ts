// mta-hostname-fqdn: every HELO/EHLO name this relay announces is a resolvable fully qualified host name.
import { createRule } from './types.js';
import { hostnameProblem, nonPublicSuffix } from './util/dns-name.js';
import type { KeyPath } from '../findings.js';

export default createRule({
  id: 'mta-hostname-fqdn',
  defaultSeverity: 'error',
  docs: {
    summary: 'The MTA hostname (and every sender-transport HELO name) is a fully qualified host name, not an IP',
    rationale:
      'The self-hosted HTTP relay build guide, step 1 fixes the MTA hostname (mail.example.com) before anything else: Postfix announces it in HELO/EHLO as myhostname and smtp_helo_name, the PTR of the sending IP must name it and its A record must point back (the self-hosted HTTP relay build guide, step 2). Receivers look it up, so it has to be a host name public DNS can answer for: at least two labels of letters, digits and inner hyphens (RFC 1123 §2.1, RFC 1035 §2.3.1), at most 253 characters, no underscore, no trailing dot (Postfix would announce the dot), and not an address literal. A name under a TLD only a local network resolves (.lan, .local, .internal, .localdomain, home.arpa, ...) fails the same way. Sender-dependent transports announce their own smtp_helo_name (the how-to Local mail relay with Postfix), so each heloName is checked too. Reserved names (example.com, .test, .localhost) are reported by reserved-name instead.',
    source: 'the self-hosted HTTP relay build guide, step 1; the how-to Local mail relay with Postfix; RFC 1123 §2.1',
    fix: 'Set mta.hostname to the public name whose A record is the sending IP and that the provider\'s rDNS panel returns, e.g. mail.yourdomain.com (and likewise each delivery.senderTransports[].heloName).',
    examples: {
      invalid: [
        { description: 'A single-label hostname', config: 'mta:\n  hostname: relay\n  ptr: relay\n' },
        { description: 'A name only the local network resolves', config: 'mta:\n  hostname: mail.acme.lan\n  ptr: mail.acme.lan\n' },
      ],
      valid: [{ description: 'A public FQDN that the PTR also names', config: 'mta:\n  hostname: out1.acme-mail.net\n  ptr: out1.acme-mail.net\n' }],
    },
  },
  messages: {
    ip: '{{field}} "{{name}}" is an address, not a host name: HELO/EHLO needs a fully qualified name with an A record to the sending IP',
    trailingDot: '{{field}} "{{name}}" ends with a dot, which Postfix would announce literally in HELO/EHLO: drop the trailing dot',
    tooLong: '{{field}} "{{name}}" is {{length}} characters long; a host name has at most 253',
    singleLabel: '{{field}} "{{name}}" is a single label: use a fully qualified name such as mail.yourdomain.com',
    badLabel: '{{field}} "{{name}}": label "{{label}}" {{why}} (host names are letters, digits and inner hyphens, RFC 1123 §2.1)',
    numericTld: '{{field}} "{{name}}" ends in the all-numeric label "{{label}}", which no top-level domain is',
    nonPublic: '{{field}} "{{name}}" is under .{{suffix}}, which public DNS does not resolve: receivers cannot check the HELO name against PTR and A',
  },
  check({ model, report }) {
    const names: { name: string; field: string; path: KeyPath }[] = [
      { name: model.mta.hostname, field: 'mta.hostname', path: ['mta', 'hostname'] },
      ...model.delivery.senderTransports.map((t, i) => ({
        name: t.heloName,
        field: `delivery.senderTransports[${i}].heloName`,
        path: ['delivery', 'senderTransports', i, 'heloName'] as KeyPath,
      })),
    ];
    for (const { name, field, path } of names) {
      const problem = hostnameProblem(name);
      if (problem) {
        switch (problem.kind) {
          case 'ip':
            report({ messageId: 'ip', path, data: { field, name } });
            break;
          case 'trailing-dot':
            report({ messageId: 'trailingDot', path, data: { field, name } });
            break;
          case 'too-long':
            report({ messageId: 'tooLong', path, data: { field, name, length: problem.length } });
            break;
          case 'single-label':
            report({ messageId: 'singleLabel', path, data: { field, name } });
            break;
          case 'bad-label':
            report({ messageId: 'badLabel', path, data: { field, name, label: problem.label, why: problem.why } });
            break;
          case 'numeric-tld':
            report({ messageId: 'numericTld', path, data: { field, name, label: problem.label } });
            break;
        }
        continue;
      }
      const suffix = nonPublicSuffix(name);
      if (suffix) report({ messageId: 'nonPublic', path, data: { field, name, suffix } });
    }
  },
});

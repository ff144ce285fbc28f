// relayhost-brackets: a smarthost (or per-destination next hop) written without [brackets] triggers an MX lookup.
import { createRule } from './types.js';
import { unbracketedHops } from './postfix-util/unbracketed-hops.js';

export default createRule({
  id: 'relayhost-brackets',
  defaultSeverity: 'info',
  docs: {
    summary: 'A smarthost given without [brackets] makes Postfix look up its MX records first',
    rationale:
      'The Postfix SMTP relay guide: "Square brackets = connect directly, don\'t do MX lookup". relayhost = smtp.provider.net:587 makes Postfix ' +
      'resolve the MX records of smtp.provider.net and deliver to whatever they name, usually not the submission host; ' +
      'an IP address without brackets is looked up as a domain name and fails. The SASL password map is also looked up ' +
      'by the next hop as written, so the Postfix SMTP relay guide\'s sasl_passwd key [host]:587 stops matching: with authentication this is ' +
      'relayhost-brackets-sasl\'s finding, a warning. Per-destination next hops (delivery.destinations[].nexthop) and -o relayhost= of services ' +
      'follow the same syntax. See postconf(5) relayhost.',
    source: 'the Postfix SMTP relay guide; postconf(5) relayhost',
    fix: 'Leave delivery.relayhost.mxLookup unset (false), and write overrides and next hops as [host]:port.',
    examples: {
      invalid: [
        {
          description: 'A smarthost resolved through MX records',
          config: 'delivery:\n  mode: relayhost\n  relayhost:\n    host: smtp.mailhost-provider.net\n    mxLookup: true\n  tls: encrypt\ndomain0:\n  spf: { include: [spf.mailhost-provider.net], all: "-all" }\n',
        },
      ],
      valid: [
        {
          description: 'The smarthost connected directly, written [smtp.mailhost-provider.net]:587',
          config: 'delivery:\n  mode: relayhost\n  relayhost:\n    host: smtp.mailhost-provider.net\n  tls: encrypt\ndomain0:\n  spf: { include: [spf.mailhost-provider.net], all: "-all" }\n',
        },
      ],
    },
  },
  messages: {
    mxLookup:
      'relayhost {{value}} has no [brackets]: Postfix looks up the MX records of {{host}} and delivers to them instead of connecting to {{host}}',
  },
  check({ model, views, report }) {
    for (const hop of unbracketedHops(model, views.postfix, views.services)) {
      if (!hop.authenticated) report({ messageId: 'mxLookup', path: hop.path, data: { value: hop.text, host: hop.host } });
    }
  },
});

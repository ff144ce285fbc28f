// relayhost-brackets-sasl: an authenticating smarthost written without [brackets] loses its SASL password entry.
import { createRule } from './types.js';
import { unbracketedHops } from './postfix-util/unbracketed-hops.js';

export default createRule({
  id: 'relayhost-brackets-sasl',
  defaultSeverity: 'warning',
  docs: {
    summary: 'An authenticating smarthost without [brackets] is resolved through MX and its SASL password entry no longer matches',
    rationale:
      'Without [brackets] Postfix looks up the MX records of the smarthost and delivers to them (relayhost, postconf(5)). ' +
      'With SASL authentication that is worse than a detour: smtp_sasl_password_maps is looked up by the next hop as ' +
      'written, so the [host]:587 key of the password map (as the smarthost guides write it) stops matching, and Postfix ' +
      'either sends without logging in, which the provider refuses, or logs in to whatever host the MX names. Without ' +
      'authentication the missing brackets are relayhost-brackets\'s finding (info).',
    source: 'postconf(5) relayhost, smtp_sasl_password_maps',
    fix: 'Leave delivery.relayhost.mxLookup unset (false), and write overrides as [host]:port.',
    examples: {
      invalid: [
        {
          description: 'An authenticating smarthost resolved through MX records',
          config:
            'delivery:\n  mode: relayhost\n  relayhost:\n    host: smtp.mailhost-provider.net\n    mxLookup: true\n    auth: { username: apikey, passwordFile: /etc/postfix/sasl_passwd }\n  tls: encrypt\ndomain0:\n  spf: { include: [spf.mailhost-provider.net], all: "-all" }\n',
        },
      ],
      valid: [
        {
          description: 'The authenticating smarthost connected directly, written [smtp.mailhost-provider.net]:587',
          config:
            'delivery:\n  mode: relayhost\n  relayhost:\n    host: smtp.mailhost-provider.net\n    auth: { username: apikey, passwordFile: /etc/postfix/sasl_passwd }\n  tls: encrypt\ndomain0:\n  spf: { include: [spf.mailhost-provider.net], all: "-all" }\n',
        },
      ],
    },
  },
  messages: {
    mxLookup:
      'relayhost {{value}} has no [brackets]: Postfix looks up the MX records of {{host}} instead of connecting to it, and the SASL password map entry for [host]:port no longer matches',
  },
  check({ model, views, report }) {
    for (const hop of unbracketedHops(model, views.postfix, views.services)) {
      if (hop.authenticated) report({ messageId: 'mxLookup', path: hop.path, data: { value: hop.text, host: hop.host } });
    }
  },
});

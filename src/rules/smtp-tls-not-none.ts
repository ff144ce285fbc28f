// smtp-tls-not-none: outbound SMTP is at least opportunistically encrypted (smtp_tls_security_level = may).
import { createRule } from './types.js';
import { clientServices, mainLookup, serviceLookup, tlsLevel } from './postfix-util/tls.js';

const TLS_SETTINGS = ['smtp_tls_security_level', 'smtp_use_tls', 'smtp_enforce_tls'];

export default createRule({
  id: 'smtp-tls-not-none',
  defaultSeverity: 'warning',
  docs: {
    summary: 'Outbound TLS is at least opportunistic (smtp_tls_security_level = may)',
    rationale:
      'The self-hosted HTTP relay build guide, step 2 (TLS and inbox placement) sets smtp_tls_security_level = may: "encrypt when the peer supports it", and names ' +
      'TLS among the production basics; Gmail\'s sender guidelines it cites require TLS for transmitting mail. With none, ' +
      'every message crosses the Internet in plaintext even to receivers that offer STARTTLS. The how-to Local mail relay with Postfix shows the legacy form ' +
      '(smtp_use_tls = yes), which Postfix still reads when smtp_tls_security_level is empty; services\' -o settings count too.',
    source: 'the self-hosted HTTP relay build guide, step 2 (TLS)',
    fix: 'Set delivery.tls to may (the default), or encrypt for a smarthost; remove smtp_tls_security_level = none overrides.',
    examples: {
      invalid: [{ description: 'TLS switched off', config: 'delivery:\n  tls: none\n' }],
      valid: [{ description: 'Opportunistic TLS', config: 'delivery:\n  tls: may\n' }],
    },
  },
  messages: {
    plaintext: 'Outbound SMTP never encrypts ({{how}}): every message crosses the Internet in plaintext; use may (or encrypt for a smarthost)',
    servicePlaintext: 'master.cf service {{name}} never encrypts ({{how}}): mail it delivers crosses the Internet in plaintext',
  },
  check({ model, views, report }) {
    const main = mainLookup(views.postfix);
    const tls = tlsLevel(main);
    if (tls.level === 'none') report({ messageId: 'plaintext', path: tls.path, data: { how: tls.how } });
    for (const service of clientServices(views.services)) {
      if (!TLS_SETTINGS.some((name) => service.options.has(name))) continue;
      const own = tlsLevel(serviceLookup(service, main));
      if (own.level === 'none') report({ messageId: 'servicePlaintext', path: service.path, data: { name: service.name, how: own.how } });
    }
  },
});

// relayhost-auth-needs-tls: SASL to a smarthost only with smtp_tls_security_level encrypt or stronger.
import { createRule } from './types.js';
import { clientServices, mainLookup, MANDATORY_TLS_LEVELS, serviceLookup, tlsLevel, type SettingLookup } from './postfix-util/tls.js';
import { parseBool } from './postfix-util/values.js';

/** Settings a client service may set itself that decide SASL or TLS. */
const OWN_SETTINGS = ['smtp_sasl_auth_enable', 'smtp_tls_security_level', 'smtp_use_tls', 'smtp_enforce_tls', 'relayhost'];

function saslOn(lookup: SettingLookup): boolean {
  const setting = lookup.get('smtp_sasl_auth_enable');
  return setting !== undefined && parseBool(setting.value) === true;
}

export default createRule({
  id: 'relayhost-auth-needs-tls',
  defaultSeverity: 'error',
  docs: {
    summary: 'SASL authentication to a relayhost only with smtp_tls_security_level encrypt (or stronger)',
    rationale:
      'The Postfix SMTP relay guide pairs smtp_sasl_auth_enable = yes with smtp_tls_security_level = encrypt ("TLS: enforce encryption to upstream ' +
      'relay"). With may (or dane, which falls back to may without TLSA records) a network attacker who strips STARTTLS ' +
      'makes Postfix send the smarthost username and password in plaintext; the Postfix SMTP relay guide also sets smtp_sasl_security_options = ' +
      'noanonymous, which allows plaintext mechanisms. Named transports in postfix.services that authenticate (the Postfix SMTP relay guide\'s ' +
      'default_relay and premium_relay) are checked with their own -o settings. See postconf(5) smtp_tls_security_level and smtp_sasl_auth_enable.',
    source: 'the Postfix SMTP relay guide; postconf(5) smtp_tls_security_level and smtp_sasl_auth_enable',
    fix: 'Set delivery.tls to encrypt (the default when delivery.relayhost.auth is set), or verify/secure, and drop weaker overrides.',
    examples: {
      invalid: [
        {
          description: 'An authenticated smarthost with opportunistic TLS',
          config:
            'delivery:\n  mode: relayhost\n  relayhost:\n    host: smtp.mailhost-provider.net\n    auth: { username: apikey, passwordFile: /etc/postfix/sasl_passwd }\n  tls: may\ndomain0:\n  spf: { include: [spf.mailhost-provider.net], all: "-all" }\n',
        },
      ],
      valid: [
        {
          description: 'The same smarthost with mandatory TLS',
          config:
            'delivery:\n  mode: relayhost\n  relayhost:\n    host: smtp.mailhost-provider.net\n    auth: { username: apikey, passwordFile: /etc/postfix/sasl_passwd }\n  tls: encrypt\ndomain0:\n  spf: { include: [spf.mailhost-provider.net], all: "-all" }\n',
        },
      ],
    },
  },
  messages: {
    plaintextAuth:
      'SASL authentication is on but {{how}} lets the password cross the network unencrypted when STARTTLS is missing or stripped: use encrypt, verify or secure',
    serviceAuth:
      'master.cf service {{name}} authenticates with SASL but {{how}} for it: the password may cross the network unencrypted; add -o smtp_tls_security_level=encrypt',
  },
  check({ model, views, report }) {
    const main = mainLookup(views.postfix);
    if (saslOn(main)) {
      const tls = tlsLevel(main);
      if (!MANDATORY_TLS_LEVELS.has(tls.level)) report({ messageId: 'plaintextAuth', path: tls.path, data: { how: tls.how } });
    }
    // A service that inherits both SASL and TLS from main.cf was judged above.
    for (const service of clientServices(views.services)) {
      if (!OWN_SETTINGS.some((name) => service.options.has(name))) continue;
      const lookup = serviceLookup(service, main);
      if (!saslOn(lookup)) continue;
      const tls = tlsLevel(lookup);
      if (MANDATORY_TLS_LEVELS.has(tls.level)) continue;
      const inheritsAll = !service.options.has('smtp_sasl_auth_enable') && tls.path !== service.path;
      if (inheritsAll && saslOn(main)) continue;
      report({ messageId: 'serviceAuth', path: service.path, data: { name: service.name, how: tls.how } });
    }
  },
});

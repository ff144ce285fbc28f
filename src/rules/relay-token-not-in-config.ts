// relay-token-not-in-config: no literal token, password or other secret anywhere in the config.
import { formatKeyPath } from '../findings.js';
import { createRule } from './types.js';
import { configStrings, findSecret } from './postfix-util/secrets.js';

export default createRule({
  id: 'relay-token-not-in-config',
  defaultSeverity: 'error',
  docs: {
    summary: 'No literal token, password or other secret anywhere in the config',
    rationale:
      'The self-hosted HTTP relay build guide, step 6: runtime values live on the VPS in /etc/<name>.env, "not in the repository"; step 8: "The deployment ' +
      'script can live in a repository. The environment file should stay on the server." relay.config.yaml is committed ' +
      'and reviewed, so a secret in it is a leaked secret. The Postfix SMTP relay guide keeps smarthost credentials in /etc/postfix/sasl_passwd ' +
      '(chmod 600), never in main.cf. Every string of the config is checked, including raw postfix.parameters and -o options: ' +
      '"Bearer ..." values, NAME=value where the name says token, secret, password or API key ' +
      '(SMTP_RELAY_TOKEN=..., CF-Access-Client-Secret: ...), passwords in static: or inline: SASL maps or in URLs, ' +
      'and long random-looking strings (32+ characters mixing cases and digits, or 40+ hex digits). ' +
      'Placeholders such as <long-random-token> or ${SMTP_RELAY_TOKEN} pass. Messages never repeat the secret.',
    source: 'the self-hosted HTTP relay build guide, step 8',
    fix:
      'Delete the value from the config and rotate it (it is in git history now). Keep the relay token in the server\'s env ' +
      'file or a systemd credential, and smarthost passwords in the file delivery.relayhost.auth.passwordFile names.',
    examples: {
      invalid: [
        {
          description: 'The relay token pasted where a display name belongs',
          config: 'domain0:\n  senders:\n    - { address: support@acme-mail.net, name: "Bearer hV3kq9ZpL2mW8xR4tY7uB1nC5vD0sF6g" }\n',
        },
        {
          description: 'A smarthost password in a static: SASL map',
          config: 'postfix:\n  parameters:\n    smtp_sasl_password_maps: "static:apikey:SG.x7Kp2Lq9Vz"\n',
        },
      ],
      valid: [
        {
          description: 'The SASL password read from a map on the server',
          config: 'postfix:\n  parameters:\n    smtp_sasl_password_maps: hash:/etc/postfix/sasl_passwd\n',
        },
      ],
    },
  },
  messages: {
    secret: '{{where}} holds {{kind}} ({{length}} characters): secrets stay on the server, not in the committed config',
  },
  check({ model, report }) {
    const seen = new Set<string>();
    for (const { value, path, context } of configStrings(model)) {
      const hit = findSecret(value, context);
      if (!hit) continue;
      // The key is named only for a hit: formatting every string's path was a third of this rule's time.
      const where = formatKeyPath(path);
      if (seen.has(where)) continue;
      seen.add(where);
      report({ messageId: 'secret', path, data: { where, kind: hit.kind, length: hit.length } });
    }
  },
});

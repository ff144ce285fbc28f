// relay-client-senders-allowed: every sender a relay client may use is on a sending domain's allowlist, and client names are unique.
import { createRule } from './types.js';

export default createRule({
  id: 'relay-client-senders-allowed',
  defaultSeverity: 'error',
  docs: {
    summary: 'A client\'s senders are on the domains\' allowlists; each client name is used once',
    rationale:
      'relay.clients narrows the From allowlist per calling service: the relay answers 403 when a client uses a sender ' +
      'that is not among its own. A client sender that no domains[].senders entry lists can never be used (the relay ' +
      'refuses a From off the allowlist before it looks at the client), which hides a typo until that service first ' +
      'sends. Each client gets the systemd credential <name>-token-<client> (systemd.exec(5), LoadCredential=): two ' +
      'clients of one name would share one token file, so a token would no longer authenticate exactly one client.',
    source: 'the self-hosted HTTP relay build guide, step 6 (From allowlist); systemd.exec(5) "Credentials"',
    fix: 'Add the address to the domains[] entry of its domain (with its display name), or correct the client\'s entry; give each client its own name.',
    examples: {
      invalid: [
        {
          description: 'A client sender that is on no allowlist',
          config: 'relay:\n  clients:\n    - { name: billing, senders: [invoices@acme-mail.net] }\n',
        },
      ],
      valid: [{ description: 'A client using an allowlisted sender', config: 'relay:\n  clients:\n    - { name: billing, senders: [support@acme-mail.net] }\n' }],
    },
  },
  messages: {
    notAllowed: '{{address}} is not on any domain\'s senders list: client {{client}} could never send from it',
    duplicate: 'client name {{client}} is used more than once: both would read the one credential {{credential}}',
  },
  check({ model, report }) {
    const allowed = new Set(model.domains.flatMap((d) => d.senders.map((s) => s.address.toLowerCase())));
    const seen = new Set<string>();
    model.relay.clients.forEach((client, i) => {
      if (seen.has(client.name)) report({ messageId: 'duplicate', path: ['relay', 'clients', i, 'name'], data: { client: client.name, credential: `${model.name}-token-${client.name}` } });
      seen.add(client.name);
      client.senders.forEach((address, j) => {
        if (!allowed.has(address)) report({ messageId: 'notAllowed', path: ['relay', 'clients', i, 'senders', j], data: { address, client: client.name } });
      });
    });
  },
});

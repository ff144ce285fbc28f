// entry-host-not-mta-host: the HTTP entry name (relay.entry.hostname) and the SMTP-side MTA name stay apart.
import { createRule } from './types.js';
import { sameName } from './util/dns-name.js';
import { heloOverride } from './util/helo.js';

export default createRule({
  id: 'entry-host-not-mta-host',
  defaultSeverity: 'warning',
  docs: {
    summary: 'The HTTP entry name and the MTA hostname are different names, and nothing announces the entry name in HELO',
    rationale:
      'The self-hosted HTTP relay build guide, step 1 names "the easy mistake": mixing up mail.example.com (the SMTP-side MTA hostname Postfix announces in HELO/EHLO, checked against PTR and reputation) and mail-relay.example.com (the HTTP-side entry callers use for /send). The entry name usually points at a gateway (a tunnel, a proxy), not at the sending IP, so using it as the MTA name, or announcing it in HELO through a raw smtp_helo_name/myhostname override or a sender transport\'s heloName, breaks forward-confirmed reverse DNS; and putting the MTA name on the gateway ties the public HTTP entry to the mail reputation of the host.',
    source: 'the self-hosted HTTP relay build guide, step 1',
    fix: 'Give the entry its own name (relay.entry.hostname: mail-relay.yourdomain.com) and keep mta.hostname, the PTR and every HELO name on the MTA name (mail.yourdomain.com).',
    examples: {
      invalid: [
        { description: 'The entry uses the MTA hostname', config: 'relay:\n  entry:\n    hostname: mail.acme-mail.net\n    gateway: cloudflare-access\n    tunnelId: 6ff42ae2-765d-4adf-8112-31c55c1551ef\n' },
        {
          description: 'HELO is set to the entry name',
          config: 'relay:\n  entry:\n    hostname: mail-relay.acme-mail.net\n    gateway: cloudflare-access\n    tunnelId: 6ff42ae2-765d-4adf-8112-31c55c1551ef\npostfix:\n  parameters:\n    smtp_helo_name: mail-relay.acme-mail.net\n',
        },
      ],
      valid: [{ description: 'Two names, two jobs', config: 'relay:\n  entry:\n    hostname: mail-relay.acme-mail.net\n    gateway: cloudflare-access\n    tunnelId: 6ff42ae2-765d-4adf-8112-31c55c1551ef\n' }],
    },
  },
  messages: {
    sameName: 'relay.entry.hostname "{{entry}}" is also the MTA hostname: the HTTP entry (gateway) and the SMTP identity (HELO, PTR, A to the sending IP) need two names',
    heloIsEntry: '{{field}} announces the HTTP entry name "{{entry}}" in HELO/EHLO; HELO must be the MTA hostname "{{hostname}}" that the PTR names',
  },
  check({ model, report }) {
    const entry = model.relay.entry.hostname;
    if (!entry) return;
    if (sameName(entry, model.mta.hostname)) {
      report({ messageId: 'sameName', path: ['relay', 'entry', 'hostname'], data: { entry } });
      return; // every HELO naming the entry is then the same single mix-up
    }
    const override = heloOverride(model);
    if (override && sameName(override.name, entry)) {
      report({ messageId: 'heloIsEntry', path: override.path, data: { field: `postfix.parameters.${String(override.path[2])}`, entry, hostname: model.mta.hostname } });
    }
    model.delivery.senderTransports.forEach((t, i) => {
      if (sameName(t.heloName, entry)) {
        report({
          messageId: 'heloIsEntry',
          path: ['delivery', 'senderTransports', i, 'heloName'],
          data: { field: `delivery.senderTransports[${i}].heloName`, entry, hostname: model.mta.hostname },
        });
      }
    });
  },
});

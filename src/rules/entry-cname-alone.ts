// entry-cname-alone: the tunnel's CNAME for the entry name is the only record at that name.
import { createRule } from './types.js';

export default createRule({
  id: 'entry-cname-alone',
  defaultSeverity: 'error',
  docs: {
    summary: 'A Cloudflare Tunnel entry name holds no other record',
    rationale:
      'With gateway cloudflare-access the build publishes relay.entry.hostname as a CNAME to <tunnelId>.cfargotunnel.com ' +
      '(the self-hosted HTTP relay build guide, step 9). A CNAME must be the only record at its name (RFC 1034 §3.6.2, ' +
      'RFC 2181 §10.1): at a sending domain\'s apex, a sender transport\'s HELO name or a name of dns.extraRecords it would sit ' +
      'beside MX, TXT or A records, and the zone is refused whole ("CNAME and other data"), taking SPF, DKIM and DMARC down with it.',
    source: 'RFC 1034 §3.6.2; RFC 2181 §10.1; the self-hosted HTTP relay build guide, step 9',
    fix: 'Give the entry a name of its own, such as mail-relay.<domain>, that no other record uses.',
    examples: {
      invalid: [
        { description: 'The tunnel at a sending domain\'s apex', config: 'relay:\n  entry:\n    hostname: acme-mail.net\n    gateway: cloudflare-access\n    tunnelId: 6ff42ae2-765d-4adf-8112-31c55c1551ef\n' },
      ],
      valid: [
        { description: 'A name of its own', config: 'relay:\n  entry:\n    hostname: mail-relay.acme-mail.net\n    gateway: cloudflare-access\n    tunnelId: 6ff42ae2-765d-4adf-8112-31c55c1551ef\n' },
      ],
    },
  },
  messages: {
    beside: 'relay.entry.hostname {{name}} would be a CNAME beside its {{types}} record(s): a CNAME must stand alone, and a zone with both is refused whole; give the entry a name of its own',
  },
  check({ views, report }) {
    for (const cname of views.records.records.filter((r) => r.purpose === 'entry' && r.type === 'CNAME')) {
      const others = (views.recordsByName.get(cname.name) ?? []).filter((r) => r !== cname);
      if (others.length === 0) continue;
      report({ messageId: 'beside', path: ['relay', 'entry', 'hostname'], data: { name: cname.name, types: [...new Set(others.map((r) => r.type))].sort().join(', ') } });
    }
  },
});

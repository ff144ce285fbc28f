// mx-present: each sending domain (and a return-path domain this config writes) keeps a working MX.
import { createRule } from './types.js';
import type { KeyPath } from '../findings.js';
import { ipFamily } from './util/ip.js';
import { normalizeName } from './util/dns-name.js';
import { nearestParent } from '../dns/name-index.js';

export default createRule({
  id: 'mx-present',
  defaultSeverity: 'error',
  docs: {
    summary: 'Each sending domain keeps an MX (replies, bounces, DMARC reports), and so does a return-path domain of its own',
    rationale:
      'The self-hosted HTTP relay build guide, step 2 (MX): "A send-only relay does not technically need to receive mail, but the domain should still have working MX": users reply to the From address, bounces go to the return path, DMARC aggregate reports need a mailbox, and "some receivers distrust a From domain that cannot receive mail at all". The MX records are the domain\'s existing receiving provider, declared in domains[].mx (or dns.extraRecords) so the generated zone keeps them. A "null MX" (host ".", RFC 7505) says the domain accepts no mail at all, and an MX host must be a name, not an address (RFC 5321 §5.1, RFC 1035 §3.3.9). A return path in a subdomain this config writes (bounces@bounce.example.com) needs its own MX, or bounces are lost.',
    source: 'the self-hosted HTTP relay build guide, step 2 (MX); RFC 7505; RFC 5321 §5.1',
    fix: 'List the domain\'s current receiving servers under domains[].mx (priority and host name, e.g. Google Workspace, Fastmail, Cloudflare Email Routing), and add an MX for a separate return-path domain.',
    examples: {
      invalid: [
        { description: 'No MX for the sending domain', config: 'domain0:\n  mx: []\n' },
        { description: 'An IP address as MX host', config: 'domain0:\n  mx:\n    - { priority: 10, host: 94.130.10.30 }\n' },
      ],
      valid: [{ description: 'The existing mail provider', config: 'domain0:\n  mx:\n    - { priority: 10, host: mx1.mailhost-provider.net }\n    - { priority: 20, host: mx2.mailhost-provider.net }\n' }],
    },
  },
  messages: {
    none: '{{domain}} has no MX: replies, bounces and DMARC reports to it cannot be delivered; list its receiving provider under mx',
    nullMx: '{{domain}} publishes only a null MX (RFC 7505): it declares that it accepts no mail, so replies, bounces and reports are refused',
    hostIsIp: 'MX host "{{host}}" of {{domain}} is an address; an MX names a host (RFC 5321 §5.1), which then has A/AAAA records',
    returnPathNoMx: 'the return path {{returnPath}} is in {{rpDomain}}, which has no MX in the generated zones: bounces to it are lost',
  },
  check({ model, views, report }) {
    const mxOf = (name: string) => (views.recordsByName.get(name) ?? []).filter((r) => r.type === 'MX');
    const hostPath = (path: KeyPath): KeyPath => (path[0] === 'dns' ? [...path, 'value'] : [...path, 'host']);
    const zones = new Set(model.domains.map((d) => d.name));

    model.domains.forEach((domain, i) => {
      const mx = mxOf(domain.name);
      for (const record of mx) {
        if (ipFamily(record.value) !== 0) report({ messageId: 'hostIsIp', path: hostPath(record.path), data: { host: record.value, domain: domain.name } });
      }
      if (mx.length === 0) report({ messageId: 'none', path: ['domains', i, 'mx'], data: { domain: domain.name } });
      else if (mx.every((r) => r.value === '')) report({ messageId: 'nullMx', path: hostPath(mx[0].path), data: { domain: domain.name } });

      const rp = domain.returnPathDomain;
      if (rp !== domain.name && nearestParent(normalizeName(rp), views.sendingNames) !== undefined && !zones.has(rp) && mxOf(rp).every((r) => r.value === '')) {
        report({ messageId: 'returnPathNoMx', path: ['domains', i, 'returnPath'], data: { returnPath: domain.returnPath, rpDomain: rp } });
      }
    });
  },
});

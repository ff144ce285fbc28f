// Attack: a cloudflare-access entry name that is a sending domain's apex (or any name the zone already
// holds records at) gets a CNAME beside the MX/TXT records there: "CNAME and other data" (RFC 1034
// section 3.6.2, RFC 2181 section 10.1), a zone BIND refuses to load and DNS consoles refuse to import.
import { describe, expect, it } from 'vitest';
import { buildRecordModel } from '../../../src/dns/records.js';
import { lintText, mergeConfig } from '../../helpers/rule-tester.js';
import { modelFrom } from '../model.js';

const TUNNEL_AT = (hostname: string) =>
  `relay:\n  entry:\n    hostname: ${hostname}\n    gateway: cloudflare-access\n    tunnelId: 6ff42ae2-765d-4adf-8112-31c55c1551ef\n`;

/** Names in the record model that hold a CNAME and any other record. */
function cnameClashes(fragment: string): string[] {
  const byName = new Map<string, Set<string>>();
  for (const r of buildRecordModel(modelFrom(fragment)).records) {
    const key = r.name.toLowerCase().replace(/\.$/, '');
    byName.set(key, (byName.get(key) ?? new Set()).add(r.type));
  }
  return [...byName].filter(([, types]) => types.has('CNAME') && types.size > 1).map(([name, types]) => `${name}: ${[...types].join(' ')}`);
}

describe('the entry CNAME, attacked', () => {
  it('sanity: a name of its own gets the CNAME alone', () => {
    expect(cnameClashes(TUNNEL_AT('mail-relay.acme-mail.net'))).toEqual([]);
  });

  it('the domain apex as a tunnel entry name: the build must not write CNAME beside MX/TXT unless lint stops it with an error', () => {
    const fragment = TUNNEL_AT('acme-mail.net');
    const clashes = cnameClashes(fragment);
    const errorPaths = lintText(mergeConfig(fragment)).findings.filter((f) => f.severity === 'error').map((f) => f.path.join('.'));
    // Either no clash is written, or lint refuses the config at relay.entry.hostname.
    expect(clashes.length === 0 || errorPaths.includes('relay.entry.hostname'), `written: ${clashes.join('; ')}; lint errors at: ${errorPaths.join(', ') || 'none'}`).toBe(true);
  });

  it('a sender transport\'s HELO name as the tunnel entry name: CNAME beside the transport\'s A, passed with a warning only', () => {
    const fragment = `delivery:\n  senderTransports:\n    - { domain: acme-mail.net, bindAddress: 94.130.10.21, heloName: out2.acme-mail.net }\n${TUNNEL_AT('out2.acme-mail.net')}`;
    const clashes = cnameClashes(fragment);
    const errors = lintText(mergeConfig(fragment)).findings.filter((f) => f.severity === 'error').map((f) => `[${f.ruleId}] ${f.path.join('.')}`);
    expect(clashes.length === 0 || errors.length > 0, `written: ${clashes.join('; ')}; lint errors: ${errors.join(', ') || 'none'}`).toBe(true);
  });
});

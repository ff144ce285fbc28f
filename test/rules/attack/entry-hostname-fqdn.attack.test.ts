// Attack: relay.entry.hostname takes an IPv4 address or a single label (the schema's host-name format
// accepts all-digit labels). The build then writes a zone named after the address (dns/94.130.10.20.zone),
// an nginx server_name and a `certbot -d 94.130.10.20` no ACME HTTP-01 order can satisfy, with no finding.
import { describe, expect, it } from 'vitest';
import { lintText, mergeConfig } from '../../helpers/rule-tester.js';
import { buildRecordModel } from '../../../src/dns/records.js';
import { modelFrom } from '../../outputs/model.js';

const entry = (hostname: string) => `relay:\n  entry:\n    hostname: "${hostname}"\n    gateway: nginx-allowlist\n    allowFrom: [10.0.0.0/24]\n`;

describe('relay.entry.hostname that is no DNS name, attacked', () => {
  it.each(['94.130.10.20', 'localhost'])('%s is refused or flagged as an error', (hostname) => {
    const fragment = entry(hostname);
    // What is written today: an A record whose owner is the address itself (or a bare label).
    expect(buildRecordModel(modelFrom(fragment)).records.filter((r) => r.purpose === 'entry').map((r) => `${r.zone} ${r.name}`)).toEqual([`${hostname} ${hostname}`]);
    const errors = lintText(mergeConfig(fragment)).findings.filter((f) => f.severity === 'error' && f.path.join('.') === 'relay.entry.hostname');
    expect(errors.map((f) => f.ruleId)).not.toEqual([]);
  });
});

// Defence in depth: a hostile value that got past the input checks reaches an encoder, which refuses
// it with an internal error naming the output, the key and the config path; compile returns nothing.
import { describe, expect, it } from 'vitest';
import { applyMd } from '../../src/outputs/apply-notes.js';
import { compile } from '../../src/outputs/compile.js';
import { EncodeError } from '../../src/outputs/encode/refuse.js';
import type { RelayModel } from '../../src/config/model.js';
import { modelFrom } from './model.js';

/** The base model with one value replaced after loading, as if the schema had let it through. */
function hostile(change: (model: RelayModel) => void): RelayModel {
  const model = modelFrom('delivery: { destinations: [{ domain: qq.com, nexthop: "[mx.qq.example]:25" }] }');
  change(model);
  return model;
}

function refusal(model: RelayModel): EncodeError {
  try {
    compile(model);
  } catch (error) {
    if (error instanceof EncodeError) return error;
    throw error;
  }
  throw new Error('compile accepted a hostile value');
}

describe('compile refuses what no format can carry', () => {
  const cases: Array<[string, (m: RelayModel) => void, Partial<EncodeError>]> = [
    ['a trusted network that adds mynetworks', (m) => (m.delivery.trustedNetworks = ['127.0.0.0/8\nmynetworks = 0.0.0.0/0']), { output: 'etc/postfix/main.cf', key: 'mynetworks', from: ['delivery', 'trustedNetworks'] }],
    ['a raw parameter that adds inet_interfaces', (m) => (m.postfix.parameters = { smtpd_banner: 'x\ninet_interfaces = all' }), { output: 'etc/postfix/main.cf', key: 'smtpd_banner', from: ['postfix', 'parameters', 'smtpd_banner'] }],
    ['a nexthop that adds a transport row', (m) => (m.delivery.destinations[0].nexthop = '[mx.qq.example]:25\nevil.example smtp:[x]'), { output: 'etc/postfix/transport', key: 'qq.com', from: ['delivery', 'destinations', 0] }],
    ['a service line that hides a second service', (m) => (m.postfix.services = ['policy unix - n n - 0 spawn\nsubmission inet n - y - - smtpd']), { output: 'etc/postfix/master.cf', from: ['postfix', 'services', 0] }],
    ['a queue root that adds ExecStartPre', (m) => (m.relay.queue.root = '/var/spool/r\nExecStartPre=+/bin/sh -c id'), { output: 'etc/systemd/system/acme-relay.service', key: 'ReadWritePaths', from: ['relay', 'queue', 'root'] }],
    ['a hardening value with a line break', (m) => (m.relay.hardening = { ProtectHome: 'yes\nUser=root' }), { key: 'ProtectHome', from: ['relay', 'hardening', 'ProtectHome'] }],
    ['an MX host that adds $INCLUDE', (m) => (m.domains[0].mx[0].host = 'mx1.example.net.\n$INCLUDE /etc/shadow'), { output: 'dns/acme-mail.net.zone', from: ['domains', 0, 'mx', 0] }],
    ['an extra TXT with a control character', (m) => (m.dns.extraRecords = [{ name: 'acme-mail.net', type: 'TXT', value: 'a\u0000b' }]), { output: 'dns/acme-mail.net.zone', from: ['dns', 'extraRecords', 0] }],
  ];

  for (const [what, change, expected] of cases) {
    it(`refuses ${what}`, () => {
      const error = refusal(hostile(change));
      expect(error).toMatchObject(expected);
      expect(error.message).toMatch(/^internal error: /);
    });
  }

  it('writes shell syntax in a path as one quoted word in APPLY.md and the env file', () => {
    const files = compile(hostile((m) => (m.relay.queue.root = '/var/spool/$(id);x')));
    // Representable everywhere, so written: as a single-quoted sh word, and escaped for EnvironmentFile=.
    expect(files.find((f) => f.path === 'APPLY.md')!.content).toContain("install -d -o mailrelay -g mailrelay -m 0750 '/var/spool/$(id);x'\n");
    expect(files.find((f) => f.path === 'etc/acme-relay.env')!.content).toContain('QUEUE_ROOT="/var/spool/\\$(id);x"\n');
    // The requeue procedure names the same directory, quoted the same way.
    expect(files.find((f) => f.path === 'APPLY.md')!.content).toContain("find '/var/spool/$(id);x/failed' -maxdepth 1 -type f -name '*.json' -exec mv -t '/var/spool/$(id);x/pending/' '{}' +\n");
  });

  // compile refuses such a name in its output paths; APPLY.md alone must still quote it.
  it('quotes a name with shell syntax in every path of the kept trees', () => {
    const apply = applyMd(hostile((m) => (m.name = 'x$(id)'))).content;
    expect(apply).toContain("install -d -o root -g root -m 0700 /var/lib/relayconf '/var/lib/relayconf/x$(id)'\n");
    expect(apply).toContain(`rsync -rlpt --checksum --delete out/ root@"$HOST"':/var/lib/relayconf/x$(id)/incoming/'\n`);
    expect(apply).toContain("rsync -rlpt --checksum --chmod=D0755 --exclude=/dns/ --exclude=/MANIFEST --exclude=/APPLY.md '/var/lib/relayconf/x$(id)/current/' /\n");
    // Every $( in a command line of a block is inside single quotes.
    const lines = [...apply.matchAll(/^```sh[^\n]*\n([\s\S]*?)^```$/gm)].flatMap((m) => m[1].split('\n'));
    for (const line of lines.filter((l) => l.includes('$(id)'))) expect(line.replace(/'[^']*'/g, ''), line).not.toContain('$(');
  });
});

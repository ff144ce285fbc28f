import { describe, expect, it } from 'vitest';
import { applyHardening, relayPaths, serviceGroups, systemdUnit } from '../../src/outputs/systemd.js';
import { modelFrom } from './model.js';

/** [Service] directives in order, as [key, value]. */
function service(text: string): Array<[string, string]> {
  const body = text.slice(text.indexOf('[Service]\n') + 10, text.indexOf('\n[Install]'));
  return body
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]);
}

describe('the relay unit', () => {
  it('runs the relay as its own user with the env file and the token credential (seed 01 step 8)', () => {
    const unit = systemdUnit(modelFrom());
    expect(unit.path).toBe('etc/systemd/system/acme-relay.service');
    expect(unit.mode).toBe(0o644);
    const d = Object.fromEntries(service(unit.content));
    expect(d).toMatchObject({
      Type: 'exec',
      User: 'mailrelay',
      Group: 'mailrelay',
      WorkingDirectory: '/opt/acme-relay',
      EnvironmentFile: '/etc/acme-relay.env',
      LoadCredential: 'acme-relay-token:/etc/credstore/acme-relay-token',
      ExecStart: '/usr/bin/node /opt/acme-relay/server.js',
      Restart: 'always',
      TimeoutStopSec: '45s',
      ReadWritePaths: '/var/spool/acme-relay',
    });
    // The default SMTP hand-off needs no Postfix group; systemd-journal lets journalctl read Postfix's delivery log.
    expect(d.SupplementaryGroups).toBe('systemd-journal');
    expect(unit.content).toMatch(/^\[Unit\]\nDescription=acme-relay: HTTP mail relay in front of Postfix smtpd \(relayconf\)\nAfter=network.target postfix.service opendkim.service\n/m);
    expect(unit.content).toMatch(/\n\[Install\]\nWantedBy=multi-user.target\n$/);
    // Never the token itself, never a second environment file with it.
    expect(unit.content).not.toMatch(/SMTP_RELAY_TOKEN|Environment=/);
  });

  it('with relay.clients: one LoadCredential per client, named <name>-token-<client>, and no shared token', () => {
    const model = modelFrom('relay:\n  clients:\n    - { name: billing, senders: [support@acme-mail.net] }\n    - { name: alerts, senders: [support@acme-mail.net] }\n');
    const credentials = service(systemdUnit(model).content).filter(([key]) => key === 'LoadCredential');
    expect(credentials).toEqual([
      ['LoadCredential', 'acme-relay-token-billing:/etc/credstore/acme-relay-token-billing'],
      ['LoadCredential', 'acme-relay-token-alerts:/etc/credstore/acme-relay-token-alerts'],
    ]);
  });

  it('carries seed 01 step 8\'s hardening and more', () => {
    const d = Object.fromEntries(service(systemdUnit(modelFrom()).content));
    expect(d).toMatchObject({
      NoNewPrivileges: 'yes',
      ProtectSystem: 'strict',
      ProtectHome: 'yes',
      PrivateTmp: 'yes',
      PrivateDevices: 'yes',
      CapabilityBoundingSet: '',
      RestrictAddressFamilies: 'AF_INET AF_INET6',
      RestrictSUIDSGID: 'yes',
      ProtectKernelTunables: 'yes',
      ProtectControlGroups: 'yes',
      SystemCallArchitectures: 'native',
      LockPersonality: 'yes',
      IPAddressDeny: 'any',
      IPAddressAllow: 'localhost',
    });
    const filters = service(systemdUnit(modelFrom()).content).filter(([k]) => k === 'SystemCallFilter').map(([, v]) => v);
    expect(filters).toEqual(['@system-service', '~@privileged']);
    // V8's JIT needs writable executable memory.
    expect(d).not.toHaveProperty('MemoryDenyWriteExecute');
    // Supplementary groups do not map into a user namespace: postdrop would be lost (sendmail hand-off).
    expect(d).not.toHaveProperty('PrivateUsers');
  });

  it('relay.handoff sendmail: exactly what sendmail and postdrop need besides (group, maildrop and public/, local and netlink sockets)', () => {
    const smtp = service(systemdUnit(modelFrom()).content);
    const unit = systemdUnit(modelFrom('relay: { handoff: sendmail }'));
    const sendmail = service(unit.content);
    const d = Object.fromEntries(sendmail);
    expect(d).toMatchObject({
      SupplementaryGroups: 'postdrop',
      ReadWritePaths: '/var/spool/acme-relay /var/spool/postfix/maildrop /var/spool/postfix/public',
      RestrictAddressFamilies: 'AF_UNIX AF_INET AF_INET6 AF_NETLINK',
      IPAddressDeny: 'any',
      IPAddressAllow: 'localhost',
    });
    expect(unit.content).toMatch(/^Description=acme-relay: HTTP mail relay in front of Postfix sendmail \(relayconf\)$/m);
    // ~@resources would break postdrop, which lowers RLIMIT_FSIZE and exits when it cannot.
    expect(sendmail.filter(([k]) => k === 'SystemCallFilter').map(([, v]) => v)).toEqual(['@system-service', '~@privileged']);
    // ProcSubset=pid only here: the SMTP hand-off's journalctl reads /proc/sys/kernel/random/boot_id, which it hides.
    expect(d.ProcSubset).toBe('pid');
    expect(Object.fromEntries(smtp)).not.toHaveProperty('ProcSubset');
    // Everything else is the same directive for directive.
    const differing = new Set(['SupplementaryGroups', 'ReadWritePaths', 'RestrictAddressFamilies', 'ProcSubset']);
    expect(sendmail.filter(([k]) => !differing.has(k))).toEqual(smtp.filter(([k]) => !differing.has(k)));
  });

  it('fences IP to localhost only when the relay listens on loopback', () => {
    const v6 = Object.fromEntries(service(systemdUnit(modelFrom('relay: { listen: "[::1]:2525" }')).content));
    expect(v6.IPAddressDeny).toBe('any');
    const open = Object.fromEntries(service(systemdUnit(modelFrom('relay: { listen: 10.8.0.1:2525, entry: { gateway: vpn } }')).content));
    expect(open).not.toHaveProperty('IPAddressDeny');
    expect(open).not.toHaveProperty('IPAddressAllow');
  });

  it('with webhooks: loads the webhook secret and drops the IP fence, even on loopback', () => {
    const hooks = 'relay: { webhooks: [{ name: crm, url: "https://hooks.acme-mail.net/in" }] }';
    const text = systemdUnit(modelFrom(hooks)).content;
    const directives = service(text);
    expect(directives.filter(([k]) => k === 'LoadCredential').map(([, v]) => v)).toEqual([
      'acme-relay-token:/etc/credstore/acme-relay-token',
      'acme-relay-webhook-secret:/etc/credstore/acme-relay-webhook-secret',
    ]);
    expect(directives.filter(([k]) => k.startsWith('IPAddress'))).toEqual([]);
    expect(text).toContain('# The relay POSTs message events to its webhooks (crm) at addresses resolved when it sends,\n');
    const plain = service(systemdUnit(modelFrom()).content);
    expect(plain.filter(([k]) => k === 'LoadCredential').map(([, v]) => v)).toEqual(['acme-relay-token:/etc/credstore/acme-relay-token']);
    expect(plain.filter(([k]) => k.startsWith('IPAddress'))).toEqual([['IPAddressDeny', 'any'], ['IPAddressAllow', 'localhost']]);
  });

  it('gives SIGTERM the sendmail timeout plus a margin, and uses the configured user and queue', () => {
    const d = Object.fromEntries(service(systemdUnit(modelFrom('relay: { user: relayd, sendmail: { timeout: 2m }, queue: { root: /srv/relay-queue } }')).content));
    expect(d).toMatchObject({ User: 'relayd', Group: 'relayd', TimeoutStopSec: '135s' });
    expect(d.ReadWritePaths.split(' ')[0]).toBe('/srv/relay-queue');
  });

  it('applies relay.hardening: replaces in place (every line of a repeated directive) or adds', () => {
    const text = systemdUnit(modelFrom('relay: { hardening: { ProtectHome: read-only, SystemCallFilter: "@system-service", PrivateNetwork: false, MemoryDenyWriteExecute: true } }')).content;
    const directives = service(text);
    expect(directives.filter(([k]) => k === 'ProtectHome')).toEqual([['ProtectHome', 'read-only']]);
    expect(directives.filter(([k]) => k === 'SystemCallFilter')).toEqual([['SystemCallFilter', '@system-service']]);
    expect(directives.slice(-2)).toEqual([
      ['MemoryDenyWriteExecute', 'yes'],
      ['PrivateNetwork', 'no'],
    ]);
    expect(text).toContain('# ProtectHome as set in relay.config.yaml relay.hardening.\n');
    expect(text).toContain('# Added by relay.config.yaml relay.hardening.\nMemoryDenyWriteExecute=yes\n');
  });

  it('leaves the groups alone without overrides', () => {
    const groups = serviceGroups(modelFrom());
    expect(applyHardening(structuredClone(groups), {})).toEqual(groups);
  });

  it('names the server paths from the service name', () => {
    expect(relayPaths(modelFrom())).toEqual({
      unit: '/etc/systemd/system/acme-relay.service',
      unitName: 'acme-relay.service',
      envFile: '/etc/acme-relay.env',
      optDir: '/opt/acme-relay',
      serverJs: '/opt/acme-relay/server.js',
      credentialName: 'acme-relay-token',
      credentialPath: '/etc/credstore/acme-relay-token',
      queueRoot: '/var/spool/acme-relay',
    });
  });
});

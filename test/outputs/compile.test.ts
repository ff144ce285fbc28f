import { describe, expect, it } from 'vitest';
import { compile } from '../../src/outputs/compile.js';
import { parseManifest, sha256 } from '../../src/outputs/apply-notes.js';
import { modelFrom } from './model.js';

describe('compile', () => {
  it('writes the whole server tree for a config, sorted by path', () => {
    const files = compile(modelFrom());
    expect(files.map((f) => f.path)).toEqual([
      'APPLY.md',
      'MANIFEST',
      'dns/acme-mail.net.zone',
      'dns/records.json',
      'etc/acme-relay.env',
      'etc/opendkim.conf',
      'etc/opendkim/KeyTable',
      'etc/opendkim/SigningTable',
      'etc/opendkim/TrustedHosts',
      'etc/postfix/main.cf',
      'etc/postfix/master.cf',
      'etc/postfix/smtp_header_checks',
      'etc/prometheus/relayconf-acme-relay.scrape.yml',
      'etc/prometheus/rules/relayconf-acme-relay.rules.yml',
      'etc/systemd/system/acme-relay.service',
      'opt/acme-relay/openapi.json',
      'opt/acme-relay/server.js',
    ]);
    expect(files.every((f) => f.content.endsWith('\n'))).toBe(true);
  });

  it('is byte-for-byte deterministic and free of this machine\'s paths', () => {
    const model = modelFrom(`
delivery: { destinations: [{ domain: qq.com, concurrency: 2 }], senderTransports: [{ domain: o.net, bindAddress: 94.130.10.21, heloName: r.o.net }] }
`);
    const a = compile(model);
    const b = compile(structuredClone(model));
    expect(b).toEqual(a);
    for (const file of a) {
      expect(file.content.includes(model.configDir), file.path).toBe(false);
      expect(/\b20\d\d-\d\d-\d\dT\d\d:\d\d/.test(file.content), `${file.path} has a timestamp`).toBe(false);
    }
    expect(a.map((f) => f.path)).toContain('etc/postfix/transport');
    expect(a.map((f) => f.path)).toContain('etc/postfix/sender_transport');
  });

  it('lists every other file in MANIFEST with its mode and hash', () => {
    const files = compile(modelFrom());
    const manifest = parseManifest(files.find((f) => f.path === 'MANIFEST')!.content);
    expect([...manifest.keys()]).toEqual(files.map((f) => f.path).filter((p) => p !== 'MANIFEST'));
    for (const file of files.filter((f) => f.path !== 'MANIFEST')) {
      expect(manifest.get(file.path)).toEqual({ mode: file.mode, sha256: sha256(file.content) });
    }
  });

  it('never writes a secret: no private key, no token, no SASL password map', () => {
    const files = compile(
      modelFrom('delivery: { mode: relayhost, tls: encrypt, relayhost: { host: smtp.sendgrid.net, auth: { username: apikey, passwordFile: /etc/postfix/sasl_passwd } } }'),
    );
    expect(files.map((f) => f.path)).not.toContain('etc/postfix/sasl_passwd');
    for (const file of files) expect(file.content, file.path).not.toMatch(/BEGIN (RSA )?PRIVATE KEY|SMTP_RELAY_TOKEN=\S/);
  });
});

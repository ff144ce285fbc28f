import { describe, expect, it } from 'vitest';
import { opendkimFiles, signatureAlgorithm, signingKeys, signingRows, trustedHosts } from '../../src/outputs/opendkim.js';
import { modelFrom } from './model.js';

const TWO_DOMAINS = `
domains:
  - name: Acme-Mail.net
    senders: [{ address: support@acme-mail.net }, { address: alerts@ops.acme-mail.net }]
    dkim:
      signWith: mail202606
      selectors: [{ name: mail202606, publicKeyFile: keys/rsa2048.pub }, { name: mail202512, publicKeyFile: keys/rsa2048-b.pub }]
    dmarc: { policy: reject }
    mx: [{ priority: 10, host: mx.example.net }]
  - name: acme-shop.de
    senders: [{ address: shop@acme-shop.de }]
    dkim: { signWith: s1, selectors: [{ name: s1, publicKeyFile: keys/rsa2048-b.pub }] }
    dmarc: { policy: reject }
    mx: [{ priority: 10, host: mx.example.net }]
`;

const file = (files: ReturnType<typeof opendkimFiles>, path: string) => files.find((f) => f.path === path)!.content;
const rows = (text: string) => text.split('\n').filter((l) => l && !l.startsWith('#'));

describe('opendkim.conf', () => {
  it('signs on the loopback milter socket with refile: tables (seed 01 step 4, Debian 12 paths)', () => {
    const conf = rows(file(opendkimFiles(modelFrom()), 'etc/opendkim.conf')).map((l) => l.split(/\s+/));
    expect(Object.fromEntries(conf)).toEqual({
      Syslog: 'yes',
      SyslogSuccess: 'yes',
      LogWhy: 'yes',
      Mode: 's',
      Socket: 'inet:8891@127.0.0.1',
      PidFile: '/run/opendkim/opendkim.pid',
      UserID: 'opendkim',
      UMask: '007',
      Canonicalization: 'relaxed/simple',
      SignHeaders: 'From,Reply-To,To,Cc,Subject,Date,Message-ID,MIME-Version,Content-Type,In-Reply-To,References,List-Unsubscribe,List-Unsubscribe-Post,List-Id,Feedback-ID',
      OversignHeaders: 'From,List-Unsubscribe,List-Unsubscribe-Post',
      KeyTable: 'refile:/etc/opendkim/KeyTable',
      SigningTable: 'refile:/etc/opendkim/SigningTable',
      InternalHosts: '/etc/opendkim/TrustedHosts',
      ExternalIgnoreList: '/etc/opendkim/TrustedHosts',
      RequireSafeKeys: 'yes',
    });
  });
});

describe('signature algorithm', () => {
  it('is global in OpenDKIM: Ed25519 only when every signing key is Ed25519', () => {
    const ed = modelFrom('domain0: { dkim: { signWith: ed1, selectors: [{ name: ed1, publicKeyFile: keys/ed25519.pub }] } }');
    expect(signatureAlgorithm(ed)).toBe('ed25519-sha256');
    expect(file(opendkimFiles(ed), 'etc/opendkim.conf')).toMatch(/^SignatureAlgorithm\s+ed25519-sha256$/m);
    expect(signatureAlgorithm(modelFrom())).toBe('rsa-sha256');
    expect(file(opendkimFiles(modelFrom()), 'etc/opendkim.conf')).not.toContain('SignatureAlgorithm');
  });
});

describe('tables', () => {
  it('keys only the signing selector of each domain, at its server path', () => {
    const model = modelFrom(TWO_DOMAINS);
    expect(signingKeys(model)).toEqual([
      { domain: 'acme-mail.net', selector: 'mail202606', keyName: 'mail202606._domainkey.acme-mail.net', privatePath: '/etc/opendkim/keys/acme-mail.net/mail202606.private' },
      { domain: 'acme-shop.de', selector: 's1', keyName: 's1._domainkey.acme-shop.de', privatePath: '/etc/opendkim/keys/acme-shop.de/s1.private' },
    ]);
    expect(rows(file(opendkimFiles(model), 'etc/opendkim/KeyTable'))).toEqual([
      'mail202606._domainkey.acme-mail.net  acme-mail.net:mail202606:/etc/opendkim/keys/acme-mail.net/mail202606.private',
      's1._domainkey.acme-shop.de           acme-shop.de:s1:/etc/opendkim/keys/acme-shop.de/s1.private',
    ]);
  });

  it('maps every From domain of the allowlist to its sending domain\'s key', () => {
    const model = modelFrom(TWO_DOMAINS);
    expect(signingRows(model)).toEqual([
      ['*@acme-mail.net', 'mail202606._domainkey.acme-mail.net'],
      ['*@acme-shop.de', 's1._domainkey.acme-shop.de'],
      ['*@ops.acme-mail.net', 'mail202606._domainkey.acme-mail.net'],
    ]);
    expect(rows(file(opendkimFiles(model), 'etc/opendkim/SigningTable'))[0]).toBe('*@acme-mail.net      mail202606._domainkey.acme-mail.net');
  });

  it('trusts loopback and the trusted networks, in OpenDKIM\'s CIDR form', () => {
    expect(trustedHosts(modelFrom('delivery: { trustedNetworks: [127.0.0.0/8, "[::1]/128", 10.0.0.0/24, "[fd00::]/64"] }'))).toEqual([
      '127.0.0.1',
      '::1',
      'localhost',
      '127.0.0.0/8',
      '::1/128',
      '10.0.0.0/24',
      'fd00::/64',
    ]);
  });
});

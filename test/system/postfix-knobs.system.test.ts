// System test: the Postfix knobs no example combines (a 465 smarthost, a 465 destination with its own
// credential, sender-dependent relays keyed by @domain and by next hop, IPv6 binds, lifetimes) read by the
// real postconf and postfix check without a single warning, and the maps answer as main.cf expects.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { postfixFiles } from '../../src/outputs/postfix.js';
import { writeFiles } from '../../src/outputs/writer.js';
import { modelFrom } from '../outputs/model.js';
import { tempDir } from '../helpers/tmp.js';

const CONFIG = `
mta: { ipv6: "2a01:4f8::25", ipv6Ptr: mail.acme-mail.net }
delivery:
  mode: relayhost
  tls: encrypt
  queueLifetime: 1d
  bounceQueueLifetime: 6h
  relayhost: { host: smtp.sendgrid.net, port: 465, auth: { username: apikey, passwordFile: /etc/postfix/sasl_passwd } }
  destinations:
    - { domain: qq.com, concurrency: 1, rateDelay: 10s, recipientLimit: 3 }
    - { domain: partner.example.net, nexthop: "[smtp.partner.example.net]:587", auth: { username: acme, passwordFile: /etc/postfix/sasl_partner } }
  senderTransports:
    - { domain: news.acme-mail.net, bindAddress: 94.130.10.21, heloName: relay.news.acme-mail.net, nexthop: "[smtp.sendgrid.net]:465", auth: { username: news-key, passwordFile: /etc/postfix/sasl_passwd } }
    - { domain: shop.acme-mail.net, bindAddress: "2a01:4f8::26", heloName: relay.shop.acme-mail.net, nexthop: "[smtp.eu-esp.example.net]:587", auth: { username: shop, passwordFile: /etc/postfix/sasl_passwd } }
`;

function run(cmd: string, args: string[]) {
  const result = spawnSync(cmd, args, { encoding: 'utf8', timeout: 60_000 });
  if ((result.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') throw new Error(`${cmd} is not installed: run .ci/install-system-deps.sh`);
  return result;
}

describe('every Postfix knob at once passes the real Postfix tools', () => {
  const root = tempDir('relayconf-postfix-knobs-');
  writeFiles(root, postfixFiles(modelFrom(CONFIG)));
  const dir = path.join(root, 'etc/postfix');

  it('postconf -n and -P read main.cf and master.cf without a warning, with the values written', () => {
    const main = run('postconf', ['-c', dir, '-n']);
    expect(main.stderr).toBe('');
    const values = new Map(main.stdout.split('\n').filter(Boolean).map((l) => [l.slice(0, l.indexOf(' = ')), l.slice(l.indexOf(' = ') + 3)]));
    expect(Object.fromEntries([...values].filter(([k]) => /bind_address|wrappermode|queue_lifetime|sasl|cohort|security_level$/.test(k)))).toEqual({
      smtp_bind_address: '94.130.10.20',
      smtp_bind_address6: '2a01:4f8::25',
      smtp_tls_wrappermode: 'yes',
      smtp_tls_security_level: 'encrypt',
      smtpd_tls_security_level: 'none',
      maximal_queue_lifetime: '1d',
      bounce_queue_lifetime: '6h',
      smtp_sasl_auth_enable: 'yes',
      smtp_sasl_password_maps: 'hash:/etc/postfix/sasl_passwd, hash:/etc/postfix/sasl_partner',
      smtp_sasl_security_options: 'noanonymous',
      smtp_sasl_tls_security_options: 'noanonymous',
      slow_qq_com_destination_concurrency_failed_cohort_limit: '10',
    });
    const services = run('postconf', ['-c', dir, '-P']);
    expect(services.stderr).toBe('');
    const own = services.stdout.split('\n').filter((l) => /wrappermode|sasl|sender_dependent|bind_address|inet_protocols/.test(l));
    // postconf -P orders a service's settings its own way: compare as sets.
    expect(own.sort()).toEqual([
      'slow_partner_example_net/unix/smtp_tls_wrappermode = no',
      'slow_partner_example_net/unix/smtp_sasl_auth_enable = yes',
      'out_news_acme_mail_net/unix/smtp_bind_address = 94.130.10.21',
      'out_news_acme_mail_net/unix/inet_protocols = ipv4',
      'out_news_acme_mail_net/unix/smtp_sasl_auth_enable = yes',
      'out_news_acme_mail_net/unix/smtp_sender_dependent_authentication = yes',
      'out_shop_acme_mail_net/unix/smtp_bind_address6 = 2a01:4f8::26',
      'out_shop_acme_mail_net/unix/inet_protocols = ipv6',
      'out_shop_acme_mail_net/unix/smtp_tls_wrappermode = no',
      'out_shop_acme_mail_net/unix/smtp_sasl_auth_enable = yes',
    ].sort());
  });

  it('postfix check is clean (under script(1): it only prints to a terminal)', () => {
    const result = run('script', ['-qec', `postfix -c ${dir} check`, '/dev/null']);
    expect(result.stdout).toBe('');
    expect(result.status).toBe(0);
  });

  it('postmap builds the sender map: each sender domain reaches its transport and relay', () => {
    const table = `hash:${path.join(root, 'sender_transport')}`;
    writeFiles(root, [{ path: 'sender_transport', mode: 0o644, content: postfixFiles(modelFrom(CONFIG)).find((f) => f.path === 'etc/postfix/sender_transport')!.content }]);
    expect(run('postmap', ['-c', dir, table]).stderr).toBe('');
    expect(run('postmap', ['-c', dir, '-q', '@news.acme-mail.net', table]).stdout).toBe('out_news_acme_mail_net:[smtp.sendgrid.net]:465\n');
    expect(run('postmap', ['-c', dir, '-q', '@shop.acme-mail.net', table]).stdout).toBe('out_shop_acme_mail_net:[smtp.eu-esp.example.net]:587\n');
  });
});

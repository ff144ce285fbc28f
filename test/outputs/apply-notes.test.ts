import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { applyMd, formatMode, manifest, parseManifest, sha256, shellQuote } from '../../src/outputs/apply-notes.js';
import { modelFrom } from './model.js';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tempDir } from '../helpers/tmp.js';

/** The fenced `sh step=<name>` blocks of APPLY.md, in order. */
function steps(text: string): Array<{ name: string; commands: string[] }> {
  return [...text.matchAll(/^```sh step=([a-z-]+)\n([\s\S]*?)^```$/gm)].map((m) => ({ name: m[1], commands: m[2].split('\n').filter(Boolean) }));
}

const SMARTHOST = `
delivery:
  mode: relayhost
  tls: encrypt
  relayhost: { host: smtp.sendgrid.net, auth: { username: "o'brien", passwordFile: /etc/postfix/sasl_passwd } }
  destinations: [{ domain: qq.com }]
domains:
  - name: acme-mail.net
    senders: [{ address: noreply@acme-mail.net }]
    dkim: { signWith: mail202606, selectors: [{ name: mail202606, publicKeyFile: keys/rsa2048.pub }, { name: old, publicKeyFile: keys/rsa2048-b.pub }] }
    dmarc: { policy: reject }
    mx: [{ priority: 10, host: mx.example.net }]
  - name: acme-shop.de
    senders: [{ address: shop@acme-shop.de }]
    dkim: { signWith: s1, selectors: [{ name: s1, publicKeyFile: keys/rsa2048-b.pub }] }
    dmarc: { policy: reject }
    mx: [{ priority: 10, host: mx.example.net }]
`;

describe('APPLY.md', () => {
  it('suggests copying exactly the signing keys, and the suggestion runs', () => {
    const text = applyMd(modelFrom(SMARTHOST)).content;
    const command = /e\.g\. `(tar [^`]+)` with `DKIM_PRIVATE_DIR=\/root\/dkim`/.exec(text)?.[1];
    expect(command).toBe(
      'tar -C "$HOME"/.relayconf/dkim -cf - acme-mail.net/mail202606.private acme-shop.de/s1.private | ssh root@"$HOST" \'umask 077 && mkdir -p /root/dkim && tar -xf - -C /root/dkim\'',
    );
    // Run the local half with a keygen directory that also holds an unrelated key: only the signing keys travel.
    const home = tempDir('relayconf-apply-home-');
    for (const key of ['acme-mail.net/mail202606', 'acme-mail.net/old', 'acme-shop.de/s1', 'other-brand.io/s1']) {
      mkdirSync(path.join(home, '.relayconf/dkim', path.dirname(key)), { recursive: true });
      writeFileSync(path.join(home, '.relayconf/dkim', `${key}.private`), 'key');
    }
    const local = command!.replace(/ \| ssh .*$/, ' | tar -tf -');
    const run = spawnSync('sh', ['-c', local], { env: { PATH: process.env.PATH, HOME: home }, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.split('\n').filter(Boolean)).toEqual(['acme-mail.net/mail202606.private', 'acme-shop.de/s1.private']);
  });

  it('has the steps in a safe order: packages first, DNS checked before the server changes, keys before the restarts', () => {
    const text = applyMd(modelFrom()).content;
    expect(steps(text).map((s) => s.name)).toEqual(['packages', 'dns', 'first-time', 'copy', 'install', 'secrets', 'apply', 'verify']);
    expect(text.match(/^## .*$/gm)).toEqual([
      '## 1. Install the packages',
      '## 2. Publish DNS and check it',
      '## 3. Prepare the server (first time)',
      '## 4. Copy the tree to the server',
      '## 5. Install the tree',
      '## 6. Put the secrets in place',
      '## 7. Apply the configuration',
      '## 8. Check the local chain',
      '## Rolling back',
      '## Queues and logs',
      '## Watching the relay (Prometheus)',
      '## MANIFEST',
    ]);
    // Prose that points at steps names the right numbers.
    expect(text).toContain('- `$HOST`: the server, as you reach it with ssh (step 4).');
    expect(text).toContain('holding the private keys as `<domain>/<selector>.private` (step 6)');
    expect(text).toContain('as soon as it restarts (step 7)');
    expect(text).toContain('Step 5 keeps the tree this server ran before as `/var/lib/relayconf/acme-relay/previous/`.');
  });

  it('gives the exact commands for the base config', () => {
    const byName = Object.fromEntries(steps(applyMd(modelFrom()).content).map((s) => [s.name, s.commands]));
    const store = '/var/lib/relayconf/acme-relay';
    expect(byName).toEqual({
      packages: [
        "echo 'postfix postfix/main_mailer_type select No configuration' | debconf-set-selections",
        'apt-get update',
        'DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postfix opendkim nodejs rsync curl',
        `/usr/bin/node -e 'const v = process.versions.node; console.log("Node.js " + v); if (Number(v.split(".")[0]) < 18) { console.error("server.js needs Node.js 18 or later"); process.exit(1) }'`,
      ],
      dns: ['# publish dns/acme-mail.net.zone', 'relayconf check-dns'],
      'first-time': [
        'id -u mailrelay >/dev/null 2>&1 || useradd --system --user-group --home-dir /nonexistent --shell /usr/sbin/nologin mailrelay',
        'install -d -o mailrelay -g mailrelay -m 0750 /var/spool/acme-relay',
        'install -d -o root -g root -m 0700 /etc/credstore',
        'install -d -o opendkim -g opendkim -m 0700 /etc/opendkim/keys /etc/opendkim/keys/acme-mail.net',
        `install -d -o root -g root -m 0700 /var/lib/relayconf ${store}`,
      ],
      copy: [`rsync -rlpt --checksum --delete out/ root@"$HOST":${store}/incoming/`],
      install: [
        `(cd ${store}/incoming && awk '{ print $2 "  " $3 }' MANIFEST | sha256sum -c --quiet)`,
        `cmp -s ${store}/incoming/MANIFEST ${store}/current/MANIFEST || (rm -rf ${store}/next ${store}/previous && cp -a ${store}/incoming ${store}/next && mkdir -p ${store}/current && mv ${store}/current ${store}/previous && mv ${store}/next ${store}/current)`,
        `rsync -rlpt --checksum --chmod=D0755 --exclude=/dns/ --exclude=/MANIFEST --exclude=/APPLY.md ${store}/current/ /`,
      ],
      secrets: [
        'test -s /etc/credstore/acme-relay-token || (umask 077; head -c 48 /dev/urandom | base64 -w0 > /etc/credstore/acme-relay-token)',
        'install -o opendkim -g opendkim -m 0600 "$DKIM_PRIVATE_DIR"/acme-mail.net/mail202606.private /etc/opendkim/keys/acme-mail.net/mail202606.private',
      ],
      apply: [
        'postfix check',
        'systemctl enable opendkim.service postfix.service',
        'systemctl restart opendkim.service',
        'systemctl restart postfix.service',
        'systemctl daemon-reload',
        'systemctl enable acme-relay.service',
        'systemctl restart acme-relay.service',
      ],
      verify: [
        'curl -fsS --retry 30 --retry-connrefused --retry-delay 1 http://127.0.0.1:2525/health',
        'postqueue -p',
        'journalctl -u acme-relay.service -n 50 --no-pager',
        'journalctl -u postfix@- -n 50 --no-pager',
      ],
    });
  });

  it('installs one private key per signing selector, postmaps every hash map and writes the SASL map from $SASL_PASSWORD', () => {
    const text = applyMd(modelFrom(SMARTHOST)).content;
    const byName = Object.fromEntries(steps(text).map((s) => [s.name, s.commands]));
    expect(byName['first-time'][3]).toBe('install -d -o opendkim -g opendkim -m 0700 /etc/opendkim/keys /etc/opendkim/keys/acme-mail.net /etc/opendkim/keys/acme-shop.de');
    expect(byName.secrets.slice(1)).toEqual([
      'install -o opendkim -g opendkim -m 0600 "$DKIM_PRIVATE_DIR"/acme-mail.net/mail202606.private /etc/opendkim/keys/acme-mail.net/mail202606.private',
      'install -o opendkim -g opendkim -m 0600 "$DKIM_PRIVATE_DIR"/acme-shop.de/s1.private /etc/opendkim/keys/acme-shop.de/s1.private',
      `test -s /etc/postfix/sasl_passwd || (umask 077; printf '%s %s:%s\\n' '[smtp.sendgrid.net]:587' 'o'\\''brien' "\${SASL_PASSWORD:?set SASL_PASSWORD to the smarthost password}" > /etc/postfix/sasl_passwd)`,
    ]);
    expect(byName.apply.slice(0, 3)).toEqual(['postmap /etc/postfix/transport', '(umask 077; postmap /etc/postfix/sasl_passwd)', 'postfix check']);
    // SASL to the smarthost needs the Cyrus plugins; its certificate is checked against Debian's CA bundle.
    expect(byName.packages[2]).toBe('DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postfix opendkim nodejs rsync curl libsasl2-modules ca-certificates');
    expect(text).toContain('- `$SASL_PASSWORD`: the smarthost password');
    expect(text).toContain('`acme-mail.net/mail202606.private`, `acme-shop.de/s1.private`');
  });

  it('writes blocks sh can parse (the steps and the procedures\' blocks), and a SASL line that really writes the map', () => {
    const blocks = [...applyMd(modelFrom(SMARTHOST)).content.matchAll(/^```sh(?: step=[a-z-]+)?\n([\s\S]*?)^```$/gm)].map((m) => m[1]);
    expect(blocks.length).toBe(8 + 6);
    for (const block of blocks) {
      const result = spawnSync('sh', ['-n', '-c', block], { encoding: 'utf8' });
      expect(result.stderr, block).toBe('');
      expect(result.status, block).toBe(0);
    }
    const sasl = steps(applyMd(modelFrom(SMARTHOST)).content)
      .find((s) => s.name === 'secrets')!
      .commands.at(-1)!
      .replaceAll('/etc/postfix/sasl_passwd', '"$OUT"');
    const out = `${process.env.TMPDIR ?? '/tmp'}/relayconf-sasl-${process.pid}`;
    const run = spawnSync('sh', ['-c', `rm -f "$OUT"; ${sasl}; cat "$OUT"; stat -c %a "$OUT"; rm -f "$OUT"`], { encoding: 'utf8', env: { OUT: out, SASL_PASSWORD: 'pa ss"$x', PATH: process.env.PATH } });
    expect(run.stdout).toBe('[smtp.sendgrid.net]:587 o\'brien:pa ss"$x\n600\n');
    const missing = spawnSync('sh', ['-c', sasl], { encoding: 'utf8', env: { OUT: out, PATH: process.env.PATH } });
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toContain('set SASL_PASSWORD to the smarthost password');
  });

  it('ends with the procedures: rollback through the kept trees, logs in the journal, Postfix\'s queue, and requeueing the relay\'s failed jobs', () => {
    const text = applyMd(modelFrom()).content;
    const procedureBlocks = [...text.matchAll(/^```sh\n([\s\S]*?)^```$/gm)].map((m) => m[1].split('\n').filter(Boolean));
    const store = '/var/lib/relayconf/acme-relay';
    expect(procedureBlocks).toEqual([
      [`test -s ${store}/previous/MANIFEST && rm -rf ${store}/incoming && cp -a ${store}/previous ${store}/incoming`],
      [`awk 'NR == FNR { keep[$3] = 1; next } !($3 in keep) && $3 !~ /^dns\\// && $3 != "APPLY.md" { print "/" $3 }' ${store}/current/MANIFEST ${store}/previous/MANIFEST | xargs -r rm -f --`],
      ['journalctl -u postfix@- --since -1h --no-pager', 'journalctl -u opendkim.service --since -1h --no-pager', 'journalctl -u acme-relay.service -o cat --since -1h --no-pager'],
      ['postqueue -p', 'postqueue -f', 'postsuper -r ALL'],
      [
        `journalctl -u acme-relay.service -o cat --no-pager | grep '"event":"failed"'`,
        "find /var/spool/acme-relay/failed -maxdepth 1 -type f -name '*.json' -exec mv -t /var/spool/acme-relay/pending/ '{}' +",
      ],
      [
        'promtool check rules /etc/prometheus/rules/relayconf-acme-relay.rules.yml',
        'promtool check config /etc/prometheus/prometheus.yml',
        'systemctl reload prometheus.service',
        'curl -fsS --retry 30 --retry-connrefused --retry-delay 1 http://127.0.0.1:2525/metrics | promtool check metrics',
      ],
    ]);
    // The files the procedure names are the ones the build writes.
    expect(text).toContain('"Install the tree" put the alert rules in `/etc/prometheus/rules/relayconf-acme-relay.rules.yml`');
    expect(text).toContain('`/etc/prometheus/relayconf-acme-relay.scrape.yml`');
    expect(text).toContain('add `--collector.systemd` to ARGS in');
    expect(text).toContain(`run the steps "Install the tree", "Apply the configuration" and "Check the local chain" of \`${store}/incoming/APPLY.md\``);
    expect(text).toContain('not through the milters, so a message queued unsigned stays unsigned (postsuper(1))');
  });

  it('requeues exactly the failed job files, as the relay writes them, and nothing else in failed/', () => {
    const root = tempDir('relayconf-requeue-');
    const line = applyMd(modelFrom()).content.split('\n').find((l) => l.startsWith('find /var/spool/acme-relay/failed '))!;
    for (const dir of ['failed', 'pending']) mkdirSync(path.join(root, dir));
    for (const name of ['m1abc-0001.json', 'm1abd-0002.json', 'notes.txt', '.tmp-m1abe.json']) writeFileSync(path.join(root, 'failed', name), '{}');
    mkdirSync(path.join(root, 'failed', 'planted.json')); // a directory recovery set aside: not a job
    const run = spawnSync('sh', ['-ec', line.replaceAll('/var/spool/acme-relay', root)], { encoding: 'utf8' });
    expect([run.status, run.stderr]).toEqual([0, '']);
    expect(readdirSync(path.join(root, 'pending')).sort()).toEqual(['.tmp-m1abe.json', 'm1abc-0001.json', 'm1abd-0002.json']);
    expect(readdirSync(path.join(root, 'failed')).sort()).toEqual(['notes.txt', 'planted.json']);
  });

  it('checks the relay on its own listen address', () => {
    const verify = steps(applyMd(modelFrom('relay: { listen: "[::1]:2600" }')).content).find((s) => s.name === 'verify')!;
    expect(verify.commands[0]).toBe("curl -fsS --retry 30 --retry-connrefused --retry-delay 1 --globoff 'http://[::1]:2600/health'");
  });

  it('asks for at least the configured token length', () => {
    const secrets = steps(applyMd(modelFrom('relay: { token: { minBytes: 64 } }')).content).find((s) => s.name === 'secrets')!;
    expect(secrets.commands[0]).toContain('head -c 64 /dev/urandom');
  });
});

describe('MANIFEST', () => {
  it('lists every other file as mode, sha256 and path, sorted by path', () => {
    const files = [
      { path: 'etc/b', mode: 0o600, content: 'b\n' },
      { path: 'APPLY.md', mode: 0o644, content: '' },
      { path: 'etc/a', mode: 0o755, content: 'a\n' },
    ];
    const m = manifest(files);
    expect(m).toMatchObject({ path: 'MANIFEST', mode: 0o644 });
    expect(m.content).toBe(
      [
        `0644 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855 APPLY.md`,
        `0755 ${sha256('a\n')} etc/a`,
        `0600 ${sha256('b\n')} etc/b`,
        '',
      ].join('\n'),
    );
    expect(parseManifest(m.content).get('etc/b')).toEqual({ mode: 0o600, sha256: sha256('b\n') });
    expect(formatMode(0o4755)).toBe('4755');
  });
});

describe('shellQuote', () => {
  it('quotes only what needs it', () => {
    expect(shellQuote('[smtp.sendgrid.net]:587')).toBe("'[smtp.sendgrid.net]:587'");
    expect(shellQuote('apikey')).toBe('apikey');
    expect(shellQuote("it's")).toBe("'it'\\''s'");
  });

  it('with webhooks: the secrets step makes a root-only 64-hex-digit secret once and keeps an existing one', () => {
    const model = modelFrom('relay: { webhooks: [{ name: crm, url: "https://hooks.acme-mail.net/in" }] }');
    const secrets = steps(applyMd(model).content).find((s) => s.name === 'secrets')!;
    const command = secrets.commands.at(-1)!;
    expect(command).toBe('test -s /etc/credstore/acme-relay-webhook-secret || (umask 077; openssl rand -hex 32 > /etc/credstore/acme-relay-webhook-secret)');
    expect(steps(applyMd(modelFrom()).content).find((s) => s.name === 'secrets')!.commands.join('\n')).not.toContain('webhook');
    const dir = tempDir('relayconf-webhook-secret-');
    const local = command.replaceAll('/etc/credstore/acme-relay-webhook-secret', `${dir}/secret`);
    const first = spawnSync('sh', ['-c', `${local}; cat ${dir}/secret; stat -c %a ${dir}/secret`], { encoding: 'utf8' });
    const [secret, mode] = first.stdout.split('\n');
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    expect(mode).toBe('600');
    expect(spawnSync('sh', ['-c', `${local}; cat ${dir}/secret`], { encoding: 'utf8' }).stdout.split('\n')[0]).toBe(secret);
  });
});

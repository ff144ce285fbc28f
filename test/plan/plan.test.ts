// plan against the committed goldens, altered in each way: changed, added, removed, mode; the
// actions each needs; the safety warnings; --exit-code; text, markdown and json renderings.
import { describe, expect, test } from 'vitest';
import { chmodSync, cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';
import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import { codeSpan } from '../../src/plan/markdown.js';

const REPO = path.resolve(import.meta.dirname, '../..');

/** A copy of an example config and the tree `relayconf build` writes from it (the deployed state). */
async function setup(example: string) {
  const dir = tempDir('relayconf-plan-');
  cpSync(path.join(REPO, 'examples', example), path.join(dir, 'config'), { recursive: true });
  const s = { dir, config: path.join(dir, 'config/relay.config.yaml'), out: path.join(dir, 'out') };
  const build = await runCli(['build', s.config, '--out', s.out], { cwd: dir });
  if (build.code !== 0) throw new Error(`build failed: ${build.stdout}${build.stderr}`);
  return s;
}

const plan = (s: Awaited<ReturnType<typeof setup>>, ...extra: string[]) => runCli(['plan', s.config, '--against', s.out, ...extra], { cwd: s.dir });

describe('plan', () => {
  test('no changes against an up-to-date tree; --exit-code 0', async () => {
    const s = await setup('minimal');
    const run = await plan(s, '--exit-code');
    expect(run.stdout).toBe(`No changes: ${s.out} is what a build would produce.\n`);
    expect(run.code).toBe(0);
  });

  test('a changed main.cf shows its diff and needs postfix check && reload; --exit-code 1', async () => {
    const s = await setup('minimal');
    const mainCf = path.join(s.out, 'etc/postfix/main.cf');
    writeFileSync(mainCf, readFileSync(mainCf, 'utf8').replace(/^message_size_limit = .*$/m, 'message_size_limit = 1000'));
    const run = await plan(s, '--exit-code');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('0 added, 1 changed, 0 removed');
    expect(run.stdout).toContain('  changed etc/postfix/main.cf\n');
    expect(run.stdout).toContain('--- a/etc/postfix/main.cf\n+++ b/etc/postfix/main.cf\n');
    expect(run.stdout).toMatch(/^-message_size_limit = 1000$/m);
    expect(run.stdout).toMatch(/^\+message_size_limit = 25600000$/m);
    expect(run.stdout).toContain('  1. postfix check && postfix reload    # etc/postfix/main.cf\n');
  });

  test('added, kept and mode-only changes, each with its action', async () => {
    const s = await setup('throttled-destinations');
    rmSync(path.join(s.out, 'etc/postfix/transport')); // the build adds it back: postmap + reload
    writeFileSync(path.join(s.out, 'etc/postfix/stale_map'), 'old\n'); // no build wrote it: kept, never "removed"
    chmodSync(path.join(s.out, 'etc/opendkim/KeyTable'), 0o600); // mode only: restart opendkim
    const run = await plan(s, '--format', 'json');
    const doc = JSON.parse(run.stdout);
    expect(doc.files.map((f: { path: string; kind: string; contentChanged: boolean; oldMode: string; newMode: string }) => [f.path, f.kind, f.contentChanged, f.oldMode, f.newMode])).toEqual([
      ['etc/opendkim/KeyTable', 'changed', false, '0600', '0644'],
      ['etc/postfix/transport', 'added', true, null, '0644'],
    ]);
    expect(doc.kept).toEqual(['etc/postfix/stale_map']);
    expect(doc.actions.map((a: { command: string }) => a.command)).toEqual([
      'postmap /etc/postfix/transport',
      'postfix check && postfix reload',
      'systemctl restart opendkim',
    ]);
    expect(doc.files[0].diff).toBe('');
  });

  test('unit, env, server.js and zone changes map to daemon-reload, restarts and DNS', async () => {
    const s = await setup('minimal');
    const name = 'minimal-relay';
    for (const file of [`etc/systemd/system/${name}.service`, `etc/${name}.env`, `opt/${name}/server.js`, 'dns/acme-mail.net.zone']) {
      writeFileSync(path.join(s.out, file), `${readFileSync(path.join(s.out, file), 'utf8')}# edited on the server\n`);
    }
    const run = await plan(s, '--format', 'json');
    // DNS first, as in APPLY.md: published and checked before anything restarts.
    expect(JSON.parse(run.stdout).actions.map((a: { command: string }) => a.command)).toEqual([
      'publish the changed records at your DNS provider',
      'on your machine, run `relayconf check-dns` until it passes',
      'systemctl daemon-reload',
      `systemctl restart ${name}.service`,
    ]);
  });

  test('markdown for a merge-request comment: table, actions, diffs in details', async () => {
    const s = await setup('minimal');
    const mainCf = path.join(s.out, 'etc/postfix/main.cf');
    writeFileSync(mainCf, readFileSync(mainCf, 'utf8').replace(/^smtputf8_enable = .*$/m, 'smtputf8_enable = no'));
    chmodSync(path.join(s.out, 'etc/postfix/master.cf'), 0o600);
    const run = await plan(s, '--format', 'markdown');
    expect(run.stdout).toContain('### relayconf plan\n');
    // the mode column shows a change only where there is one
    expect(run.stdout).toContain('| `etc/postfix/main.cf` | changed | 0644 |');
    expect(run.stdout).toContain('| `etc/postfix/master.cf` | mode | 0600 → 0644 |');
    expect(run.stdout).toContain('1. `postfix check && postfix reload` (`etc/postfix/main.cf`, `etc/postfix/master.cf`)');
    expect(run.stdout).toContain('<details><summary>etc/postfix/main.cf</summary>\n\n```diff\n--- a/etc/postfix/main.cf');
  });

  test('markdown renders under a CommonMark parser: each command one code span, instructions as text, diffs as fenced blocks', async () => {
    const s = await setup('minimal');
    rmSync(s.out, { recursive: true }); // a first deployment: every file and every action, DNS included
    const run = await plan(s, '--format', 'markdown');
    const tokens = new MarkdownIt({ html: true }).parse(run.stdout, {});
    const inlineAfter = (open: string) => tokens.flatMap((t, i) => (t.type === open ? [tokens.slice(i).find((x) => x.type === 'inline')!] : []));
    const shape = (inline: Token) => inline.children!.map((c) => [c.type, c.content]);
    // The table: the first cell of each row is one code span holding the path.
    const cells = inlineAfter('td_open').filter((_, i) => i % 3 === 0);
    expect(cells.length).toBeGreaterThan(10);
    for (const cell of cells) expect(shape(cell)).toEqual([['code_inline', expect.stringMatching(/^[a-zA-Z]/)]]);
    expect(cells.map((c) => c.children![0].content)).toContain('etc/postfix/main.cf');
    // The actions: a shell command is one code span; the DNS step is a sentence with its own code span.
    const items = inlineAfter('list_item_open');
    expect(shape(items.find((item) => item.children![0].content === 'postfix check && postfix reload')!).slice(0, 2)).toEqual([['code_inline', 'postfix check && postfix reload'], ['text', ' (']]);
    const publish = items.find((item) => item.content.startsWith('publish'))!;
    expect(shape(publish).slice(0, 2)).toEqual([['text', 'publish the changed records at your DNS provider ('], ['code_inline', 'dns/acme-mail.net.zone']]);
    const check = items.find((item) => item.content.startsWith('on your machine'))!;
    expect(shape(check).slice(0, 3)).toEqual([
      ['text', 'on your machine, run '],
      ['code_inline', 'relayconf check-dns'],
      ['text', ' until it passes ('],
    ]);
    // A first deployment installs the signing key: one code span, and the note says what $DKIM_PRIVATE_DIR is.
    expect(shape(items[1])[0]).toEqual(['code_inline', 'install -o opendkim -g opendkim -m 0600 "$DKIM_PRIVATE_DIR"/acme-mail.net/mail202606.private /etc/opendkim/keys/acme-mail.net/mail202606.private']);
    expect(run.stdout).toContain('`$DKIM_PRIVATE_DIR`: a root-only directory on the server holding the private keys from `relayconf keygen`');
    // Every diff is a fenced block holding the diff verbatim, backticks included (APPLY.md has many).
    const fences = tokens.filter((t) => t.type === 'fence');
    expect(fences.length).toBe(run.stdout.split('<details>').length - 1);
    expect(fences.every((f) => f.info === 'diff' && f.content.startsWith('--- '))).toBe(true);
    expect(fences.some((f) => f.content.includes('`'))).toBe(true);
  });

  test('codeSpan holds any text under CommonMark: backtick runs, edge backticks, edge spaces', () => {
    const md = new MarkdownIt();
    for (const text of ['plain', 'a `b` c', 'x ``y`` z', '`edge`', 'pipe | in', ' spaced ']) {
      const children = md.parseInline(codeSpan(text), {})[0].children!;
      expect(children.map((c) => [c.type, c.content]), text).toEqual([['code_inline', text]]);
    }
  });

  test('a missing --against directory plans a first deployment: everything added', async () => {
    const s = await setup('minimal');
    const run = await runCli(['plan', s.config, '--against', path.join(s.dir, 'nothing-here'), '--format', 'json'], { cwd: s.dir });
    const doc = JSON.parse(run.stdout);
    expect(doc.files.every((f: { kind: string }) => f.kind === 'added')).toBe(true);
    // Nothing is on the server yet: the key directory and the key, then DNS, before any restart.
    expect(doc.actions.slice(0, 4).map((a: { command: string }) => a.command)).toEqual([
      'install -d -o opendkim -g opendkim -m 0700 /etc/opendkim/keys /etc/opendkim/keys/acme-mail.net',
      'install -o opendkim -g opendkim -m 0600 "$DKIM_PRIVATE_DIR"/acme-mail.net/mail202606.private /etc/opendkim/keys/acme-mail.net/mail202606.private',
      'publish the changed records at your DNS provider',
      'on your machine, run `relayconf check-dns` until it passes',
    ]);
    const manifestRows = readFileSync(path.join(s.out, 'MANIFEST'), 'utf8').split('\n').filter((l) => /^0[0-7]{3} [0-9a-f]{64} /.test(l));
    // Every file the MANIFEST lists, plus the MANIFEST itself.
    expect(doc.files.map((f: { path: string }) => f.path).sort()).toEqual([...manifestRows.map((l) => l.split(' ')[2]), 'MANIFEST'].sort());
  });

  test('--against defaults to out/, where build writes; a missing directory is said to be one', async () => {
    const s = await setup('minimal');
    const mainCf = path.join(s.out, 'etc/postfix/main.cf');
    writeFileSync(mainCf, readFileSync(mainCf, 'utf8').replace(/^smtputf8_enable = .*$/m, 'smtputf8_enable = no'));
    const implicit = await runCli(['plan', s.config, '--format', 'json'], { cwd: s.dir });
    const explicit = await runCli(['plan', s.config, '--format', 'json', '--against', 'out'], { cwd: s.dir });
    expect(implicit.code).toBe(0);
    expect(JSON.parse(implicit.stdout).files.map((f: { path: string }) => f.path)).toEqual(['etc/postfix/main.cf']);
    expect(implicit.stdout).toBe(explicit.stdout);
    expect(implicit.stderr).toBe('');

    const missing = await runCli(['plan', s.config, '--format', 'json', '--against', 'ou'], { cwd: s.dir });
    expect(missing.code).toBe(0);
    expect(missing.stderr).toBe('relayconf plan: ou does not exist: planning a first deployment (every file is added)\n');
    expect(JSON.parse(missing.stdout).files.every((f: { kind: string }) => f.kind === 'added')).toBe(true);
  });

  test('a file an earlier build wrote is removed (and deleted on the server after the reloads); a file no build wrote is kept', async () => {
    const s = await setup('minimal');
    // etc/postfix/old_transport: listed in the MANIFEST, as a build that wrote it would list it
    writeFileSync(path.join(s.out, 'etc/postfix/old_transport'), 'qq.com slow:\n');
    const manifest = path.join(s.out, 'MANIFEST');
    writeFileSync(manifest, `${readFileSync(manifest, 'utf8')}0644 ${'0'.repeat(64)} etc/postfix/old_transport\n`);
    // etc/postfix/sasl_passwd: pulled back from the server, never written by relayconf
    writeFileSync(path.join(s.out, 'etc/postfix/sasl_passwd'), '[smtp.example.net]:587 user:secret\n');

    const json = JSON.parse((await plan(s, '--format', 'json')).stdout);
    expect(json.files.map((f: { path: string; kind: string }) => `${f.kind} ${f.path}`)).toEqual(['changed MANIFEST', 'removed etc/postfix/old_transport']);
    expect(json.kept).toEqual(['etc/postfix/sasl_passwd']);
    expect(json.actions.map((a: { command: string }) => a.command)).toEqual(['postfix check && postfix reload', 'rm -f /etc/postfix/old_transport']);
    expect(json.warnings).toEqual([
      '1 file in the directory was not written by relayconf (its MANIFEST does not list it): kept as it is; `relayconf build --out` refuses to write into such a directory',
    ]);

    const text = (await plan(s)).stdout;
    expect(text).toContain('\n  removed etc/postfix/old_transport\nKept (not written by relayconf): etc/postfix/sasl_passwd\n');
    expect(text).not.toMatch(/removed etc\/postfix\/sasl_passwd/);
    expect(text).not.toContain('secret');
  });

  // The plan is posted as a pull request comment: a checked-out out/ linked to a directory of the
  // runner had its files read and their lines shown in the diff.
  test('a directory inside the working directory that a link leads out of is refused unread', async () => {
    const s = await setup('minimal');
    const elsewhere = tempDir('relayconf-plan-elsewhere-');
    mkdirSync(path.join(elsewhere, 'etc/postfix'), { recursive: true });
    writeFileSync(path.join(elsewhere, 'etc/postfix/main.cf'), 'relay_token = SECRET\n');
    rmSync(s.out, { recursive: true });
    symlinkSync(elsewhere, s.out);
    const refusal = `is a link to ${elsewhere}, outside ${s.dir}: a directory in the working directory must not lead out of it (a checked-out link can name any directory of the machine that runs relayconf); pass the target's path to use it there\n`;
    for (const [args, shown] of [[[], 'out'], [['--against', 'out'], 'out'], [['--against', s.out], s.out]] as const) {
      const run = await runCli(['plan', s.config, ...args, '--format', 'markdown'], { cwd: s.dir });
      expect([run.code, run.stdout, run.stderr]).toEqual([2, '', `relayconf plan: --against ${shown} ${refusal}`]);
    }
    // Named where it is, the directory is the caller's choice.
    const direct = await runCli(['plan', s.config, '--against', elsewhere], { cwd: s.dir });
    expect(direct.stdout).toContain('-relay_token = SECRET');
  });

  test('usage errors: bad format, --against a file', async () => {
    const s = await setup('minimal');
    const format = await runCli(['plan', s.config, '--against', s.out, '--format', 'xml'], { cwd: s.dir });
    expect([format.code, format.stderr]).toEqual([2, 'relayconf plan: --format must be one of text, json, markdown (got "xml")\n']);
    const file = await runCli(['plan', s.config, '--against', 'out/MANIFEST'], { cwd: s.dir });
    expect([file.code, file.stderr]).toEqual([2, 'relayconf plan: --against out/MANIFEST is not a directory\n']);
  });
});

describe('plan: a DKIM selector switch in the safe order', () => {
  test('install the new key, publish DNS, check it live, and only then restart OpenDKIM', async () => {
    const s = await setup('minimal');
    // A new selector, published and signing in one change (the key is another example's public key).
    cpSync(path.join(REPO, 'examples/dkim-rotation/keys/rotorworks.io/mail202512.pub'), path.join(s.dir, 'config/keys/acme-mail.net/mail202612.pub'));
    const text = readFileSync(s.config, 'utf8')
      .replace('signWith: mail202606', 'signWith: mail202612')
      .replace('        - name: mail202606\n', '        - name: mail202612\n          publicKeyFile: keys/acme-mail.net/mail202612.pub\n        - name: mail202606\n');
    writeFileSync(s.config, text);
    const doc = JSON.parse((await plan(s, '--format', 'json')).stdout);
    expect(doc.actions).toEqual([
      {
        command: 'install -o opendkim -g opendkim -m 0600 "$DKIM_PRIVATE_DIR"/acme-mail.net/mail202612.private /etc/opendkim/keys/acme-mail.net/mail202612.private',
        because: ['etc/opendkim/KeyTable'],
      },
      { command: 'publish the changed records at your DNS provider', because: ['dns/acme-mail.net.zone', 'dns/records.json'] },
      { command: 'on your machine, run `relayconf check-dns` until it passes', because: ['etc/opendkim/KeyTable', 'dns/acme-mail.net.zone', 'dns/records.json'] },
      { command: 'systemctl restart opendkim', because: ['etc/opendkim/KeyTable', 'etc/opendkim/SigningTable'] },
    ]);
    expect(doc.warnings).toEqual([
      'acme-mail.net will sign with selector mail202612, which the deployed zone does not publish yet: publish the record and wait for `relayconf check-dns` before switching signWith',
    ]);
    const out = (await plan(s)).stdout;
    expect(out).toContain('\nThen, in this order (on the server unless said):\n  1. install -o opendkim');
    expect(out).toContain('\n  4. systemctl restart opendkim    # etc/opendkim/KeyTable, etc/opendkim/SigningTable\n');
    expect(out.endsWith('\n$DKIM_PRIVATE_DIR: a root-only directory on the server holding the private keys from relayconf keygen as <domain>/<selector>.private (see APPLY.md).\n')).toBe(true);
  });

  test('switching to a selector already published still checks live DNS before the restart', async () => {
    const s = await setup('dkim-rotation');
    writeFileSync(s.config, readFileSync(s.config, 'utf8').replace('signWith: mail202606', 'signWith: mail202512'));
    const doc = JSON.parse((await plan(s, '--format', 'json')).stdout);
    expect(doc.actions.map((a: { command: string }) => a.command)).toEqual([
      'install -o opendkim -g opendkim -m 0600 "$DKIM_PRIVATE_DIR"/rotorworks.io/mail202512.private /etc/opendkim/keys/rotorworks.io/mail202512.private',
      'on your machine, run `relayconf check-dns` until it passes',
      'systemctl restart opendkim',
    ]);
  });
});

describe('plan safety warnings', () => {
  test('removing a selector that still signs on the server', async () => {
    const s = await setup('dkim-rotation');
    // The deployed tree signs with mail202606; the change drops mail202606 and signs with mail202512.
    const text = readFileSync(s.config, 'utf8')
      .replace('signWith: mail202606', 'signWith: mail202512')
      .replace(/^.*name: mail202606, publicKeyFile.*\n/m, '');
    writeFileSync(s.config, text);
    const run = await plan(s);
    expect(run.stdout.split('\n')[0]).toBe(
      'WARNING: DKIM selector mail202606 of rotorworks.io still signs on the server but this change removes it from DNS: switch signWith first, wait the TTL and a grace period, then remove it (mail in flight would fail DKIM)',
    );
  });

  test('signing with a selector the deployed zone does not publish yet', async () => {
    const s = await setup('minimal');
    const text = readFileSync(s.config, 'utf8');
    const selector = /signWith: (\S+)/.exec(text)![1];
    writeFileSync(s.config, text.replace(`signWith: ${selector}`, 'signWith: mail209901').replace(`name: ${selector}`, 'name: mail209901'));
    const run = await plan(s);
    expect(run.stdout).toContain('will sign with selector mail209901, which the deployed zone does not publish yet');
  });

  test('moving the MTA hostname and dropping the MX', async () => {
    const s = await setup('dkim-rotation');
    // mx-present would stop the plan with an error: the warning is the net for a config that turned it off.
    const text = `${readFileSync(s.config, 'utf8').replace('hostname: mail.rotorworks.io', 'hostname: smtp.rotorworks.io').replace(/    mx:\n.*\n/, '')}lint:\n  rules:\n    mx-present: off\n`;
    writeFileSync(s.config, text);
    const run = await plan(s);
    const warnings = run.stdout.split('\n').filter((l) => l.startsWith('WARNING: '));
    // All of them gone: one warning for the domain, not one per host.
    expect(warnings).toEqual([
      'WARNING: rotorworks.io loses its MX records: replies, bounces and DMARC reports would have nowhere to go (the self-hosted HTTP relay build guide, step 2, MX)',
      'WARNING: the MTA hostname moves from mail.rotorworks.io to smtp.rotorworks.io: set its A record and the PTR of 65.108.20.50 first, and keep mail.rotorworks.io resolvable until Postfix uses the new name (the self-hosted HTTP relay build guide, step 13)',
    ]);
  });

  test('removing one of several MX hosts names the host; a change of priority alone does not warn', async () => {
    const s = await setup('minimal');
    // Deployed: two MX hosts.
    const two = readFileSync(s.config, 'utf8').replace('      - { priority: 1, host: smtp.google.com }\n', '      - { priority: 1, host: smtp.google.com }\n      - { priority: 5, host: mx-backup.acme-mail.net }\n');
    writeFileSync(s.config, two);
    expect((await runCli(['build', s.config, '--out', s.out], { cwd: s.dir })).code).toBe(0);

    writeFileSync(s.config, two.replace('      - { priority: 1, host: smtp.google.com }\n', ''));
    const run = await plan(s);
    expect(run.stdout.split('\n').filter((l) => l.startsWith('WARNING: '))).toEqual([
      'WARNING: acme-mail.net no longer lists smtp.google.com as an MX host: senders that cached the old MX records (up to their TTL) still deliver there, so keep smtp.google.com accepting mail for acme-mail.net until then, and check that the remaining hosts take all of it (RFC 5321 section 5.1)',
    ]);

    writeFileSync(s.config, two.replace('priority: 5, host: mx-backup', 'priority: 10, host: mx-backup'));
    const reordered = await plan(s);
    expect(reordered.stdout).toContain('changed dns/acme-mail.net.zone');
    expect(reordered.stdout).not.toContain('WARNING');
  });

  // The deployed tree may be a checkout anyone edited: its zone's names never reach a terminal or a comment raw.
  test('an MX target in a hostile deployed zone is shown escaped', async () => {
    const s = await setup('minimal');
    const zone = path.join(s.out, 'dns/acme-mail.net.zone');
    const hostile = 'evil\u001b[2J\u202e<img/src=x>`.example.'; // one zone field: no blank
    writeFileSync(zone, readFileSync(zone, 'utf8').replace('@                     IN MX    1 smtp.google.com.', `@ IN MX 1 smtp.google.com.\n@ IN MX 5 ${hostile}`));
    const text = (await plan(s)).stdout;
    const warning = text.split('\n').find((l) => l.startsWith('WARNING: acme-mail.net no longer lists'))!;
    expect(warning).toBe('WARNING: acme-mail.net no longer lists "evil\\u001b[2j\\u202e<img/src=x>`.example" as an MX host: senders that cached the old MX records (up to their TTL) still deliver there, so keep "evil\\u001b[2j\\u202e<img/src=x>`.example" accepting mail for acme-mail.net until then, and check that the remaining hosts take all of it (RFC 5321 section 5.1)');
    const markdown = (await plan(s, '--format', 'markdown')).stdout;
    expect(markdown).toContain('> acme-mail.net no longer lists &quot;evil\\u001b[2j\\u202e&lt;img/src=x&gt;`.example&quot; as an MX host');
    // (the zone's own diff further down shows the file as it is, inside a fence)
    expect(markdown.split('\n').filter((l) => l.startsWith('> ')).join('\n')).not.toMatch(/[\u001b\u202e]|<img/);
  });
});

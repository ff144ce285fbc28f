// Phase-2 VM test (issue 9): the built tree deployed on a Debian 12 under systemd exactly as its APPLY.md says, then driven like production.
// Host (the admin's machine): the root relay.config.yaml (milterDefault: tempfail) gets a fresh DKIM
// key from `relayconf keygen` and is built with `relayconf build`. Guest (one boot): the tree at
// /root/build/out, the private key at /root/dkim ($DKIM_PRIVATE_DIR); APPLY.md's steps packages,
// first-time, copy, install, secrets, apply, verify run verbatim (the copy goes to this machine's
// /var/lib/relayconf/<name>/incoming/ instead of over ssh; packages runs offline: everything it names is in
// the image, so apt-get update only warns and install changes nothing; the dns step is for the admin's
// machine and DNS provider, so it does not run here). Then THE overlay
// (deploy/guest/overlay.sh: main.cf relayhost = [127.0.0.1]:10025, the sink in the guest, and a
// Postfix reload) and the checks (deploy/guest/checks.sh). The host judges what came back: the
// units and their hardening, /health, a POST /send DKIM-verified with mailauth against the build's
// own record model, the relay's journal, a SIGKILL in the middle of 50 sends, OpenDKIM and Postfix
// restarts, and the exposure figure of `systemd-analyze security`.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { dkimVerify } from 'mailauth/lib/dkim/verify.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { extractSteps, stepsScript, type ApplyStep } from './apply-steps.mjs';
import { runInVm, tail, type RunResult } from './harness.mjs';
import { prepareBuild, type PreparedBuild } from './deploy/prepare.js';
import { ALL_STEPS, RUN_STEPS, STEP_REWRITES, VM_ENTRY, withVmEntry } from './deploy/steps.js';
import { recordModelResolver, type MailauthResolver } from './deploy/records-resolver.js';
import { checkDirectives, ELSEWHERE, expandGroup, parseShow, parseSyscallGroups, serviceDirectives } from './deploy/unit-check.js';
import { headerValues, multipartParts } from '../system/chain/mail-check.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const SOURCE_CONFIG = path.join(REPO, 'relay.config.yaml');
const SINK_PORT = 10025;
const RCPT = 'customer@example.org';

let build: PreparedBuild;
let steps: ApplyStep[];
let run: RunResult;
let resolver: MailauthResolver;
let unitName: string;
const startedAt = Date.now();

const text = (key: string) => {
  const b = run.results[key];
  if (!b) throw new Error(`the guest left no ${key}`);
  return b.toString('utf8');
};
const fact = (name: string) => text(`facts/${name}`).trim();
const json = <T>(key: string) => JSON.parse(text(key)) as T;

/** client.cjs: firstMs = first try; startedMs/endedMs = the last try; refused = tries that found nothing listening */
interface SendOutcome { i: number; subject: string; firstMs: number; startedMs: number; endedMs: number; refused: number; status: number | null; id: string | null; error?: string }
interface ClientRun { tag: string; count: number; at: number; command: { command: string; startedMs: number; endedMs: number; code: number | null; output: string } | null; sends: SendOutcome[] }
interface Captured { name: string; raw: string; mailFrom: string; rcptTo: string[]; client: string; messageId: string }
interface RelayLine { event: string; id?: string; pid?: number; token?: string; [k: string]: unknown }

/** Every message the sink kept, with its envelope and Message-ID. */
function captures(): Captured[] {
  return Object.keys(run.results).filter((k) => /^sink\/\d+\.eml$/.test(k)).sort().map((k) => {
    const raw = text(k);
    const meta = JSON.parse(text(k.replace(/\.eml$/, '.json'))) as { mailFrom: string; rcptTo: string[]; client: string };
    return { name: k, raw, mailFrom: meta.mailFrom, rcptTo: meta.rcptTo, client: meta.client, messageId: headerValues(raw, 'Message-ID')[0] ?? '' };
  });
}
const arrivalsOf = (id: string) => captures().filter((c) => c.messageId === `<${id}@${build.domain.name}>`);
/**
 * Relay jobs Postfix itself delivered twice: the relay got one 250 (one `delivered` line, one queue id),
 * and qmgr activated that queue file again after a restart. `postfix stop` can end smtp(8) after the
 * next hop accepted the message and before the queue file records it; Postfix then sends it again
 * (at-least-once downstream of the relay, which handed it over once).
 */
function postfixRedelivered(): Set<string> {
  const activations = new Map<string, number>();
  for (const line of text('journal/mail.txt').split('\n')) {
    const qid = /postfix\/qmgr\[\d+\]: ([0-9A-F]+): from=<[^>]*>, size=\d+, nrcpt=\d+ \(queue active\)$/.exec(line)?.[1];
    if (qid) activations.set(qid, (activations.get(qid) ?? 0) + 1);
  }
  const delivered = relayLines().filter((l) => l.event === 'delivered');
  return new Set(delivered.filter((l) => (activations.get(String(l.queueId)) ?? 0) > 1 && delivered.filter((d) => d.id === l.id).length === 1).map((l) => l.id!));
}

/** Jobs the relay hands to Postfix at once: HANDOFF_CONCURRENCY of the env file as built and installed. */
function jobsInHand(): number {
  const env = readFileSync(path.join(build.out, 'etc', `${build.model.name}.env`), 'utf8');
  const value = Number(/^HANDOFF_CONCURRENCY=(\d+)$/m.exec(env)?.[1]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`etc/${build.model.name}.env has no HANDOFF_CONCURRENCY`);
  return value;
}
function relayLines(): RelayLine[] {
  return text('journal/relay.txt').split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as RelayLine);
}
async function dkim(raw: string) {
  const verdict = await dkimVerify(Buffer.from(raw), { resolver: resolver as never });
  return verdict.results.map((r: { status: { result: string }; signingDomain?: string; selector?: string }) =>
    ({ result: r.status.result, domain: r.signingDomain, selector: r.selector }));
}

describe('the built tree on Debian 12 under systemd, applied by its APPLY.md (phase 2)', () => {
  beforeAll(async () => {
    build = await prepareBuild(REPO, SOURCE_CONFIG, withVmEntry);
    resolver = recordModelResolver(build.model);
    unitName = `${build.model.name}.service`;
    steps = extractSteps(readFileSync(path.join(build.out, 'APPLY.md'), 'utf8'));
    const sender = build.domain.senders[0];
    const q = (v: string) => `'${v.replace(/'/g, `'\\''`)}'`;
    const prelude = [
      'set -u',
      `export NAME=${q(build.model.name)} SENDER=${q(sender.address)} SENDER_NAME=${q(sender.name ?? '')} RCPT=${q(RCPT)} MTA_IPV4=${q(build.model.mta.ipv4)}`,
      `export ENTRY_HOST=${q(VM_ENTRY.hostname)} ENTRY_CALLER=${q(VM_ENTRY.caller)} ENTRY_OUTSIDER=${q(VM_ENTRY.outsider)} BODY_BYTES=${build.model.relay.limits.bodyBytes}`,
      'bash /opt/vmtest/setup.sh || exit 1',
    ].join('\n');
    const notes = stepsScript(steps.filter((s) => RUN_STEPS.includes(s.name)), {
      cwd: '/root/build',
      env: { DKIM_PRIVATE_DIR: '/root/dkim' },
      transform: STEP_REWRITES,
    });
    const keyRel = path.relative(build.privateDir, build.privateKey);
    run = await runInVm({
      trees: { '/root/build/out': build.out, '/opt/vmtest': here('./deploy/guest') },
      files: { [`/root/dkim/${keyRel}`]: { hostPath: build.privateKey, mode: 0o600 } },
      script: `${prelude}\n${notes}bash /opt/vmtest/overlay.sh || exit 1\nexec bash /opt/vmtest/checks.sh\n`,
      timeoutMs: 12 * 60_000,
      log: (l) => console.log(l),
    });
    console.log(`deploy VM run ${run.runDir}\ntimings ${JSON.stringify(run.timings)}`);
  });

  afterAll(() => {
    if (build) rmSync(build.dir, { recursive: true, force: true });
    console.log(`deploy VM test: wall ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
  });

  let printed = false;
  beforeEach(({ onTestFailed }) => {
    onTestFailed(() => {
      if (!run || printed) return;
      printed = true;
      console.error(`--- guest script output (tail) ---\n${tail(run.output, 60)}`);
      const relay = run.results['journal/relay.txt']?.toString('utf8');
      if (relay) console.error(`--- relay journal (tail) ---\n${tail(relay, 30)}`);
      const mail = run.results['journal/mail.txt']?.toString('utf8');
      if (mail) console.error(`--- mail log (tail) ---\n${tail(mail, 30)}`);
      // a failed step stops the script before checks.sh saves those: the whole boot's journal then
      if (!relay) console.error(`--- journal (tail) ---\n${tail(run.journal, 60)}`);
      console.error(`--- console tail (${run.consolePath}) ---\n${tail(run.console, 40)}`);
    });
  });

  it('built the root config (milterDefault tempfail) with no errors and ran the guest to the end', () => {
    expect(build.model.delivery.milterDefault).toBe('tempfail');
    expect(build.buildOutput).toMatch(/\b0 errors\b/);
    expect(run.exitCode).toBe(0);
    expect(run.output).toContain('== all steps passed');
    expect(run.output).toContain('checks: deploy guest done');
  });

  it('ran APPLY.md packages, first-time, copy, install, secrets, apply, verify, entry verbatim; only the copy target and certbot were rewritten; dns stays with the admin', () => {
    expect(steps.map((s) => s.name)).toEqual(ALL_STEPS);
    for (const step of steps.filter((s) => RUN_STEPS.includes(s.name))) {
      expect(text(`steps/${step.name}.rc`).trim(), `step ${step.name}:\n${text(`steps/${step.name}.out`)}`).toBe('0');
      const rewrite = STEP_REWRITES[step.name as keyof typeof STEP_REWRITES];
      if (rewrite) {
        expect(text(`steps/${step.name}.original`)).toBe(step.code);
        expect(text(`steps/${step.name}.sh`)).toBe(rewrite(step.code));
        // one line changed, the rest verbatim
        const before = step.code.split('\n');
        const after = rewrite(step.code).split('\n');
        expect([after.length, after.filter((l, i) => l !== before[i]).length], step.name).toEqual([before.length, 1]);
      } else {
        expect(text(`steps/${step.name}.sh`)).toBe(step.code);
        expect(run.results[`steps/${step.name}.original`]).toBeUndefined();
      }
    }
    expect(steps.find((s) => s.name === 'copy')!.code).toContain(` out/ root@"$HOST":/var/lib/relayconf/${build.model.name}/incoming/\n`);
    expect(Object.keys(run.results).filter((k) => k.startsWith('steps/dns'))).toEqual([]);
    // verify, as the notes run it: health answered, the queue was empty, the relay logged its start
    const verify = text('steps/verify.out');
    // curl -fsS prints the body (no newline) before sh -x traces the next command
    expect(verify).toMatch(/^\{"status":"ok",[^\n]*\}\+ postqueue -p$/m);
    expect(verify).toContain('Mail queue is empty');
    expect(verify).toMatch(/"event":"started"/);
    // Postfix's own log is in the journal under postfix@- (Debian 12 has no rsyslog by default)
    expect(verify).toMatch(/postfix\/master\[\d+\]: daemon started/);
    // packages, offline: every package was already there, and the relay's node is Debian's 18
    const packages = text('steps/packages.out');
    expect(packages).toMatch(/^0 upgraded, 0 newly installed, 0 to remove and \d+ not upgraded\.$/m);
    for (const name of ['postfix', 'opendkim', 'nodejs', 'rsync', 'curl']) expect(packages).toMatch(new RegExp(`^${name} is already the newest version`, 'm'));
    expect(packages).toMatch(/^Node\.js 18\.\d+\.\d+$/m);
  });

  it('keeps the installed tree on the server (nothing before it on a first install), root-only', () => {
    expect(fact('kept-tree')).toBe('');
    expect(fact('previous-tree')).toBe('');
    expect(fact('store-modes')).toBe(`700 root:root /var/lib/relayconf\n700 root:root /var/lib/relayconf/${build.model.name}`);
  });

  it('installed the tree as built: every file byte-identical but main.cf, whose only change is the overlay\'s relayhost', () => {
    expect(fact('tree-diff')).toBe('etc/postfix/main.cf');
    // diff of `postconf -n`: the build's < > installed
    expect(fact('postconf-diff').split('\n').filter((l) => /^[<>]/.test(l))).toEqual([
      '< relayhost =',
      `> relayhost = [127.0.0.1]:${SINK_PORT}`,
    ]);
    expect(fact('postfix-check')).toBe('');
    // rsync -p kept every directory that existed before (/, /etc, /opt ...) as it was
    const before = fact('dirs-before').split('\n');
    const after = fact('dirs-after').split('\n');
    expect(after.filter((l) => !before.includes(l) && !before.includes(`absent ${l.split(' ').pop()}`))).toEqual([]);
    expect(after.filter((l) => l.startsWith('absent'))).toEqual([]);
    // what first-time and secrets made, with the documented owners and modes
    const modes = fact('secret-modes');
    const root = build.model.relay.queue.root;
    expect(modes).toContain('700 root:root /etc/credstore\n');
    expect(modes).toContain(`600 root:root /etc/credstore/${build.model.name}-token\n`);
    expect(modes).toContain(`700 opendkim:opendkim /etc/opendkim/keys/${build.domain.name}\n`);
    expect(modes).toContain(`600 opendkim:opendkim /etc/opendkim/keys/${build.domain.name}/${build.domain.dkim.signWith}.private\n`);
    expect(modes).toMatch(new RegExp(`^750 ${build.model.relay.user}:${build.model.relay.user} ${root}$`, 'm'));
    expect(fact('key-matches')).toBe('');
    expect(Number(fact('token-bytes'))).toBeGreaterThanOrEqual(build.model.relay.token.minBytes);
  });

  it('runs the relay, Postfix and OpenDKIM as active, enabled units, the relay under the generated unit file with no drop-in', () => {
    expect(fact('is-active').split('\n')).toEqual(['active', 'active', 'active', 'active']);
    expect(fact('is-enabled').split('\n')).toEqual(['enabled', 'enabled', 'enabled']);
    const files = parseShow(fact('unit-files'));
    expect(files.get('FragmentPath')).toBe(`/etc/systemd/system/${unitName}`);
    expect(files.get('DropInPaths')).toBe('');
    const unitText = readFileSync(path.join(build.out, 'etc/systemd/system', unitName), 'utf8');
    expect(fact('unit-cat')).toBe(`# /etc/systemd/system/${unitName}\n${unitText}`.trim());
    // OpenDKIM: Debian 12's own unit, reading the generated /etc/opendkim.conf
    expect(fact('opendkim-show')).toMatch(/^ExecStart=\{ path=\/usr\/sbin\/opendkim ; argv\[\]=\/usr\/sbin\/opendkim ;/m);
    expect(fact('listening')).toMatch(/127\.0\.0\.1:8891 .*"opendkim"/);
    expect(fact('listening')).toMatch(/127\.0\.0\.1:25 .*"master"/);
  });

  it('enforces every directive the relay unit declares (systemctl show), and /proc shows the process under them', () => {
    const unitText = readFileSync(path.join(build.out, 'etc/systemd/system', unitName), 'utf8');
    const directives = serviceDirectives(unitText);
    const groups = parseSyscallGroups(fact('syscall-groups'));
    const checks = checkDirectives(directives, parseShow(fact('unit-show')), {
      systemService: expandGroup(groups, '@system-service'),
      privileged: expandGroup(groups, '@privileged'),
    });
    console.log(`relay unit: ${checks.length} directives compared with systemctl show\n${checks.map((c) => `${c.ok ? 'ok  ' : 'FAIL'} ${c.directive} -> ${c.property}=${c.actual.slice(0, 100)}`).join('\n')}`);
    expect(checks.filter((c) => !c.ok)).toEqual([]);
    // every directive is compared here or below (ExecStart, LoadCredential)
    expect(directives.filter((d) => !ELSEWHERE.has(d.key) && !checks.some((c) => c.directive.startsWith(`${d.key}=`)))).toEqual([]);
    expect(directives.filter((d) => ELSEWHERE.has(d.key)).map((d) => d.key).sort()).toEqual(['ExecStart', 'LoadCredential']);
    const credential = directives.find((d) => d.key === 'LoadCredential')!.value;
    expect(credential).toBe(`${build.model.name}-token:/etc/credstore/${build.model.name}-token`);
    // LoadCredential=ID:PATH: the relay reads a copy only its user may read, equal to the credstore file
    expect(fact('credentials')).toBe(`400 ${build.model.relay.user}:root /run/credentials/${unitName}/${build.model.name}-token\nsame-as-credstore`);
    // the hardening the generator promises is all there (a directive dropped from the unit fails here)
    const sendmail = build.model.relay.handoff === 'sendmail';
    for (const key of ['NoNewPrivileges', 'ProtectSystem', 'RestrictAddressFamilies', 'User', 'SystemCallFilter',
      'CapabilityBoundingSet', 'PrivateTmp', 'IPAddressDeny', 'ProtectProc', 'Restart', 'LoadCredential']) {
      expect(directives.map((d) => d.key), key).toContain(key);
    }
    // postdrop is for sendmail(1)'s maildrop; the SMTP hand-off (the default) needs no Postfix group, only
    // systemd-journal to follow Postfix's delivery log (POSTFIX_LOG=journal)
    expect(directives.find((d) => d.key === 'SupplementaryGroups')?.value, 'SupplementaryGroups').toBe(sendmail ? 'postdrop' : 'systemd-journal');

    const status = fact('proc-status');
    const field = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'm').exec(status)?.[1].trim().split(/\s+/);
    const ids = fact('ids');
    const uid = /uid=(\d+)/.exec(ids)![1];
    const gid = /gid=(\d+)/.exec(ids)![1];
    const postdropGid = /^postdrop:x:(\d+):/m.exec(ids)![1];
    const journalGid = /^systemd-journal:x:(\d+):/m.exec(ids)![1];
    expect(field('Uid')).toEqual([uid, uid, uid, uid]);
    expect(field('Gid')).toEqual([gid, gid, gid, gid]);
    // systemd sets the user's own group (its primary one), plus SupplementaryGroups: postdrop for sendmail,
    // systemd-journal for the SMTP hand-off; nothing else
    expect(field('Groups')?.sort()).toEqual([gid, sendmail ? postdropGid : journalGid].sort());
    expect(field('NoNewPrivs')).toEqual(['1']);
    expect(field('Seccomp')).toEqual(['2']);
    expect(field('CapBnd')).toEqual(['0000000000000000']);
    expect(field('CapEff')).toEqual(['0000000000000000']);
    expect(fact('proc-cmdline').split('\n')).toEqual(directives.find((d) => d.key === 'ExecStart')!.value.split(' '));
    // ProtectSystem=strict: / is read-only for the relay; the queue is one of its writable paths
    const mounts = fact('proc-mountinfo').split('\n').map((l) => l.split(' '));
    expect(mounts.find((m) => m[4] === '/')?.[5]).toMatch(/^ro\b/);
    expect(mounts.find((m) => m[4] === build.model.relay.queue.root)?.[5]).toMatch(/^rw\b/);
    // the token arrives as a credential, never through the environment
    expect(fact('proc-environ-keys').split('\n')).not.toContain('SMTP_RELAY_TOKEN');
    expect(fact('proc-environ-keys').split('\n')).toContain('CREDENTIALS_DIRECTORY');
  });

  it('answers /health, accepts a POST /send with the token from /etc/credstore (202), and the message reaches the sink DKIM-signed with the configured selector', async () => {
    expect([text('send/health.code'), JSON.parse(text('send/health.body')).status]).toEqual(['200', 'ok']);
    expect(text('send/first.code')).toBe('202');
    const body = JSON.parse(text('send/first.body')) as { ok: boolean; queued: boolean; id: string };
    expect(body).toEqual({ ok: true, queued: true, id: expect.stringMatching(/^[0-9a-z]{9}-[0-9a-f]{20}$/) });
    const arrived = arrivalsOf(body.id);
    expect(arrived).toHaveLength(1);
    const message = arrived[0];
    writeFileSync(path.join(run.runDir, 'first-message.eml'), message.raw);
    expect(message.mailFrom).toBe(build.domain.returnPath);
    expect(message.rcptTo).toEqual([RCPT]);
    expect(headerValues(message.raw, 'Subject')).toEqual(['vm deploy first']);
    expect(headerValues(message.raw, 'From')).toEqual([`${build.domain.senders[0].name} <${build.domain.senders[0].address}>`]);
    const signature = headerValues(message.raw, 'DKIM-Signature');
    expect(signature).toHaveLength(1);
    expect(signature[0]).toMatch(new RegExp(`\\bs=${build.domain.dkim.signWith};`));
    expect(await dkim(message.raw)).toEqual([{ result: 'pass', domain: build.domain.name, selector: build.domain.dkim.signWith }]);
    // control: one changed header byte fails, so "pass" is earned
    expect((await dkim(message.raw.replace('Subject: vm deploy first', 'Subject: vm deploy first!')))[0].result).toBe('fail');
  });

  it('makes the text part of an HTML-only send in its conversion worker thread, under the unit\'s sandbox and Debian\'s Node', async () => {
    expect([text('send/html.code'), text('send/html.err')]).toEqual(['202', '']);
    const id = (JSON.parse(text('send/html.body')) as { id: string }).id;
    const arrived = arrivalsOf(id);
    expect(arrived).toHaveLength(1);
    const mime = multipartParts(arrived[0].raw);
    expect(mime.type).toBe('multipart/alternative');
    expect(mime.parts.map((part) => part.contentType)).toEqual(['text/plain', 'text/html']);
    expect(mime.parts[0].body).toMatch(/^HTML only of vm deploy html\.\r?\n\r?\nLogo$/);
    expect(await dkim(arrived[0].raw)).toEqual([{ result: 'pass', domain: build.domain.name, selector: build.domain.dkim.signWith }]);
  });

  it('logs enqueued and delivered for that id in the relay\'s journal, after the started line with the credential token', () => {
    const id = (JSON.parse(text('send/first.body')) as { id: string }).id;
    const lines = relayLines();
    const started = lines.filter((l) => l.event === 'started');
    expect(started[0]).toMatchObject({ token: `credential /run/credentials/${unitName}/${build.model.name}-token` });
    const mine = lines.filter((l) => l.id === id).map((l) => l.event);
    expect(mine).toEqual(['enqueued', 'delivered', 'outcome']);
  });

  it("follows Postfix's log in the journal under the unit's sandbox: GET /messages/{id} says sent with the sink's reply, and /metrics counts it", () => {
    const id = (JSON.parse(text('send/first.body')) as { id: string }).id;
    const delivered = relayLines().find((l) => l.id === id && l.event === 'delivered') as RelayLine & { queueId?: string };
    expect(delivered.queueId).toMatch(/^[0-9A-Za-z]{8,}$/);
    expect([text('send/first-outcome.code'), text('send/first-outcome.err')]).toEqual(['200', '']);
    const outcome = JSON.parse(text('send/first-outcome.body')) as { id: string; state: string; queueId: string; recipients: { address: string; state: string }[]; events: { state: string; recipient?: string; detail: string; dsn?: string }[] };
    expect(outcome).toMatchObject({ id, state: 'sent', queueId: delivered.queueId, recipients: [{ address: RCPT, state: 'sent' }] });
    expect(outcome.events.map((e) => e.state)).toEqual(['accepted', 'handed_off', 'sent']);
    expect(outcome.events[2]).toMatchObject({ recipient: RCPT, dsn: '2.0.0', detail: expect.stringMatching(/^250 /) });
    // the outcome line carries the domain, never the address
    expect(relayLines().find((l) => l.id === id && l.event === 'outcome')).toMatchObject({ outcome: 'sent', state: 'sent', domain: RCPT.split('@')[1], dsn: '2.0.0' });
    expect(JSON.stringify(relayLines().filter((l) => l.event === 'outcome'))).not.toContain(RCPT);
    // the follower never failed (journalctl ran under the unit's sandbox with the systemd-journal group), nothing was suppressed
    expect(relayLines().filter((l) => ['outcome_error', 'suppressed'].includes(l.event))).toEqual([]);
    expect(fact('relay-suppressions-end')).toMatch(/^absent$|"entries":\[\]/);
    expect(text('send/metrics.code')).toBe('200');
    const metrics = text('send/metrics.body');
    const value = (line: string) => Number(new RegExp(`^${line.replace(/[{}"]/g, '\\$&')} (\\S+)$`, 'm').exec(metrics)?.[1]);
    expect(value('relayconf_relay_log_follower_up')).toBe(1);
    expect(value('relayconf_relay_delivery_outcomes_total{state="sent"}')).toBeGreaterThan(0);
    expect(value('relayconf_relay_delivery_outcomes_total{state="bounced"}')).toBe(0);
    expect(value('relayconf_relay_suppressed_recipients')).toBe(0);
  });

  it('survives SIGKILL in the middle of 50 sends: Restart= brings it back and every accepted message arrives, once but for the jobs in hand', async () => {
    const burst = json<ClientRun>('send/burst.json');
    expect(burst.sends).toHaveLength(50);
    expect(burst.command).toMatchObject({ command: `systemctl kill -s KILL ${unitName}`, code: 0 });
    const kill = burst.command!;
    const accepted = burst.sends.filter((s) => s.status === 202);
    const before = accepted.filter((s) => s.endedMs < kill.startedMs);
    const refused = burst.sends.filter((s) => s.refused > 0);
    const unanswered = burst.sends.filter((s) => s.status !== 202);
    console.log(`burst: ${accepted.length}/50 accepted, ${before.length} before the kill at ${kill.startedMs} ms; `
      + `${refused.length} found the relay down and were accepted after the restart (first at ${Math.min(...refused.map((s) => s.endedMs))} ms); `
      + `${unanswered.length} unanswered (in flight at the kill): ${unanswered.map((s) => `#${s.i} ${s.error ?? s.status}`).join(', ') || 'none'}`);
    expect(before.length).toBeGreaterThanOrEqual(10);
    // the kill landed mid-burst: later sends found nothing listening, and the restarted relay took every one of them
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.map((s) => s.status)).toEqual(refused.map(() => 202));
    // only a request in flight when the process died may go unanswered (it may or may not be queued)
    for (const s of unanswered) {
      expect(s.error, `#${s.i}`).toMatch(/^(ECONNRESET|socket hang up|response: ECONNRESET)$/);
      // systemctl kill returns once the signal is sent; until the process is gone its listening socket
      // still completes handshakes, so a send begun a moment later can meet the reset too
      expect(s.startedMs, `#${s.i}`).toBeLessThanOrEqual(kill.endedMs + 500);
    }

    const oldPid = text('send/pid-before-kill').trim();
    const newPid = text('send/pid-after-kill').trim();
    expect(newPid).not.toBe(oldPid);
    expect(newPid).not.toBe('0');
    expect(text('send/active-after-kill').trim()).toBe('active');
    expect(Number(text('send/nrestarts-after')) - Number(text('send/nrestarts-before'))).toBe(1);
    expect([text('send/health-after-kill.code'), JSON.parse(text('send/health-after-kill.body')).status]).toEqual(['200', 'ok']);
    expect(text('journal/relay.txt')).toMatch(new RegExp(`${unitName.replace('.', '\\.')}: Main process exited, code=killed, status=9/KILL`));
    const started = relayLines().filter((l) => l.event === 'started');
    expect(started.map((l) => String(l.pid))).toEqual([oldPid, newPid]);

    // Exactly once, for every accepted job, including those the kill caught in hand (at most
    // HANDOFF_CONCURRENCY, the env file as installed: eight SMTP connections). Those were left in
    // processing/ (`recovered`); the restarted relay looked each up in the journal (cleanup's message-id
    // line, then qmgr's queued line) and handed off again only those Postfix had not taken: a job taken
    // before the kill completes with `recovered: true` and its queue id, and arrives once.
    const recovered = relayLines().filter((l) => l.event === 'recovered').map((l) => l.id!);
    expect(recovered.length).toBeLessThanOrEqual(jobsInHand());
    const foundTaken = relayLines().filter((l) => l.event === 'delivered' && l.recovered === true).map((l) => l.id!);
    console.log(`restart: ${started[1].pending} pending, recovered from processing/: ${recovered.join(' ') || 'none'}; `
      + `found already taken by Postfix: ${foundTaken.join(' ') || 'none'}`);
    for (const id of foundTaken) expect(recovered).toContain(id);
    for (const s of accepted) expect(arrivalsOf(s.id!).length, `${s.subject} (${s.id})`).toBe(1);
    for (const id of recovered) expect(arrivalsOf(id).length, `recovered ${id}`).toBe(1);
    const lines = relayLines();
    const eventsOf = (id: string) => lines.filter((l) => l.id === id).map((l) => l.event);
    for (const s of accepted) expect(eventsOf(s.id!), s.id!).toContain('enqueued');
    // The kill can fall after a job's hand-off and before its "delivered" line reaches the journal:
    // at most the jobs in hand may lack the line, and each must have arrived exactly once.
    const unlogged = accepted.filter((s) => !eventsOf(s.id!).includes('delivered'));
    expect(unlogged.length, unlogged.map((s) => s.id).join(' ')).toBeLessThanOrEqual(jobsInHand());
    for (const s of unlogged) expect(arrivalsOf(s.id!).length, `${s.subject} (${s.id})`).toBe(1);
  });

  it('loses nothing across a second restart of OpenDKIM and of Postfix', () => {
    for (const file of ['send/restart-opendkim.json', 'send/restart-postfix.json']) {
      const round = json<ClientRun>(file);
      expect(round.command?.code, `${round.command?.command}: ${round.command?.output}`).toBe(0);
      expect(round.sends.map((s) => s.status), file).toEqual(round.sends.map(() => 202));
      // once each; a second copy only of a message the relay handed over once and Postfix's own restart sent again
      const redelivered = file.includes('postfix') ? postfixRedelivered() : new Set<string>();
      for (const s of round.sends) expect(arrivalsOf(s.id!).length, `${s.subject} (${s.id})`).toBe(redelivered.has(s.id!) ? 2 : 1);
      if (redelivered.size) console.log(`postfix restart: sent again by Postfix after its restart: ${[...redelivered].join(' ')}`);
    }
    expect(fact('is-active-after-restarts').split('\n')).toEqual(['active', 'active', 'active', 'active']);
  });

  it('opens the HTTPS entry through Debian\'s nginx: 202 from the allowed caller, 403 from another, nginx\'s own 404 and 413, the real caller counted by the relay', () => {
    const entry = (name: string) => ({ code: text(`entry/${name}.code`), body: text(`entry/${name}.body`), err: text(`entry/${name}.err`) });
    expect([fact('nginx-active'), fact('nginx-enabled')]).toEqual(['active', 'enabled']);
    const sent = entry('send');
    expect(sent.code, sent.err).toBe('202');
    const id = (JSON.parse(sent.body) as { id: string }).id;
    expect(arrivalsOf(id)).toHaveLength(1);
    expect(headerValues(arrivalsOf(id)[0].raw, 'Subject')).toEqual(['vm entry']);
    expect([entry('health').code, JSON.parse(entry('health').body).status]).toEqual(['200', 'ok']);
    // the allowlist is nginx's: the relay never sees the outsider, the unknown path or the oversize body
    expect([entry('outsider').code, JSON.parse(entry('outsider').body)]).toEqual(['403', { ok: false, error: { code: 'forbidden', message: 'this source address may not use the relay' } }]);
    expect(entry('unknown').code).toBe('404');
    expect([entry('oversize').code, JSON.parse(entry('oversize').body)]).toEqual(['413', { ok: false, error: { code: 'payload_too_large', message: 'the body is larger than the relay accepts' } }]);
    // ten wrong tokens, then the relay throttles the caller nginx named (X-Real-IP), not nginx itself
    const wrong = Array.from({ length: 12 }, (_, i) => entry(`wrong-${i + 1}`).code);
    expect(wrong).toEqual([...Array(10).fill('401'), '429', '429']);
    expect(relayLines().filter((l) => l.event === 'auth_throttled').map((l) => [l.source, l.peer])).toEqual([[VM_ENTRY.caller, '127.0.0.1']]);
    const mine = relayLines().filter((l) => l.id === id).map((l) => l.event);
    // and its outcome line once the journal follower read Postfix's delivery (it may come after the logs were taken)
    expect(mine.filter((event) => event !== 'outcome')).toEqual(['enqueued', 'delivered']);
    expect(mine.filter((event) => event === 'outcome').length).toBeLessThanOrEqual(1);
  });

  it('leaves nothing queued, no duplicate, nothing unsigned, no relay failure, and a retry only for what a restart caught', async () => {
    const all = captures();
    const ids = all.map((c) => c.messageId);
    // one copy of each message, but a second copy of a job the SIGKILL caught in hand, or of one Postfix's
    // restart sent again (see above), once
    const recovered = new Set([...relayLines().filter((l) => l.event === 'recovered').map((l) => l.id!), ...postfixRedelivered()].map((id) => `<${id}@${build.domain.name}>`));
    const again = ids.filter((id, i) => ids.indexOf(id) !== i);
    expect(again.filter((id) => !recovered.has(id))).toEqual([]);
    expect(new Set(again).size).toBe(again.length);
    // every message came from this test's sends (no stray mail, nothing from an earlier attempt lost track of)
    expect(all.filter((c) => !/^vm (deploy first|deploy html|burst \d+|opendkim-restart \d+|postfix-restart \d+|entry)$/.test(headerValues(c.raw, 'Subject')[0] ?? ''))
      .map((c) => c.messageId)).toEqual([]);
    for (const c of all) expect(await dkim(c.raw), c.messageId).toEqual([{ result: 'pass', domain: build.domain.name, selector: build.domain.dkim.signWith }]);
    // every message left from the server's own address (smtp_bind_address = mta.ipv4), the one its PTR and SPF name
    expect([...new Set(all.map((c) => c.client.replace(/:\d+$/, '')))]).toEqual([build.model.mta.ipv4]);
    expect(fact('postqueue-end')).toBe('Mail queue is empty');
    expect(fact('relay-queue-end')).toBe('');
    expect(relayLines().filter((l) => ['failed', 'queue_error'].includes(l.event))).toEqual([]);
    // A retry only for a job the OpenDKIM or Postfix restart caught, with the reason that outage gives.
    // sendmail(1) writes to the maildrop and pickup(8) retries inside Postfix, so that mode retries nothing.
    // SMTP meets the outage itself: smtpd answers 451 4.7.1 while the milter is down
    // (milter_default_action = tempfail), a stopping Postfix resets open sessions, and nothing listens on port 25 until it is back;
    // the relay keeps the job and sends it again ('loses nothing across a second restart' shows it arrived once).
    const restartIds = new Set(['send/restart-opendkim.json', 'send/restart-postfix.json'].flatMap((f) => json<ClientRun>(f).sends.map((x) => x.id!)));
    const outageReason = /^(?:Postfix deferred the message: 451 4\.7\.1 |SMTP hand-off failed \((?:ESOCKET|ECONNECTION)\): (?:connect ECONNREFUSED 127\.0\.0\.1:25|read ECONNRESET|write EPIPE|Connection closed unexpectedly)$)/;
    const retries = relayLines().filter((l) => l.event === 'retry');
    console.log(`relay retries: ${retries.length} (${retries.map((l) => l.reason).join('; ') || 'none'})`);
    if (build.model.relay.handoff === 'sendmail') expect(retries).toEqual([]);
    expect(retries.filter((l) => !restartIds.has(l.id!) || !outageReason.test(String(l.reason)))).toEqual([]);
    // Postfix and OpenDKIM logged no problem but the milter outage the OpenDKIM restart causes
    // (milterDefault tempfail: cleanup refuses with 4.7.1 and pickup tries again; nothing is lost,
    // as the assertions above show). When the restart catches a message mid-transaction, the
    // reset shows at whatever milter stage it was in (in cleanup for sendmail(1), in smtpd for the SMTP
    // hand-off, which then answers 451 4.7.1 and the relay retries); at RCPT, cleanup(8) cannot reject a single
    // recipient of a sendmail(1) submission, calls that a "milter configuration error" and
    // refuses the whole message with "try again later", which pickup(8) also retries. And the Postfix
    // restart: `postfix start` runs postsuper(1) over the queue, which can meet postdrop(1)'s temporary
    // maildrop file (pid.number) of a sendmail(1) running at that moment and calls its name bogus;
    // postdrop then renames it, and the delivery assertions above show nothing was lost.
    const mail = text('journal/mail.txt').split('\n');
    const milter = mail.filter((l) => /milter-reject: .* 4\.7\.1 /.test(l));
    console.log(`mail log: ${milter.length} milter-reject (4.7.1) during the OpenDKIM restart`);
    const restartNoise = new RegExp('postfix/(?:cleanup|smtpd)\\[\\d+\\]: warning: (?:'
      + 'connect to Milter service inet:127\\.0\\.0\\.1:8891: Connection refused'
      + '|milter inet:127\\.0\\.0\\.1:8891: (?:can\'t read SMFIC_[A-Z]+ reply packet header: (?:Connection reset by peer|Application error)|read error in initial handshake)'
      + '|[0-9A-F]+: milter configuration error: can\'t reject recipient in non-smtpd\\(8\\) submission'
      + '|[0-9A-F]+: message not accepted, try again later'
      + ')$|postfix/postsuper\\[\\d+\\]: warning: bogus file name: maildrop/\\d+\\.\\d+$');
    const problems = mail.filter((l) => /\b(warning|error|fatal|panic):/.test(l));
    expect(problems.filter((l) => !restartNoise.test(l))).toEqual([]);
    // a refused message must be one the outage caught: every "try again later" follows a milter read error
    const refused = problems.filter((l) => /message not accepted, try again later$/.test(l)).length;
    const resets = problems.filter((l) => /milter inet:127\.0\.0\.1:8891: (?:can't read|read error)/.test(l)).length;
    expect(refused).toBeLessThanOrEqual(resets);
  });

  it('scores the relay unit with systemd-analyze security inside the guest', () => {
    const m = new RegExp(`Overall exposure level for ${unitName.replace('.', '\\.')}: ([\\d.]+) (\\w+)`).exec(text('security.txt'));
    expect(m, text('security.txt').slice(-400)).not.toBeNull();
    console.log(`systemd-analyze security ${unitName}: ${m![1]} ${m![2]}`);
    expect(Number(m![1])).toBeLessThan(2);
    expect(m![2]).toBe('OK');
    // the figure the README's output-tree table promises is the one measured here
    const promised = /own user, hardening \(exposure ([\d.]+) by `systemd-analyze security`[;)]/.exec(readFileSync(path.join(REPO, 'README.md'), 'utf8'));
    expect(promised?.[1], 'README.md: "exposure N.N by `systemd-analyze security`"').toBe(m![1]);
  });
});

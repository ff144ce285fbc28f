// APPLY.md (the admin's steps after a build, as runnable blocks) and MANIFEST (every file's mode and sha256).
import { nodeCrypto } from '../util/node-crypto.js';
import type { RelayModel } from '../config/model.js';
import type { OutputFile } from './types.js';
import { render } from './render.js';
import { APPLY_MD, MANIFEST } from './templates/apply-notes.js';
import { postmapHints, relayhostValue } from './postfix.js';
import { KEYS_DIR, signingKeys } from './opendkim.js';
import { clientCredentials, relayPaths } from './systemd.js';
import { listenText } from './relay-server.js';
import { buildRecordModel, type RecordModel } from '../dns/records.js';
import { comment, encodeShellCommand, op, variable, word, type ShellCommand } from './encode/shell.js';
import { refuseControl } from './encode/refuse.js';

export interface ApplyStep {
  /** The info-string name: `sh step=<name>`. */
  name: 'copy' | 'first-time' | 'secrets' | 'apply' | 'verify' | 'dns';
  title: string;
  where: string;
  notes: string[];
  /** Argument vectors: rendered by the one shell quoter, never pasted as text. */
  commands: ShellCommand[];
}

export { shellQuote } from './encode/shell.js';

/** Bytes of randomness for the token: base64 of 48 bytes is 64 characters, past any sane minimum. */
function tokenBytes(model: RelayModel): number {
  return Math.max(48, model.relay.token.minBytes);
}

function smarthostAuth(model: RelayModel) {
  return model.delivery.mode === 'relayhost' ? (model.delivery.relayhost?.auth ?? null) : null;
}

/** curl of /health; an IPv6 listener's [brackets] are quoted for sh and kept from curl's URL globbing. */
function healthCheck(model: RelayModel): ShellCommand {
  const url = `http://${listenText(model)}/health`;
  return ['curl', '-fsS', '--retry', '30', '--retry-connrefused', '--retry-delay', '1', ...(url.includes('[') ? ['--globoff'] : []), url];
}

export function applySteps(model: RelayModel, records: RecordModel = buildRecordModel(model)): ApplyStep[] {
  const paths = relayPaths(model);
  const user = model.relay.user;
  const keys = signingKeys(model);
  const auth = smarthostAuth(model);
  const keyDirs = [...new Set(keys.map((k) => `${KEYS_DIR}/${k.domain}`))];
  const zones = records.zones;

  // Written once (test -s keeps an existing one), in a subshell whose umask keeps it root-only.
  const onceRootOnly = (file: string, ...produce: ShellCommand): ShellCommand => ['test', '-s', file, op('||'), op('('), 'umask', '077', op(';'), ...produce, op('>'), file, op(')')];
  const secrets: ShellCommand[] = [
    // One token per API client (relay.clients), or the single one.
    ...clientCredentials(model).map((c) => onceRootOnly(c.path, 'head', '-c', String(tokenBytes(model)), '/dev/urandom', op('|'), 'base64', '-w0')),
    ...keys.map((k): ShellCommand => ['install', '-o', 'opendkim', '-g', 'opendkim', '-m', '0600', word(variable('DKIM_PRIVATE_DIR'), `/${k.domain}/${k.selector}.private`), k.privatePath]),
  ];
  if (auth) {
    const password = word(variable('SASL_PASSWORD', 'set SASL_PASSWORD to the smarthost password'));
    secrets.push(onceRootOnly(auth.passwordFile, 'printf', '%s %s:%s\\n', relayhostValue(model), auth.username, password));
  }

  return [
    {
      name: 'copy',
      title: '1. Copy the tree to the server',
      where: 'On your machine, where you ran `relayconf build` (put your `--out` directory in place of `out/`).',
      notes: [
        '`-p` copies modes, directories included (all 0755 here, so `/` and `/etc` keep theirs); no `--delete`,',
        'so nothing else on the server is touched. `--checksum` transfers only what really differs.',
      ],
      commands: [['rsync', '-rlpt', '--checksum', '--exclude=/dns/', '--exclude=/MANIFEST', '--exclude=/APPLY.md', 'out/', word('root@', variable('HOST'), ':/')]],
    },
    {
      name: 'first-time',
      title: '2. Prepare the server (first time)',
      where: 'On the server as root. Creates the relay user, its queue, the credential store and the DKIM key directories.',
      notes: [],
      commands: [
        ['id', '-u', user, op('>/dev/null'), op('2>&1'), op('||'), 'useradd', '--system', '--user-group', '--home-dir', '/nonexistent', '--shell', '/usr/sbin/nologin', user],
        ['install', '-d', '-o', user, '-g', user, '-m', '0750', paths.queueRoot],
        ['install', '-d', '-o', 'root', '-g', 'root', '-m', '0700', '/etc/credstore'],
        ['install', '-d', '-o', 'opendkim', '-g', 'opendkim', '-m', '0700', KEYS_DIR, ...keyDirs],
      ],
    },
    {
      name: 'secrets',
      title: '3. Put the secrets in place',
      where: 'On the server as root. None of these ever enters the repository or this tree.',
      notes: [
        ...(model.relay.clients.length === 0
          ? [
              `The bearer token is made once (an existing one is kept): callers read it with \`cat ${paths.credentialPath}\`;`,
              `systemd hands it to the relay as the credential \`${paths.credentialName}\` (LoadCredential=).`,
            ]
          : [
              `Each API client's bearer token is made once (an existing one is kept) in /etc/credstore/${model.name}-token-<client>;`,
              'give each calling service only its own. Revoking a client: remove it from relay.clients, rebuild, apply, delete its file.',
            ]),
        `OpenDKIM's private keys come from \`$DKIM_PRIVATE_DIR\` (what \`relayconf keygen\` wrote).`,
        ...(auth ? [`The smarthost password map is written once from \`$SASL_PASSWORD\` (Debian needs the libsasl2-modules package for SASL).`] : []),
      ],
      commands: secrets,
    },
    {
      name: 'apply',
      title: '4. Apply the configuration',
      where: 'On the server as root. A restart, not a reload: inet_interfaces and inet_protocols only change on restart.',
      notes: [],
      commands: [
        ...postmapHints(model).map((h) => h.command),
        ['postfix', 'check'],
        ['systemctl', 'enable', 'opendkim.service', 'postfix.service'],
        ['systemctl', 'restart', 'opendkim.service'],
        ['systemctl', 'restart', 'postfix.service'],
        ['systemctl', 'daemon-reload'],
        // enable + restart (not enable --now + restart): one start on a first install and on a re-run.
        ['systemctl', 'enable', paths.unitName],
        ['systemctl', 'restart', paths.unitName],
      ],
    },
    {
      name: 'verify',
      title: '5. Check the local chain',
      where: 'On the server (seed 01 step 10): the relay answers, the Postfix queue drains, the relay logs one JSON line per event. The health check needs curl.',
      notes: [],
      commands: [
        healthCheck(model),
        ['postqueue', '-p'],
        ['journalctl', '-u', paths.unitName, '-n', '50', '--no-pager'],
      ],
    },
    {
      name: 'dns',
      title: '6. Publish DNS',
      where: 'At your DNS provider, then on your machine.',
      notes: [
        'Each `dns/<zone>.zone` is a records-only fragment: import it in the provider\'s console, or `$INCLUDE` it',
        'last in the zone on your own primary. PTR records are set in the IP owner\'s rDNS panel:',
        ...records.ptr.map((p) => `\`${p.ip}\` -> \`${p.name}\`.`),
        '`relayconf check-dns` then compares live DNS with the same record model until it passes.',
      ],
      commands: [...zones.map((zone): ShellCommand => [comment(`publish dns/${zone}.zone`)]), ['relayconf', 'check-dns']],
    },
  ];
}

/**
 * One pipeline that copies only the keys this config signs with (not every key ever generated
 * on this machine) and can be rerun without nesting directories, as `scp -r` would.
 */
function privateKeyCopyCommand(keys: ReturnType<typeof signingKeys>): string {
  const command: ShellCommand = [
    'tar', '-C', word(variable('HOME'), '/.relayconf/dkim'), '-cf', '-',
    ...keys.map((k) => word(`${k.domain}/${k.selector}.private`)),
    op('|'),
    'ssh', word('root@', variable('HOST')), 'umask 077 && mkdir -p /root/dkim && tar -xf - -C /root/dkim',
  ];
  return encodeShellCommand(command, { output: 'APPLY.md', key: 'variables', from: [] });
}

function variables(model: RelayModel): string[] {
  const keys = signingKeys(model);
  const lines = [
    '`$HOST`: the server, as you reach it with ssh (step 1).',
    `\`$DKIM_PRIVATE_DIR\`: a root-only directory on the server holding the private keys as \`<domain>/<selector>.private\` (step 3): ${keys.map((k) => `\`${k.domain}/${k.selector}.private\``).join(', ')}. Bring exactly these from where \`relayconf keygen\` wrote them (default \`~/.relayconf/dkim\`), e.g. \`${privateKeyCopyCommand(keys)}\` with \`DKIM_PRIVATE_DIR=/root/dkim\`, and delete them there once installed.`,
  ];
  if (smarthostAuth(model)) lines.push('`$SASL_PASSWORD`: the smarthost password, set in the root shell for step 3 only.');
  return lines;
}

/** Markdown prose carries config text (names, domains): no line break may forge a step or a code block. */
function prose(text: string): string {
  refuseControl({ output: 'APPLY.md', key: 'text', from: [] }, text);
  return text;
}

export function applyMd(model: RelayModel, records: RecordModel = buildRecordModel(model)): OutputFile {
  const steps = applySteps(model, records).map((step) => ({
    ...step,
    where: prose(step.where),
    notes: step.notes.map(prose),
    commands: step.commands.map((command) => encodeShellCommand(command, { output: 'APPLY.md', key: `step ${step.name}`, from: [] })),
  }));
  return { path: 'APPLY.md', mode: 0o644, content: render('apply-notes/APPLY.md', APPLY_MD, { name: prose(model.name), variables: variables(model).map(prose), steps }) };
}

export function sha256(content: string): string {
  return nodeCrypto().createHash('sha256').update(content, 'utf8').digest('hex');
}

export function formatMode(mode: number): string {
  return mode.toString(8).padStart(4, '0');
}

/** `mode sha256 path` per file, sorted by path; MANIFEST cannot list its own hash. */
export function manifest(files: OutputFile[]): OutputFile {
  const rows = [...files]
    .filter((f) => f.path !== 'MANIFEST')
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((f) => `${formatMode(f.mode)} ${sha256(f.content)} ${f.path}`);
  return { path: 'MANIFEST', mode: 0o644, content: render('apply-notes/MANIFEST', MANIFEST, { rows }) };
}

/** Reads a MANIFEST back: path -> mode and sha256 (the golden test checks modes through it). */
export function parseManifest(text: string): Map<string, { mode: number; sha256: string }> {
  const entries = new Map<string, { mode: number; sha256: string }>();
  for (const line of text.split('\n')) {
    const match = /^([0-7]{4}) ([0-9a-f]{64}) (.+)$/.exec(line);
    if (match) entries.set(match[3], { mode: parseInt(match[1], 8), sha256: match[2] });
  }
  return entries;
}

// APPLY.md (the admin's steps after a build, as runnable blocks) and MANIFEST (every file's mode and sha256).
import { nodeCrypto } from '../util/node-crypto.js';
import type { RelayModel } from '../config/model.js';
import type { OutputFile } from './types.js';
import { render } from './render.js';
import { APPLY_MD, MANIFEST } from './templates/apply-notes.js';
import { postmapHints } from './postfix.js';
import { buildPostfixModel, type PostfixModel } from './postfix-model.js';
import { saslSecretCommands, saslSecretNotes, saslVariableLines } from './sasl-apply.js';
import { KEYS_DIR, signingKeys, type SigningKey } from './opendkim.js';
import { clientCredentials, relayPaths } from './systemd.js';
import { webhookSecretCredential } from './webhook-secret.js';
import { listenText } from './relay-server.js';
import { buildRecordModel, type RecordModel } from '../dns/records.js';
import { comment, encodeShellCommand, op, variable, word, type ShellCommand } from './encode/shell.js';
import { refuseControl } from './encode/refuse.js';
import { NODE_BINARY, RELAY_NODE_MAJOR, packageCommands, serverPackages } from './apply/packages.js';
import { copyToServer, installCommands, removeFilesOnlyPreviousHad, rollbackStart, storeDirectories, treeStore, type TreeStore } from './apply/tree-store.js';
import { entryApplyStep, entryVariables } from './entry-apply.js';
import { rulesPath, scrapePath } from './prometheus-rules.js';

export interface ApplyStep {
  /** The info-string name: `sh step=<name>`. */
  name: string;
  title: string;
  where: string;
  notes: string[];
  /** Argument vectors: rendered by the one shell quoter, never pasted as text. */
  commands: ShellCommand[];
}

/** A section after the steps (rolling back, queues): prose and `sh` blocks that are not steps (nothing runs them in order). */
export interface ApplyProcedure {
  title: string;
  blocks: Array<{ prose: string[] } | { commands: ShellCommand[] }>;
}

export { shellQuote } from './encode/shell.js';

/** What every step and procedure builder reads: computed once per APPLY.md. */
interface ApplyContext {
  model: RelayModel;
  records: RecordModel;
  postfix: PostfixModel;
  paths: ReturnType<typeof relayPaths>;
  store: TreeStore;
  keys: SigningKey[];
  /** The number a step has in this APPLY.md, for prose that points at it. */
  stepNumber(name: string): number;
}

/** Bytes of randomness for the token: base64 of 48 bytes is 64 characters, past any sane minimum. */
function tokenBytes(model: RelayModel): number {
  return Math.max(48, model.relay.token.minBytes);
}

/** curl of /health (or another path); an IPv6 listener's [brackets] are quoted for sh and kept from curl's URL globbing. */
function healthCheck(model: RelayModel, path = '/health'): ShellCommand {
  const url = `http://${listenText(model)}${path}`;
  return ['curl', '-fsS', '--retry', '30', '--retry-connrefused', '--retry-delay', '1', ...(url.includes('[') ? ['--globoff'] : []), url];
}

/** OpenDKIM's key for one signing selector, from $DKIM_PRIVATE_DIR (APPLY.md's secrets step and plan's key action). */
export function installPrivateKey(key: SigningKey): ShellCommand {
  return ['install', '-o', 'opendkim', '-g', 'opendkim', '-m', '0600', word(variable('DKIM_PRIVATE_DIR'), `/${key.domain}/${key.selector}.private`), key.privatePath];
}

/** The directory a domain's private keys live in: root may not read what opendkim alone should. */
export function keyDirectories(domains: string[]): ShellCommand {
  return ['install', '-d', '-o', 'opendkim', '-g', 'opendkim', '-m', '0700', KEYS_DIR, ...domains.map((d) => `${KEYS_DIR}/${d}`)];
}

type StepBuilder = {
  name: string;
  /** A step only some configs need (the entry gateway's); the others are in every APPLY.md. */
  applies?: (model: RelayModel) => boolean;
  build: (ctx: ApplyContext) => Omit<ApplyStep, 'name'>;
};

const stepsFor = (model: RelayModel) => STEPS.filter((step) => step.applies?.(model) ?? true);

const packagesStep: StepBuilder = {
  name: 'packages',
  build: ({ model, postfix }) => ({
    title: 'Install the packages',
    where: 'On the server as root (Debian 12). On a server that has them, these change nothing.',
    notes: [
      ...serverPackages(model, postfix).map((p) => `\`${p.name}\`: ${p.why}.`),
      'Postfix is preseeded to "No configuration" first: a first install would otherwise set up Debian\'s "Internet Site"',
      'and start a Postfix listening on every address before this tree\'s loopback-only main.cf is in place.',
      `The last line stops here when \`${NODE_BINARY}\` (what the relay unit runs) is older than Node.js ${RELAY_NODE_MAJOR}.`,
    ],
    commands: packageCommands(model, postfix),
  }),
};

const dnsStep: StepBuilder = {
  name: 'dns',
  build: ({ records, stepNumber }) => ({
    title: 'Publish DNS and check it',
    where: `At your DNS provider, then on your machine, before the server changes: OpenDKIM signs with this tree's selectors as soon as it restarts (step ${stepNumber('apply')}), and a receiver that finds no key for a selector fails the signature (RFC 6376 section 6.1.2).`,
    notes: [
      'Each `dns/<zone>.zone` is a records-only fragment: import it in the provider\'s console, or `$INCLUDE` it',
      'last in the zone on your own primary. PTR records are set in the IP owner\'s rDNS panel:',
      ...records.ptr.map((p) => `\`${p.ip}\` -> \`${p.name}\`.`),
      '`relayconf check-dns` then compares live DNS with the same record model: go on only once it passes',
      '(a new selector shows as `dns-dkim-live`).',
    ],
    commands: [...records.zones.map((zone): ShellCommand => [comment(`publish dns/${zone}.zone`)]), ['relayconf', 'check-dns']],
  }),
};

const firstTimeStep: StepBuilder = {
  name: 'first-time',
  build: ({ model, paths, store, keys }) => ({
    title: 'Prepare the server (first time)',
    where: `On the server as root. Creates the relay user, its queue, the credential store, the DKIM key directories and \`${store.dir}\`, where the server keeps the built trees.`,
    notes: [],
    commands: [
      ['id', '-u', model.relay.user, op('>/dev/null'), op('2>&1'), op('||'), 'useradd', '--system', '--user-group', '--home-dir', '/nonexistent', '--shell', '/usr/sbin/nologin', model.relay.user],
      ['install', '-d', '-o', model.relay.user, '-g', model.relay.user, '-m', '0750', paths.queueRoot],
      ['install', '-d', '-o', 'root', '-g', 'root', '-m', '0700', '/etc/credstore'],
      keyDirectories([...new Set(keys.map((k) => k.domain))]),
      storeDirectories(store),
    ],
  }),
};

const copyStep: StepBuilder = {
  name: 'copy',
  build: ({ store }) => ({
    title: 'Copy the tree to the server',
    where: 'On your machine, where you ran `relayconf build` (put your `--out` directory in place of `out/`).',
    notes: [
      `The whole tree goes to \`${store.incoming}/\`, \`dns/\` and \`MANIFEST\` included: the server keeps what it runs.`,
      '`--delete` acts inside that directory only; `--checksum` transfers only what really differs.',
    ],
    commands: [copyToServer(store)],
  }),
};

const installStep: StepBuilder = {
  name: 'install',
  build: ({ store }) => ({
    title: 'Install the tree',
    where: 'On the server as root.',
    notes: [
      'The first line checks every file against `MANIFEST`. The tree installed until now is kept as',
      `\`${store.previous}/\` (see "Rolling back"), the new one becomes \`${store.current}/\` and is copied into \`/\`:`,
      '`-p` copies modes, every directory 0755 as built (so `/` and `/etc` keep theirs); no `--delete`, so nothing',
      'else on the server is touched; `--checksum` rewrites only what really differs.',
    ],
    commands: installCommands(store),
  }),
};

const secretsStep: StepBuilder = {
  name: 'secrets',
  build: ({ model, paths, keys }) => {
    // Written once (test -s keeps an existing one), in a subshell whose umask keeps it root-only.
    const onceRootOnly = (file: string, ...produce: ShellCommand): ShellCommand => ['test', '-s', file, op('||'), op('('), 'umask', '077', op(';'), ...produce, op('>'), file, op(')')];
    const commands: ShellCommand[] = [
      // One token per API client (relay.clients), or the single one.
      ...clientCredentials(model).map((c) => onceRootOnly(c.path, 'head', '-c', String(tokenBytes(model)), '/dev/urandom', op('|'), 'base64', '-w0')),
      ...keys.map(installPrivateKey),
    ];
    const webhookSecret = webhookSecretCredential(model);
    if (webhookSecret) commands.push(onceRootOnly(webhookSecret.path, 'openssl', 'rand', '-hex', '32'));
    commands.push(...saslSecretCommands(model, onceRootOnly));
    return {
      title: 'Put the secrets in place',
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
        `OpenDKIM's private keys come from \`$DKIM_PRIVATE_DIR\` (what \`relayconf keygen\` wrote); a new selector's key is in place before OpenDKIM restarts with it.`,
        ...saslSecretNotes(model),
        ...(webhookSecret
          ? [
              `The webhook signing secret is made once in \`${webhookSecret.path}\` (the relay refuses to start without it, or when it is under 32 bytes);`,
              'give it to each webhook receiver over a private channel: they check X-Relayconf-Signature with it.',
            ]
          : []),
      ],
      commands,
    };
  },
};

const applyStep: StepBuilder = {
  name: 'apply',
  build: ({ model, paths }) => ({
    title: 'Apply the configuration',
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
  }),
};

const verifyStep: StepBuilder = {
  name: 'verify',
  build: ({ model, paths }) => ({
    title: 'Check the local chain',
    where: 'On the server: the relay answers, the Postfix queue drains, the relay logs one JSON line per event. The health check needs curl.',
    notes: ['Postfix logs to the journal on Debian 12, under its instance unit `postfix@-` (/var/log/mail.log exists only with rsyslog).'],
    commands: [
      healthCheck(model),
      ['postqueue', '-p'],
      ['journalctl', '-u', paths.unitName, '-n', '50', '--no-pager'],
      ['journalctl', '-u', 'postfix@-', '-n', '50', '--no-pager'],
    ],
  }),
};

/**
 * The steps in the order an admin runs them. Packages first; DNS before anything on the server
 * changes, so a selector is published and checked before OpenDKIM restarts with it; keys before the
 * restarts. Add a step by adding its builder here.
 */
const entryStep: StepBuilder = {
  name: 'entry',
  applies: (model) => entryApplyStep(model, 0) !== null,
  build: ({ model, stepNumber }) => entryApplyStep(model, stepNumber('dns'))!,
};

const STEPS: StepBuilder[] = [packagesStep, dnsStep, firstTimeStep, copyStep, installStep, secretsStep, applyStep, verifyStep, entryStep];

type ProcedureBuilder = (ctx: ApplyContext) => ApplyProcedure;

const rollback: ProcedureBuilder = ({ model, store, stepNumber }) => ({
  title: 'Rolling back',
  blocks: [
    { prose: [
      `Step ${stepNumber('install')} keeps the tree this server ran before as \`${store.previous}/\`. To go back to it, on the server as root:`,
    ] },
    { commands: [rollbackStart(store)] },
    { prose: [
      `then run the steps "Install the tree", "Apply the configuration" and "Check the local chain" of \`${store.incoming}/APPLY.md\``,
      '(the restored tree\'s own notes: its maps and units may differ from these), and remove what only the tree you left installed:',
    ] },
    { commands: [removeFilesOnlyPreviousHad(store)] },
    { prose: [
      `The restored tree's zone is in \`${store.current}/dns/\`. A DKIM rotation keeps the old selector published until its`,
      'removal, so the restored tree signs with a published key; if the change you left had removed records, publish that zone',
      'again before its apply step. Private keys stay installed. Before the first install there is nothing to go back to',
      `(the first line stops): \`systemctl disable --now ${model.name}.service\` stops the relay.`,
    ] },
  ],
});

const queues: ProcedureBuilder = ({ paths }) => ({
  title: 'Queues and logs',
  blocks: [
    { prose: [
      'Postfix and OpenDKIM log to the journal on Debian 12 (Postfix under `postfix@-`); the relay logs one JSON line per event:',
    ] },
    { commands: [
      ['journalctl', '-u', 'postfix@-', '--since', '-1h', '--no-pager'],
      ['journalctl', '-u', 'opendkim.service', '--since', '-1h', '--no-pager'],
      ['journalctl', '-u', paths.unitName, '-o', 'cat', '--since', '-1h', '--no-pager'],
    ] },
    { prose: [
      'Postfix\'s queue: list it with the reason each message waits, try every deferred message now, and after a routing',
      'change (transport, relayhost) requeue all of it: `postsuper -r` passes each message through cleanup(8) again, but',
      'not through the milters, so a message queued unsigned stays unsigned (postsuper(1)).',
    ] },
    { commands: [['postqueue', '-p'], ['postqueue', '-f'], ['postsuper', '-r', 'ALL']] },
    { prose: [
      `The relay moves a job it gives up on to \`${paths.queueRoot}/failed/\` as \`<id>.json\`; its \`failed\` line in the journal gives`,
      `the reason. Once the cause is fixed, move the jobs back to \`pending/\`: the relay rescans it every 10 s and sends them again`,
      '(a job that fails its checks again goes back to `failed/`).',
    ] },
    { commands: [
      ['journalctl', '-u', paths.unitName, '-o', 'cat', '--no-pager', op('|'), 'grep', '"event":"failed"'],
      ['find', `${paths.queueRoot}/failed`, '-maxdepth', '1', '-type', 'f', '-name', '*.json', '-exec', 'mv', '-t', `${paths.queueRoot}/pending/`, '{}', '+'],
    ] },
  ],
});

/** Optional, so a procedure and not a step: the rules and scrape job the build wrote, put to work. */
const watching: ProcedureBuilder = ({ model }) => ({
  title: 'Watching the relay (Prometheus)',
  blocks: [
    { prose: [
      `"Install the tree" put the alert rules in \`/${rulesPath(model)}\` and the scrape job they select by in`,
      `\`/${scrapePath(model)}\`. The relay answers \`/metrics\` to loopback peers only (METRICS_PEERS widens that), so a`,
      'Prometheus on this host scrapes it (a central one federates from there). In `/etc/prometheus/prometheus.yml`, list the',
      'rules file under `rule_files:` and copy the scrape job under `scrape_configs:` (Debian 12\'s Prometheus 2.42 has no',
      '`scrape_config_files:`). The OpenDKIM alert reads node_exporter\'s systemd collector: add `--collector.systemd` to ARGS in',
      '`/etc/default/prometheus-node-exporter` and restart it. Check, then reload (a reload with a broken file keeps the old rules):',
    ] },
    { commands: [
      ['promtool', 'check', 'rules', `/${rulesPath(model)}`],
      ['promtool', 'check', 'config', '/etc/prometheus/prometheus.yml'],
      ['systemctl', 'reload', 'prometheus.service'],
      [...healthCheck(model, '/metrics'), op('|'), 'promtool', 'check', 'metrics'],
    ] },
  ],
});

/** The sections after the steps. Add one by adding its builder here. */
const PROCEDURES: ProcedureBuilder[] = [rollback, queues, watching];

function context(model: RelayModel, records: RecordModel, postfix?: PostfixModel): ApplyContext {
  const names = stepsFor(model).map((s) => s.name);
  return {
    model,
    records,
    // Only the packages step reads it: built on first use unless the caller has it (build passes lint's).
    get postfix() {
      return (postfix ??= buildPostfixModel(model));
    },
    paths: relayPaths(model),
    store: treeStore(model),
    keys: signingKeys(model),
    stepNumber(name) {
      const at = names.indexOf(name);
      if (at < 0) throw new Error(`APPLY.md has no step ${name}`);
      return at + 1;
    },
  };
}

export function applySteps(model: RelayModel, records: RecordModel = buildRecordModel(model), postfix?: PostfixModel): ApplyStep[] {
  const ctx = context(model, records, postfix);
  return stepsFor(model).map((step) => ({ name: step.name, ...step.build(ctx) }));
}

export function applyProcedures(model: RelayModel, records: RecordModel = buildRecordModel(model)): ApplyProcedure[] {
  const ctx = context(model, records);
  return PROCEDURES.map((procedure) => procedure(ctx));
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

function variables(model: RelayModel, records: RecordModel): string[] {
  const { keys, stepNumber } = context(model, records);
  const lines = [
    `\`$HOST\`: the server, as you reach it with ssh (step ${stepNumber('copy')}).`,
    `\`$DKIM_PRIVATE_DIR\`: a root-only directory on the server holding the private keys as \`<domain>/<selector>.private\` (step ${stepNumber('secrets')}): ${keys.map((k) => `\`${k.domain}/${k.selector}.private\``).join(', ')}. Bring exactly these from where \`relayconf keygen\` wrote them (default \`~/.relayconf/dkim\`), e.g. \`${privateKeyCopyCommand(keys)}\` with \`DKIM_PRIVATE_DIR=/root/dkim\`, and delete them there once installed.`,
  ];
  lines.push(...saslVariableLines(model, stepNumber('secrets')));
  if (entryStep.applies!(model)) lines.push(...entryVariables(model, stepNumber('entry')));
  return lines;
}

/** Markdown prose carries config text (names, domains): no line break may forge a step or a code block. */
function prose(text: string): string {
  refuseControl({ output: 'APPLY.md', key: 'text', from: [] }, text);
  return text;
}

export function applyMd(model: RelayModel, records: RecordModel = buildRecordModel(model), postfix?: PostfixModel): OutputFile {
  const encode = (key: string) => (command: ShellCommand) => encodeShellCommand(command, { output: 'APPLY.md', key, from: [] });
  const steps = applySteps(model, records, postfix).map((step, i) => ({
    ...step,
    title: `${i + 1}. ${prose(step.title)}`,
    where: prose(step.where),
    notes: step.notes.map(prose),
    commands: step.commands.map(encode(`step ${step.name}`)),
  }));
  const procedures = applyProcedures(model, records).map((procedure) => ({
    title: prose(procedure.title),
    blocks: procedure.blocks.map((block) => ('prose' in block ? { prose: block.prose.map(prose) } : { commands: block.commands.map(encode(procedure.title)) })),
  }));
  return { path: 'APPLY.md', mode: 0o644, content: render('apply-notes/APPLY.md', APPLY_MD, { name: prose(model.name), variables: variables(model, records).map(prose), steps, procedures }) };
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

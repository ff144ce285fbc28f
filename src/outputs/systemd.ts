// systemd output: the relay's service unit, with its own user, the token as a credential, and
// hardening past the self-hosted HTTP relay build guide, step 8 (exposure <= 3.0 under `systemd-analyze security`).
import type { RelayModel } from '../config/model.js';
import type { OutputFile } from './types.js';
import type { KeyPath } from '../findings.js';
import { render } from './render.js';
import { SERVICE_UNIT } from './templates/systemd.js';
import { encodeDirective, type DirectiveValue, type UnitDirective } from './encode/systemd.js';
import { refuseControl } from './encode/refuse.js';
import { HANDOFF_SMTP_ADDRESS } from './handoff.js';
import { webhookSecretCredential } from './webhook-secret.js';

/** Where the relay's pieces live on the server; APPLY.md and the unit agree through this. */
export function relayPaths(model: RelayModel) {
  return {
    unit: `/etc/systemd/system/${model.name}.service`,
    unitName: `${model.name}.service`,
    envFile: `/etc/${model.name}.env`,
    optDir: `/opt/${model.name}`,
    serverJs: `/opt/${model.name}/server.js`,
    credentialName: `${model.name}-token`,
    credentialPath: `/etc/credstore/${model.name}-token`,
    queueRoot: model.relay.queue.root,
  };
}

/**
 * One LoadCredential= per client (systemd.exec(5) "Credentials"): each token is its own file in
 * /etc/credstore, readable by root only, and reaches the relay as $CREDENTIALS_DIRECTORY/<credential>.
 * Revoking a client is removing it from relay.clients, rebuilding, and deleting its file.
 */
export function clientCredentials(model: RelayModel): Array<{ name: string; path: string; from: KeyPath }> {
  if (model.relay.clients.length === 0) {
    const paths = relayPaths(model);
    return [{ name: paths.credentialName, path: paths.credentialPath, from: ['name'] }];
  }
  return model.relay.clients.map((client, i) => {
    const name = `${model.name}-token-${client.name}`;
    return { name, path: `/etc/credstore/${name}`, from: ['relay', 'clients', i, 'name'] };
  });
}

function credentialDirectives(model: RelayModel): Directive[] {
  const webhook = webhookSecretCredential(model);
  return [...clientCredentials(model), ...(webhook ? [webhook] : [])].map((c) => d('LoadCredential', `${c.name}:${c.path}`, c.from));
}

/** Postfix's maildrop (postdrop writes the queue file) and public (postdrop wakes pickup there). */
export const POSTFIX_SUBMIT_PATHS = ['/var/spool/postfix/maildrop', '/var/spool/postfix/public'];

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\./.test(host);
}

/** A [Service] directive before it is placed: key, typed value, and the config key that caused it. */
type Directive = Omit<UnitDirective, 'section'>;
interface Group {
  comments: string[];
  directives: Directive[];
}

/** Directives of the relay's fixed posture point at the relay block. */
const RELAY: KeyPath = ['relay'];
const d = (key: string, value: DirectiveValue, from: KeyPath = RELAY): Directive => ({ key, value, from });

/** The [Service] section as groups of directives, before the config's hardening overrides. */
export function serviceGroups(model: RelayModel): Group[] {
  const paths = relayPaths(model);
  const user = model.relay.user;
  const sendmail = model.relay.handoff === 'sendmail';
  const stopSeconds = Math.ceil(model.relay.sendmail.timeoutMs / 1000) + 15;
  const groups: Group[] = [
    {
      comments: sendmail
        ? ['Its own user (the self-hosted HTTP relay build guide, step 8). postdrop as a supplementary group: Postfix sendmail hands mail', 'to the setgid postdrop, and NoNewPrivileges blocks setgid, so the user needs the group itself.']
        : [
            'Its own user (the self-hosted HTTP relay build guide, step 8). The SMTP hand-off needs no Postfix privilege; systemd-journal',
            "lets it read Postfix's delivery log from the journal (journalctl, POSTFIX_LOG=journal) for each message's outcome.",
          ],
      directives: [
        d('Type', 'exec'),
        d('User', user, ['relay', 'user']),
        d('Group', user, ['relay', 'user']),
        d('SupplementaryGroups', sendmail ? 'postdrop' : 'systemd-journal', ['relay', 'handoff']),
        d('WorkingDirectory', paths.optDir, ['name']),
        d('EnvironmentFile', paths.envFile, ['name']),
        ...credentialDirectives(model),
        d('ExecStart', { command: { path: '/usr/bin/node', args: [paths.serverJs] } }, ['name']),
        d('Restart', 'always'),
        d('RestartSec', '2s'),
        // The relay exits 78 (EX_CONFIG) when it refuses to start (short token, bad setting): restarting
        // every 2 s would only fill the journal; fix the config and restart it by hand.
        d('RestartPreventExitStatus', '78'),
      ],
    },
    {
      comments: ['SIGTERM lets the worker finish the jobs in hand: the hand-off timeout plus a margin.'],
      directives: [
        d('KillSignal', 'SIGTERM'),
        d('TimeoutStopSec', `${stopSeconds}s`, ['relay', 'sendmail', 'timeout']),
      ],
    },
    {
      comments: sendmail
        ? [
            'Read-only system except the queue and the two Postfix directories sendmail needs: postdrop',
            'writes the message into maildrop and wakes the pickup service through public/pickup.',
          ]
        : ['Read-only system except the queue: the SMTP hand-off writes nothing of Postfix\'s.'],
      directives: [
        d('ProtectSystem', 'strict'),
        d('ReadWritePaths', { words: sendmail ? [paths.queueRoot, ...POSTFIX_SUBMIT_PATHS] : [paths.queueRoot] }, ['relay', 'queue', 'root']),
        d('ProtectHome', 'yes'),
        d('PrivateTmp', 'yes'),
        d('PrivateDevices', 'yes'),
        d('PrivateMounts', 'yes'),
        d('PrivateIPC', 'yes'),
        d('UMask', '0027'),
      ],
    },
    {
      comments: ['No privileges to gain or keep.'],
      directives: [
        d('NoNewPrivileges', 'yes'),
        d('CapabilityBoundingSet', ''),
        d('AmbientCapabilities', ''),
        d('RestrictSUIDSGID', 'yes'),
        d('RemoveIPC', 'yes'),
        d('KeyringMode', 'private'),
      ],
    },
    {
      comments: [
        sendmail
          ? 'Kernel, clock, hostname, cgroups and other processes are out of reach.'
          : 'Kernel, clock, hostname, cgroups and other processes are out of reach (/proc/sys stays readable for journalctl).',
      ],
      directives: [
        d('ProtectKernelTunables', 'yes'),
        d('ProtectKernelModules', 'yes'),
        d('ProtectKernelLogs', 'yes'),
        d('ProtectControlGroups', 'yes'),
        d('ProtectClock', 'yes'),
        d('ProtectHostname', 'yes'),
        d('ProtectProc', 'invisible'),
        // The SMTP hand-off follows Postfix's log with journalctl, which reads /proc/sys/kernel/random/boot_id;
        // ProcSubset=pid hides /proc/sys, and journalctl --follow then exits at once ("Failed to get boot id",
        // seen on Debian 12). ProtectKernelTunables keeps /proc/sys read-only.
        ...(sendmail ? [d('ProcSubset', 'pid')] : []),
        d('DevicePolicy', 'closed'),
        d('LockPersonality', 'yes'),
        d('RestrictRealtime', 'yes'),
        d('RestrictNamespaces', 'yes'),
      ],
    },
    {
      comments: [
        sendmail
          ? 'System calls of an ordinary service. @resources stays allowed: postdrop lowers its file size limit with setrlimit() and exits if that fails.'
          : 'System calls of an ordinary service.',
        'MemoryDenyWriteExecute stays off: V8 compiles JIT code.',
      ],
      directives: [
        d('SystemCallArchitectures', 'native'),
        d('SystemCallFilter', '@system-service'),
        d('SystemCallFilter', '~@privileged'),
        d('SystemCallErrorNumber', 'EPERM'),
      ],
    },
  ];
  const network: Group = sendmail
    ? {
        comments: [
          'Sockets: local (sendmail, syslog), TCP for the listener, and netlink because Postfix sendmail reads',
          'the interface list (getifaddrs) before it queues: without it, sendmail exits 75 and no mail leaves',
          '(found by the VM test under systemd). No raw or packet sockets.',
        ],
        directives: [d('RestrictAddressFamilies', { words: ['AF_UNIX', 'AF_INET', 'AF_INET6', 'AF_NETLINK'] }, ['relay', 'handoff'])],
      }
    : {
        comments: [
          `Sockets: TCP only, for the listener and the hand-off to Postfix's smtpd on ${HANDOFF_SMTP_ADDRESS}.`,
          'No local, netlink, raw or packet sockets. The one netlink socket the relay asks for (nodemailer reads',
          'the interface list once at start-up, inside a try) is refused and it carries on: it connects to an IP.',
        ],
        directives: [d('RestrictAddressFamilies', { words: ['AF_INET', 'AF_INET6'] }, ['relay', 'handoff'])],
      };
  // Only a webhook whose host lies off this machine needs the fence gone; one on loopback is inside it.
  const remoteHooks = model.relay.webhooks.filter((hook) => !isLoopback(hook.host));
  if (remoteHooks.length > 0) {
    // The webhook hosts are names resolved at send time, to addresses that change: no IPAddressAllow= list
    // can name them ahead, so with webhooks the unit drops the IP fence rather than break their delivery.
    network.comments.push(
      `The relay POSTs message events to its webhooks (${remoteHooks.map((hook) => hook.name).join(', ')}) at addresses resolved when it sends,`,
      'so IP is not fenced here (IPAddressDeny= would refuse them); the socket families above still apply.',
    );
  }
  if (remoteHooks.length === 0 && isLoopback(model.relay.listen.host)) {
    const hooks = model.relay.webhooks.length > 0 ? ` and its webhooks on this host (${model.relay.webhooks.map((hook) => hook.name).join(', ')})` : '';
    network.comments.push(
      sendmail
        ? `The relay listens on ${model.relay.listen.text} and talks to nothing else over IP${hooks}.`
        : `The relay listens on ${model.relay.listen.text} and talks to nothing but Postfix on ${HANDOFF_SMTP_ADDRESS}${hooks} over IP.`,
    );
    network.directives.push(d('IPAddressDeny', 'any', ['relay', 'listen']), d('IPAddressAllow', 'localhost', ['relay', 'listen']));
  } else if (!isLoopback(model.relay.listen.host)) {
    network.comments.push(`The relay listens on ${model.relay.listen.text}: callers come through the entry layer, so IP is not fenced here.`);
  }
  groups.push(network);
  return groups;
}

function directiveValue(value: string | boolean): string {
  return typeof value === 'boolean' ? (value ? 'yes' : 'no') : value;
}

/** relay.hardening replaces a directive (every line of it) in place, or adds one; lint warns when it weakens. */
export function applyHardening(groups: Group[], overrides: Record<string, string | boolean>): Group[] {
  const added: Directive[] = [];
  for (const key of Object.keys(overrides).sort()) {
    const directive = d(key, directiveValue(overrides[key]), ['relay', 'hardening', key]);
    const group = groups.find((g) => g.directives.some((x) => x.key === key));
    if (!group) {
      added.push(directive);
      continue;
    }
    const first = group.directives.findIndex((x) => x.key === key);
    group.directives = group.directives.flatMap((x, i) => (x.key !== key ? [x] : i === first ? [directive] : []));
    group.comments = [...group.comments, `${key} as set in relay.config.yaml relay.hardening.`];
  }
  if (added.length > 0) groups.push({ comments: ['Added by relay.config.yaml relay.hardening.'], directives: added });
  return groups;
}

/** The whole unit as directives in file order: what build writes. */
export function unitDirectives(model: RelayModel): { unit: UnitDirective[]; service: Array<{ comments: string[]; directives: UnitDirective[] }>; install: UnitDirective[] } {
  const name: KeyPath = ['name'];
  return {
    unit: [
      { section: 'Unit', key: 'Description', value: `${model.name}: HTTP mail relay in front of Postfix ${model.relay.handoff === 'smtp' ? 'smtpd' : 'sendmail'} (relayconf)`, from: name },
      { section: 'Unit', key: 'After', value: { words: ['network.target', 'postfix.service', 'opendkim.service'] }, from: [] },
    ],
    service: applyHardening(serviceGroups(model), model.relay.hardening).map((g) => ({ comments: g.comments, directives: g.directives.map((x) => ({ section: 'Service' as const, ...x })) })),
    install: [{ section: 'Install', key: 'WantedBy', value: { words: ['multi-user.target'] }, from: [] }],
  };
}

export function systemdUnit(model: RelayModel): OutputFile {
  const paths = relayPaths(model);
  const output = paths.unit.slice(1);
  const encode = (x: UnitDirective) => encodeDirective(x, output);
  const comment = (line: string) => {
    refuseControl({ output, key: 'comment', from: ['name'] }, line);
    return line;
  };
  const unit = unitDirectives(model);
  return {
    path: output,
    mode: 0o644,
    content: render('systemd/service', SERVICE_UNIT, {
      name: comment(model.name),
      unit: unit.unit.map(encode),
      service: unit.service.map((g) => ({ comments: g.comments.map(comment), lines: g.directives.map(encode) })),
      install: unit.install.map(encode),
    }),
  };
}

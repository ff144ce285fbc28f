// systemd output: the relay's service unit, with its own user, the token as a credential, and
// hardening past seed 01 step 8 (exposure <= 3.0 under `systemd-analyze security`).
import type { RelayModel } from '../config/model.js';
import type { OutputFile } from './types.js';
import { render } from './render.js';
import { SERVICE_UNIT } from './templates/systemd.js';

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

/** Postfix's maildrop (postdrop writes the queue file) and public (postdrop wakes pickup there). */
export const POSTFIX_SUBMIT_PATHS = ['/var/spool/postfix/maildrop', '/var/spool/postfix/public'];

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\./.test(host);
}

type Directive = [string, string];
interface Group {
  comments: string[];
  directives: Directive[];
}

/** The [Service] section as groups of directives, before the config's hardening overrides. */
export function serviceGroups(model: RelayModel): Group[] {
  const paths = relayPaths(model);
  const user = model.relay.user;
  const stopSeconds = Math.ceil(model.relay.sendmail.timeoutMs / 1000) + 15;
  const groups: Group[] = [
    {
      comments: ['Its own user (seed 01 step 8). postdrop as a supplementary group: Postfix sendmail hands mail', 'to the setgid postdrop, and NoNewPrivileges blocks setgid, so the user needs the group itself.'],
      directives: [
        ['Type', 'exec'],
        ['User', user],
        ['Group', user],
        ['SupplementaryGroups', 'postdrop'],
        ['WorkingDirectory', paths.optDir],
        ['EnvironmentFile', paths.envFile],
        ['LoadCredential', `${paths.credentialName}:${paths.credentialPath}`],
        ['ExecStart', `/usr/bin/node ${paths.serverJs}`],
        ['Restart', 'always'],
        ['RestartSec', '2s'],
        // The relay exits 78 (EX_CONFIG) when it refuses to start (short token, bad setting): restarting
        // every 2 s would only fill the journal; fix the config and restart it by hand.
        ['RestartPreventExitStatus', '78'],
      ],
    },
    {
      comments: ['SIGTERM lets the worker finish the job in hand: the sendmail timeout plus a margin.'],
      directives: [
        ['KillSignal', 'SIGTERM'],
        ['TimeoutStopSec', `${stopSeconds}s`],
      ],
    },
    {
      comments: [
        'Read-only system except the queue and the two Postfix directories sendmail needs: postdrop',
        'writes the message into maildrop and wakes the pickup service through public/pickup.',
      ],
      directives: [
        ['ProtectSystem', 'strict'],
        ['ReadWritePaths', [paths.queueRoot, ...POSTFIX_SUBMIT_PATHS].join(' ')],
        ['ProtectHome', 'yes'],
        ['PrivateTmp', 'yes'],
        ['PrivateDevices', 'yes'],
        ['PrivateMounts', 'yes'],
        ['PrivateIPC', 'yes'],
        ['UMask', '0027'],
      ],
    },
    {
      comments: ['No privileges to gain or keep.'],
      directives: [
        ['NoNewPrivileges', 'yes'],
        ['CapabilityBoundingSet', ''],
        ['AmbientCapabilities', ''],
        ['RestrictSUIDSGID', 'yes'],
        ['RemoveIPC', 'yes'],
        ['KeyringMode', 'private'],
      ],
    },
    {
      comments: ['Kernel, clock, hostname, cgroups and other processes are out of reach.'],
      directives: [
        ['ProtectKernelTunables', 'yes'],
        ['ProtectKernelModules', 'yes'],
        ['ProtectKernelLogs', 'yes'],
        ['ProtectControlGroups', 'yes'],
        ['ProtectClock', 'yes'],
        ['ProtectHostname', 'yes'],
        ['ProtectProc', 'invisible'],
        ['ProcSubset', 'pid'],
        ['DevicePolicy', 'closed'],
        ['LockPersonality', 'yes'],
        ['RestrictRealtime', 'yes'],
        ['RestrictNamespaces', 'yes'],
      ],
    },
    {
      comments: [
        'System calls of an ordinary service. @resources stays allowed: postdrop lowers its file size',
        'limit with setrlimit() and exits if that fails. MemoryDenyWriteExecute stays off: V8 compiles JIT code.',
      ],
      directives: [
        ['SystemCallArchitectures', 'native'],
        ['SystemCallFilter', '@system-service'],
        ['SystemCallFilter', '~@privileged'],
        ['SystemCallErrorNumber', 'EPERM'],
      ],
    },
  ];
  const network: Group = {
    comments: [
      'Sockets: local (sendmail, syslog), TCP for the listener, and netlink because Postfix sendmail reads',
      'the interface list (getifaddrs) before it queues: without it, sendmail exits 75 and no mail leaves',
      '(found by the VM test under systemd). No raw or packet sockets.',
    ],
    directives: [['RestrictAddressFamilies', 'AF_UNIX AF_INET AF_INET6 AF_NETLINK']],
  };
  if (isLoopback(model.relay.listen.host)) {
    network.comments.push(`The relay listens on ${model.relay.listen.text} and talks to nothing else over IP.`);
    network.directives.push(['IPAddressDeny', 'any'], ['IPAddressAllow', 'localhost']);
  } else {
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
    const value = directiveValue(overrides[key]);
    const group = groups.find((g) => g.directives.some(([k]) => k === key));
    if (!group) {
      added.push([key, value]);
      continue;
    }
    const first = group.directives.findIndex(([k]) => k === key);
    group.directives = group.directives.flatMap((d, i) => (d[0] !== key ? [d] : i === first ? [[key, value] as Directive] : []));
    group.comments = [...group.comments, `${key} as set in relay.config.yaml relay.hardening.`];
  }
  if (added.length > 0) groups.push({ comments: ['Added by relay.config.yaml relay.hardening.'], directives: added });
  return groups;
}

export function systemdUnit(model: RelayModel): OutputFile {
  const paths = relayPaths(model);
  const groups = applyHardening(serviceGroups(model), model.relay.hardening);
  const service = groups.map((g) => ({ comments: g.comments, lines: g.directives.map(([k, v]) => `${k}=${v}`) }));
  return {
    path: paths.unit.slice(1),
    mode: 0o644,
    content: render('systemd/service', SERVICE_UNIT, {
      name: model.name,
      unit: [`Description=${model.name}: HTTP mail relay in front of Postfix sendmail (relayconf)`, 'After=network.target postfix.service opendkim.service'],
      service,
      install: ['WantedBy=multi-user.target'],
    }),
  };
}

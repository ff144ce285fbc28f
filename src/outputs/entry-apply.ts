// The APPLY.md step of the entry gateway: nginx with certbot, or cloudflared with an Access policy.
// Built as argument vectors for the one shell quoter, like every other step.
import type { RelayModel } from '../config/model.js';
import { clientCaPath } from '../config/entry.js';
import { tunnelTarget } from '../dns/entry-records.js';
import type { ApplyStep } from './apply-notes.js';

type EntryStep = Omit<ApplyStep, 'name'>;
import { CLOUDFLARED_CONFIG, tunnelCredentialsFile } from './cloudflared.js';
import { comment, op, variable, word, type ShellCommand } from './encode/shell.js';
import { ACME_WEBROOT, nginxSitePath } from './nginx-site.js';

function nginxStep(model: RelayModel, sitePath: string, dnsStep: number): EntryStep {
  const entry = model.relay.entry;
  const hostname = entry.hostname!.toLowerCase();
  const site = `/${sitePath}`;
  const enabled = `/etc/nginx/sites-enabled/${model.name}.conf`;
  const mtls = entry.gateway === 'mtls';
  const commands: ShellCommand[] = [
    ['apt-get', 'install', '-y', 'nginx', 'certbot'],
    ...(mtls ? [['test', '-s', clientCaPath(model)] as ShellCommand] : []),
    // Debian's default site answers on port 80 from this webroot until ours is enabled, and ours keeps
    // serving the challenge path from it, so renewals work the same way.
    ['certbot', 'certonly', '--webroot', '-w', ACME_WEBROOT, '-d', hostname, '--keep-until-expiring', '--deploy-hook', 'systemctl reload nginx'],
    ['ln', '-sfn', site, enabled],
    ['nginx', '-t'],
    ['systemctl', 'enable', 'nginx.service'],
    ['systemctl', 'reload-or-restart', 'nginx.service'],
    [comment(`from an allowed caller: curl -fsS https://${hostname}/health answers ok`)],
  ];
  return {
    title: 'Open the HTTPS entry (nginx)',
    where: `On the server as root, once the entry name's A record (step ${dnsStep}) resolves: certbot proves the name over HTTP (RFC 8555 section 8.3).`,
    notes: [
      `nginx terminates TLS for \`${hostname}\` with the certificate certbot keeps in \`/etc/letsencrypt/live/${hostname}/\`, lets through`,
      mtls
        ? `only clients with a certificate from the CA in \`${clientCaPath(model)}\` (put that PEM file there first)${entry.allowFrom.length ? ' from the networks in relay.entry.allowFrom' : ''},`
        : 'only the networks in relay.entry.allowFrom (403 for everyone else),',
      `and passes only the relay's routes on; the relay keeps checking its bearer token. certbot asks for a contact address`,
      'and the terms of service the first time; its timer renews the certificate and the deploy hook reloads nginx.',
    ],
    commands,
  };
}

function cloudflareStep(model: RelayModel, tunnelId: string, dnsStep: number): EntryStep {
  const hostname = model.relay.entry.hostname!.toLowerCase();
  const credentials = tunnelCredentialsFile(tunnelId);
  return {
    title: 'Open the entry through Cloudflare Tunnel',
    where: 'On the server as root, with cloudflared installed from Cloudflare\'s package repository (pkg.cloudflare.com).',
    notes: [
      `The tunnel ${tunnelId} comes from \`cloudflared tunnel create\` (after \`cloudflared tunnel login\`); its credentials file`,
      `is a secret: bring it as \`$TUNNEL_CREDENTIALS\` and it is installed root-only as \`${credentials}\`. The entry name needs the`,
      `proxied CNAME \`${hostname}\` -> \`${tunnelTarget(tunnelId)}\` (in the zone fragment, step ${dnsStep}; \`cloudflared tunnel route dns\` makes it too).`,
      `Before callers use it, create the Access policy in Cloudflare Zero Trust: Access, Applications, a self-hosted application`,
      `for \`${hostname}\` with one policy whose action is Service Auth, including only the service tokens of the calling servers.`,
      'No Bypass and no Allow-everyone policy. Each caller sends its CF-Access-Client-Id and CF-Access-Client-Secret headers and',
      'still the relay\'s `Authorization: Bearer` token: a tunnel is not authentication, and the relay\'s token check stays.',
    ],
    commands: [
      ['install', '-d', '-o', 'root', '-g', 'root', '-m', '0755', '/etc/cloudflared'],
      ['install', '-o', 'root', '-g', 'root', '-m', '0600', word(variable('TUNNEL_CREDENTIALS', 'set TUNNEL_CREDENTIALS to the tunnel credentials file')), credentials],
      ['cloudflared', '--config', `/${CLOUDFLARED_CONFIG}`, 'tunnel', 'ingress', 'validate'],
      ['test', '-e', '/etc/systemd/system/cloudflared.service', op('||'), 'cloudflared', '--config', `/${CLOUDFLARED_CONFIG}`, 'service', 'install'],
      ['systemctl', 'restart', 'cloudflared.service'],
    ],
  };
}

/** The variables the entry step (number `entryStep`) reads, for APPLY.md's list. */
export function entryVariables(model: RelayModel, entryStep: number): string[] {
  const { gateway, hostname, tunnelId } = model.relay.entry;
  if (gateway !== 'cloudflare-access' || hostname === null || tunnelId === null) return [];
  return [`\`$TUNNEL_CREDENTIALS\`: the tunnel's credentials file (\`${tunnelId}.json\`, written by \`cloudflared tunnel create\`), on the server for step ${entryStep} only.`];
}

/** The entry step, when the gateway is one relayconf writes the config of (null otherwise); `dnsStep` is the number of the step that publishes its record. */
export function entryApplyStep(model: RelayModel, dnsStep: number): EntryStep | null {
  const sitePath = nginxSitePath(model);
  if (sitePath !== null) return nginxStep(model, sitePath, dnsStep);
  const { gateway, hostname, tunnelId } = model.relay.entry;
  if (gateway === 'cloudflare-access' && hostname !== null && tunnelId !== null) return cloudflareStep(model, tunnelId, dnsStep);
  return null;
}

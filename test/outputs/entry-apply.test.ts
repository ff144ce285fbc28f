// Tests the entry gateway's APPLY.md step: nginx with certbot, or cloudflared with the Access policy.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { applyMd } from '../../src/outputs/apply-notes.js';
import { modelFrom } from './model.js';

const TUNNEL = '6ff42ae2-765d-4adf-8112-31c55c1551ef';
const NGINX = 'relay:\n  entry: { hostname: mail-relay.acme-mail.net, gateway: nginx-allowlist, allowFrom: [198.51.100.0/24] }\n';
const CLOUDFLARE = `relay:\n  entry: { hostname: mail-relay.acme-mail.net, gateway: cloudflare-access, tunnelId: ${TUNNEL} }\n`;

function steps(fragment: string) {
  const text = applyMd(modelFrom(fragment)).content;
  return { text, blocks: [...text.matchAll(/^```sh step=([a-z-]+)\n([\s\S]*?)^```$/gm)].map((m) => ({ name: m[1], code: m[2] })) };
}

describe('the entry step of APPLY.md', () => {
  it('nginx: installs, gets the certificate by webroot, enables the site, tests and reloads, after DNS', () => {
    const { blocks, text } = steps(NGINX);
    // Last, once the local chain works; after the DNS step that publishes the entry name's record.
    const names = blocks.map((b) => b.name);
    expect(names.slice(-2)).toEqual(['verify', 'entry']);
    expect(names.indexOf('dns')).toBeLessThan(names.indexOf('entry'));
    expect(text).toContain(`once the entry name's A record (step ${names.indexOf('dns') + 1}) resolves`);
    expect(blocks.at(-1)!.code.split('\n').filter(Boolean)).toEqual([
      'apt-get install -y nginx certbot',
      "certbot certonly --webroot -w /var/www/html -d mail-relay.acme-mail.net --keep-until-expiring --deploy-hook 'systemctl reload nginx'",
      'ln -sfn /etc/nginx/sites-available/acme-relay.conf /etc/nginx/sites-enabled/acme-relay.conf',
      'nginx -t',
      'systemctl enable nginx.service',
      'systemctl reload-or-restart nginx.service',
      '# from an allowed caller: curl -fsS https://mail-relay.acme-mail.net/health answers ok',
    ]);
    expect(text).toContain('only the networks in relay.entry.allowFrom (403 for everyone else)');
    execFileSync('sh', ['-n'], { input: blocks.at(-1)!.code });
  });

  it('mtls: checks the client CA is in place before anything else', () => {
    const { blocks, text } = steps('relay:\n  entry: { hostname: mail-relay.acme-mail.net, gateway: mtls }\n');
    expect(blocks.at(-1)!.code.split('\n')[1]).toBe('test -s /etc/nginx/acme-relay-client-ca.pem');
    expect(text).toContain('only clients with a certificate from the CA in `/etc/nginx/acme-relay-client-ca.pem`');
  });

  it('cloudflare-access: installs the tunnel credentials root-only, validates the ingress and explains the Access policy', () => {
    const { blocks, text } = steps(CLOUDFLARE);
    expect(blocks.at(-1)!.name).toBe('entry');
    expect(blocks.at(-1)!.code.split('\n').filter(Boolean)).toEqual([
      'install -d -o root -g root -m 0755 /etc/cloudflared',
      `install -o root -g root -m 0600 "\${TUNNEL_CREDENTIALS:?set TUNNEL_CREDENTIALS to the tunnel credentials file}" /etc/cloudflared/${TUNNEL}.json`,
      'cloudflared --config /etc/cloudflared/config.yml tunnel ingress validate',
      'test -e /etc/systemd/system/cloudflared.service || cloudflared --config /etc/cloudflared/config.yml service install',
      'systemctl restart cloudflared.service',
    ]);
    expect(text).toContain(`proxied CNAME \`mail-relay.acme-mail.net\` -> \`${TUNNEL}.cfargotunnel.com\``);
    expect(text).toContain('one policy whose action is Service Auth');
    expect(text).toContain("the relay's token check stays");
    expect(text).toContain(`- \`$TUNNEL_CREDENTIALS\`: the tunnel's credentials file (\`${TUNNEL}.json\`, written by \`cloudflared tunnel create\`), on the server for step 9 only.\n`);
    execFileSync('sh', ['-n'], { input: blocks.at(-1)!.code });
  });

  it('is absent without a gateway relayconf configures', () => {
    for (const fragment of ['', 'relay:\n  entry: { hostname: mail-relay.acme-mail.net, gateway: vpn }\n', 'relay:\n  entry: { hostname: mail-relay.acme-mail.net, gateway: cloudflare-access }\n']) {
      expect(steps(fragment).blocks.map((b) => b.name)).not.toContain('entry');
    }
  });
});

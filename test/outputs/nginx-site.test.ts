// Tests the nginx site of the nginx-allowlist and mtls gateways: what is written, from which config keys.
import { describe, expect, it } from 'vitest';
import { nginxSiteFiles, nginxSitePath, perAddressRate, proxyTarget } from '../../src/outputs/nginx-site.js';
import { modelFrom } from './model.js';

const ENTRY = 'relay:\n  entry:\n    hostname: Mail-Relay.acme-mail.net\n    gateway: nginx-allowlist\n    allowFrom: [198.51.100.7/24, "[2001:db8:5::1]/48", 203.0.113.9]\n';
const site = (fragment: string) => {
  const files = nginxSiteFiles(modelFrom(fragment));
  expect(files).toHaveLength(1);
  return files[0];
};
/** The directives of the 443 server's top level, as written (`name args`). */
const tlsServer = (text: string) => text.slice(text.indexOf('    listen 443 ssl;'));

describe('the nginx entry site', () => {
  it('is written only for nginx-allowlist and mtls with an entry name', () => {
    expect(nginxSitePath(modelFrom(ENTRY))).toBe('etc/nginx/sites-available/acme-relay.conf');
    expect(nginxSiteFiles(modelFrom(''))).toEqual([]);
    expect(nginxSiteFiles(modelFrom('relay:\n  entry: { gateway: nginx-allowlist, allowFrom: [198.51.100.7] }\n'))).toEqual([]);
    for (const gateway of ['vpn', 'none', 'cloudflare-access']) expect(nginxSiteFiles(modelFrom(`relay:\n  entry: { hostname: mail-relay.acme-mail.net, gateway: ${gateway} }\n`))).toEqual([]);
  });

  it('serves the entry name over TLS 1.2/1.3 with certbot\'s certificate paths', () => {
    const file = site(ENTRY);
    expect(file.mode).toBe(0o644);
    const text = tlsServer(file.content);
    expect(text).toContain('    server_name mail-relay.acme-mail.net;\n');
    expect(text).toContain('    ssl_certificate /etc/letsencrypt/live/mail-relay.acme-mail.net/fullchain.pem;\n    ssl_certificate_key /etc/letsencrypt/live/mail-relay.acme-mail.net/privkey.pem;\n');
    expect(text).toContain('    ssl_protocols TLSv1.2 TLSv1.3;\n');
    expect(text).not.toMatch(/TLSv1 |TLSv1\.1|SSLv3|RC4|CBC|:DHE-/);
    // Port 80 only answers ACME challenges; no API in clear text, no redirect of a token-carrying POST.
    const plain = file.content.slice(file.content.indexOf('    listen 80;'), file.content.indexOf('    listen 443 ssl;'));
    expect(plain).toContain('location ^~ /.well-known/acme-challenge/ {\n        root /var/www/html;\n    }');
    expect(plain).not.toContain('proxy_pass');
    expect(plain).not.toMatch(/return 30[1278]/);
  });

  it('allows exactly the parsed allowFrom networks, then denies all', () => {
    const text = tlsServer(site(ENTRY).content);
    expect(text).toContain('    allow 198.51.100.0/24;\n    allow 2001:db8:5::/48;\n    allow 203.0.113.9/32;\n    deny all;\n');
    expect(text.match(/^\s*allow (?!all)/gm)).toHaveLength(3);
  });

  it('proxies only the relay routes, with the method each takes, and answers 404 with a JSON body for the rest', () => {
    const text = tlsServer(site(ENTRY).content);
    expect([...text.matchAll(/location = (\S+) \{/g)].map((m) => m[1])).toEqual(['/health', '/send', '/suppressions']);
    // One path segment after the prefix, anchored: /messages/<id> and /suppressions/<address>, nothing deeper.
    expect([...text.matchAll(/location ~ (\S+) \{/g)].map((m) => m[1])).toEqual(['^/messages/[^/]+$', '^/suppressions/[^/]+$']);
    expect(text).toContain('    location ~ ^/suppressions/[^/]+$ {\n        if ($request_method !~ ^DELETE$) {\n            return 405;\n        }\n');
    expect(text).toContain('    location = /send {\n        if ($request_method !~ ^POST$) {\n            return 405;\n        }\n        limit_req zone=acme-relay_entry burst=60 nodelay;\n        proxy_pass http://127.0.0.1:2525;\n    }\n');
    expect(text).toContain('if ($request_method !~ ^(GET|HEAD)$)');
    expect(text.match(/proxy_pass/g)).toHaveLength(5);
    // /metrics (answered by the relay to loopback peers only) falls to `location /`: 404, never proxied.
    expect(text).not.toContain('metrics');
    expect(text).toMatch(/ {4}location \/ \{\n {8}default_type application\/json;\n {8}return 404 "\{\\"ok\\":false,\\"error\\":\{\\"code\\":\\"not_found\\"/);
  });

  it('takes the body limit from the relay, limits each client address, and sets X-Real-IP itself', () => {
    const file = site(`${ENTRY}  limits: { bodyBytes: 100000, ratePerMinute: 120 }\n`);
    expect(file.content).toContain('limit_req_zone $binary_remote_addr zone=acme-relay_entry:10m rate=120r/m;\n');
    const text = tlsServer(file.content);
    expect(text).toContain('    client_max_body_size 100000;\n');
    expect(text).toContain('    proxy_set_header X-Real-IP $remote_addr;\n    proxy_set_header X-Forwarded-For $remote_addr;\n');
    for (const timeout of ['client_header_timeout 10s', 'client_body_timeout 10s', 'send_timeout 10s', 'limit_req_status 429']) expect(text).toContain(`    ${timeout};\n`);
    expect(perAddressRate(modelFrom('relay:\n  limits: { ratePerMinute: 0 }\n'))).toBe(60);
  });

  it('mtls: verifies client certificates against the configured CA; the allowlist is optional then', () => {
    const text = tlsServer(site('relay:\n  entry: { hostname: mail-relay.acme-mail.net, gateway: mtls, clientCaFile: /etc/nginx/callers-ca.pem }\n').content);
    expect(text).toContain('    ssl_client_certificate /etc/nginx/callers-ca.pem;\n    ssl_verify_client on;\n');
    expect(text).not.toContain('deny all;');
    const defaulted = tlsServer(site('relay:\n  entry: { hostname: mail-relay.acme-mail.net, gateway: mtls, allowFrom: [10.1.0.0/16] }\n').content);
    expect(defaulted).toContain('    ssl_client_certificate /etc/nginx/acme-relay-client-ca.pem;\n');
    expect(defaulted).toContain('    allow 10.1.0.0/16;\n    deny all;\n');
  });

  it('listens on IPv6 only when the server has it, and reaches a wildcard relay over loopback', () => {
    expect(site(ENTRY).content).not.toContain('[::]');
    const v6 = site(`mta:\n  ipv6: 2a01:4f8:1:2::10\n  ipv6Ptr: mail.acme-mail.net\n${ENTRY}`).content;
    expect(v6).toContain('    listen [::]:443 ssl;\n');
    expect(proxyTarget(modelFrom('relay:\n  listen: 0.0.0.0:2600\n'))).toBe('http://127.0.0.1:2600');
    expect(proxyTarget(modelFrom('relay:\n  listen: "[::]:2600"\n'))).toBe('http://[::1]:2600');
    expect(proxyTarget(modelFrom('relay:\n  listen: "[fd00::5]:2600"\n'))).toBe('http://[fd00::5]:2600');
  });
});

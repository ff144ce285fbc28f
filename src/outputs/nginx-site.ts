// Emits etc/nginx/sites-available/<name>.conf for the nginx-allowlist and mtls gateways: the HTTPS
// entry in front of the relay (TLS, source allowlist or client certificates, body and rate limits,
// only the relay's routes), built as a typed model and written by the one nginx encoder.
import type { RelayModel } from '../config/model.js';
import { clientCaPath } from '../config/entry.js';
import type { KeyPath } from '../findings.js';
import { isTemplated, RELAY_ROUTES, routePattern } from '../relay/routes.js';
import { block, comment, directive, encodeNginx, syntax, type NginxNode } from './encode/nginx.js';
import type { OutputFile } from './types.js';

const ENTRY: KeyPath = ['relay', 'entry'];
const HOSTNAME: KeyPath = ['relay', 'entry', 'hostname'];

/** Where certbot keeps the current certificate of a name (certbot(1), "Where are my certificates?"). */
export function certbotPaths(hostname: string) {
  return { fullchain: `/etc/letsencrypt/live/${hostname}/fullchain.pem`, privkey: `/etc/letsencrypt/live/${hostname}/privkey.pem` };
}

/** The webroot Debian's default nginx site serves on port 80; certbot --webroot answers its challenges there. */
export const ACME_WEBROOT = '/var/www/html';

/** The site's path in the tree, or null when the gateway is no nginx one or the entry has no name. */
export function nginxSitePath(model: RelayModel): string | null {
  const { gateway, hostname } = model.relay.entry;
  if ((gateway !== 'nginx-allowlist' && gateway !== 'mtls') || hostname === null) return null;
  return `etc/nginx/sites-available/${model.name}.conf`;
}

/** Where nginx sends requests: the relay's listen address; a wildcard listener is reached over loopback. */
export function proxyTarget(model: RelayModel): string {
  const { host, port } = model.relay.listen;
  if (host === '0.0.0.0' || host === '*') return `http://127.0.0.1:${port}`;
  if (host === '::') return `http://[::1]:${port}`;
  return host.includes(':') ? `http://[${host}]:${port}` : `http://${host}:${port}`;
}

/**
 * Requests per minute and per client address nginx lets through: the relay's own per-caller budget
 * (at least 60), so one source cannot spend it, or flood the token check, before the relay sees it.
 */
export function perAddressRate(model: RelayModel): number {
  return Math.max(60, model.relay.limits.ratePerMinute);
}

/** A JSON error in the relay's own shape (src/relay/errors.ts), so callers parse one format. */
function jsonError(code: string, message: string): string {
  return JSON.stringify({ ok: false, error: { code, message } });
}

/**
 * Errors nginx itself produces, each answered from a named location with a JSON body. A plain 400 is
 * not among them: for a request line nginx cannot parse there is no URI, and a redirect to a named
 * location then fails with a 500 ("empty URI in redirect to named location"). 495 and 496 (client
 * certificate invalid or missing, sent to the client as 400) come after the request line is read.
 */
const GATEWAY_ERRORS: { codes: number[]; status: number; code: string; message: string }[] = [
  { codes: [495, 496], status: 400, code: 'client_certificate_required', message: 'a valid client certificate from the relay\'s CA is required' },
  { codes: [403], status: 403, code: 'forbidden', message: 'this source address may not use the relay' },
  { codes: [405], status: 405, code: 'method_not_allowed', message: 'this method is not served on this path' },
  { codes: [413], status: 413, code: 'payload_too_large', message: 'the body is larger than the relay accepts' },
  { codes: [429], status: 429, code: 'rate_limited', message: 'too many requests from this address; retry shortly' },
];

function errorLocations(model: RelayModel): NginxNode[] {
  const mtls = model.relay.entry.gateway === 'mtls';
  return GATEWAY_ERRORS.filter(({ codes }) => mtls || !codes.includes(495)).flatMap(({ codes, status, code, message }) => [
    directive('error_page', [...codes, syntax(`@${model.name}_${status}`)]),
    block('location', [syntax(`@${model.name}_${status}`)], [
      // Reached after a deny too: the error itself must not be denied again.
      directive('allow', [syntax('all')]),
      directive('default_type', ['application/json']),
      directive('return', [status, jsonError(code, message)]),
    ]),
  ]);
}

function routeLocations(model: RelayModel): NginxNode[] {
  const zone = `${model.name}_entry`;
  const target = proxyTarget(model);
  return RELAY_ROUTES.map((route) =>
    // Exact paths match exactly; /messages/{id}-style paths by an anchored regex (one path segment).
    block('location', isTemplated(route) ? [syntax('~'), syntax(`^${routePattern(route)}$`)] : [syntax('='), route.path], [
      // The relay answers a wrong method itself, but nginx need not pass one on.
      block('if', [syntax('($request_method'), syntax('!~'), syntax(route.method === 'GET' ? '^(GET|HEAD)$)' : `^${route.method}$)`)], [directive('return', [405])]),
      directive('limit_req', [syntax(`zone=${zone}`), syntax(`burst=${perAddressRate(model)}`), syntax('nodelay')], ['relay', 'limits', 'ratePerMinute']),
      directive('proxy_pass', [target], ['relay', 'listen']),
    ]),
  );
}

export function nginxSiteNodes(model: RelayModel): NginxNode[] {
  const entry = model.relay.entry;
  const hostname = entry.hostname!.toLowerCase();
  const cert = certbotPaths(hostname);
  const limit = model.relay.limits.bodyBytes;
  const zone = `${model.name}_entry`;
  const ipv6 = model.mta.ipv6 !== null;
  const sources: NginxNode[] = entry.allowFrom.map((network, i) => directive('allow', [{ network }], [...ENTRY, 'allowFrom', i]));
  const access: NginxNode[] =
    entry.gateway === 'mtls' && sources.length === 0
      ? [comment('No source allowlist (relay.entry.allowFrom): the client certificate is the gate.')]
      : [comment('Source allowlist (relay.entry.allowFrom); everyone else gets 403.'), ...sources, directive('deny', [syntax('all')], [...ENTRY, 'allowFrom'])];
  const mtls: NginxNode[] =
    entry.gateway === 'mtls'
      ? [
          comment('mTLS: only clients with a certificate from this CA get in (nginx ngx_http_ssl_module, ssl_verify_client).'),
          directive('ssl_client_certificate', [clientCaPath(model)], [...ENTRY, 'clientCaFile']),
          directive('ssl_verify_client', [syntax('on')], [...ENTRY, 'gateway']),
          directive('ssl_verify_depth', [2]),
        ]
      : [];

  return [
    comment(`/etc/nginx/sites-available/${model.name}.conf: the HTTPS entry ${hostname} in front of the ${model.name} relay.`),
    comment('Generated by relayconf from relay.config.yaml; do not edit here: change the config and rebuild.'),
    comment(`Enable: ln -s /etc/nginx/sites-available/${model.name}.conf /etc/nginx/sites-enabled/, then nginx -t and reload (APPLY.md).`),
    comment(''),
    comment('Per client address, before the relay (which counts per bearer token) sees the request.'),
    directive('limit_req_zone', [syntax('$binary_remote_addr'), syntax(`zone=${zone}:10m`), syntax(`rate=${perAddressRate(model)}r/m`)], ['relay', 'limits', 'ratePerMinute']),
    comment(''),
    comment('Port 80 only answers certbot\'s HTTP-01 challenges (RFC 8555 section 8.3); the API is never served in clear text,'),
    comment('and no redirect is offered: a caller that sent its token over http has already leaked it.'),
    block('server', [], [
      directive('listen', [80]),
      ...(ipv6 ? [directive('listen', [syntax('[::]:80')], ['mta', 'ipv6'])] : []),
      directive('server_name', [hostname], HOSTNAME),
      directive('server_tokens', [syntax('off')]),
      block('location', [syntax('^~'), '/.well-known/acme-challenge/'], [directive('root', [ACME_WEBROOT])]),
      block('location', ['/'], [directive('return', [404])]),
    ], HOSTNAME),
    comment(''),
    block('server', [], [
      directive('listen', [443, syntax('ssl')]),
      ...(ipv6 ? [directive('listen', [syntax('[::]:443'), syntax('ssl')], ['mta', 'ipv6'])] : []),
      directive('server_name', [hostname], HOSTNAME),
      directive('server_tokens', [syntax('off')]),
      comment('Certificates in certbot\'s layout (certbot certonly --webroot; APPLY.md).'),
      directive('ssl_certificate', [cert.fullchain], HOSTNAME),
      directive('ssl_certificate_key', [cert.privkey], HOSTNAME),
      comment('TLS 1.2 and 1.3 only (RFC 8996 deprecates 1.0 and 1.1), AEAD ciphers with forward secrecy (RFC 9325 section 4.2).'),
      directive('ssl_protocols', [syntax('TLSv1.2'), syntax('TLSv1.3')]),
      directive('ssl_ciphers', [syntax('ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305')]),
      directive('ssl_prefer_server_ciphers', [syntax('off')]),
      directive('ssl_session_cache', [syntax(`shared:${model.name}_tls:10m`)]),
      directive('ssl_session_timeout', [syntax('1d')]),
      directive('ssl_session_tickets', [syntax('off')]),
      ...mtls,
      ...access,
      comment('The relay\'s body limit (relay.limits.bodyBytes), held in memory: no temporary files, and the relay never sees more.'),
      directive('client_max_body_size', [limit], ['relay', 'limits', 'bodyBytes']),
      directive('client_body_buffer_size', [limit], ['relay', 'limits', 'bodyBytes']),
      comment('Slow clients are dropped instead of holding connections (headers, body, reading the answer).'),
      directive('client_header_timeout', [syntax('10s')]),
      directive('client_body_timeout', [syntax('10s')]),
      directive('send_timeout', [syntax('10s')]),
      directive('keepalive_timeout', [syntax('15s')]),
      directive('large_client_header_buffers', [4, syntax('8k')]),
      directive('limit_req_status', [429]),
      comment('The relay trusts X-Real-IP only from this gateway\'s own address; set here, a client cannot choose it.'),
      directive('proxy_set_header', ['X-Real-IP', syntax('$remote_addr')]),
      directive('proxy_set_header', ['X-Forwarded-For', syntax('$remote_addr')]),
      directive('proxy_set_header', ['X-Forwarded-Proto', 'https']),
      directive('proxy_set_header', ['Host', syntax('$host')]),
      directive('proxy_http_version', ['1.1']),
      directive('proxy_connect_timeout', [syntax('5s')]),
      directive('proxy_send_timeout', [syntax('30s')]),
      directive('proxy_read_timeout', [syntax('60s')]),
      comment('Only the relay\'s routes; anything else is 404 from here.'),
      ...routeLocations(model),
      block('location', ['/'], [directive('default_type', ['application/json']), directive('return', [404, jsonError('not_found', `no such endpoint; the relay serves ${RELAY_ROUTES.map((r) => `${r.method} ${r.path}`).join(', ')}`)])]),
      ...errorLocations(model),
    ], HOSTNAME),
  ];
}

export function nginxSiteFiles(model: RelayModel): OutputFile[] {
  const path = nginxSitePath(model);
  if (path === null) return [];
  return [{ path, mode: 0o644, content: encodeNginx(nginxSiteNodes(model), path) }];
}

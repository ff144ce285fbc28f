// relay-entry-client-ca-private: mTLS checks client certificates against a private CA, not a public trust store.
import { createRule } from './types.js';

/** Where Debian (and certbot) keep public CA sets: certificates from any of those CAs would open the relay. */
const PUBLIC_CA_PLACES = ['/etc/ssl/certs/', '/usr/share/ca-certificates/', '/etc/letsencrypt/', '/etc/pki/', '/usr/lib/ssl/certs/'];

export default createRule({
  id: 'relay-entry-client-ca-private',
  defaultSeverity: 'error',
  docs: {
    summary: 'The mTLS client CA is the relay\'s own, not a public CA set',
    rationale:
      'With gateway mtls nginx lets through any client whose certificate chains to relay.entry.clientCaFile (ngx_http_ssl_module ' +
      'ssl_client_certificate, ssl_verify_client), and no source allowlist stands beside it. Pointing it at the system trust store ' +
      '(/etc/ssl/certs/ca-certificates.crt) or certbot\'s chain admits every holder of a certificate from a public CA: most of the ' +
      'Internet, not the callers the gate is for (the self-hosted HTTP relay build guide, step 9).',
    source: 'nginx ngx_http_ssl_module (ssl_client_certificate, ssl_verify_client); the self-hosted HTTP relay build guide, step 9',
    fix: 'Make a private CA for the relay\'s callers, issue their client certificates from it, and name its certificate in relay.entry.clientCaFile (the default /etc/nginx/<name>-client-ca.pem).',
    examples: {
      invalid: [
        { description: 'The system trust store as the client CA', config: 'relay:\n  entry:\n    hostname: mail-relay.acme-mail.net\n    gateway: mtls\n    clientCaFile: /etc/ssl/certs/ca-certificates.crt\n' },
      ],
      valid: [{ description: 'A private CA file', config: 'relay:\n  entry:\n    hostname: mail-relay.acme-mail.net\n    gateway: mtls\n    clientCaFile: /etc/nginx/relay-callers-ca.pem\n' }],
    },
  },
  messages: {
    publicSet: 'relay.entry.clientCaFile {{file}} is in {{place}}, where public CA sets live: nginx would admit any client with a certificate from those CAs; use a private CA of your own',
  },
  check({ model, report }) {
    const { gateway, clientCaFile } = model.relay.entry;
    if (gateway !== 'mtls' || clientCaFile === null) return;
    const place = PUBLIC_CA_PLACES.find((dir) => clientCaFile.startsWith(dir));
    if (place) report({ messageId: 'publicSet', path: ['relay', 'entry', 'clientCaFile'], data: { file: clientCaFile, place } });
  },
});

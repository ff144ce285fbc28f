// Attack: gateway mtls makes the client certificate the only gate (no allowlist needed, and
// relay-entry-allowlist-broad steps aside), yet relay.entry.clientCaFile may name a public CA set: the
// system trust bundle or certbot's Let's Encrypt chain. nginx's ssl_verify_client then admits any client
// holding a certificate from a public CA, which is most of the Internet, and lint says nothing.
import { describe, expect, it } from 'vitest';
import { lintText, mergeConfig } from '../../helpers/rule-tester.js';
import { nginxSiteFiles } from '../../../src/outputs/nginx-site.js';
import { modelFrom } from '../../outputs/model.js';

const mtls = (clientCaFile: string) =>
  `relay:\n  entry:\n    hostname: mail-relay.acme-mail.net\n    gateway: mtls\n    clientCaFile: ${clientCaFile}\n`;

describe('mtls with a public CA as the client CA, attacked', () => {
  it.each(['/etc/ssl/certs/ca-certificates.crt', '/etc/letsencrypt/live/mail-relay.acme-mail.net/chain.pem'])('%s is flagged (an error or warning at relay.entry.clientCaFile)', (file) => {
    const fragment = mtls(file);
    // What is written today: the public set is the gate, with no source allowlist beside it.
    const site = nginxSiteFiles(modelFrom(fragment))[0].content;
    expect(site).toContain(`    ssl_client_certificate ${file};\n    ssl_verify_client on;\n`);
    expect(site).not.toContain('deny all;');
    const flagged = lintText(mergeConfig(fragment)).findings.filter((f) => f.severity !== 'info' && f.path.join('.') === 'relay.entry.clientCaFile');
    expect(flagged.map((f) => f.ruleId)).not.toEqual([]);
  });
});

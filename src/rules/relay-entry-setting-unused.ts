// relay-entry-setting-unused: relay.entry.allowFrom and clientCaFile are only set where the gateway reads them.
import { createRule } from './types.js';

export default createRule({
  id: 'relay-entry-setting-unused',
  defaultSeverity: 'warning',
  docs: {
    summary: 'relay.entry.allowFrom and relay.entry.clientCaFile are set only with a gateway that enforces them',
    rationale:
      'relayconf writes allowFrom into nginx\'s allow/deny list (ngx_http_access_module) and clientCaFile into ' +
      'ssl_client_certificate (ngx_http_ssl_module); only the nginx-allowlist and mtls gateways have that nginx site. With ' +
      'cloudflare-access, vpn or no gateway, nothing reads them: the config looks restricted while every caller the ' +
      'gateway lets through reaches the relay. The self-hosted HTTP relay build guide: "The gateway decides who can reach the relay."',
    source: 'the self-hosted HTTP relay build guide, step 9 (entry layer); nginx ngx_http_access_module, ngx_http_ssl_module',
    fix: 'Restrict callers where the chosen gateway does it (the Access policy, the VPN\'s access rules), or switch to the nginx gateway the setting belongs to; then remove the setting.',
    examples: {
      invalid: [
        {
          description: 'An allowlist behind Cloudflare Access',
          config: 'relay:\n  entry:\n    hostname: mail-relay.acme-mail.net\n    gateway: cloudflare-access\n    tunnelId: 6ff42ae2-765d-4adf-8112-31c55c1551ef\n    allowFrom: [198.51.100.0/24]\n',
        },
      ],
      valid: [{ description: 'An allowlist nginx enforces', config: 'relay:\n  entry:\n    hostname: mail-relay.acme-mail.net\n    gateway: nginx-allowlist\n    allowFrom: [198.51.100.0/24]\n' }],
    },
  },
  messages: {
    unused: 'relay.entry.{{key}} only configures {{applies}}; with gateway {{gateway}} nothing enforces it: {{instead}}',
  },
  check({ model, report }) {
    const { gateway, allowFrom, clientCaFile } = model.relay.entry;
    const shown = gateway ?? 'none';
    const instead = gateway === 'cloudflare-access' ? 'restrict callers in the Access policy' : gateway === 'vpn' ? "restrict callers in the VPN's access rules" : 'declare the gateway that should enforce it';
    if (allowFrom.length > 0 && gateway !== 'nginx-allowlist' && gateway !== 'mtls') {
      report({ messageId: 'unused', path: ['relay', 'entry', 'allowFrom'], data: { key: 'allowFrom', applies: 'the nginx gateways (nginx-allowlist, mtls)', gateway: shown, instead } });
    }
    if (clientCaFile !== null && gateway !== 'mtls') {
      report({ messageId: 'unused', path: ['relay', 'entry', 'clientCaFile'], data: { key: 'clientCaFile', applies: 'the mtls gateway', gateway: shown, instead: 'set gateway: mtls, or remove it' } });
    }
  },
});

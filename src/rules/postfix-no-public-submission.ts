// postfix-no-public-submission: no submission (587) or smtps (465) service in master.cf for this relay.
import { createRule } from './types.js';
import { isLoopbackHost } from './postfix-util/networks.js';
import { parseBool } from './postfix-util/values.js';

/** The ports and /etc/services names of SMTP submission (RFC 6409) and implicit-TLS submission (RFC 8314). */
const SUBMISSION_PORTS: Record<string, string> = {
  submission: 'submission (587)',
  '587': 'submission (587)',
  smtps: 'smtps (465)',
  submissions: 'smtps (465)',
  '465': 'smtps (465)',
};

export default createRule({
  id: 'postfix-no-public-submission',
  defaultSeverity: 'error',
  docs: {
    summary: 'No submission or smtps service in master.cf: callers use the HTTP relay, not SMTP AUTH',
    rationale:
      'The self-hosted HTTP relay build guide, step 3: "Do not enable public submission or smtps in /etc/postfix/master.cf for this relay", and deliberately ' +
      'not 0.0.0.0:465 or 0.0.0.0:587. Applications reach this relay through HTTP /send with a token and a From allowlist; an ' +
      'SMTP submission port (the Postfix SMTP relay guide\'s recipe with smtpd_sasl_auth_enable) is a second way in that skips the allowlist and ' +
      'invites password guessing. smtpd_tls_wrappermode=yes or smtpd_sasl_auth_enable=yes on any inet service makes it an ' +
      'smtps or submission service whatever its port is called.',
    source: 'the self-hosted HTTP relay build guide, step 3',
    fix: 'Remove the submission/smtps line from postfix.services; let applications call the relay\'s /send instead.',
    examples: {
      invalid: [
        {
          description: 'The Postfix SMTP relay guide\'s submission service added as a raw master.cf line',
          config:
            'postfix:\n  services:\n    - "submission inet n - y - - smtpd -o smtpd_tls_security_level=encrypt -o smtpd_sasl_auth_enable=yes"\n',
        },
      ],
      valid: [
        { description: 'No extra services', config: 'postfix:\n  services: []\n' },
        {
          description: 'A loopback-only reinjection service (the content filter of the notes The Postfix Mail Server (2019)), not a submission port',
          config: 'postfix:\n  services:\n    - "127.0.0.1:10025 inet n - n - - smtpd -o content_filter="\n',
        },
      ],
    },
  },
  messages: {
    submissionPort: 'master.cf service {{name}} is a public {{kind}} service: this relay takes mail only from local programs',
    submissionLike: 'master.cf service {{name}} sets {{option}}: that makes it a public {{kind}} service, which this relay must not run',
  },
  check({ model, views, report }) {
    for (const service of views.services) {
      if (service.type !== 'inet') continue;
      // A service bound to loopback explicitly is not public (such as a 127.0.0.1:10025 content-filter reinjection service).
      if (service.host !== null && isLoopbackHost(service.host)) continue;
      const kind = SUBMISSION_PORTS[(service.port ?? '').toLowerCase()];
      if (kind) {
        report({ messageId: 'submissionPort', path: service.path, data: { name: service.name, kind } });
        continue;
      }
      const wrapper = service.options.get('smtpd_tls_wrappermode');
      const sasl = service.options.get('smtpd_sasl_auth_enable');
      if (wrapper !== undefined && parseBool(wrapper)) {
        report({ messageId: 'submissionLike', path: service.path, data: { name: service.name, option: 'smtpd_tls_wrappermode=yes', kind: 'smtps' } });
      } else if (sasl !== undefined && parseBool(sasl)) {
        report({ messageId: 'submissionLike', path: service.path, data: { name: service.name, option: 'smtpd_sasl_auth_enable=yes', kind: 'submission' } });
      }
    }
  },
});

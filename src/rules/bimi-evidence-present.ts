// bimi-evidence-present: a BIMI record names its VMC or CMC evidence document (a=), without which Gmail shows no logo.
import { createRule } from './types.js';

export default createRule({
  id: 'bimi-evidence-present',
  defaultSeverity: 'info',
  docs: {
    summary: 'A BIMI record has an authority (a=) certificate: Gmail shows the logo only with a VMC or CMC',
    rationale:
      'The self-hosted HTTP relay build guide, step 14: "Gmail also requires a VMC or CMC certificate for reliable brand-logo display. Without that ' +
      'certificate, you can prepare the SVG, but do not treat the avatar as finished." A BIMI record without a= may show ' +
      'the logo at some receivers but not at Gmail. Whether an a= that is present is an https PEM URL, and whether DMARC ' +
      'is enforced, is bimi-needs-enforced-dmarc\'s finding.',
    source: 'the self-hosted HTTP relay build guide, step 14',
    fix: 'Obtain a VMC or CMC for the logo and set bimi.authority to its https://.../vmc.pem URL.',
    examples: {
      invalid: [{ description: 'No VMC/CMC evidence', config: 'domain0:\n  bimi: { logo: "https://acme-mail.net/bimi/logo.svg" }\n' }],
      valid: [{ description: 'A logo with its certificate', config: 'domain0:\n  bimi: { logo: "https://acme-mail.net/bimi/logo.svg", authority: "https://acme-mail.net/bimi/vmc.pem" }\n' }],
    },
  },
  messages: {
    noAuthority: 'BIMI for {{domain}} has no authority (a=) certificate: Gmail shows the logo only with a VMC or CMC; the avatar is not finished',
  },
  check({ model, report }) {
    model.domains.forEach((domain, i) => {
      if (domain.bimi && domain.bimi.authority === null) {
        report({ messageId: 'noAuthority', path: ['domains', i, 'bimi'], anchor: 'key', data: { domain: domain.name } });
      }
    });
  },
});

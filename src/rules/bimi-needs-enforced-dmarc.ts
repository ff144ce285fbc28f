// bimi-needs-enforced-dmarc: BIMI only under an enforced DMARC policy, with an https SVG logo.
import { createRule } from './types.js';
import { appliedDmarc } from './util/dmarc.js';

function httpsUrl(text: string): URL | null {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

export default createRule({
  id: 'bimi-needs-enforced-dmarc',
  defaultSeverity: 'error',
  docs: {
    summary: 'BIMI only with DMARC p=quarantine or reject, not in testing (t=y); the logo is an https SVG, the evidence an https PEM',
    rationale:
      'The self-hosted HTTP relay build guide (BIMI): "The domain needs DMARC at p=quarantine or p=reject. Gmail also requires a VMC or CMC certificate for reliable brand-logo display. Without that certificate, you can prepare the SVG, but do not treat the avatar as finished." BIMI receivers ignore the record unless the DMARC policy that applies to the domain is enforced (no t=y, which has receivers apply one level lower, RFC 9989 section 4.7; and no sp=none), and they fetch the logo (l=) only over https as an SVG Tiny PS file and the evidence document (a=) only over https as a PEM certificate. A record without a= is bimi-evidence-present\'s finding (info). Missing DMARC altogether is dmarc-present\'s finding; p=none, t=y and sp=none are also reported, as warnings, by dmarc-policy-enforced, while here they are errors because the BIMI record is then certainly ignored.',
    source: 'the self-hosted HTTP relay build guide (BIMI); RFC 9989 section 4.7',
    fix: 'Raise DMARC to quarantine or reject, out of testing mode, before publishing BIMI; serve the logo as https://.../logo.svg and the VMC/CMC as https://.../vmc.pem (bimi.authority).',
    examples: {
      invalid: [
        { description: 'A PNG logo over http', config: 'domain0:\n  bimi: { logo: "http://acme-mail.net/bimi/logo.png", authority: "https://acme-mail.net/bimi/vmc.pem" }\n' },
      ],
      valid: [{ description: 'Enforced DMARC, https SVG and certificate', config: 'domain0:\n  bimi: { logo: "https://acme-mail.net/bimi/logo.svg", authority: "https://acme-mail.net/bimi/vmc.pem" }\n' }],
    },
  },
  messages: {
    notEnforced: 'BIMI for {{domain}} needs DMARC p=quarantine or reject, but the policy that applies is p={{policy}}: receivers will ignore the BIMI record',
    testing: 'BIMI for {{domain}} needs an enforced DMARC policy, but the record that applies is in testing mode (t=y, applied one level lower): receivers will ignore the BIMI record',
    subdomainNone: 'BIMI for {{domain}} needs a DMARC record without sp=none: receivers will ignore the BIMI record',
    logo: 'the BIMI logo "{{logo}}" must be an https URL of an SVG (SVG Tiny PS) file',
    authority: 'the BIMI evidence document "{{authority}}" must be an https URL of a PEM certificate (VMC or CMC)',
  },
  check({ model, views, report }) {
    model.domains.forEach((domain, i) => {
      const bimi = domain.bimi;
      if (!bimi) return;
      const base = ['domains', i, 'bimi'];
      const applied = appliedDmarc(model, domain.name, views.dmarcOwners);
      if (applied) {
        const data = { domain: domain.name, policy: applied.policy };
        if (applied.policy === 'none') report({ messageId: 'notEnforced', path: base, anchor: 'key', data });
        else if (applied.dmarc.testing) report({ messageId: 'testing', path: base, anchor: 'key', data });
        else if (!applied.inherited && applied.dmarc.subdomainPolicy === 'none') report({ messageId: 'subdomainNone', path: base, anchor: 'key', data });
      }
      const logo = httpsUrl(bimi.logo);
      if (!logo || !/\.svg$/i.test(logo.pathname)) report({ messageId: 'logo', path: [...base, 'logo'], data: { logo: bimi.logo } });
      // No authority at all is bimi-evidence-present's finding; a malformed one is this rule's.
      if (bimi.authority !== null) {
        const authority = httpsUrl(bimi.authority);
        if (!authority || !/\.pem$/i.test(authority.pathname)) report({ messageId: 'authority', path: [...base, 'authority'], data: { authority: bimi.authority } });
      }
    });
  },
});

// Rules of rules.md "Identity and DNS", in the order of that table, then the additions from the
// RFCs it cites (each addition's docs say why it exists).
import type { Rule } from './types.js';
import mtaHostnameFqdn from './mta-hostname-fqdn.js';
import mtaHeloMatchesPtr from './mta-helo-matches-ptr.js';
import entryHostNotMtaHost from './entry-host-not-mta-host.js';
import entryCnameAlone from './entry-cname-alone.js';
import ipPublicUnicast from './ip-public-unicast.js';
import ipDocumentationRange from './ip-documentation-range.js';
import reservedName from './reserved-name.js';
import ipv6NeedsPtr from './ipv6-needs-ptr.js';
import spfAuthorizesIp from './spf-authorizes-ip.js';
import spfLookupLimit from './spf-lookup-limit.js';
import spfAllPass from './spf-all-pass.js';
import spfAllNeutral from './spf-all-neutral.js';
import spfAllQualifier from './spf-all-qualifier.js';
import spfTermsAfterAll from './spf-terms-after-all.js';
import spfNoPtrMechanism from './spf-no-ptr-mechanism.js';
import spfSingleRecord from './spf-single-record.js';
import dkimPublicKeyReadable from './dkim-public-key-readable.js';
import dkimKeyStrength from './dkim-key-strength.js';
import dkimKeyShort from './dkim-key-short.js';
import dkimEd25519Signing from './dkim-ed25519-signing.js';
import dkimSigningSelectorPublished from './dkim-signing-selector-published.js';
import dkimSigningAlgorithmUniform from './dkim-signing-algorithm-uniform.js';
import dkimSelectorDated from './dkim-selector-dated.js';
import dkimNoPrivateKeyInRepo from './dkim-no-private-key-in-repo.js';
import dmarcPresent from './dmarc-present.js';
import dmarcPolicyEnforced from './dmarc-policy-enforced.js';
import dmarcPctRemoved from './dmarc-pct-removed.js';
import dmarcRuaDeliverable from './dmarc-rua-deliverable.js';
import dmarcRuaExternalAuthorized from './dmarc-rua-external-authorized.js';
import dmarcAlignment from './dmarc-alignment.js';
import mxPresent from './mx-present.js';
import mxNotThisRelay from './mx-not-this-relay.js';
import bimiNeedsEnforcedDmarc from './bimi-needs-enforced-dmarc.js';
import bimiEvidencePresent from './bimi-evidence-present.js';
import spfRedirectIgnored from './spf-redirect-ignored.js';
import spfRecordSize from './spf-record-size.js';
import dkimSelectorUnique from './dkim-selector-unique.js';

export const identityDnsRules: Rule[] = [
  mtaHostnameFqdn,
  mtaHeloMatchesPtr,
  entryHostNotMtaHost,
  entryCnameAlone,
  ipPublicUnicast,
  ipDocumentationRange,
  reservedName,
  ipv6NeedsPtr,
  spfAuthorizesIp,
  spfLookupLimit,
  spfAllPass,
  spfAllNeutral,
  spfAllQualifier,
  spfTermsAfterAll,
  spfNoPtrMechanism,
  spfSingleRecord,
  dkimPublicKeyReadable,
  dkimKeyStrength,
  dkimKeyShort,
  dkimEd25519Signing,
  dkimSigningSelectorPublished,
  dkimSelectorDated,
  dkimNoPrivateKeyInRepo,
  dmarcPresent,
  dmarcPolicyEnforced,
  dmarcPctRemoved,
  dmarcRuaDeliverable,
  dmarcRuaExternalAuthorized,
  dmarcAlignment,
  mxPresent,
  mxNotThisRelay,
  bimiNeedsEnforcedDmarc,
  bimiEvidencePresent,
  // Additions from the RFCs rules.md cites:
  spfRedirectIgnored,
  spfRecordSize,
  dkimSelectorUnique,
  dkimSigningAlgorithmUniform,
];

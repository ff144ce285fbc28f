// Rules of rules.md "Postfix" and "Relay service", in the order of those tables; the rules the seeds
// add beyond the tables follow each table's own rows.
import type { Rule } from './types.js';
import postfixLoopbackOnly from './postfix-loopback-only.js';
import postfixListenPrivateOnly from './postfix-listen-private-only.js';
import postfixNoPublicSubmission from './postfix-no-public-submission.js';
import mynetworksNotOpen from './mynetworks-not-open.js';
import mynetworksPublicHost from './mynetworks-public-host.js';
import mynetworksPrivateBroad from './mynetworks-private-broad.js';
import relayRestrictionsReject from './relay-restrictions-reject.js';
import relayRestrictionsCheckOrder from './relay-restrictions-check-order.js';
import relayhostAuthNeedsTls from './relayhost-auth-needs-tls.js';
import relayhostBrackets from './relayhost-brackets.js';
import relayhostBracketsSasl from './relayhost-brackets-sasl.js';
import smtpTlsNotNone from './smtp-tls-not-none.js';
import messageSizeFitsRelay from './message-size-fits-relay.js';
import postfixParamKnown from './postfix-param-known.js';
import milterDefaultAction from './milter-default-action.js';
import milterDefaultReject from './milter-default-reject.js';
import destinationThrottleSane from './destination-throttle-sane.js';
import destinationThrottleValid from './destination-throttle-valid.js';
import relayhostMatchesMode from './relayhost-matches-mode.js';
import relayhostInDirectMode from './relayhost-in-direct-mode.js';
import fallbackRelayBrackets from './fallback-relay-brackets.js';
import stripInternalHeaders from './strip-internal-headers.js';
import postfixServiceRunsCommand from './postfix-service-runs-command.js';
import postfixParamRunsCommand from './postfix-param-runs-command.js';
import relaySendmailPath from './relay-sendmail-path.js';
import acknowledgedCommand from './acknowledged-command.js';
import relayListenLoopback from './relay-listen-loopback.js';
import relayGatewayBypass from './relay-gateway-bypass.js';
import relayGatewayAuth from './relay-gateway-auth.js';
import relayGatewayConfigComplete from './relay-gateway-config-complete.js';
import relayEntryAllowlistBroad from './relay-entry-allowlist-broad.js';
import relayHandoffReachable from './relay-handoff-reachable.js';
import relayEntryHostnameFqdn from './relay-entry-hostname-fqdn.js';
import relayEntryClientCaPrivate from './relay-entry-client-ca-private.js';
import relayEntrySettingUnused from './relay-entry-setting-unused.js';
import relaySendersNonempty from './relay-senders-nonempty.js';
import relaySenderInDomain from './relay-sender-in-domain.js';
import relayClientSendersAllowed from './relay-client-senders-allowed.js';
import relayClientLimitsFit from './relay-client-limits-fit.js';
import relaySenderUnderOwnDomain from './relay-sender-under-own-domain.js';
import relayBodyLimit from './relay-body-limit.js';
import relayBodyWithinMessageSize from './relay-body-within-message-size.js';
import relayRateLimit from './relay-rate-limit.js';
import relaySubjectCap from './relay-subject-cap.js';
import relaySubjectRecommended from './relay-subject-recommended.js';
import relayTokenNotInConfig from './relay-token-not-in-config.js';
import relayTokenMinBytes from './relay-token-min-bytes.js';
import queueNotInTmp from './queue-not-in-tmp.js';
import queueBackoffSane from './queue-backoff-sane.js';
import queueAttemptsPositive from './queue-attempts-positive.js';
import queueLifetimeSane from './queue-lifetime-sane.js';
import smtpSaslKeyUnique from './smtp-sasl-key-unique.js';
import smtpWrappermode465 from './smtp-wrappermode-465.js';
import systemdHardeningKept from './systemd-hardening-kept.js';
import relayRecipientsCap from './relay-recipients-cap.js';
import relayWebhookUrlSecure from './relay-webhook-url-secure.js';
import relayWebhookNameUnique from './relay-webhook-name-unique.js';

export const postfixRelayRules: Rule[] = [
  // rules.md "Postfix"
  postfixLoopbackOnly,
  postfixListenPrivateOnly,
  postfixNoPublicSubmission,
  mynetworksNotOpen,
  mynetworksPublicHost,
  mynetworksPrivateBroad,
  relayRestrictionsReject,
  relayRestrictionsCheckOrder,
  relayhostAuthNeedsTls,
  relayhostBrackets,
  relayhostBracketsSasl,
  smtpTlsNotNone,
  messageSizeFitsRelay,
  postfixParamKnown,
  milterDefaultAction,
  milterDefaultReject,
  destinationThrottleSane,
  destinationThrottleValid,
  // beyond the table: what the guides and postconf(5) add
  relayhostMatchesMode,
  relayhostInDirectMode,
  fallbackRelayBrackets,
  stripInternalHeaders,
  // beyond the table: what the config makes root run (master(5), pipe(8), spawn(8), postconf(5))
  postfixServiceRunsCommand,
  postfixParamRunsCommand,
  // rules.md "Relay service"
  relayListenLoopback,
  relayGatewayBypass,
  relayGatewayAuth,
  relayGatewayConfigComplete,
  relayEntryAllowlistBroad,
  relayHandoffReachable,
  relayEntryHostnameFqdn,
  relayEntryClientCaPrivate,
  relayEntrySettingUnused,
  relaySendersNonempty,
  relaySenderInDomain,
  relaySenderUnderOwnDomain,
  relayBodyLimit,
  relayBodyWithinMessageSize,
  relayRateLimit,
  relaySubjectCap,
  relaySubjectRecommended,
  relayTokenNotInConfig,
  relayTokenMinBytes,
  queueNotInTmp,
  queueBackoffSane,
  queueAttemptsPositive,
  queueLifetimeSane,
  smtpSaslKeyUnique,
  smtpWrappermode465,
  systemdHardeningKept,
  // beyond the table: the self-hosted HTTP relay build guide
  relayRecipientsCap,
  // beyond the table: the program the relay hands every message to (sendmail(1)), and the acknowledged commands
  relaySendmailPath,
  acknowledgedCommand,
  // beyond the table: per-client tokens, senders and limits (relay.clients)
  relayClientSendersAllowed,
  relayClientLimitsFit,
  // beyond the table: signed event webhooks (relay.webhooks)
  relayWebhookUrlSecure,
  relayWebhookNameUnique,
];

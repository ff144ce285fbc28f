// smtp-wrappermode-465: a next hop on port 465 is reached with smtp_tls_wrappermode = yes and mandatory TLS; no other with it.
import type { KeyPath } from '../findings.js';
import { isImplicitTls } from '../outputs/postfix-model.js';
import { createRule } from './types.js';
import { clientServices, mainLookup, MANDATORY_TLS_LEVELS, serviceLookup, tlsLevel, type SettingLookup } from './postfix-util/tls.js';
import type { ServiceView } from './postfix-util/master-cf.js';
import { parseBool, splitList } from './postfix-util/values.js';

/** Settings that decide how a transport reaches its next hop. */
const OWN_SETTINGS = ['smtp_tls_wrappermode', 'smtp_tls_security_level'];

interface Hop {
  /** The nexthop as written ('' for the recipient's MX on port 25). */
  nexthop: string;
  /** Where the nexthop comes from: the finding's place when no setting is to blame. */
  path: KeyPath;
  /** For messages: main.cf or the master.cf transport. */
  where: string;
  /** A fallback relay is the odd one out beside main.cf's setting: the finding goes to it. */
  blameHop?: boolean;
}

export default createRule({
  id: 'smtp-wrappermode-465',
  defaultSeverity: 'error',
  docs: {
    summary: 'A next hop on port 465 gets smtp_tls_wrappermode = yes with encrypt or stronger; a STARTTLS port never gets wrappermode',
    rationale:
      'Port 465 is submission over implicit TLS (RFC 8314 section 3.3): the client starts TLS before the first SMTP byte. ' +
      'Postfix speaks it only with smtp_tls_wrappermode = yes, and postconf(5) says that mode "requires smtp_tls_security_level = ' +
      'encrypt or stronger". Without it Postfix waits for a plaintext greeting the server never sends, and every message ' +
      'defers until it bounces; the other way round, wrappermode towards port 587 or a recipient MX on 25 (which start in ' +
      'plaintext and offer STARTTLS) fails the same way. relayconf writes the setting for a smarthost, a destination or a ' +
      'sender-dependent relay on 465; this rule catches a raw postfix.parameters or postfix.services setting, or a ' +
      'delivery.tls, that contradicts it. Fallback relays use main.cf\'s setting, so they must use the same kind of port as the ' +
      'relayhost.',
    source: 'RFC 8314 section 3.3; postconf(5) smtp_tls_wrappermode',
    fix: 'Drop the contradicting override: with port 465 keep smtp_tls_wrappermode = yes and delivery.tls encrypt (or verify/secure); with 587 or 25 leave wrappermode off.',
    examples: {
      invalid: [
        {
          description: 'A smarthost on 465 with a raw override that turns wrappermode off',
          config: 'delivery:\n  mode: relayhost\n  tls: encrypt\n  relayhost: { host: smtp.mailhost-provider.net, port: 465 }\npostfix:\n  parameters:\n    smtp_tls_wrappermode: "no"\ndomain0:\n  spf: { include: [spf.mailhost-provider.net], all: "-all" }\n',
        },
      ],
      valid: [
        {
          description: 'A smarthost on 465: relayconf writes wrappermode and encrypt itself',
          config: 'delivery:\n  mode: relayhost\n  tls: encrypt\n  relayhost: { host: smtp.mailhost-provider.net, port: 465 }\ndomain0:\n  spf: { include: [spf.mailhost-provider.net], all: "-all" }\n',
        },
      ],
    },
  },
  messages: {
    missingWrapper:
      '{{nexthop}} is port 465, implicit TLS (RFC 8314 section 3.3), but {{where}} has smtp_tls_wrappermode = no: Postfix waits for a plaintext greeting and every message defers; set it to yes',
    wrapperNeedsEncrypt:
      '{{where}} reaches {{nexthop}} with smtp_tls_wrappermode = yes but {{how}}: postconf(5) requires encrypt or stronger for wrappermode',
    wrapperOnStarttls:
      '{{where}} has smtp_tls_wrappermode = yes but {{nexthop}} starts in plaintext and offers STARTTLS: the TLS handshake fails and every message defers; use wrappermode only with port 465',
  },
  check({ views, report }) {
    const main = mainLookup(views.postfix);
    const relayhost = main.get('relayhost');
    // Postfix 3.5 takes a list of relayhosts; the first one is the one tried first.
    const mainHop: Hop = { nexthop: splitList(relayhost?.value ?? '')[0] ?? '', path: relayhost?.path ?? ['delivery'], where: 'main.cf' };

    const judge = (lookup: SettingLookup, hop: Hop) => {
      const setting = lookup.get('smtp_tls_wrappermode');
      const wrapper = setting !== undefined && parseBool(setting.value) === true;
      const nexthop = hop.nexthop || 'the recipient MX (port 25)';
      if (isImplicitTls(hop.nexthop) && !wrapper) {
        report({ messageId: 'missingWrapper', path: hop.blameHop ? hop.path : (setting?.path ?? hop.path), data: { nexthop, where: hop.where } });
      } else if (isImplicitTls(hop.nexthop)) {
        const tls = tlsLevel(lookup);
        if (!MANDATORY_TLS_LEVELS.has(tls.level)) report({ messageId: 'wrapperNeedsEncrypt', path: tls.path, data: { nexthop, where: hop.where, how: tls.how } });
      } else if (wrapper) {
        report({ messageId: 'wrapperOnStarttls', path: hop.blameHop ? hop.path : setting!.path, data: { nexthop, where: hop.where } });
      }
    };
    judge(main, mainHop);
    // Fallback relays are reached with main.cf's settings too (postconf(5) smtp_fallback_relay).
    const fallback = main.get('smtp_fallback_relay');
    for (const nexthop of splitList(fallback?.value ?? '')) judge(main, { nexthop, path: fallback!.path, where: 'main.cf (smtp_fallback_relay)', blameHop: true });

    // Transports with a next hop of their own, from the transport and sender-transport maps.
    const services = new Map(clientServices(views.services).map((s) => [s.name, s] as const));
    const routed = [...views.postfix.transport.map((row) => ({ row, senderMap: false })), ...views.postfix.senderTransport.map((row) => ({ row, senderMap: true }))];
    const judged = new Set<string>();
    for (const { row, senderMap } of routed) {
      const colon = row.value.indexOf(':');
      const name = row.value.slice(0, colon);
      const service: ServiceView | undefined = services.get(name);
      if (!service || judged.has(name)) continue;
      judged.add(name);
      // An empty transport-map nexthop is the recipient domain; a sender transport's falls back to relayhost.
      const own = row.value.slice(colon + 1);
      const nexthop = own || (senderMap ? mainHop.nexthop : '');
      if (nexthop === mainHop.nexthop && !OWN_SETTINGS.some((s) => service.options.has(s))) continue; // judged with main.cf
      judge(serviceLookup(service, main), { nexthop, path: service.path, where: `master.cf transport ${name}` });
    }
  },
});

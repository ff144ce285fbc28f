// fallback-relay-brackets: smtp_fallback_relay hosts are written [host]:port, or Postfix looks up their MX first.
import type { KeyPath } from '../findings.js';
import { createRule } from './types.js';
import { effectiveParameter } from './postfix-util/main-cf.js';
import { parseNexthop } from './postfix-util/nexthop.js';
import { splitList } from './postfix-util/values.js';

export default createRule({
  id: 'fallback-relay-brackets',
  defaultSeverity: 'info',
  docs: {
    summary: 'Fallback relays (smtp_fallback_relay) are written [host]:port, not resolved through MX records',
    rationale:
      'The hosted Outgoing Mail Server settings page offers smtp_fallback_relay: relay hosts "for SMTP destinations that can\'t be found or that are unreachable". ' +
      'It takes the same syntax as relayhost (the Postfix SMTP relay guide: "Square brackets = connect directly, don\'t do MX lookup"): a bare ' +
      'host name makes Postfix look up that name\'s MX records at the worst moment, when delivery is already failing, and ' +
      'usually reach a mailbox provider instead of the fallback relay. See postconf(5) smtp_fallback_relay.',
    source: 'the hosted Outgoing Mail Server settings page, the Postfix SMTP relay guide; postconf(5) smtp_fallback_relay',
    fix: 'Write each entry of delivery.fallbackRelays as [host]:port (or [address]:port).',
    examples: {
      invalid: [{ description: 'A fallback relay resolved through MX', config: 'delivery:\n  fallbackRelays: [backup-relay.mailhost-provider.net]\n' }],
      valid: [{ description: 'A bracketed fallback relay', config: 'delivery:\n  fallbackRelays: ["[backup-relay.mailhost-provider.net]:587"]\n' }],
    },
  },
  messages: {
    mxLookup: 'Fallback relay {{value}} has no [brackets]: Postfix looks up the MX records of {{host}} instead of connecting to it',
  },
  check({ model, views, report }) {
    const judge = (value: string, path: KeyPath) => {
      const hop = parseNexthop(value);
      if (!hop.bracketed && hop.host !== '') report({ messageId: 'mxLookup', path, data: { value: hop.text, host: hop.host } });
    };
    const param = effectiveParameter(views.postfix, 'smtp_fallback_relay');
    if (param?.overridden) splitList(param.value).forEach((item) => judge(item, param.from));
    else model.delivery.fallbackRelays.forEach((item, i) => judge(item, ['delivery', 'fallbackRelays', i]));
  },
});

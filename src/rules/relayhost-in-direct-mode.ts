// relayhost-in-direct-mode: under delivery.mode direct no smarthost is written, neither a block nor a raw override.
import { createRule } from './types.js';
import { effectiveParameter } from './postfix-util/main-cf.js';

export default createRule({
  id: 'relayhost-in-direct-mode',
  defaultSeverity: 'warning',
  docs: {
    summary: 'delivery.mode direct has no smarthost: no delivery.relayhost block, no postfix.parameters.relayhost',
    rationale:
      'The self-hosted HTTP relay build guide keeps relayhost empty when the server delivers to the recipients\' MX itself ' +
      '(relayhost, postconf(5)). Direct delivery and a smarthost need different DNS (SPF authorizes this server\'s address ' +
      'only for direct delivery) and different TLS. Under mode: direct a delivery.relayhost block is not written, so the ' +
      'smarthost someone configured is silently unused; a raw postfix.parameters.relayhost is written and reroutes every ' +
      'message to a smarthost while the rest of the config (SPF, TLS) assumes direct delivery.',
    source: 'postconf(5) relayhost; the self-hosted HTTP relay build guide, step 3 (Postfix)',
    fix: 'Drop the relayhost block or override, or set delivery.mode: relayhost with delivery.relayhost.',
    examples: {
      invalid: [{ description: 'A smarthost block that direct mode ignores', config: 'delivery:\n  mode: direct\n  relayhost: { host: smtp.mailhost-provider.net }\n' }],
      valid: [{ description: 'Direct delivery without a smarthost', config: 'delivery:\n  mode: direct\n' }],
    },
  },
  messages: {
    ignored: 'delivery.relayhost is set but delivery.mode is direct: the smarthost is not used',
    overrideReroutes: 'postfix.parameters.relayhost = {{value}} sends every message to a smarthost although delivery.mode is direct',
  },
  check({ model, views, report }) {
    if (model.delivery.mode !== 'direct') return;
    if (model.delivery.relayhost !== null) report({ messageId: 'ignored', path: ['delivery', 'relayhost'], anchor: 'key' });
    const override = effectiveParameter(views.postfix, 'relayhost');
    if (override?.overridden && override.value.trim() !== '') {
      report({ messageId: 'overrideReroutes', path: override.from, data: { value: override.value } });
    }
  },
});

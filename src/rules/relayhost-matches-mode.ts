// relayhost-matches-mode: delivery.mode and the smarthost settings agree (relayhost mode has a relayhost; direct has none).
import { createRule } from './types.js';
import { effectiveParameter } from './postfix-util/main-cf.js';

export default createRule({
  id: 'relayhost-matches-mode',
  defaultSeverity: 'error',
  docs: {
    summary: 'delivery.mode relayhost has a delivery.relayhost; direct mode has no smarthost anywhere',
    rationale:
      'Seed 01 step 3: "Keep relayhost = empty if this VPS delivers directly to recipient MX"; seed 02 sets relayhost = ' +
      '[host]:587 when a smarthost delivers. The two modes need different DNS (SPF authorizes this IP only for direct ' +
      'delivery) and different TLS. mode: relayhost with no relayhost writes an empty relayhost, so mail goes direct while ' +
      'the config says otherwise; a relayhost block or a postfix.parameters.relayhost under mode: direct is ignored or ' +
      'silently reroutes every message (warnings).',
    source: 'seed 01 step 3, seed 02',
    fix: 'Either set delivery.mode: relayhost with delivery.relayhost, or mode: direct without a relayhost block or override.',
    examples: {
      invalid: [{ description: 'Relayhost mode without a smarthost', config: 'delivery:\n  mode: relayhost\n' }],
      valid: [
        { description: 'Direct delivery', config: 'delivery:\n  mode: direct\n' },
        {
          description: 'A smarthost in relayhost mode',
          config: 'delivery:\n  mode: relayhost\n  relayhost: { host: smtp.mailhost-provider.net }\n  tls: encrypt\ndomain0:\n  spf: { include: [spf.mailhost-provider.net], all: "-all" }\n',
        },
      ],
    },
  },
  messages: {
    missing: 'delivery.mode is relayhost but no delivery.relayhost is given: Postfix would deliver directly',
    ignored: 'delivery.relayhost is set but delivery.mode is direct: the smarthost is not used',
    overrideReroutes: 'postfix.parameters.relayhost = {{value}} sends every message to a smarthost although delivery.mode is direct',
  },
  check({ model, views, report }) {
    const { mode, relayhost } = model.delivery;
    const override = effectiveParameter(views.postfix, 'relayhost');
    const overridden = override?.overridden && override.value.trim() !== '';
    if (mode === 'relayhost' && relayhost === null && !overridden) {
      report({ messageId: 'missing', path: ['delivery', 'mode'] });
    } else if (mode === 'direct' && relayhost !== null) {
      report({ messageId: 'ignored', path: ['delivery', 'relayhost'], anchor: 'key', severity: 'warning' });
    }
    if (mode === 'direct' && overridden && override) {
      report({ messageId: 'overrideReroutes', path: override.from, severity: 'warning', data: { value: override.value } });
    }
  },
});

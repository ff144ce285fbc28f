// relayhost-matches-mode: delivery.mode relayhost names its smarthost.
import { createRule } from './types.js';
import { effectiveParameter } from './postfix-util/main-cf.js';

export default createRule({
  id: 'relayhost-matches-mode',
  defaultSeverity: 'error',
  docs: {
    summary: 'delivery.mode relayhost has a delivery.relayhost (or a raw relayhost override)',
    rationale:
      'The self-hosted HTTP relay build guide, step 3: "Keep relayhost = empty if this VPS delivers directly to recipient MX"; the Postfix SMTP relay guide sets relayhost = ' +
      '[host]:587 when a smarthost delivers. The two modes need different DNS (SPF authorizes this IP only for direct ' +
      'delivery) and different TLS. mode: relayhost with no relayhost writes an empty relayhost, so mail goes direct while ' +
      'the config says otherwise. A smarthost written under mode: direct is relayhost-in-direct-mode\'s finding.',
    source: 'the self-hosted HTTP relay build guide, step 3, the Postfix SMTP relay guide',
    fix: 'Add delivery.relayhost (host, port, auth), or set delivery.mode: direct.',
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
  },
  check({ model, views, report }) {
    const { mode, relayhost } = model.delivery;
    const override = effectiveParameter(views.postfix, 'relayhost');
    const overridden = override?.overridden && override.value.trim() !== '';
    if (mode === 'relayhost' && relayhost === null && !overridden) report({ messageId: 'missing', path: ['delivery', 'mode'] });
  },
});

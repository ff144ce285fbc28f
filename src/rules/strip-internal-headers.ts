// strip-internal-headers: outgoing mail does not carry internal Received / X-Originating-IP headers.
import { createRule } from './types.js';
import { effectiveParameter } from './postfix-util/main-cf.js';

export default createRule({
  id: 'strip-internal-headers',
  defaultSeverity: 'info',
  docs: {
    summary: 'Internal Received, X-Originating-IP and X-PHP-Originating-Script headers are stripped before mail leaves',
    rationale:
      'The Postfix SMTP relay guide (header rewriting and cleanup): "Application servers often generate emails with internal hostnames in ' +
      'Received: headers, exposing your infrastructure to recipients", and drops them with smtp_header_checks; the how-to Local mail relay with Postfix ' +
      'does the same to hide an SSO service\'s address. relayconf writes those checks unless ' +
      'delivery.stripInternalHeaders is false or a raw smtp_header_checks override replaces them. See header_checks(5).',
    source: 'the Postfix SMTP relay guide, the how-to Local mail relay with Postfix; header_checks(5)',
    fix: 'Leave delivery.stripInternalHeaders at true (the default) and drop the smtp_header_checks override.',
    examples: {
      invalid: [{ description: 'Header cleanup switched off', config: 'delivery:\n  stripInternalHeaders: false\n' }],
      valid: [{ description: 'The default', config: 'delivery:\n  stripInternalHeaders: true\n' }],
    },
  },
  messages: {
    off: 'delivery.stripInternalHeaders is false: Received lines with internal host names and addresses reach every recipient',
    replaced: 'smtp_header_checks = {{value}} replaces relayconf\'s internal-header cleanup: make sure your table drops internal Received lines',
    emptied: 'smtp_header_checks is set empty: Received lines with internal host names and addresses reach every recipient',
  },
  check({ model, views, report }) {
    const param = effectiveParameter(views.postfix, 'smtp_header_checks');
    if (param?.overridden) {
      if (param.value.trim() === '') report({ messageId: 'emptied', path: param.from });
      else if (model.delivery.stripInternalHeaders) report({ messageId: 'replaced', path: param.from, data: { value: param.value } });
      return;
    }
    if (!model.delivery.stripInternalHeaders) report({ messageId: 'off', path: ['delivery', 'stripInternalHeaders'] });
  },
});

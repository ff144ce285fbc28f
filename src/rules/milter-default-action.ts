// milter-default-action: say what happens to mail while OpenDKIM is down; tempfail keeps it queued.
import { createRule } from './types.js';
import { effectiveParameter } from './postfix-util/main-cf.js';

export default createRule({
  id: 'milter-default-action',
  defaultSeverity: 'info',
  docs: {
    summary: 'milter_default_action accept sends unsigned mail while OpenDKIM is down; tempfail keeps it queued',
    rationale:
      'The self-hosted HTTP relay build guide, step 4 writes milter_default_action = accept. Postfix then proceeds "as if the mail filter was not present" ' +
      '(postconf(5)) whenever OpenDKIM is stopped or unreachable: mail leaves without a DKIM-Signature, fails DMARC under ' +
      'adkim=s alignment unless SPF aligns, and lands in spam or is rejected under p=reject. tempfail refuses it temporarily, ' +
      'so it waits in the queue (and the relay retries) until OpenDKIM is back. reject is reported as a warning: it bounces ' +
      'the relay\'s jobs outright; that is milter-default-reject\'s finding, a warning. quarantine holds every message until someone releases it.',
    source: 'the self-hosted HTTP relay build guide, step 4',
    fix: 'Set delivery.milterDefault: tempfail (and drop any milter_default_action override).',
    examples: {
      invalid: [{ description: 'The self-hosted HTTP relay build guide\'s setting', config: 'delivery:\n  milterDefault: accept\n' }],
      valid: [{ description: 'Keep mail queued while OpenDKIM is down', config: 'delivery:\n  milterDefault: tempfail\n' }],
    },
  },
  messages: {
    accept: 'milter_default_action = accept: while OpenDKIM is down mail leaves unsigned and can fail DMARC; tempfail keeps it queued instead',
    quarantine: 'milter_default_action = quarantine: while OpenDKIM is down mail waits in the hold queue until released by hand (postsuper -H)',
  },
  check({ model, views, report }) {
    const param = effectiveParameter(views.postfix, 'milter_default_action');
    if (!param) return;
    const value = param.value.trim().toLowerCase();
    if (value === 'accept') report({ messageId: 'accept', path: param.from });
    else if (value === 'quarantine') report({ messageId: 'quarantine', path: param.from });
  },
});

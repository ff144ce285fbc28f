// dkim-selector-dated: selectors carry a date (mail202606), so rotation is visible in DNS and headers.
import { createRule } from './types.js';

/** A year 19xx/20xx followed by a month (202606, 2026-06, 2026_06) or a quarter (2026q2). */
const DATED = /(?:19|20)\d{2}(?:[-_]?(?:0[1-9]|1[0-2])|[-_]?q[1-4])/i;

export default createRule({
  id: 'dkim-selector-dated',
  defaultSeverity: 'info',
  docs: {
    summary: 'DKIM selectors are named by date (mail202606), which makes key rotation visible',
    rationale:
      'The self-hosted HTTP relay build guide, step 2 (DKIM): "mail202606 is the selector. Naming selectors by year and month makes rotation easier." A dated selector says in every DKIM-Signature header (s=) and in DNS how old the key is, lets the next key be published beside the current one under a new name, and makes the cleanup of the self-hosted HTTP relay build guide, step 13 ("old DKIM selectors") obvious. Names like default, dkim or selector1 hide all of that.',
    source: 'the self-hosted HTTP relay build guide, step 2 (DKIM)',
    fix: 'Publish the next key under a dated selector (mail202607), switch dkim.signWith to it, and retire the undated one after the TTL and a grace period.',
    examples: {
      invalid: [{ description: 'An undated selector', config: 'domain0:\n  dkim:\n    signWith: default\n    selectors:\n      - { name: default, publicKeyFile: keys/rsa2048.pub }\n' }],
      valid: [{ description: 'Year and month in the name', config: 'domain0:\n  dkim:\n    signWith: mail202606\n    selectors:\n      - { name: mail202606, publicKeyFile: keys/rsa2048.pub }\n' }],
    },
  },
  messages: {
    undated: 'selector "{{selector}}" of {{domain}} carries no date; a name like mail{{example}} shows the key\'s age and makes rotation visible',
  },
  check({ model, report }) {
    model.domains.forEach((domain, i) => {
      domain.dkim.selectors.forEach((selector, j) => {
        if (DATED.test(selector.name)) return;
        report({ messageId: 'undated', path: ['domains', i, 'dkim', 'selectors', j, 'name'], data: { selector: selector.name, domain: domain.name, example: 'YYYYMM' } });
      });
    });
  },
});

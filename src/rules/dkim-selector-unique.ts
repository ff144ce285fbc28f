// dkim-selector-unique: one DKIM key record per selector name (RFC 6376 §3.6.2.2).
import { createRule } from './types.js';
import type { KeyPath } from '../findings.js';
import { normalizeName } from './util/dns-name.js';

export default createRule({
  id: 'dkim-selector-unique',
  defaultSeverity: 'error',
  docs: {
    summary: 'Each DKIM selector of a domain is published once: no two selectors or TXT records share a name',
    rationale:
      'RFC 6376 §3.6.2.2: when the query for a selector returns more than one key record, "the results are undefined": a verifier may pick either, so signatures fail at random once the two keys differ. It happens during rotation (the self-hosted HTTP relay build guide, step 2 (DKIM), "naming selectors by year and month makes rotation easier") when a new key is added under the old selector name instead of a new dated one, or when a hand-written TXT for <selector>._domainkey is added to dns.extraRecords next to the generated one. Selector names compare without regard to case, like all DNS names (RFC 4343). This rule is an addition to rules.md, from the DKIM RFC that the self-hosted HTTP relay build guide, step 4 relies on.',
    source: 'RFC 6376 §3.6.2.2; the self-hosted HTTP relay build guide, step 2 (DKIM)',
    fix: 'Give the new key a new dated selector (mail202607) and keep one entry per selector; remove the duplicate TXT from dns.extraRecords.',
    examples: {
      invalid: [
        {
          description: 'A new key added under the old selector name',
          config: 'domain0:\n  dkim:\n    signWith: mail202606\n    selectors:\n      - { name: mail202606, publicKeyFile: keys/rsa2048.pub }\n      - { name: mail202606, publicKeyFile: keys/rsa2048-b.pub }\n',
        },
      ],
      valid: [
        {
          description: 'Old and new key under two dated selectors',
          config: 'domain0:\n  dkim:\n    signWith: mail202606\n    selectors:\n      - { name: mail202606, publicKeyFile: keys/rsa2048.pub }\n      - { name: mail202512, publicKeyFile: keys/rsa2048-b.pub }\n',
        },
      ],
    },
  },
  messages: {
    duplicateSelector: 'selector "{{selector}}" of {{domain}} is listed twice: two key records at {{name}} leave verification undefined (RFC 6376 §3.6.2.2)',
    duplicateRecord: 'dns.extraRecords adds a second key record at {{name}}, which dkim.selectors already publishes: verification becomes undefined (RFC 6376 §3.6.2.2)',
  },
  check({ model, report }) {
    const seen = new Map<string, KeyPath>();
    model.domains.forEach((domain, i) => {
      domain.dkim.selectors.forEach((selector, j) => {
        const name = normalizeName(`${selector.name}._domainkey.${domain.name}`);
        if (seen.has(name)) {
          report({ messageId: 'duplicateSelector', path: ['domains', i, 'dkim', 'selectors', j, 'name'], data: { selector: selector.name, domain: domain.name, name } });
        } else seen.set(name, ['domains', i, 'dkim', 'selectors', j, 'name']);
      });
    });
    model.dns.extraRecords.forEach((record, k) => {
      const name = normalizeName(record.name);
      if (record.type !== 'TXT' || !seen.has(name)) return;
      report({ messageId: 'duplicateRecord', path: ['dns', 'extraRecords', k, 'name'], data: { name } });
    });
  },
});

// spf-single-record: one SPF record per owner name, and no domain's spf block silently unpublished.
import { createRule } from './types.js';
import type { DomainModel } from '../config/model.js';
import { isSpfText } from './util/spf-static.js';

/** The SPF terms a domain entry declares, in a comparable form. */
function spfBlock(domain: DomainModel): string {
  const { include, mechanisms, redirect, all } = domain.spf;
  return JSON.stringify({ include, mechanisms, redirect, all });
}

export default createRule({
  id: 'spf-single-record',
  defaultSeverity: 'error',
  docs: {
    summary: 'One SPF record per name: merge includes into one record, never publish two v=spf1 TXT records',
    rationale:
      'RFC 7208 §3.2: "A domain name MUST NOT have multiple records that would cause an authorization check to select more than one record"; with two v=spf1 TXT records at one name a receiver returns permerror (§4.5), which is no SPF pass at all. It happens when a second service\'s record is pasted next to the existing one instead of merged as an include. The check reads the record model the zone files are written from: the generated record of each return-path domain and any v=spf1 TXT in dns.extraRecords. It also catches the config-side form of the mistake: two sending domains with the same return-path domain share one SPF record, written from the first domain\'s spf block, so a different spf block on a later domain would be dropped without notice.',
    source: 'RFC 7208 §3.2',
    fix: 'Move the extra record\'s terms into spf.include / spf.mechanisms of the domain that owns the return path and delete the extra TXT; for domains that share a return path, declare the SPF once, on the first of them.',
    examples: {
      invalid: [
        {
          description: 'A second SPF record added by hand',
          config: 'dns:\n  extraRecords:\n    - { name: acme-mail.net, type: TXT, value: "v=spf1 include:spf.newsletter-tool.net ~all" }\n',
        },
      ],
      valid: [
        {
          description: 'The other service merged as an include; unrelated TXT records are fine',
          config:
            'domain0:\n  spf: { include: [spf.newsletter-tool.net], all: "-all" }\ndns:\n  extraRecords:\n    - { name: acme-mail.net, type: TXT, value: "site-verification=abc123" }\n',
        },
      ],
    },
  },
  messages: {
    duplicate: '{{name}} would have {{count}} SPF records: receivers return permerror when more than one v=spf1 record exists (RFC 7208 §3.2); merge this one into domains[{{owner}}].spf',
    duplicateExtra: '{{name}} would have {{count}} SPF records: receivers return permerror when more than one v=spf1 record exists (RFC 7208 §3.2); keep one',
    dropped: 'domains[{{index}}].spf is never published: {{name}} is also the return path of domains[{{owner}}], whose spf block writes the one SPF record for it; declare the SPF once, there',
  },
  check({ model, views, report }) {
    const records = views.records.records.filter((r) => r.type === 'TXT' && isSpfText(r.value));
    const byName = new Map<string, typeof records>();
    for (const record of records) byName.set(record.name, [...(byName.get(record.name) ?? []), record]);
    for (const [name, group] of byName) {
      if (group.length < 2) continue;
      // The generated record (if any) is the one to keep; the extras are reported in file order.
      const generated = group.find((r) => r.purpose === 'spf');
      const extras = group
        .filter((r) => r.purpose === 'extra')
        .sort((a, b) => Number(a.path[2]) - Number(b.path[2]));
      const reported = generated ? extras : extras.slice(1);
      for (const extra of reported) {
        const path = [...extra.path, 'value'];
        if (generated) report({ messageId: 'duplicate', path, data: { name, count: group.length, owner: Number(generated.path[1]) } });
        else report({ messageId: 'duplicateExtra', path, data: { name, count: group.length } });
      }
    }

    const owners = new Map<string, number>();
    model.domains.forEach((domain, index) => {
      const owner = owners.get(domain.returnPathDomain);
      if (owner === undefined) {
        owners.set(domain.returnPathDomain, index);
        return;
      }
      // Compare what was written, not the generated text: a transport of this domain is spf-authorizes-ip's finding.
      if (domain.spf.declared && spfBlock(domain) !== spfBlock(model.domains[owner])) {
        report({ messageId: 'dropped', path: ['domains', index, 'spf'], anchor: 'key', data: { index, name: domain.returnPathDomain, owner } });
      }
    });
  },
});

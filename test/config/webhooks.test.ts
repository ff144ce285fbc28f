// relay.webhooks in the typed model (src/config/normalize.ts): each URL parsed once by WHATWG URL and kept
// as it serializes it, its scheme, host and userinfo flag split out for the rules, events in a fixed order.
import { describe, expect, test } from 'vitest';
import { modelFrom } from '../outputs/model.js';
import { lintText, mergeConfig } from '../helpers/rule-tester.js';

describe('relay.webhooks in the model', () => {
  test('normalizes URLs through WHATWG URL and fills in the events', () => {
    const model = modelFrom(
      'relay:\n  webhooks:\n    - { name: crm, url: "HTTPS://Hooks.Acme-Mail.NET:443/in?x=1" }\n    - { name: local, url: "http://[::1]:8080/e", events: [failed, delivered] }\n    - { name: dots, url: "https://h.example/a/../b/%7e" }\n    - { name: cred, url: "https://u:p@h.example/" }\n',
    );
    expect(model.relay.webhooks).toEqual([
      { name: 'crm', url: 'https://hooks.acme-mail.net/in?x=1', scheme: 'https', host: 'hooks.acme-mail.net', userinfo: false, events: ['delivered', 'deferred', 'bounced', 'failed'] },
      { name: 'local', url: 'http://[::1]:8080/e', scheme: 'http', host: '::1', userinfo: false, events: ['delivered', 'failed'] },
      { name: 'dots', url: 'https://h.example/b/%7e', scheme: 'https', host: 'h.example', userinfo: false, events: ['delivered', 'deferred', 'bounced', 'failed'] },
      { name: 'cred', url: 'https://u:p@h.example/', scheme: 'https', host: 'h.example', userinfo: true, events: ['delivered', 'deferred', 'bounced', 'failed'] },
    ]);
    expect(modelFrom().relay.webhooks).toEqual([]);
  });

  test('the schema refuses a non-http URL, an unknown event, a bad name and a repeated event', () => {
    const findings = (fragment: string) => lintText(mergeConfig(fragment), { rules: [] }).findings.map((f) => `${f.ruleId} ${f.path?.join('.')}`);
    expect(findings('relay:\n  webhooks:\n    - { name: crm, url: "ftp://hooks.acme-mail.net/in" }\n')).toEqual(['schema relay.webhooks.0.url']);
    expect(findings('relay:\n  webhooks:\n    - { name: crm, url: "https://h.example/", events: [opened] }\n')).toEqual(['schema relay.webhooks.0.events.0']);
    expect(findings('relay:\n  webhooks:\n    - { name: Crm_1, url: "https://h.example/" }\n')).toEqual(['schema relay.webhooks.0.name']);
    expect(findings('relay:\n  webhooks:\n    - { name: crm, url: "https://h.example/", events: [failed, failed] }\n')).toEqual(['schema relay.webhooks.0.events']);
  });
});

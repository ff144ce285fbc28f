// Tests the Postfix model's knobs from postconf(5): the SMTP client's bind addresses, wrappermode for implicit
// TLS on 465, the queue lifetimes and the failed cohort limit of rate-delayed transports.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfigText } from '../../src/config/load.js';
import { mainCf, masterCf } from '../../src/outputs/postfix.js';
import { BASE_CONFIG, fixtureDir, mergeConfig } from '../helpers/rule-tester.js';
import { mainCfParams, modelFrom } from './model.js';

describe('bind address, wrappermode, queue lifetimes and failed cohort', () => {
  it('binds the SMTP client to the MTA IPv4, and IPv6 only when IPv6 is declared (inet_protocols = all)', () => {
    let p = mainCfParams(mainCf(modelFrom()).content);
    expect([p.get('smtp_bind_address'), p.has('smtp_bind_address6'), p.get('inet_protocols')]).toEqual(['94.130.10.20', false, 'ipv4']);
    p = mainCfParams(mainCf(modelFrom('mta: { ipv6: "2a01:4f8::25", ipv6Ptr: mail.acme-mail.net }')).content);
    expect([p.get('smtp_bind_address'), p.get('smtp_bind_address6'), p.get('inet_protocols')]).toEqual(['94.130.10.20', '2a01:4f8::25', 'all']);
  });

  it('writes wrappermode with encrypt for a 465 smarthost, and turns it off for a 587 destination beside it', () => {
    const fragment = 'delivery:\n  mode: relayhost\n  relayhost: { host: smtp.sendgrid.net, port: 465 }\n  destinations:\n    - { domain: partner.example.net, nexthop: "[smtp.partner.example.net]:587" }\n';
    // Without delivery.tls (the docs base config sets may): port 465 alone makes the level encrypt.
    const loaded = loadConfigText(mergeConfig(fragment, BASE_CONFIG.replace('  tls: may\n', '')), { file: 'relay.config.yaml', absPath: path.join(fixtureDir(), 'relay.config.yaml') });
    const model = loaded.model!;
    const p = mainCfParams(mainCf(model).content);
    expect([p.get('relayhost'), p.get('smtp_tls_wrappermode'), p.get('smtp_tls_security_level')]).toEqual(['[smtp.sendgrid.net]:465', 'yes', 'encrypt']);
    expect(masterCf(model).content).toContain('slow_partner_example_net unix -       -       y       -       -       smtp\n  -o smtp_tls_wrappermode=no\n  -o syslog_name=postfix/slow_partner_example_net\n');
    expect(mainCfParams(mainCf(modelFrom('delivery:\n  mode: relayhost\n  relayhost: { host: smtp.sendgrid.net }\n')).content).has('smtp_tls_wrappermode')).toBe(false);
  });

  it('writes the queue lifetimes (defaults 2d and 12h; ms rounded up to seconds)', () => {
    let p = mainCfParams(mainCf(modelFrom()).content);
    expect([p.get('maximal_queue_lifetime'), p.get('bounce_queue_lifetime')]).toEqual(['2d', '12h']);
    p = mainCfParams(mainCf(modelFrom('delivery: { queueLifetime: 1d, bounceQueueLifetime: 1500ms }')).content);
    expect([p.get('maximal_queue_lifetime'), p.get('bounce_queue_lifetime')]).toEqual(['1d', '2s']);
  });

  it('gives every rate-delayed transport a failed cohort limit of 10, and no other', () => {
    const p = mainCfParams(mainCf(modelFrom('delivery:\n  destinations:\n    - { domain: qq.com, rateDelay: 10s }\n    - { domain: outlook.com, concurrency: 5 }\n')).content);
    expect([...p].filter(([k]) => k.endsWith('_failed_cohort_limit'))).toEqual([['slow_qq_com_destination_concurrency_failed_cohort_limit', '10']]);
  });
});

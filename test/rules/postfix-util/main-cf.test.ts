// Tests the effective main.cf view, Postfix value parsing and next-hop syntax.
import { describe, expect, it } from 'vitest';
import { loadConfigText } from '../../../src/config/load.js';
import { effectiveParameter, expandValue } from '../../../src/rules/postfix-util/main-cf.js';
import { buildPostfixModel } from '../../../src/outputs/postfix-model.js';
import { parseNexthop } from '../../../src/rules/postfix-util/nexthop.js';
import { formatMs, parseBool, parseTime, splitList } from '../../../src/rules/postfix-util/values.js';
import { fixtureDir, mergeConfig } from '../../helpers/rule-tester.js';

const model = (fragment: string) => {
  const loaded = loadConfigText(mergeConfig(fragment), { file: 'relay.config.yaml', absPath: `${fixtureDir()}/relay.config.yaml` });
  if (!loaded.model) throw new Error(JSON.stringify(loaded.findings));
  return loaded.model;
};

describe('effective main.cf', () => {
  it('derives parameters from the model with the key paths they come from', () => {
    const params = buildPostfixModel(
      model('delivery:\n  mode: relayhost\n  relayhost: { host: smtp.mailhost-provider.net, port: 2525 }\n  destinations:\n    - { domain: qq.com, rateDelay: 10s }\n    - { domain: 163.com, rateDelay: 1500ms }\n'),
    ).parameters;
    expect(params.get('relayhost')).toMatchObject({ value: '[smtp.mailhost-provider.net]:2525', from: ['delivery', 'relayhost'], overridden: false });
    expect(params.get('slow_qq_com_destination_rate_delay')).toMatchObject({ value: '10s', from: ['delivery', 'destinations', 0, 'rateDelay'] });
    expect(params.get('slow_163_com_destination_rate_delay')?.value).toBe('2s'); // no ms unit in Postfix
    expect(params.get('mynetworks')?.value).toBe('127.0.0.0/8 [::1]/128');
    expect(params.has('slow_qq_com_destination_concurrency_limit')).toBe(false);
  });

  it('lets overrides win and expands $references', () => {
    const m = model('postfix:\n  parameters:\n    mynetworks: $my_nets 10.1.0.0/24\n    my_nets: 127.0.0.0/8\n    smtp_tls_security_level: ${smtp_enforce_tls?encrypt}\n    smtp_enforce_tls: yes\n');
    const postfix = buildPostfixModel(m);
    expect(effectiveParameter(postfix, 'mynetworks')).toMatchObject({ value: '127.0.0.0/8 10.1.0.0/24', from: ['postfix', 'parameters', 'mynetworks'], overridden: true });
    expect(effectiveParameter(postfix, 'smtp_tls_security_level')?.value).toBe('encrypt');
    // The override is the parameter main.cf holds: written once, in place of the generated one.
    expect(postfix.sections.flatMap((s) => s.entries).filter((e) => e.param.name === 'mynetworks').map((e) => e.param.value)).toEqual(['$my_nets 10.1.0.0/24']);
    expect(expandValue('$a', (n) => (n === 'a' ? '$a' : undefined))).toBe('$a'); // a loop stops
    expect(expandValue('${unknown:fallback} $(x)', () => undefined)).toBe('fallback $(x)');
  });
});

describe('Postfix values', () => {
  it('splits lists on commas and white space, keeping { } groups', () => {
    expect(splitList('permit_mynetworks,\n  reject_unauth_destination  reject')).toEqual(['permit_mynetworks', 'reject_unauth_destination', 'reject']);
    expect(splitList('inline:{ a = b, c = d }, x')).toEqual(['inline:{ a = b, c = d }', 'x']);
  });

  it('reads booleans and time values the way Postfix does', () => {
    expect(parseBool('yes')).toBe(true);
    expect(parseBool('No')).toBe(false);
    expect(parseBool('maybe')).toBeUndefined();
    expect(parseTime('1')).toBe(1000); // seed 05: default_destination_rate_delay = 1
    expect(parseTime('10s')).toBe(10_000);
    expect(parseTime('2w')).toBe(1_209_600_000);
    expect(parseTime('500ms')).toBeUndefined();
    expect(formatMs(3_810_000)).toBe('1h3m30s');
    expect(formatMs(250)).toBe('250ms');
  });

  it('parses next hops', () => {
    expect(parseNexthop('[smtp.x.net]:587')).toEqual({ text: '[smtp.x.net]:587', host: 'smtp.x.net', bracketed: true });
    expect(parseNexthop('smtp:[10.0.0.1]:25')).toMatchObject({ host: '10.0.0.1', bracketed: true });
    expect(parseNexthop('smtp.x.net:587')).toMatchObject({ host: 'smtp.x.net', bracketed: false });
    expect(parseNexthop('relay:mx.x.net')).toMatchObject({ host: 'mx.x.net', bracketed: false });
  });
});

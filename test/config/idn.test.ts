// Tests IDN handling at the door: names become A-labels in the model (so every output sees
// ASCII only), and a label that mixes scripts is refused with the label and scripts named.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkName, labelScripts, mixesScripts, toALabels } from '../../src/config/idn.js';
import { loadConfigText } from '../../src/config/load.js';
import { compile } from '../../src/outputs/compile.js';
import { fixtureDir, mergeConfig, positionOf } from '../helpers/rule-tester.js';

const load = (text: string) => loadConfigText(text, { file: 'relay.config.yaml', absPath: path.join(fixtureDir(), 'relay.config.yaml') });

describe('idn', () => {
  it('converts U-labels to A-labels and keeps ASCII names as written', () => {
    expect(toALabels('bücher.example')).toBe('xn--bcher-kva.example');
    expect(toALabels('例え.テスト')).toBe('xn--r8jz45g.xn--zckzah');
    expect(toALabels('Mail.Acme-Mail.net')).toBe('Mail.Acme-Mail.net');
  });

  it('tells the scripts of a label apart and allows only UTS 39 highly restrictive mixes', () => {
    expect([...labelScripts('pаypal')].sort()).toEqual(['Cyrillic', 'Latin']);
    expect(mixesScripts('pаypal')).toBe(true);
    expect(mixesScripts('bücher')).toBe(false);
    expect(mixesScripts('例えテスト')).toBe(false); // Han + Hiragana + Katakana
    expect(mixesScripts('abc漢字')).toBe(false); // Latin + Han
    expect(mixesScripts('αβγabc')).toBe(true);
    expect(checkName('xn--pypal-4ve.com')).toMatchObject({ problem: 'mixed-script', label: 'pаypal' });
  });

  it('puts A-labels into the model and the written files', () => {
    const text = mergeConfig(
      'delivery:\n  destinations:\n    - { domain: bücher.example, concurrency: 2, nexthop: "[relay.bücher.example]:587" }\ndomain0:\n  mx:\n    - { priority: 10, host: mx.bücher.example }\n  dmarc: { policy: reject, rua: [dmarc@bücher.example] }\n',
    );
    const { findings, model } = load(text);
    expect(findings).toEqual([]);
    expect(model!.delivery.destinations[0]).toMatchObject({ domain: 'xn--bcher-kva.example', transport: 'slow_xn_bcher_kva_example', nexthop: '[relay.xn--bcher-kva.example]:587' });
    expect(model!.domains[0].mx[0].host).toBe('mx.xn--bcher-kva.example');
    expect(model!.domains[0].dmarc!.rua).toEqual(['dmarc@xn--bcher-kva.example']);
    const files = compile(model!);
    const written = files.map((f) => f.content.toString()).join('\n');
    expect(written).toContain('xn--bcher-kva.example');
    expect(written).not.toContain('bücher');
  });

  it('refuses a mixed-script host name at its position, naming the label and scripts', () => {
    const text = mergeConfig('mta:\n  hostname: mail.аcme-mail.net\n  ptr: mail.acme-mail.net\n');
    const { findings, model } = load(text);
    expect(model).toBeNull();
    expect(findings.map((f) => ({ ruleId: f.ruleId, line: f.line, column: f.column, message: f.message }))).toEqual([
      {
        ruleId: 'schema',
        ...positionOf(text, 'mail.аcme'),
        message: 'mta.hostname is not a valid mta hostname (got "mail.аcme-mail.net"): the label "аcme-mail" mixes Cyrillic and Latin letters, as a look-alike of another name would; write it in one script',
      },
    ]);
  });
});

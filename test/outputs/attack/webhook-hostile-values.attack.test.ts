// Attack: hostile characters in relay.webhooks values. A name with a newline, quote, $ or ; never passes
// the schema (it names a directory and log fields); nor does a URL with a control character, quote, ;,
// backtick or space. An accepted URL ($ included) reaches server.js only as WHATWG URL serialized it, inside
// RELAY_DATA's JSON: the file still parses, and the data reads back as exactly that URL.
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { relayServerFiles } from '../../../src/outputs/relay-server.js';
import { lintText, mergeConfig } from '../../helpers/rule-tester.js';
import { modelFrom } from '../model.js';

const schemaFindings = (fragment: string) =>
  lintText(mergeConfig(fragment), { rules: [] }).findings.map((f) => `${f.ruleId} ${f.path?.join('.')}`);

describe('hostile relay.webhooks values', () => {
  it('refuses names with a newline, quote, $ or ;', () => {
    for (const name of ['"a\\nb"', '"a\\"b"', '"a$b"', '"a;b"', '"a b"']) {
      expect(schemaFindings(`relay:\n  webhooks:\n    - { name: ${name}, url: "https://h.example/in" }\n`), name).toEqual(['schema relay.webhooks.0.name']);
    }
  });

  it('refuses a URL with a newline or another control character', () => {
    for (const url of ['"https://h.exa\\nmple/in"', '"https://h.example/in\\u0000"', '"https://h.example/a\\tb"']) {
      expect(schemaFindings(`relay:\n  webhooks:\n    - { name: app, url: ${url} }\n`), url).toEqual(['schema relay.webhooks.0.url']);
    }
  });

  it('refuses a URL with a quote, ;, a backtick, ${} or a space', () => {
    for (const url of ['"https://h.example/a\\"b"', '"https://h.example/a;b"', '"https://h.example/a`b"', '"https://h.example/${z}"', '"https://h.example/a b"']) {
      expect(schemaFindings(`relay:\n  webhooks:\n    - { name: app, url: ${url} }\n`), url).toEqual(['schema relay.webhooks.0.url']);
    }
  });

  it("carries an accepted URL, $ included, into server.js only inside RELAY_DATA's JSON, as WHATWG URL serialized it", () => {
    const model = modelFrom('relay:\n  webhooks:\n    - { name: app, url: "HTTPS://H.Example:443/in/../a$b?x=%22y%22&z=1" }\n');
    const url = model.relay.webhooks[0]!.url;
    expect(url).toBe('https://h.example/a$b?x=%22y%22&z=1');
    const server = relayServerFiles(model)[0]!.content;
    // The file parses as JavaScript, and its RELAY_DATA holds the URL unchanged.
    const data = /^const RELAY_DATA = (\{[\s\S]*?\n\});$/m.exec(server)?.[1];
    expect(data).toBeDefined();
    expect(() => new vm.Script(server.replace(/^#!.*\n/, ''))).not.toThrow();
    expect(JSON.parse(data!).webhooks).toEqual([{ name: 'app', url, events: ['delivered', 'deferred', 'bounced', 'failed'] }]);
  });
});

// Tests the one control-character check: every key and string value, each character class the
// outputs cannot carry, one finding at the scalar (not a second schema finding for the same value).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeControl, findControl } from '../../src/config/control-chars.js';
import { loadConfigText } from '../../src/config/load.js';
import { BASE_CONFIG, fixtureDir, positionOf } from '../helpers/rule-tester.js';

const load = (text: string, prefix: string[] = []) =>
  loadConfigText(text, { file: 'relay.config.yaml', absPath: path.join(fixtureDir(), 'relay.config.yaml'), prefix });
const brief = (f: { ruleId: string; line: number; column: number; message: string }) => ({ ruleId: f.ruleId, line: f.line, column: f.column, message: f.message });

describe('control characters', () => {
  it('finds C0, TAB, DEL, C1, U+2028/2029, bidi controls and lone surrogates, and nothing in printable text', () => {
    for (const char of ['\u0000', '\t', '\n', '\r', '\u001b', '\u007f', '\u0085', '\u009b', '\u2028', '\u2029', '\u202e', '\u2066', '\ud800']) {
      expect(findControl(`ab${char}c`), JSON.stringify(char)).toEqual({ char, index: 2 });
    }
    expect(findControl('Acme Support – “Ünïcödé” 😀 漢字')).toBeNull();
    expect(describeControl('\u009b')).toBe('a control character (U+009B)');
    expect(describeControl('\u2066')).toBe('a bidirectional control (U+2066)');
  });

  it('finds invisible format characters (Cf) and other default-ignorables, naming the code point', () => {
    for (const char of ['\u00ad', '\u061c', '\u200b', '\u200c', '\u200d', '\u200e', '\u2060', '\u2064', '\ufeff', '\u3164', '\ufe0f', '\u034f', '\u{e0041}']) {
      expect(findControl(`ab${char}c`), JSON.stringify(char)).toEqual({ char, index: 2 });
    }
    expect(describeControl('\u200b')).toBe('a zero-width space (U+200B)');
    expect(describeControl('\ufeff')).toBe('a zero-width no-break space (U+FEFF, the byte-order mark)');
    expect(describeControl('\u2063')).toBe('an invisible format character (U+2063)');
    expect(describeControl('\u{e0041}')).toBe('an invisible format character (U+E0041)');
    expect(describeControl('\u200f')).toBe('a bidirectional control (U+200F)');
  });

  it('keeps ZWNJ and ZWJ only inside a word of a joining or Brahmic script (Persian, Malayalam), as RFC 5892 A.1/A.2 do', () => {
    expect(findControl('\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645')).toBeNull(); // Persian "mi-khaham" with its ZWNJ
    expect(findControl('\u0d28\u0d4d\u200d\u0d31')).toBeNull(); // Malayalam: virama, ZWJ, letter
    expect(findControl('Acme \u0645\u200c')).toEqual({ char: '\u200c', index: 6 }); // at the end of a word
    expect(findControl('\u0645\u200c\u0d28')).toEqual({ char: '\u200c', index: 1 }); // between two scripts
    expect(findControl('pay\u200dpal')).toEqual({ char: '\u200d', index: 3 }); // Latin needs no joiner
    expect(findControl('\u{1f468}\u200d\u{1f469}')).toEqual({ char: '\u200d', index: 2 }); // emoji sequences too
  });

  it('says an invisible character hides text, at the scalar, in a sender display name', () => {
    const text = BASE_CONFIG.replace('name: Acme Support', 'name: "Acme\\u200B Billing"');
    const { findings } = load(text);
    expect(findings.map(brief)).toEqual([
      {
        ruleId: 'schema',
        ...positionOf(text, '"Acme'),
        message: expect.stringMatching(/^domains\[0\]\.senders\[0\]\.name contains a zero-width space \(U\+200B\) at character 5: it shows as nothing or reorders what is shown, and hides text from a reviewer of the config \(UTS #39, Unicode Security Mechanisms\)/),
      },
    ]);
  });

  it('reports a value once, at the scalar, even when its format also fails', () => {
    const text = BASE_CONFIG.replace('root: /var/spool/acme-relay', 'root: "/var/spool/x\\nExecStartPre=+/bin/sh"');
    const { findings, model } = load(text);
    expect(model).toBeNull();
    expect(findings.map(brief)).toEqual([
      {
        ruleId: 'schema',
        ...positionOf(text, '"/var/spool/x'),
        message:
          'relay.queue.root contains a line feed (U+000A) at character 13: config strings are one line of printable text, and a line break here would add lines to the files written from it; remove the character',
      },
    ]);
  });

  it('checks keys and values, and a value reached through an alias once, at its anchor', () => {
    const text = BASE_CONFIG.replace('tls: may', 'tls: &t "may\\u2029"').replace('  milterDefault: tempfail\n', '') +
      'postfix:\n  parameters:\n    "smtp_tls_loglevel\\tx": 1\n    smtp_tls_security_level: *t\n';
    const { findings } = load(text);
    expect(findings.filter((f) => f.message.includes(' contains ')).map((f) => [f.line, f.column, f.message.split(' at ')[0]])).toEqual([
      [positionOf(text, '"may').line, positionOf(text, '"may').column, 'delivery.tls contains a paragraph separator (U+2029)'],
      [positionOf(text, '"smtp_tls').line, positionOf(text, '"smtp_tls').column, 'the key "smtp_tls_loglevel?x" under postfix.parameters contains a tab (U+0009)'],
    ]);
  });

  it('looks only inside the relayconf key of package.json', () => {
    const config = BASE_CONFIG.replace(/^/gm, '  ').replace(/^ {2}name: acme-relay/m, '  name: "acme\\u0085relay"');
    const text = `description: "outside\\tthe config"\nrelayconf:\n${config}`;
    const { findings } = load(text, ['relayconf']);
    expect(findings.filter((f) => f.message.includes(' contains ')).map((f) => f.message.split(' at ')[0])).toEqual(['name contains a next-line control (U+0085)']);
  });

  it('finds spaces that are not U+0020 (the other Zs and the braille blank), allowing U+00A0 and U+202F only in a display name', () => {
    for (const char of ['\u00a0', '\u1680', '\u2000', '\u2003', '\u2007', '\u200a', '\u202f', '\u205f', '\u3000', '\u2800']) {
      expect(findControl(`ab${char}c`), JSON.stringify(char)).toEqual({ char, index: 2 });
    }
    expect(findControl('Dr.\u00a0Who\u202f:', { displayName: true })).toBeNull();
    expect(findControl('Acme\u2800\u2800 x', { displayName: true })).toEqual({ char: '\u2800', index: 4 });
    expect(findControl('Acme\u2003x', { displayName: true })).toEqual({ char: '\u2003', index: 4 });
    expect(describeControl('\u00a0')).toBe('a no-break space (U+00A0)');
    expect(describeControl('\u2800')).toBe('a braille pattern blank (U+2800)');
    expect(describeControl('\u3000')).toBe('a space that is not U+0020 (U+3000)');
  });

  it('refuses a no-break space in a command value but keeps it in a sender display name', () => {
    const display = BASE_CONFIG.replace('name: Acme Support', 'name: "Acme\\u00A0Support"');
    expect(load(display).findings).toEqual([]);
    const text = `${BASE_CONFIG}postfix:\n  parameters:\n    mailbox_command: "/usr/bin/procmail\\u00A0-a x"\n`;
    expect(load(text).findings.map(brief)).toEqual([
      {
        ruleId: 'schema',
        ...positionOf(text, '"/usr/bin/procmail'),
        message: expect.stringMatching(/^postfix\.parameters\.mailbox_command contains a no-break space \(U\+00A0\) at character 18: it looks like a space but is not one/),
      },
    ]);
  });

  it('refuses bidi controls and invisible characters in comments, at the character, but not a byte-order mark or a Persian ZWNJ', () => {
    const text = `\ufeff${BASE_CONFIG}# a note \u2067 with \u200b\n# \u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645 and a\u00a0no-break space\n`;
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.startsWith('# a note')) + 1;
    expect(load(text).findings.map(brief)).toEqual([
      { ruleId: 'schema', line, column: 10, message: expect.stringMatching(/^line \d+ contains a bidirectional control \(U\+2067\) outside any key or value \(in a comment\): .*CVE-2021-42574/) },
      { ruleId: 'schema', line, column: 17, message: expect.stringMatching(/^line \d+ contains a zero-width space \(U\+200B\) outside any key or value/) },
    ]);
  });
});

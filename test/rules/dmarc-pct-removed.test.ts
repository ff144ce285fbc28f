import path from 'node:path';
import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/dmarc-pct-removed.js';
import { loadConfigText } from '../../src/config/load.js';
import { buildRecordModel } from '../../src/dns/records.js';
import { expectFindings, fixtureDir, lintFragment } from '../helpers/rule-tester.js';
import { at, valueAt } from './util/at.js';

const lint = (fragment: string) => lintFragment(fragment, { rules: [rule] });
const ID = 'dmarc-pct-removed';

describe('dmarc-pct-removed', () => {
  it('flags pct below 100 at its value: receivers ignore it, so the whole policy now applies; points to t=y', () => {
    const r = lint('domain0:\n  dmarc: { policy: quarantine, pct: 25 }\n');
    expectFindings(r, ID, [
      {
        severity: 'warning',
        ...valueAt(r.text, 'pct'),
        message: /^dmarc\.pct=25 is not written: RFC 9989 removed the pct tag and receivers ignore it, so p=quarantine of acme-mail\.net applies to all failing mail .*set testing: true \(t=y/,
      },
    ]);
  });

  it('flags pct=100 at its key as a no-op to delete, and pct under p=none likewise', () => {
    const full = lint('domain0:\n  dmarc: { policy: reject, pct: 100 }\n');
    expectFindings(full, ID, [{ severity: 'warning', ...at(full.text, 'pct: 100', 'pct'), message: /^dmarc\.pct is not written: RFC 9989 removed the pct tag and 100 was its default/ }]);
    const none = lint('domain0:\n  dmarc: { policy: none, pct: 10 }\n');
    expectFindings(none, ID, [{ severity: 'warning', ...at(none.text, 'pct: 10', 'pct'), message: /under p=none it changed nothing/ }]);
  });

  it('says testing mode already covers a partial pct', () => {
    const r = lint('domain0:\n  dmarc: { policy: reject, testing: true, pct: 0 }\n');
    expectFindings(r, ID, [{ severity: 'warning', ...valueAt(r.text, 'pct'), message: /testing: true \(t=y\) already asks receivers to apply p=reject of acme-mail\.net one level lower/ }]);
  });

  it('flags pct, rf and ri in a hand-written DMARC record under dns.extraRecords', () => {
    const r = lint('dns:\n  extraRecords:\n    - { name: _dmarc.news.acme-mail.net, type: TXT, value: "v=DMARC1; p=reject; pct=50; rf=afrf; ri=3600" }\n');
    expectFindings(r, ID, [{ severity: 'warning', ...valueAt(r.text, 'value'), message: /_dmarc\.news\.acme-mail\.net has pct=, rf=, ri=, which RFC 9989 removed/ }]);
  });

  it('passes a config without pct, testing mode, and non-DMARC extra records', () => {
    expectFindings(lint('domain0:\n  dmarc: { policy: quarantine, testing: true }\n'), ID, []);
    expectFindings(lint('dns:\n  extraRecords:\n    - { name: txt.acme-mail.net, type: TXT, value: "pct=50; rf=afrf" }\n'), ID, []);
    expectFindings(lint(''), ID, []);
  });

  it('a config that sets pct passes the schema, and its record carries no pct', () => {
    const r = lint('domain0:\n  dmarc: { policy: quarantine, pct: 25, testing: true }\n');
    expect(r.findings.map((f) => f.ruleId)).toEqual([ID]);
    const loaded = loadConfigText(r.text, { file: 'relay.config.yaml', absPath: path.join(fixtureDir(), 'relay.config.yaml') });
    const dmarc = buildRecordModel(loaded.model!).records.find((x) => x.purpose === 'dmarc')!;
    expect(dmarc.value).toBe('v=DMARC1; p=quarantine; t=y; rua=mailto:dmarc@acme-mail.net; adkim=s; aspf=s');
  });
});

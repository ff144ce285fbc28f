import { describe, it } from 'vitest';
import rule from '../../src/rules/spf-all-qualifier.js';
import { expectFindings, lintFragment } from '../helpers/rule-tester.js';
import { at, valueAt } from './util/at.js';

const lint = (fragment: string) => lintFragment(fragment, { rules: [rule] });
const ID = 'spf-all-qualifier';

describe('spf-all-qualifier', () => {
  it.each([
    ['+all', 'error', /every host on the Internet passes/],
    ['?all', 'warning', /"neutral", which protects nothing/],
    ['~all', 'info', /tighten to -all/],
  ] as const)('grades %s as %s at spf.all', (all, severity, message) => {
    const r = lint(`domain0:\n  spf: { include: [], all: "${all}" }\n`);
    expectFindings(r, ID, [{ severity, ...valueAt(r.text, 'all'), message }]);
  });

  it('warns about a record with neither all nor redirect', () => {
    const r = lint('domain0:\n  spf: { include: [], all: none }\n');
    expectFindings(r, ID, [{ severity: 'warning', ...valueAt(r.text, 'all'), message: /no all and no redirect/ }]);
  });

  it('reports the defaulted ~all at the spf block when all is not written', () => {
    const r = lint('domain0:\n  spf: { include: [spf.vendor.net], all: null }\n');
    expectFindings(r, ID, [{ severity: 'info', ...at(r.text, '    include:', 'include') }]);
  });

  it('grades an all written among the mechanisms and points at the dead terms after it', () => {
    const r = lint('domain0:\n  spf: { mechanisms: ["+all", "ip4:94.130.10.0/28"], all: "-all" }\n');
    expectFindings(r, ID, [
      { severity: 'error', ...at(r.text, '- +all', '+all') },
      { severity: 'warning', ...at(r.text, '- ip4:', 'ip4'), message: /"ip4:94\.130\.10\.0\/28" comes after "\+all"/ },
    ]);
  });

  it('passes -all, and a redirect without all', () => {
    expectFindings(lint('domain0:\n  spf: { include: [], all: "-all" }\n'), ID, []);
    expectFindings(lint('domain0:\n  spf: { redirect: _spf.acme-mail.net, all: none }\n'), ID, []);
  });
});

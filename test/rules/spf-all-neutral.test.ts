import { describe, it } from 'vitest';
import rule from '../../src/rules/spf-all-neutral.js';
import { expectFindings, lintFragment } from '../helpers/rule-tester.js';
import { valueAt } from './util/at.js';

const lint = (fragment: string) => lintFragment(fragment, { rules: [rule] });
const ID = 'spf-all-neutral';

describe('spf-all-neutral', () => {
  it('warns about ?all at spf.all', () => {
    const r = lint('domain0:\n  spf: { include: [], all: "?all" }\n');
    expectFindings(r, ID, [{ severity: 'warning', ...valueAt(r.text, 'all'), message: /"\?all": unlisted hosts get "neutral"/ }]);
  });

  it('warns about a record with neither all nor redirect', () => {
    const r = lint('domain0:\n  spf: { include: [], all: none }\n');
    expectFindings(r, ID, [{ severity: 'warning', ...valueAt(r.text, 'all'), message: /no all and no redirect/ }]);
  });

  it('passes -all, ~all, +all (spf-all-pass) and a redirect without all', () => {
    for (const all of ['-all', '~all', '+all']) expectFindings(lint(`domain0:\n  spf: { include: [], all: "${all}" }\n`), ID, []);
    expectFindings(lint('domain0:\n  spf: { redirect: _spf.acme-mail.net, all: none }\n'), ID, []);
  });
});

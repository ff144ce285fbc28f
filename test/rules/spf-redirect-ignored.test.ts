import { describe, it } from 'vitest';
import rule from '../../src/rules/spf-redirect-ignored.js';
import { expectFindings, lintFragment } from '../helpers/rule-tester.js';
import { valueAt } from './util/at.js';

const lint = (fragment: string) => lintFragment(fragment, { rules: [rule] });
const ID = 'spf-redirect-ignored';

describe('spf-redirect-ignored', () => {
  it('flags a redirect next to an all, at the redirect', () => {
    const r = lint('domain0:\n  spf: { redirect: _spf.acme-mail.net, all: "-all" }\n');
    expectFindings(r, ID, [{ severity: 'warning', ...valueAt(r.text, 'redirect'), message: /"_spf\.acme-mail\.net" of acme-mail\.net is not published because spf\.all is "-all"/ }]);
  });

  it('flags a redirect next to an explicit ~all', () => {
    const r = lint('domain0:\n  spf: { redirect: _spf.acme-mail.net, all: "~all", include: null }\n');
    expectFindings(r, ID, [{ severity: 'warning', ...valueAt(r.text, 'redirect'), message: /spf\.all is "~all"/ }]);
  });

  it('passes a redirect with no all written: all then defaults to none', () => {
    expectFindings(lint('domain0:\n  spf: { redirect: _spf.acme-mail.net, all: null, include: null }\n'), ID, []);
  });

  it('passes a redirect with all: none, and no redirect at all', () => {
    expectFindings(lint('domain0:\n  spf: { redirect: _spf.acme-mail.net, all: none }\n'), ID, []);
    expectFindings(lint(''), ID, []);
  });
});

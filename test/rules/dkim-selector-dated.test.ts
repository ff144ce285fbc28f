import { describe, it } from 'vitest';
import rule from '../../src/rules/dkim-selector-dated.js';
import { expectFindings, lintFragment } from '../helpers/rule-tester.js';
import { at } from './util/at.js';

const lint = (fragment: string) => lintFragment(fragment, { rules: [rule] });
const ID = 'dkim-selector-dated';
const selectors = (...names: string[]) =>
  `domain0:\n  dkim:\n    signWith: ${names[0]}\n    selectors:\n${names.map((n) => `      - { name: ${n}, publicKeyFile: keys/rsa2048.pub }\n`).join('')}`;

describe('dkim-selector-dated', () => {
  it('informs about undated selectors at their names', () => {
    const r = lint(selectors('default', 'mail202606', 's1'));
    expectFindings(r, ID, [
      { severity: 'info', ...at(r.text, '- name: default', 'default'), message: /selector "default" of acme-mail\.net carries no date/ },
      { severity: 'info', ...at(r.text, '- name: s1', 's1') },
    ]);
  });

  it('does not take a year without a month for a date', () => {
    const r = lint(selectors('mail2026'));
    expectFindings(r, ID, [{ severity: 'info', ...at(r.text, '- name: mail2026', 'mail2026') }]);
  });

  it('passes year-month, dashed and quarter forms', () => {
    expectFindings(lint(selectors('mail202606', 's2026-06', 'k2025q4', '20260620')), ID, []);
  });
});

// The one severity resolver lint and check-dns share: precedence, the command rules, and lint.rules checks over the whole catalogue.
import { describe, expect, it } from 'vitest';
import { CATALOGUE_IDS, forcedSeverity, resolveSeverity } from '../../src/rules/severity.js';
import { dnsRules } from '../../src/dns/check/rules.js';
import { rules } from '../../src/rules/index.js';
import { lintText, mergeConfig, positionOf } from '../helpers/rule-tester.js';

describe('resolveSeverity', () => {
  it('--rule beats lint.rules, which beats the reported severity, which beats the default', () => {
    expect(resolveSeverity('dns-spf-lookups', 'error', {})).toBe('error');
    expect(resolveSeverity('dns-spf-lookups', 'error', {}, 'warning')).toBe('warning');
    expect(resolveSeverity('dns-spf-lookups', 'error', { config: { 'dns-spf-lookups': 'info' } }, 'warning')).toBe('info');
    expect(resolveSeverity('dns-spf-lookups', 'error', { config: { 'dns-spf-lookups': 'info' }, cli: { 'dns-spf-lookups': 'off' } })).toBe('off');
    expect(resolveSeverity('spf-all-qualifier', 'warning', { config: { 'dns-spf-lookups': 'info' } })).toBe('warning');
  });

  it('ignores lint.rules for the command rules, never --rule', () => {
    expect(forcedSeverity('relay-sendmail-path', { config: { 'relay-sendmail-path': 'off' } })).toBeUndefined();
    expect(forcedSeverity('relay-sendmail-path', { cli: { 'relay-sendmail-path': 'warning' } })).toBe('warning');
  });

  it('the catalogue holds every lint rule and every check-dns finding', () => {
    expect(CATALOGUE_IDS.size).toBe(rules.length + dnsRules.length);
    expect(CATALOGUE_IDS.has('dns-dmarc-missing')).toBe(true);
    expect(CATALOGUE_IDS.has('dmarc-present')).toBe(true);
  });
});

describe('lint.rules over the one catalogue', () => {
  it('takes a check-dns id without complaint (lint has nothing to apply it to)', () => {
    const { findings } = lintText(mergeConfig('lint:\n  rules:\n    dns-spf-mismatch: error\n    dns-dkim-live: "off"\n'));
    expect(findings).toEqual([]);
  });

  it('still refuses an unknown id, at its key, suggesting the nearest check-dns id', () => {
    const text = mergeConfig('lint:\n  rules:\n    dns-spf-lookup: error\n');
    const { findings } = lintText(text);
    expect(findings).toEqual([
      expect.objectContaining({
        ruleId: 'lint-config',
        severity: 'error',
        ...positionOf(text, 'dns-spf-lookup:'),
        message: 'lint.rules names an unknown rule "dns-spf-lookup" (did you mean "dns-spf-lookups"?); `relayconf rules` lists them',
      }),
    ]);
  });

  it('applies a lint override as before', () => {
    const text = mergeConfig('domain0:\n  spf: { all: "~all" }\nlint:\n  rules:\n    spf-all-qualifier: error\n');
    expect(lintText(text).findings.map((f) => [f.ruleId, f.severity])).toEqual([['spf-all-qualifier', 'error']]);
  });
});

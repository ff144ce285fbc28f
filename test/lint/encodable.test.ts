// lint reports, at the config key, a Postfix value build's encoder would refuse: lint passes only what build can write.
import { describe, expect, it } from 'vitest';
import { byRule, expectFindings, lintFragment, positionOf } from '../helpers/rule-tester.js';
import { derivedViews } from '../../src/lint/views.js';
import { modelFrom } from '../outputs/model.js';

describe('output-encoding', () => {
  it('reports a raw parameter whose $ starts no reference, at its value', () => {
    const result = lintFragment('postfix:\n  parameters:\n    smtpd_banner: "costs 5$"\n');
    expectFindings(result, 'output-encoding', [
      { severity: 'error', ...positionOf(result.text, 'costs 5$'), message: 'build cannot write smtpd_banner into etc/postfix/main.cf: a $ that starts no parameter name (write $$ for a literal $)' },
    ]);
  });

  it('reports a service argument that would regroup arguments', () => {
    const result = lintFragment('postfix:\n  services:\n    - "policy unix - n n - 0 spawn user=nobody argv=/bin/x }{"\n');
    expectFindings(result, 'output-encoding', [{ severity: 'error', ...positionOf(result.text, 'policy unix - n n'), message: /group arguments/ }]);
  });

  it('leaves a line with too few fields to the schema, which refuses it first at the same key', () => {
    const result = lintFragment('postfix:\n  services:\n    - "policy unix - n"\n');
    expect(byRule(result, 'output-encoding')).toEqual([]);
    expectFindings(result, 'schema', [{ severity: 'error', ...positionOf(result.text, 'policy unix - n'), message: /not a valid master.cf service/ }]);
  });

  it('stays silent on the valid base config, and on $references and $$', () => {
    expect(byRule(lintFragment(''), 'output-encoding')).toEqual([]);
    expect(byRule(lintFragment('postfix:\n  parameters:\n    smtpd_banner: "$myhostname ${mail_name} costs 5$$"\n'), 'output-encoding')).toEqual([]);
  });
});

describe('derived views', () => {
  it('builds each view once and hands every rule the same object', () => {
    const views = derivedViews(modelFrom());
    expect(views.postfix).toBe(views.postfix);
    expect(views.records).toBe(views.records);
    expect(views.spf).toBe(views.spf);
    expect(views.spf[0].terms[0]).toBe('ip4:94.130.10.20');
    expect(views.spf[0].paths[0]).toEqual(['mta', 'ipv4']);
  });
});

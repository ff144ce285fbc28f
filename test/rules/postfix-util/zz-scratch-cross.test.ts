import { readdirSync } from 'node:fs';
import { it } from 'vitest';
import { postfixRelayRules } from '../../../src/rules/registry-postfix-relay.js';
import { lintFragment } from '../../helpers/rule-tester.js';
it('cross', async () => {
  const mine = new Set(postfixRelayRules.map((r) => r.id));
  const all = [...postfixRelayRules];
  for (const f of readdirSync('src/rules')) {
    const id = f.replace(/\.ts$/, '');
    if (!f.endsWith('.ts') || mine.has(id) || ['docs', 'index', 'types'].includes(id) || id.startsWith('registry')) continue;
    try { const m = await import(`../../../src/rules/${f.replace('.ts', '.js')}`); if (m.default?.id) all.push(m.default); } catch (e) { console.log('skip', f, String(e).slice(0, 100)); }
  }
  console.log('rules', all.length);
  for (const rule of postfixRelayRules) {
    for (const [kind, list] of [['invalid', rule.docs.examples.invalid], ['valid', rule.docs.examples.valid]] as const) {
      for (const ex of list) {
        const ids = [...new Set(lintFragment(ex.config, { rules: all }).findings.map((f) => `${f.ruleId}:${f.severity}`))];
        const ok = kind === 'valid' ? ids.length === 0 : ids.every((i) => i.startsWith(rule.id + ':'));
        if (!ok) console.log('CROSS', rule.id, kind, ex.description, ids);
      }
    }
  }
});

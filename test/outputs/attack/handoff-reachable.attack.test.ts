// Attack: the smtp hand-off (the default relay.handoff) connects to 127.0.0.1:25 as a mynetworks client,
// whatever delivery.inetInterfaces and delivery.trustedNetworks say. Configs under which Postfix
// neither listens there nor trusts loopback build cleanly, and every message then fails at hand-off.
import { describe, expect, it } from 'vitest';
import { relayEnvFile } from '../../../src/outputs/relay-env.js';
import { lintText, mergeConfig } from '../../helpers/rule-tester.js';
import { mainCfParams, modelFrom } from '../model.js';
import { postfixFiles } from '../../../src/outputs/postfix.js';

const errorsOf = (fragment: string) => lintText(mergeConfig(fragment)).findings.filter((f) => f.severity === 'error');

describe('the smtp hand-off, attacked', () => {
  it('smtpd on a private address only: HANDOFF_SMTP=127.0.0.1:25 is refused, so lint must say so', () => {
    const fragment = 'delivery:\n  inetInterfaces: [10.0.0.5]\n  trustedNetworks: [127.0.0.0/8, 10.0.0.0/24]\n';
    const model = modelFrom(fragment);
    expect(model.relay.handoff).toBe('smtp');
    expect(relayEnvFile(model).content).toContain('HANDOFF_SMTP=127.0.0.1:25\n');
    expect(errorsOf(fragment).map((f) => `[${f.ruleId}] ${f.message}`)).not.toEqual([]);
  });

  it('mynetworks without loopback: smtpd_client_restrictions = permit_mynetworks, reject turns the relay away, so lint must say so', () => {
    const fragment = 'delivery:\n  trustedNetworks: [10.0.0.0/24]\n';
    const model = modelFrom(fragment);
    expect(model.relay.handoff).toBe('smtp');
    const main = postfixFiles(model).find((f) => f.path.endsWith('main.cf'))!;
    expect(mainCfParams(main.content).get('mynetworks')).toBe('10.0.0.0/24');
    expect(errorsOf(fragment).map((f) => `[${f.ruleId}] ${f.message}`)).not.toEqual([]);
  });
});

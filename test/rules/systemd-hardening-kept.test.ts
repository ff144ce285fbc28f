// Tests systemd-hardening-kept: relay.hardening overrides that switch the unit's sandboxing off.
import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/systemd-hardening-kept.js';
import { BASE_CONFIG, expectFindings, lintText, mergeConfig } from '../helpers/rule-tester.js';
import { at } from './postfix-util/at.js';

const lint = (fragment: string) => lintText(mergeConfig(fragment), { rules: [rule] });

describe('systemd-hardening-kept', () => {
  it('flags boolean protections switched off, in YAML or systemd spelling', () => {
    const result = lint('relay:\n  hardening:\n    NoNewPrivileges: false\n    PrivateTmp: "no"\n    RestrictSUIDSGID: "0"\n');
    expectFindings(result, rule.id, [
      { severity: 'warning', ...at(result.text, 'NoNewPrivileges: false', 'false'), message: /NoNewPrivileges=no switches off/ },
      { severity: 'warning', ...at(result.text, 'PrivateTmp: no', 'no'), message: /PrivateTmp=no/ },
      { severity: 'warning', ...at(result.text, 'RestrictSUIDSGID: "0"', '"0"') },
    ]);
  });

  it('flags ProtectSystem weaker than strict and ProtectHome=read-only', () => {
    const result = lint('relay:\n  hardening:\n    ProtectSystem: true\n    ProtectHome: read-only\n');
    expectFindings(result, rule.id, [
      { severity: 'warning', ...at(result.text, 'ProtectSystem: true', 'true'), message: /weaker than strict: only \/usr and \/boot/ },
      { severity: 'warning', ...at(result.text, 'ProtectHome: read-only', 'read-only'), message: /weaker than true/ },
    ]);
    const full = lint('relay:\n  hardening:\n    ProtectSystem: full\n');
    expectFindings(full, rule.id, [{ severity: 'warning', ...at(full.text, 'ProtectSystem: full', 'full'), message: /\/var and the rest/ }]);
  });

  it('flags writable system or code directories; User is not a hardening override at all', () => {
    const result = lint('relay:\n  hardening:\n    User: root\n    ReadWritePaths: /var/spool/acme-relay /etc\n');
    expectFindings(result, 'schema', [{ severity: 'error', ...at(result.text, 'User: root', 'User'), message: /unknown key "User": relay\.hardening takes only the sandboxing/ }]);
    const etc = lint('relay:\n  hardening:\n    ReadWritePaths: /var/spool/acme-relay /etc\n');
    expectFindings(etc, rule.id, [{ severity: 'warning', ...at(etc.text, 'ReadWritePaths: /var', '/var'), message: /makes \/etc writable/ }]);
    const code = lint('relay:\n  hardening:\n    ReadWritePaths: /opt/acme-relay\n');
    expectFindings(code, rule.id, [{ severity: 'warning', ...at(code.text, 'ReadWritePaths: /opt', '/opt'), message: /\/opt\/acme-relay writable/ }]);
  });

  it('passes seed 01\'s settings and extra paths for the queue', () => {
    expect(lintText(BASE_CONFIG, { rules: [rule] }).findings).toEqual([]);
    expect(
      lint(
        'relay:\n  hardening:\n    ProtectSystem: strict\n    ProtectHome: "yes"\n    NoNewPrivileges: true\n    PrivateTmp: "yes"\n    ReadWritePaths: /var/spool/acme-relay /var/spool/postfix\n',
      ).findings,
    ).toEqual([]);
  });
});

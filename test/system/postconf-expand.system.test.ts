// System test: lint expands the program-running parameters of the hostile configs (and of tricky
// reference forms) exactly as the real `postconf -x` expands the main.cf that build writes for them.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfigText } from '../../src/config/load.js';
import { mainCf } from '../../src/outputs/postfix.js';
import { RUNNING_PARAMETER_NAMES } from '../../src/rules/util/commands.js';
import { expandSetting } from '../../src/rules/util/postconf-expand.js';
import { BASE_CONFIG, mergeConfig } from '../helpers/rule-tester.js';
import { tempDir } from '../helpers/tmp.js';

const HOSTILE = new URL('../hostile/', import.meta.url).pathname;
const work = tempDir('relayconf-postconf-expand-');
cpSync(path.join(HOSTILE, 'keys'), path.join(work, 'keys'), { recursive: true });

/** Tricky forms on top of the hostile configs: conditionals, both branches, defaults, $$ and raw parameters. */
const FORMS = [
  'postfix:\n  parameters:\n    lmtp_sasl_path: /var/tmp/x\n    daemon_directory: "${lmtp_sasl_path?{$lmtp_sasl_path}:{$shlib_directory}}/sbin"\n    command_directory: "${smtp_sasl_path:/none}${lmtp_sasl_path?/set}"\n',
  'postfix:\n  parameters:\n    meta_directory: "$$shlib_directory/$(shlib_directory)"\n    openssl_path: "${openssl_path_unset:{$shlib_directory/openssl}}"\n    import_environment: "${import_environment_probe?{X=1}:{TZ LANG=C}} $smtp_sasl_type"\n',
  'postfix:\n  parameters:\n    mailbox_command: "/usr/bin/procmail -a $extension"\n    forward_path: "$home/.forward$recipient_delimiter$extension"\n    maillog_file_compressor: "$multi_instance_wrapper_x/gzip"\n',
];

/** The config texts: every hostile case that loads to a model and sets a running parameter, and the forms above. */
function configs(): Array<{ name: string; text: string }> {
  const hostile = readdirSync(HOSTILE)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => ({ name: f, text: readFileSync(path.join(HOSTILE, f), 'utf8') }));
  const forms = FORMS.map((fragment, i) => ({ name: `form-${i + 1}`, text: mergeConfig(fragment, BASE_CONFIG.replace(/publicKeyFile: \S+/g, 'publicKeyFile: keys/mail202606.pub')) }));
  return [...hostile, ...forms];
}

/** `postconf -c dir <flags> [names]` as a map of name to value. */
function postconf(dir: string, flags: string, names: string[] = []): Map<string, string> {
  const result = spawnSync('postconf', ['-c', dir, flags, ...names], { encoding: 'utf8', timeout: 60_000 });
  if ((result.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') throw new Error('postconf is not installed: run .ci/install-system-deps.sh');
  expect(result.status, result.stderr).toBe(0);
  return new Map(result.stdout.split('\n').filter(Boolean).map((line) => [line.slice(0, line.indexOf(' =')), line.slice(line.indexOf(' =') + 2).trimStart()]));
}

describe('lint expands running parameters as postconf -x does', () => {
  const cases = configs();
  let compared = 0;

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const loaded = loadConfigText(c.text, { file: c.name, absPath: path.join(work, c.name) });
    if (!loaded.model) return; // refused before any main.cf exists (control characters, schema)
    const file = mainCf(loaded.model);
    const names = RUNNING_PARAMETER_NAMES.filter((name) => new RegExp(`^${name} =`, 'm').test(file.content));
    if (names.length === 0) return;
    const dir = path.join(work, `out-${c.name}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'main.cf'), file.content);
    writeFileSync(path.join(dir, 'master.cf'), '');
    const actual = postconf(dir, '-x', names);
    // What the config sets, as postconf reads the written file back (unexpanded): lint's view of main.cf.
    const written = postconf(dir, '-n');
    const param = (name: string) => written.get(name);
    for (const name of names) {
      const ours = expandSetting(name, param(name)!, param);
      expect('text' in ours ? ours.text.split(/\s+/).filter(Boolean).join(' ') : ours, `${c.name} ${name}`).toBe(actual.get(name));
      compared++;
    }
  });

  it('compared a value for each form and the hostile parameter cases', () => {
    expect(compared).toBeGreaterThanOrEqual(FORMS.length * 2 + 3);
  });
});

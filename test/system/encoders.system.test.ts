// Property test of every encoder against the real tool that reads its format. Seeded random strings
// from a hostile alphabet go through an encoder; it either refuses them, and then the string truly
// holds something the format cannot carry, or the real reader gives back exactly the intended
// entries and nothing else. Each tool reads a whole batch at once, so the file takes seconds.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeMainCfParameter, encodeMasterService, macroError, type MainCfParameter } from '../../src/outputs/encode/postfix.js';
import { CONTROL_CHARACTER, EncodeError } from '../../src/outputs/encode/refuse.js';
import { encodeDirective, encodeEnvAssignment } from '../../src/outputs/encode/systemd.js';
import { encodeRdata, encodeRecord } from '../../src/outputs/encode/zone.js';
import { encodeShellCommand, variable, word } from '../../src/outputs/encode/shell.js';
import { rng } from '../helpers/prng.js';
import { tempDir } from '../helpers/tmp.js';

const SEED = Number(process.env.ENCODER_SEED ?? 20261130);
const CASES = 150;
/** Line breaks, quotes, shell and Postfix syntax, comment and specifier characters, non-ASCII, C0/C1/Unicode separators. */
const HOSTILE = ['\n', '\r', '\t', '\0', '\x7f', '\x85', '\u2028', '"', "'", '`', '$', '$(id)', '${x}', ';', '\\', '%', '%h', '#', ' ', '  ', '{', '}', '=', '|', '&', '*', '?', '[', ']', '~', 'é', '€', '😀', '\u00a0'];
const PLAIN = 'abcXYZ019_-.:,@+/';

/** CASES strings of 0-11 pieces, each a hostile token or a plain character; the empty string included. */
function hostileStrings(salt: number, exclude: (piece: string) => boolean = () => false): string[] {
  const r = rng(SEED + salt);
  const tokens = HOSTILE.filter((t) => !exclude(t));
  const plain = [...PLAIN].filter((c) => !exclude(c));
  const out = [''];
  while (out.length < CASES) {
    let s = '';
    for (let n = r.int(12); n > 0; n--) s += r.next() < 0.45 ? r.pick(tokens) : r.pick(plain);
    out.push(s);
  }
  return out;
}

/** The value, or the encoder's refusal (any other error is a bug and propagates). */
function attempt<T>(encode: () => T): T | EncodeError {
  try {
    return encode();
  } catch (error) {
    if (error instanceof EncodeError) return error;
    throw error;
  }
}

function run(cmd: string, args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): SpawnSyncReturns<string> {
  const result = spawnSync(cmd, args, { encoding: 'utf8', env: options.env ?? process.env, cwd: options.cwd, timeout: 60_000, maxBuffer: 16 * 1024 * 1024 });
  if ((result.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') throw new Error(`${cmd} is not installed: run .ci/install-system-deps.sh`);
  if (result.error) throw result.error;
  return result;
}

const edgeSpace = (s: string) => /^\s|\s$/u.test(s);
/** postconf prints every value re-spaced (words joined by one space, -n, -h and -P alike): compare in that form. */
const folded = (s: string) => s.split(' ').filter(Boolean).join(' ');
const show = (s: string) => JSON.stringify(s);

describe(`encoders read back by the real tools (seed ${SEED})`, () => {
  it('main.cf values: postconf -n gives back every accepted value, and postconf itself rejects each refused one', () => {
    const dir = tempDir('relayconf-enc-postconf-');
    copyFileSync('/etc/postfix/master.cf', path.join(dir, 'master.cf'));
    const values = hostileStrings(1);
    const lines: string[] = [];
    const accepted = new Map<string, string>();
    const refusedForSyntax: string[] = [];
    values.forEach((value, i) => {
      const param: MainCfParameter = { name: `relayconf_p${i}`, value, from: ['postfix', 'parameters', `relayconf_p${i}`], overridden: true };
      const line = attempt(() => encodeMainCfParameter(param));
      const unrepresentable = CONTROL_CHARACTER.test(value) || edgeSpace(value);
      if (line instanceof EncodeError) {
        // A line break or edge whitespace cannot be written at all; anything else must be $-syntax
        // that postconf itself rejects (checked below with postconf).
        if (!unrepresentable) refusedForSyntax.push(value);
      } else {
        expect(unrepresentable, `accepted ${show(value)}`).toBe(false);
        lines.push(line);
        accepted.set(param.name, folded(value));
      }
    });
    // A user-defined parameter is "known" (printed by postconf) once a known one references it.
    const postconf = (body: string[], names: string[]) => {
      writeFileSync(path.join(dir, 'main.cf'), `${[...body, `smtpd_banner = ${names.map((n) => `$${n}`).join(' ')}`].join('\n')}\n`);
      return run('postconf', ['-c', dir, '-n']);
    };
    const result = postconf(lines, [...accepted.keys()]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).not.toMatch(/fatal|macro/);
    const read = new Map(result.stdout.split('\n').filter(Boolean).map((l) => /^(\S+) =(?: (.*))?$/.exec(l)!).map((m) => [m[1], m[2] ?? '']));
    read.delete('config_directory');
    read.delete('smtpd_banner');
    expect(read).toEqual(accepted);
    expect(accepted.size).toBeGreaterThan(CASES / 4);
    expect(refusedForSyntax.length).toBeGreaterThan(0);
    for (const value of refusedForSyntax.slice(0, 4)) {
      const alone = postconf([`relayconf_x = ${value}`], ['relayconf_x']);
      expect(`${alone.status} ${alone.stderr}`, `postconf took the refused ${show(value)}`).toMatch(/^[1-9]\d* .*macro|empty macro name|macro processing error/s);
    }
  });

  it('master.cf -o values: postconf -P gives back every accepted override of the one service, and only those', () => {
    const dir = tempDir('relayconf-enc-master-');
    writeFileSync(path.join(dir, 'main.cf'), 'compatibility_level = 3.6\n');
    const accepted = new Map<string, string>();
    const lines: string[] = [];
    hostileStrings(2).forEach((value, i) => {
      const arg = { option: `relayconf_o${i}`, value };
      const encoded = attempt(() => encodeMasterService({ service: 'policy', type: 'unix', private: '-', unpriv: 'n', chroot: 'n', wakeup: '-', maxproc: '0', command: 'spawn', args: [arg], from: ['postfix', 'services', 0] }));
      // Cannot be written: line breaks, edge whitespace, { } (they regroup arguments), and $-syntax
      // Postfix rejects (the main.cf test shows postconf refusing it).
      const unrepresentable = CONTROL_CHARACTER.test(value) || edgeSpace(value) || /[{}]/u.test(value) || macroError(value) !== null;
      expect(encoded instanceof EncodeError, `${show(value)}: ${encoded instanceof EncodeError ? encoded.message : 'accepted'}`).toBe(unrepresentable);
      if (encoded instanceof EncodeError) return;
      lines.push(...encoded.slice(1));
      accepted.set(arg.option, folded(value));
    });
    // One service line, every accepted override as a continuation line under it.
    writeFileSync(path.join(dir, 'master.cf'), `policy    unix  -       n       n       -       0       spawn\n${lines.join('\n')}\n`);
    const result = run('postconf', ['-c', dir, '-P']);
    expect(result.status, result.stderr).toBe(0);
    const read = new Map<string, string>();
    for (const line of result.stdout.split('\n').filter(Boolean)) {
      const m = /^policy\/unix\/(\S+) =(?: (.*))?$/.exec(line);
      expect(m, `unexpected postconf -P line ${show(line)}`).not.toBeNull();
      read.set(m![1], m![2] ?? '');
    }
    expect(read).toEqual(accepted);
    expect(accepted.size).toBeGreaterThan(CASES / 4);
  });

  it('zone TXT strings: named-checkzone accepts the zone and its dump holds exactly the intended bytes', () => {
    const dir = tempDir('relayconf-enc-zone-');
    const values = hostileStrings(3);
    const records: string[] = [];
    const accepted = new Map<string, string>();
    values.forEach((value, i) => {
      const record = { name: `t${i}.example.test`, type: 'TXT' as const, ttl: 300, value, strings: [value], from: ['dns', 'extraRecords', i] };
      const encoded = attempt(() => encodeRecord(record, 'example.test', 300, 'dns/example.test.zone'));
      if (encoded instanceof EncodeError) {
        expect(CONTROL_CHARACTER.test(value), `refused ${show(value)}: ${encoded.message}`).toBe(true);
      } else {
        expect(CONTROL_CHARACTER.test(value), `accepted ${show(value)}`).toBe(false);
        records.push(`${encoded.owner} IN TXT ${encoded.data}`);
        accepted.set(`t${i}.example.test.`, value);
      }
    });
    // A second kind of record: MX targets are DNS names or refused.
    const targets = hostileStrings(4);
    const mx = new Map<string, string>();
    targets.forEach((target, i) => {
      const data = attempt(() => encodeRdata({ name: `m${i}.example.test`, type: 'MX', ttl: 300, value: target, priority: 10, from: [] }, 'dns/example.test.zone'));
      const isName = target === '' || (target.length <= 253 && target.split('.').every((l) => /^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$/.test(l)));
      expect(typeof data === 'string', `${show(target)} -> ${data instanceof EncodeError ? data.message : data}`).toBe(isName);
      if (typeof data === 'string') {
        records.push(`m${i} IN MX ${data}`);
        mx.set(`m${i}.example.test.`, target === '' ? '.' : `${target}.`);
      }
    });
    const zone = ['$ORIGIN example.test.', '$TTL 300', '@ IN SOA ns.example.test. hostmaster.example.test. 1 3600 600 86400 300', '@ IN NS ns.example.test.', 'ns IN A 192.0.2.1', ...records, ''].join('\n');
    writeFileSync(path.join(dir, 'zone'), zone);
    const result = run('named-checkzone', ['-i', 'local', '-D', '-o', '-', 'example.test', path.join(dir, 'zone')]);
    expect(result.status, result.stdout + result.stderr).toBe(0);
    const txt = new Map<string, string>();
    const readMx = new Map<string, string>();
    const others: string[] = [];
    for (const line of result.stdout.split('\n').filter((l) => l && !l.startsWith(';'))) {
      const m = /^(\S+)\s+\d+\s+IN\s+(\S+)\s+(.*)$/.exec(line);
      if (!m) throw new Error(`unexpected dump line ${show(line)}`);
      if (m[2] === 'TXT') txt.set(m[1], decodeZoneString(m[3]));
      else if (m[2] === 'MX') readMx.set(m[1], m[3].replace(/^10 /, ''));
      else others.push(`${m[1]} ${m[2]}`);
    }
    expect(txt).toEqual(accepted);
    expect(readMx).toEqual(mx);
    expect(others.sort()).toEqual(['example.test. NS', 'example.test. SOA', 'ns.example.test. A']);
  });

  it('unit directives: systemd-analyze verify reads each executable back exactly, and no value adds a line', () => {
    const dir = tempDir('relayconf-enc-unit-');
    // No / or . in the name part: systemd normalizes paths, which is path semantics, not quoting.
    const values = hostileStrings(5, (p) => p.includes('/') || p.includes('.'));
    const expected = new Map<string, string>();
    const units: string[] = [];
    values.forEach((value, i) => {
      const unit = `relayconf-enc-${i}.service`;
      const exec = `/nonexistent/x${value}`;
      const encode = () =>
        [
          '[Unit]',
          encodeDirective({ section: 'Unit', key: 'Description', value: `x${value}x`, from: [] }, unit),
          '[Service]',
          encodeDirective({ section: 'Service', key: 'ExecStart', value: { command: { path: exec, args: [value, `$${value}`] } }, from: [] }, unit),
          encodeDirective({ section: 'Service', key: 'ReadWritePaths', value: { words: [`/var/x${value.replace(/\s/g, '')}`] }, from: [] }, unit),
          '',
        ].join('\n');
      const text = attempt(encode);
      if (text instanceof EncodeError) {
        // Control characters anywhere, or in the list word a quote or backslash (written nowhere in that form).
        expect(CONTROL_CHARACTER.test(value) || /["'\\]/.test(value), `refused ${show(value)}: ${text.message}`).toBe(true);
        return;
      }
      expect(CONTROL_CHARACTER.test(value), `accepted ${show(value)}`).toBe(false);
      writeFileSync(path.join(dir, unit), text);
      units.push(unit);
      expected.set(unit, exec);
    });
    const result = run('systemd-analyze', ['verify', '--man=no', ...units], { cwd: dir });
    const read = new Map<string, string>();
    const unexpected: string[] = [];
    for (const line of `${result.stdout}${result.stderr}`.split('\n').filter(Boolean)) {
      const special = /^(?:.*\/)?(relayconf-enc-\d+\.service):\d+: Executable name contains special characters: (.*)$/.exec(line);
      const missing = /^(relayconf-enc-\d+\.service): Command (.*) is not executable: No such file or directory$/.exec(line);
      const consequence = /^(?:relayconf-enc-\d+\.service: Unit configuration has fatal error, unit will not be started\.|Unit relayconf-enc-\d+\.service has a bad unit file setting\.)$/.test(line);
      if (special ?? missing) {
        const [, unit, exec] = (special ?? missing)!;
        expect(read.has(unit), `${unit} reported twice: a second command line?`).toBe(false);
        read.set(unit, exec);
      } else if (!consequence) unexpected.push(line);
    }
    // Any other line (an unknown key, a second Exec line, a bad specifier) means a value changed the unit.
    expect(unexpected).toEqual([]);
    expect(read).toEqual(expected);
  });

  it('EnvironmentFile values: systemd\'s environment.d generator parses the file back to exactly the intended values', () => {
    // The generator shares systemd's env-file parser but then expands $VAR (EnvironmentFile= does not),
    // and refuses empty values: so $ and '' are left to the unit test of the documented rules.
    const generator = '/usr/lib/systemd/user-environment-generators/30-systemd-environment-d-generator';
    const values = hostileStrings(6, (p) => p.includes('$')).filter((v) => v !== '');
    const lines: string[] = [];
    const accepted = new Map<string, string>();
    values.forEach((value, i) => {
      const line = attempt(() => encodeEnvAssignment({ name: `RELAYCONF_E${i}`, value, from: [] }, 'etc/x.env'));
      if (line instanceof EncodeError) expect(CONTROL_CHARACTER.test(value), `refused ${show(value)}: ${line.message}`).toBe(true);
      else {
        lines.push(line);
        accepted.set(`RELAYCONF_E${i}`, value);
      }
    });
    const readEnv = (config: string) => {
      const result = run(generator, [], { env: { XDG_CONFIG_HOME: config } });
      expect(result.stderr).toBe('');
      return new Map(result.stdout.split('\n').filter(Boolean).map((l) => [l.slice(0, l.indexOf('=')), decodeShellValue(l.slice(l.indexOf('=') + 1))]));
    };
    const empty = tempDir('relayconf-enc-env0-');
    const baseline = readEnv(empty);
    const config = tempDir('relayconf-enc-env-');
    mkdirSync(path.join(config, 'environment.d'));
    writeFileSync(path.join(config, 'environment.d', '50-relayconf.conf'), `${lines.join('\n')}\n`);
    const read = readEnv(config);
    for (const key of baseline.keys()) read.delete(key);
    expect(read).toEqual(accepted);
  });

  it('shell words: sh -n accepts the script and running it prints exactly the intended words', () => {
    const dir = tempDir('relayconf-enc-sh-');
    const values = hostileStrings(7);
    const words: string[] = [];
    const encoded: string[] = [];
    values.forEach((value) => {
      const text = attempt(() => encodeShellCommand([value, word(value, variable('RELAYCONF_V'), value)], { output: 'APPLY.md', key: 'test', from: [] }));
      if (text instanceof EncodeError) expect(CONTROL_CHARACTER.test(value), `refused ${show(value)}: ${text.message}`).toBe(true);
      else {
        encoded.push(text);
        words.push(value, `${value}${HOSTILE_VARIABLE}${value}`);
      }
    });
    const script = path.join(dir, 'words.sh');
    writeFileSync(script, `printf '%s\\0' ${encoded.join(' ')}\n`);
    expect(run('sh', ['-n', script]).status).toBe(0);
    const result = run('sh', [script], { env: { PATH: '/usr/bin:/bin', RELAYCONF_V: HOSTILE_VARIABLE }, cwd: dir });
    expect(result.stderr).toBe('');
    expect(result.stdout.split('\0').slice(0, -1)).toEqual(words);
  });
});

/** The variable's value holds shell syntax too: it must arrive as data, never be split or expanded. */
const HOSTILE_VARIABLE = " $(id) ;x * '\"` ";

/** Reads back a zone-file character-string list as named prints it: "…" with \" \\ and \DDD escapes. */
function decodeZoneString(data: string): string {
  const bytes: number[] = [];
  const body = /^"(.*)"$/.exec(data.trim());
  if (!body) throw new Error(`not one quoted string: ${data}`);
  const text = body[1];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') {
      const ddd = /^\d{3}/.exec(text.slice(i + 1));
      if (ddd) {
        bytes.push(Number(ddd[0]));
        i += 3;
      } else bytes.push(text.charCodeAt(++i));
    } else bytes.push(...Buffer.from(text[i], 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

/** Reads a value as systemd's generators print it: bare, or "…" with \" \\ \` \$ escaped. */
function decodeShellValue(text: string): string {
  const quoted = /^"(.*)"$/s.exec(text);
  return quoted ? quoted[1].replace(/\\(["\\`$])/g, '$1') : text;
}

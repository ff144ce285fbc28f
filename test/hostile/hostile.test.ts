// Hostile configs: each test/hostile/<case>.yaml tries to smuggle something into an output (a
// unit line, a shell command, a main.cf parameter, a zone record, a header) or to exhaust lint.
// Its header says which finding must stop it and where; `build` must then exit 1 and write nothing.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PUBLIC_KEY_MAX_BYTES } from '../../src/dkim/public-key.js';
import { CONFIG_MAX_BYTES } from '../../src/config/load.js';
import { readTree } from '../../src/plan/tree.js';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';

const HERE = path.dirname(new URL(import.meta.url).pathname);

interface HostileCase {
  name: string;
  text: string;
  ruleId: string;
  line: number;
  column: number;
  message: RegExp;
}

function readCases(): HostileCase[] {
  return readdirSync(HERE)
    .filter((file) => file.endsWith('.yaml'))
    .sort()
    .map((file) => {
      const text = readFileSync(path.join(HERE, file), 'utf8');
      const expect = /^# expect: (\S+) (\d+):(\d+) \/(.*)\/$/m.exec(text);
      if (!expect) throw new Error(`${file} has no "# expect: rule line:col /message/" header`);
      return { name: file.replace(/\.yaml$/, ''), text, ruleId: expect[1], line: Number(expect[2]), column: Number(expect[3]), message: new RegExp(expect[4]) };
    });
}

/** A directory with the committed public key and the hostile files the key cases point at. */
function fixture(): string {
  const dir = tempDir('relayconf-hostile-');
  cpSync(path.join(HERE, 'keys'), path.join(dir, 'keys'), { recursive: true });
  execFileSync('mkfifo', [path.join(dir, 'keys', 'fifo.pub')]);
  symlinkSync('/dev/zero', path.join(dir, 'keys', 'zero.pub'));
  writeFileSync(path.join(dir, 'keys', 'huge.pub'), 'A'.repeat(PUBLIC_KEY_MAX_BYTES + 1));
  return dir;
}

const cases = readCases();
const dir = fixture();

describe('hostile configs', () => {
  it('cover at least 30 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s: refused with its finding, build writes nothing', async (_name, c) => {
    const config = `${c.name}.yaml`;
    writeFileSync(path.join(dir, config), c.text);
    const lint = await runCli(['lint', config, '--format', 'json'], { cwd: dir });
    expect(lint.code).toBe(1);
    const findings = JSON.parse(lint.stdout).findings as { ruleId: string; severity: string; line: number; column: number; message: string }[];
    const hit = findings.find((f) => f.ruleId === c.ruleId && f.line === c.line && f.column === c.column);
    expect(hit, `${c.name}: ${JSON.stringify(findings)}`).toBeDefined();
    expect(hit!.severity).toBe('error');
    expect(hit!.message).toMatch(c.message);

    const out = path.join(dir, `out-${c.name}`);
    const build = await runCli(['build', config, '--out', out], { cwd: dir });
    expect(build.code).toBe(1);
    expect(build.stdout).toContain(`${config}:${c.line}:${c.column}: error: `);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.startsWith(`out-${c.name}`))).toEqual([]);
  });

  it('leaves an existing output tree byte for byte as it was', async () => {
    const valid = cases.find((c) => c.name === 'apply-backtick-queue-root')!.text.replace(/^ {4}root: .*$/m, '    root: /var/spool/hostile-relay');
    writeFileSync(path.join(dir, 'valid.yaml'), valid);
    const out = path.join(dir, 'out-kept');
    expect((await runCli(['build', 'valid.yaml', '--out', out], { cwd: dir })).code).toBe(0);
    const before = readTree(out);
    expect(before.size).toBeGreaterThan(5);
    for (const c of cases) {
      writeFileSync(path.join(dir, 'again.yaml'), c.text);
      expect((await runCli(['build', 'again.yaml', '--out', out], { cwd: dir })).code).toBe(1);
    }
    expect(readTree(out)).toEqual(before);
  });

  it('refuses a config over 1 MiB and a config that is a FIFO with exit 2, reading neither', async () => {
    const huge = path.join(dir, 'huge.yaml');
    writeFileSync(huge, `# ${'x'.repeat(CONFIG_MAX_BYTES)}\n${cases[0].text}`);
    const big = await runCli(['build', 'huge.yaml', '--out', path.join(dir, 'out-huge')], { cwd: dir });
    expect(big.code).toBe(2);
    expect(big.stderr).toContain('cannot read config huge.yaml: it is larger than the 1 MiB limit');
    expect(existsSync(path.join(dir, 'out-huge'))).toBe(false);

    execFileSync('mkfifo', [path.join(dir, 'pipe.yaml')]);
    const pipe = await runCli(['lint', 'pipe.yaml'], { cwd: dir });
    expect(pipe.code).toBe(2);
    expect(pipe.stderr).toContain('cannot read config pipe.yaml: it is a FIFO (named pipe), not a regular file');
  });

  it('starts from a config that is clean but for the hostile value', async () => {
    const valid = cases[0].text.replace(/^ {4}root: .*$/m, '    root: /var/spool/hostile-relay');
    writeFileSync(path.join(dir, 'clean.yaml'), valid);
    const result = await runCli(['lint', 'clean.yaml', '--format', 'json'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).findings.filter((f: { severity: string }) => f.severity !== 'info')).toEqual([]);
  });
});

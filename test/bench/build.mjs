// Benchmark: `relayconf build` on generated configs of 1, 10, 100 and 1,000 sending domains (3 senders
// and 2 DKIM selectors each): wall time, time inside the command, peak RSS and tree size, so the
// growth is visible. Each run is a fresh `node` process calling the built CLI's main() (dist/).
import { spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const REPO = path.resolve(import.meta.dirname, '../..');
const MAIN = path.join(REPO, 'dist/cli/main.js');
export const SIZES = [1, 10, 100, 1000];

/** A lint-clean config with `n` sending domains; every selector reads one of two shared key files. */
export function benchConfig(n) {
  const domains = [];
  for (let i = 1; i <= n; i++) {
    const d = `brand${String(i).padStart(4, '0')}-mail.net`;
    domains.push(`  - name: ${d}
    returnPath: bounces@${d}
    senders:
      - { address: noreply@${d}, name: Brand ${i} }
      - { address: support@${d}, name: Brand ${i} Support }
      - { address: billing@${d} }
    dkim:
      signWith: mail202606
      selectors:
        - { name: mail202606, publicKeyFile: keys/a.pub }
        - { name: mail202512, publicKeyFile: keys/b.pub }
    spf: { all: "-all" }
    dmarc: { policy: reject, rua: [dmarc@${d}], adkim: s, aspf: s }
    mx: [{ priority: 1, host: smtp.google.com }]`);
  }
  return `version: 1
name: bench-relay
mta: { hostname: mail.bench-relay.net, ipv4: 94.130.10.20, ptr: mail.bench-relay.net }
delivery: { milterDefault: tempfail }
domains:
${domains.join('\n')}
`;
}

// Runs in the child: main() with sinks, timed from inside, then the process's peak RSS.
const CHILD = `
import { Writable } from 'node:stream';
const [main, config, out] = process.argv.slice(1);
const { main: run } = await import(main);
const sink = () => Object.assign(new Writable({ write(c, e, done) { done(); } }), { isTTY: false });
const start = performance.now();
const code = await run(['build', config, '--out', out], { stdout: sink(), stderr: sink(), cwd: process.cwd(), env: {} });
const ms = performance.now() - start;
process.stdout.write(JSON.stringify({ code, ms, maxRssKB: process.resourceUsage().maxRSS }));
`;

function buildOnce(config, out) {
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', CHILD, MAIN, config, out], { encoding: 'utf8' });
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  if (child.status !== 0) throw new Error(`bench child failed: ${child.stderr}`);
  const result = JSON.parse(child.stdout);
  if (result.code !== 0) throw new Error(`relayconf build exited ${result.code} on the ${config} bench config`);
  return { ...result, wallMs };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function benchBuild({ sizes = SIZES, runs = 3 } = {}) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'relayconf-bench-build-'));
  try {
    mkdirSync(path.join(dir, 'keys'));
    for (const name of ['a', 'b']) {
      const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
      writeFileSync(path.join(dir, 'keys', `${name}.pub`), publicKey.export({ type: 'spki', format: 'pem' }));
    }
    const rows = [];
    for (const n of sizes) {
      const config = path.join(dir, `relay-${n}.config.yaml`);
      writeFileSync(config, benchConfig(n));
      const out = path.join(dir, `out-${n}`);
      const samples = [];
      // The 1,000-domain build takes seconds: one sample of it says enough about the growth.
      for (let i = 0; i < (n >= 1000 ? 1 : runs); i++) samples.push(buildOnce(config, out));
      const manifest = readFileSync(path.join(out, 'MANIFEST'), 'utf8').trim().split('\n');
      const bytes = spawnSync('du', ['-sb', out], { encoding: 'utf8' }).stdout.split('\t')[0];
      rows.push({
        domains: n,
        files: manifest.length + 1,
        treeKB: Math.round(Number(bytes) / 1024),
        wallMs: Math.round(median(samples.map((s) => s.wallMs))),
        buildMs: Math.round(median(samples.map((s) => s.ms))),
        peakRssMB: Math.round(median(samples.map((s) => s.maxRssKB)) / 1024),
      });
    }
    const base = rows[0];
    const table = [
      '| domains | files | tree KB | wall ms | in-command ms | peak RSS MB | ms per domain (vs 1) |',
      '| ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...rows.map((r) => `| ${r.domains} | ${r.files} | ${r.treeKB} | ${r.wallMs} | ${r.buildMs} | ${r.peakRssMB} | ${((r.buildMs - base.buildMs) / Math.max(1, r.domains - base.domains)).toFixed(2)} |`),
    ].join('\n');
    console.log(table);
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchBuild();

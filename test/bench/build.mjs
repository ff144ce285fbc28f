// Benchmark: `relayconf build` on generated configs of 1, 10, 100 and 1,000 sending domains (3 senders
// and 2 DKIM selectors each): wall time, its ratio to the 1-domain build, peak RSS and tree size, so
// the growth is visible. Each run is a fresh process of the built binary, as an admin runs it.
import { spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const REPO = path.resolve(import.meta.dirname, '../..');
// RELAYCONF_BENCH_BIN runs another build of the binary (say, main's) through the same bench.
const BIN = process.env.RELAYCONF_BENCH_BIN ?? path.join(REPO, 'dist/cli/bin.cjs');
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

// Preloaded into each run of the real binary: its peak RSS, written as the process exits (bin.cjs may
// call process.exit), to the file the bench names; it costs every size the same few microseconds.
const PRELOAD = `process.on('exit', () => require('node:fs').writeFileSync(process.env.RELAYCONF_BENCH_RSS, String(process.resourceUsage().maxRSS)));\n`;

/** One `relayconf build` through the installed binary (dist/cli/bin.cjs), as an admin runs it: wall ms and peak RSS. */
function buildOnce(dir, config, out) {
  const rssFile = path.join(dir, 'rss');
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, ['-r', path.join(dir, 'preload.cjs'), BIN, 'build', config, '--out', out], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, RELAYCONF_BENCH_RSS: rssFile },
  });
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  if (child.status !== 0) throw new Error(`relayconf build exited ${child.status} on the ${config} bench config: ${child.stderr}`);
  return { wallMs, maxRssKB: Number(readFileSync(rssFile, 'utf8')) };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Milliseconds to create 1,000 empty files in a new directory under `parent` (median of 3): the floor
 * the 1,000-domain tree's ~1,000 files pay there. It is the file system's, not relayconf's, and it
 * varies by directory: 17 to 251 ms for new directories on one ext4 disk of the machines measured.
 */
function fileCreationMs(parent) {
  const samples = [];
  for (let round = 0; round < 3; round++) {
    const dir = mkdtempSync(path.join(parent, 'relayconf-bench-creat-'));
    const start = process.hrtime.bigint();
    for (let i = 0; i < 1000; i++) closeSync(openSync(path.join(dir, `f${i}`), 'wx'));
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
    rmSync(dir, { recursive: true, force: true });
  }
  return median(samples);
}

/**
 * `runs` rounds, each building every size once in turn (1, 10, 100, 1,000, then again), so load from
 * other processes falls on every size alike; one warm-up round fills the file cache and the code cache.
 * The ratio is each size's median wall time over the 1-domain build's; the paired ratio is the median
 * of each round's own ratio, which a drifting machine speed does not skew.
 */
export async function benchBuild({ sizes = SIZES, runs = Number(process.env.BENCH_RUNS ?? 5) } = {}) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'relayconf-bench-build-'));
  try {
    mkdirSync(path.join(dir, 'keys'));
    writeFileSync(path.join(dir, 'preload.cjs'), PRELOAD);
    for (const name of ['a', 'b']) {
      const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
      writeFileSync(path.join(dir, 'keys', `${name}.pub`), publicKey.export({ type: 'spki', format: 'pem' }));
    }
    const configs = sizes.map((n) => {
      const config = path.join(dir, `relay-${n}.config.yaml`);
      writeFileSync(config, benchConfig(n));
      return { n, config, out: path.join(dir, `out-${n}`), samples: [] };
    });
    for (const c of configs) buildOnce(dir, c.config, c.out);
    for (let round = 0; round < runs; round++) for (const c of configs) c.samples.push(buildOnce(dir, c.config, c.out));

    const base = configs[0];
    const rows = configs.map((c) => {
      const manifest = readFileSync(path.join(c.out, 'MANIFEST'), 'utf8').trim().split('\n');
      const bytes = spawnSync('du', ['-sb', c.out], { encoding: 'utf8' }).stdout.split('\t')[0];
      const wallMs = median(c.samples.map((s) => s.wallMs));
      return {
        domains: c.n,
        files: manifest.length + 1,
        treeKB: Math.round(Number(bytes) / 1024),
        wallMs: Math.round(wallMs),
        ratio: Number((wallMs / median(base.samples.map((s) => s.wallMs))).toFixed(2)),
        pairedRatio: Number(median(c.samples.map((s, i) => s.wallMs / base.samples[i].wallMs)).toFixed(2)),
        maxRssMB: Math.round(median(c.samples.map((s) => s.maxRssKB)) / 1024),
      };
    });
    const table = [
      `relayconf build (${path.relative(REPO, BIN)}), median of ${runs} alternating runs per size:`,
      `(creating 1,000 empty files in the bench's directory takes ${fileCreationMs(dir).toFixed(0)} ms: the file system's share of the 1,000-domain build, which varies by directory)`,
      '| domains | files | tree KB | wall ms | ratio vs 1 domain | paired ratio | max RSS MB |',
      '| ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...rows.map((r) => `| ${r.domains} | ${r.files} | ${r.treeKB} | ${r.wallMs} | ${r.ratio.toFixed(2)}x | ${r.pairedRatio.toFixed(2)}x | ${r.maxRssMB} |`),
    ].join('\n');
    console.log(table);
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchBuild();

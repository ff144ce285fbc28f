// Benchmark: median wall time of `relayconf lint` on the root config against `node -e 0`
// (the floor any Node CLI pays), measured in the same run, alternating; reported as a ratio.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const REPO = path.resolve(import.meta.dirname, '../..');

/** Wall time of one run of `node ...argv` in the repository, in ms. */
function timeMs(argv, env = process.env) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, argv, { cwd: REPO, stdio: 'ignore', env });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0 && result.status !== 1) throw new Error(`${argv.join(' ')} exited ${result.status}`);
  return ms;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * Median of `runs` runs each, alternating `node -e 0` and `relayconf lint` so that load from other
 * processes falls on both alike; two warm-up runs each fill the file cache (and lint's compile cache).
 */
export async function benchLint({ runs = 10, env = process.env } = {}) {
  const floorArgv = ['-e', '0'];
  const bin = path.join(REPO, 'dist/cli/bin.cjs');
  const lintArgv = [bin, 'lint'];
  // The root config uses documentation names (example.com), which lint decides without the
  // Public Suffix List; a config with real-looking names loads it. Both are timed.
  const pslArgv = [bin, 'lint', 'examples/direct-multi-domain/relay.config.yaml'];
  for (let i = 0; i < 2; i++) timeMs(floorArgv, env), timeMs(lintArgv, env), timeMs(pslArgv, env);
  const floor = [];
  const lint = [];
  const psl = [];
  for (let i = 0; i < runs; i++) {
    floor.push(timeMs(floorArgv, env));
    lint.push(timeMs(lintArgv, env));
    psl.push(timeMs(pslArgv, env));
  }
  const floorMs = median(floor);
  const lintMs = median(lint);
  const pslLintMs = median(psl);
  // Each lint run against the floor run just before it: when the machine's speed drifts during
  // the run (seen here: node -e 0 from 105 to 150 ms), pairs share the drift and medians do not.
  const pairedRatio = median(lint.map((ms, i) => ms / floor[i]));
  return { floorMs, lintMs, ratio: lintMs / floorMs, pairedRatio, pslLintMs, pslRatio: pslLintMs / floorMs };
}

/** Prints one environment's figures. */
function report(r, label) {
  console.log(`lint${label}: median ${r.lintMs.toFixed(1)} ms vs node -e 0 ${r.floorMs.toFixed(1)} ms: ${r.ratio.toFixed(2)}x (target <= 1.5x); median of paired ratios ${r.pairedRatio.toFixed(2)}x`);
  console.log(`lint examples/direct-multi-domain${label} (Public Suffix List loaded): median ${r.pslLintMs.toFixed(1)} ms: ${r.pslRatio.toFixed(2)}x`);
}

/**
 * The environment as given and, when NODE_EXTRA_CA_CERTS is set, without it: that variable makes
 * every Node start parse the bundle of certificates it names (about 40 ms with Debian's, measured
 * here), which inflates the floor and flatters the ratio; machines without it (most CI runners)
 * see the second figure.
 */
export async function benchLintAll() {
  const results = { asGiven: await benchLint() };
  if (process.env.NODE_EXTRA_CA_CERTS) {
    const { NODE_EXTRA_CA_CERTS: _, ...env } = process.env;
    results.withoutExtraCaCerts = await benchLint({ env });
  }
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const results = await benchLintAll();
  report(results.asGiven, '');
  if (results.withoutExtraCaCerts) report(results.withoutExtraCaCerts, ' without NODE_EXTRA_CA_CERTS');
}

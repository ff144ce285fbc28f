// Benchmark: median wall time of `relayconf lint` on the root config against `node -e 0`
// (the floor any Node CLI pays), measured in the same run; reported as a ratio.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const REPO = path.resolve(import.meta.dirname, '../..');

function medianMs(argv, runs) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, argv, { cwd: REPO, stdio: 'ignore' });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (result.status !== 0 && result.status !== 1) throw new Error(`${argv.join(' ')} exited ${result.status}`);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

export async function benchLint({ runs = 10 } = {}) {
  medianMs(['-e', '0'], 2); // warm the file cache for both
  medianMs([path.join(REPO, 'dist/cli/bin.js'), 'lint'], 2);
  const floor = medianMs(['-e', '0'], runs);
  const lint = medianMs([path.join(REPO, 'dist/cli/bin.js'), 'lint'], runs);
  return { floorMs: floor, lintMs: lint, ratio: lint / floor };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await benchLint();
  console.log(`lint: median ${r.lintMs.toFixed(1)} ms vs node -e 0 ${r.floorMs.toFixed(1)} ms: ${r.ratio.toFixed(2)}x (target <= 3x)`);
}

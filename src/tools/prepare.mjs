// `npm prepare`: builds dist/. Installed as a git dependency by a global install (what pre-commit
// 4's `language: node` runs: npm install -g git+URL), npm leaks npm_config_global=true into the
// clone's own install, so the build tools land globally and the clone has no node_modules; the
// build then cannot import them. Install them into the clone first, then build.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const run = (args, env = process.env) => {
  const result = spawnSync('npm', args, { cwd: root, stdio: 'inherit', env });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

if (!existsSync(new URL('../../node_modules/typescript/package.json', import.meta.url))) {
  const env = { ...process.env, npm_config_global: 'false' };
  run(['install', '--no-save', '--include=dev', '--ignore-scripts', '--no-audit', '--no-fund'], env);
}
run(['run', 'build']);

// Host side of the deploy VM test: the admin's machine. Copies a config, makes its signing key with `relayconf keygen`, builds the tree with `relayconf build`.
// Everything goes into a fresh temp directory: the config's public key files (keygen overwrites the
// signing selector's, so the tree's DKIM record matches a private key this test holds), the private
// key directory (what APPLY.md calls $DKIM_PRIVATE_DIR) and the build's out/.
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { loadConfigFile } from '../../../src/config/load.js';
import type { DomainModel, RelayModel } from '../../../src/config/model.js';

const run = promisify(execFile);

export interface PreparedBuild {
  dir: string;
  configPath: string;
  /** $DKIM_PRIVATE_DIR on the admin's machine: <domain>/<selector>.private */
  privateDir: string;
  out: string;
  model: RelayModel;
  domain: DomainModel;
  /** The private key of domain's signWith selector. */
  privateKey: string;
  /** What `relayconf build` printed (findings, the summary line). */
  buildOutput: string;
}

/** The CLI as an admin runs it (node dist/cli/bin.cjs = the installed `relayconf`). */
async function cli(bin: string, args: string[], cwd: string): Promise<string> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } });
    return `${stdout}${stderr}`;
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    throw new Error(`relayconf ${args.join(' ')} exited ${e.code}:\n${e.stdout ?? ''}${e.stderr ?? ''}`);
  }
}

/**
 * Copies SOURCE (a relay.config.yaml, through `adjust` when given) and every public key file it names
 * into a temp dir, runs keygen for the first domain's signWith selector, and builds into <dir>/out.
 */
export async function prepareBuild(repo: string, source: string, adjust: (text: string) => string = (text) => text): Promise<PreparedBuild> {
  const bin = path.join(repo, 'dist/cli/bin.cjs');
  if (!existsSync(bin)) throw new Error(`${bin} is missing: run npm run build first`);
  const original = await loadConfigFile(source);
  if (!original.model) throw new Error(`${source} does not load: ${original.findings.map((f) => f.message).join('; ')}`);

  const dir = mkdtempSync(path.join(tmpdir(), 'relayconf-vm-deploy-'));
  const configPath = path.join(dir, 'relay.config.yaml');
  const privateDir = path.join(dir, 'dkim-private');
  const out = path.join(dir, 'out');
  writeFileSync(configPath, adjust(readFileSync(source, 'utf8')));
  const first = original.model.domains[0];
  for (const d of original.model.domains) {
    for (const selector of d.dkim.selectors) {
      const target = path.join(dir, selector.publicKeyFile);
      mkdirSync(path.dirname(target), { recursive: true });
      copyFileSync(selector.publicKeyPath, target);
    }
  }
  // The signing selector's key pair is made here; the other selectors stay published as committed.
  const selector = first.dkim.selectors.find((s) => s.name === first.dkim.signWith);
  if (!selector) throw new Error(`${source}: signWith ${first.dkim.signWith} is not among the selectors`);
  await cli(bin, ['keygen', '--domain', first.name, '--selector', selector.name, '--private-dir', privateDir,
    '--public-file', selector.publicKeyFile, '--force', 'relay.config.yaml'], dir);
  const buildOutput = await cli(bin, ['build', 'relay.config.yaml', '--out', out], dir);

  const built = await loadConfigFile(configPath);
  if (!built.model) throw new Error(`${configPath} does not load after keygen`);
  const domain = built.model.domains[0];
  const privateKey = path.join(privateDir, domain.name, `${domain.dkim.signWith}.private`);
  if (!readFileSync(privateKey, 'utf8').includes('PRIVATE KEY')) throw new Error(`${privateKey} is not a PEM private key`);
  return { dir, configPath, privateDir, out, model: built.model, domain, privateKey, buildOutput };
}

// The packages APPLY.md installs (from main.cf as written) and its Node.js check, run with the real node.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeVersionCheck, RELAY_NODE_MAJOR, serverPackages } from '../../../src/outputs/apply/packages.js';
import { encodeShellCommand } from '../../../src/outputs/encode/shell.js';
import { tempDir } from '../../helpers/tmp.js';
import { modelFrom } from '../model.js';

const REPO = path.resolve(import.meta.dirname, '../../..');
const names = (fragment: string) => serverPackages(modelFrom(fragment)).map((p) => p.name);
const BASE = ['postfix', 'opendkim', 'nodejs', 'rsync', 'curl'];
const SMARTHOST = 'delivery: { mode: relayhost, tls: encrypt, relayhost: { host: smtp.example.net, auth: { username: u, passwordFile: /etc/postfix/sasl_passwd } } }';

describe('serverPackages', () => {
  it('installs the daemons and the tools the steps use; SASL plugins and the CA bundle only when main.cf needs them', () => {
    expect(names('')).toEqual(BASE);
    expect(names('delivery: { tls: dane }')).toEqual(BASE);
    expect(names('delivery: { tls: verify }')).toEqual([...BASE, 'ca-certificates']);
    // A smarthost's certificate is checked against Debian's bundle unless the config names its own CA file.
    expect(names(SMARTHOST)).toEqual([...BASE, 'libsasl2-modules', 'ca-certificates']);
    expect(names('delivery: { mode: relayhost, tls: secure, relayhost: { host: smtp.example.net, caFile: /etc/postfix/smarthost-ca.pem } }')).toEqual(BASE);
  });

  it('says why each package is there', () => {
    expect(serverPackages(modelFrom(SMARTHOST)).map((p) => `${p.name}: ${p.why}`)).toEqual([
      'postfix: the MTA (Debian 12 ships Postfix 3.7)',
      'opendkim: the DKIM signing milter',
      `nodejs: runs server.js, which needs Node.js ${RELAY_NODE_MAJOR} or later (Debian 12's nodejs is 18.x) and no npm install`,
      'rsync: receives the tree and installs it',
      'curl: the health check',
      'libsasl2-modules: the SASL mechanisms Postfix authenticates to the smarthost with',
      "ca-certificates: /etc/ssl/certs/ca-certificates.crt, which Postfix verifies the next hop's certificate against",
    ]);
  });
});

describe('the Node.js check', () => {
  const line = encodeShellCommand(nodeVersionCheck(), { output: 'APPLY.md', key: 'test', from: [] });

  it('is built for the Node.js major the relay bundle targets', () => {
    const bundler = readFileSync(path.join(REPO, 'src/tools/bundle-relay.mjs'), 'utf8');
    expect(/target: 'node(\d+)'/.exec(bundler)?.[1]).toBe(String(RELAY_NODE_MAJOR));
  });

  it('passes on this node and stops, saying why, on an older one', () => {
    const here = spawnSync('sh', ['-ec', line], { encoding: 'utf8' });
    expect([here.status, here.stdout]).toEqual([0, `Node.js ${process.versions.node}\n`]);
    // An older node, simulated by a preload that reports another version (what Debian 11's nodejs 12 would say).
    const preload = path.join(tempDir('relayconf-node-'), 'old.cjs');
    writeFileSync(preload, "Object.defineProperty(process, 'versions', { value: { ...process.versions, node: '12.22.12' } });\n");
    const old = spawnSync('sh', ['-ec', line], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: `--require ${preload}` } });
    expect([old.status, old.stdout, old.stderr]).toEqual([1, 'Node.js 12.22.12\n', `server.js needs Node.js ${RELAY_NODE_MAJOR} or later\n`]);
  });
});

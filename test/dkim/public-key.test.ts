// Reading DKIM public keys for a config load: each key file read once, each distinct content parsed
// once (counted by spies on the file read and on the DER reader every parse starts with), and the
// answers exactly what reading each file alone gives.
import { generateKeyPairSync } from 'node:crypto';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../helpers/tmp.js';

const counts = vi.hoisted(() => ({ reads: [] as string[], parses: 0 }));

vi.mock('../../src/util/read-regular-file.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/util/read-regular-file.js')>();
  return {
    ...actual,
    readRegularFile: (file: string, max: number) => {
      counts.reads.push(file);
      return actual.readRegularFile(file, max);
    },
  };
});
vi.mock('../../src/dkim/spki-der.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/dkim/spki-der.js')>();
  return {
    ...actual,
    readRsaSpkiPem: (text: string) => {
      counts.parses += 1;
      return actual.readRsaSpkiPem(text);
    },
  };
});

const { dkimKeyReader, readDkimPublicKey } = await import('../../src/dkim/public-key.js');
const { loadConfigText } = await import('../../src/config/load.js');

const rsaPem = () => generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
const ed25519Pem = () => generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString();

function domainYaml(name: string, keys: [string, string]): string {
  return `  - name: ${name}
    senders: [{ address: noreply@${name} }]
    dkim:
      signWith: mail202606
      selectors:
        - { name: mail202606, publicKeyFile: ${keys[0]} }
        - { name: mail202512, publicKeyFile: ${keys[1]} }
    dmarc: { policy: reject, rua: [dmarc@${name}], adkim: s, aspf: s }
    mx: [{ priority: 1, host: smtp.google.com }]
`;
}

function configText(domains: [string, [string, string]][]): string {
  return `version: 1
name: keys-relay
mta: { hostname: mail.keys-relay.net, ipv4: 94.130.10.20 }
domains:
${domains.map(([name, keys]) => domainYaml(name, keys)).join('')}`;
}

beforeEach(() => {
  counts.reads.length = 0;
  counts.parses = 0;
});

describe('dkimKeyReader', () => {
  it('reads each path once and parses each distinct content once, with the answers of a lone read', () => {
    const dir = tempDir('relayconf-keys-');
    mkdirSync(path.join(dir, 'keys'));
    writeFileSync(path.join(dir, 'keys/a.pub'), rsaPem());
    writeFileSync(path.join(dir, 'keys/b.pub'), rsaPem());
    writeFileSync(path.join(dir, 'keys/ed.pub'), ed25519Pem());
    // The same key under another name: read on its own, parsed with a.pub's content.
    copyFileSync(path.join(dir, 'keys/a.pub'), path.join(dir, 'keys/a-copy.pub'));
    const text = configText([
      ['one-mail.net', ['keys/a.pub', 'keys/b.pub']],
      ['two-mail.net', ['keys/a.pub', 'keys/a-copy.pub']],
      ['three-mail.net', ['keys/ed.pub', 'keys/missing.pub']],
      ['four-mail.net', ['keys/b.pub', 'keys/missing.pub']],
    ]);
    const loaded = loadConfigText(text, { file: 'relay.config.yaml', absPath: path.join(dir, 'relay.config.yaml') });
    expect(loaded.model).not.toBeNull();

    const abs = (name: string) => path.join(dir, 'keys', name);
    expect([...counts.reads].sort()).toEqual(['a-copy.pub', 'a.pub', 'b.pub', 'ed.pub', 'missing.pub'].map(abs));
    // a (and its copy), b, ed25519; a missing file is never parsed.
    expect(counts.parses).toBe(3);

    const selectors = loaded.model!.domains.flatMap((d) => d.dkim.selectors);
    expect(selectors.map((s) => s.key.status)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'missing', 'ok', 'missing']);
    for (const selector of selectors) expect(selector.key).toEqual(readDkimPublicKey(selector.publicKeyPath));
    expect(selectors[4].key).toMatchObject({ keyType: 'ed25519', bits: 256 });
  });

  it('keeps nothing between loads: a key file replaced between two builds gives the new key', () => {
    const dir = tempDir('relayconf-keys-');
    const file = path.join(dir, 'a.pub');
    writeFileSync(file, rsaPem());
    const first = dkimKeyReader()(file);
    writeFileSync(file, rsaPem());
    const second = dkimKeyReader()(file);
    expect(first.status).toBe('ok');
    expect(second).toEqual(readDkimPublicKey(file));
    expect(second).not.toEqual(first);
  });

  it('keys parses by content: two names holding one key are one parse, a changed content is another', () => {
    const dir = tempDir('relayconf-keys-');
    const pem = rsaPem();
    writeFileSync(path.join(dir, 'x.pub'), pem);
    writeFileSync(path.join(dir, 'y.pub'), pem);
    writeFileSync(path.join(dir, 'z.pub'), rsaPem());
    const read = dkimKeyReader();
    const [x, y, z] = ['x.pub', 'y.pub', 'z.pub'].map((name) => read(path.join(dir, name)));
    expect(counts.parses).toBe(2);
    expect(y).toEqual(x);
    expect(z.status === 'ok' && x.status === 'ok' && z.dnsPublicKey !== x.dnsPublicKey).toBe(true);
    // Asked again, nothing is read or parsed again.
    read(path.join(dir, 'x.pub'));
    expect(counts.reads).toHaveLength(3);
    expect(counts.parses).toBe(2);
  });
});

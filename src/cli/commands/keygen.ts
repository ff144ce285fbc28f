// `relayconf keygen --domain D`: a DKIM key pair; the private key (PEM, 0600) outside any git work
// tree, the public key where the config references it; prints the config snippet and the TXT record.
import { chmodSync, existsSync, mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Command } from '../types.js';
import { parseCommandArgs } from '../args.js';
import { EXIT, UsageError } from '../types.js';
import { displayPath, loadConfigFile } from '../../config/load.js';
import type { DomainModel } from '../../config/model.js';
import { readDkimPublicKey } from '../../dkim/public-key.js';
import { defaultSelector, generateDkimKeyPair, KeyStrengthError, MIN_RSA_BITS, type DkimKeyType } from '../../dkim/generate.js';
import { dkimTxt } from '../../dns/records.js';
import { quoteTxt, splitTxt } from '../../dns/txt.js';

const LDH_LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/i;

const command: Command = {
  name: 'keygen',
  summary: 'generate a DKIM key pair (private key outside the repository)',
  help: `Usage: relayconf keygen --domain DOMAIN [options] [config]

Generates a DKIM key pair. The private key (PEM, mode 0600) goes to PRIVATE_DIR/DOMAIN/SELECTOR.private,
never into a git work tree; the public key goes where the config references it. Prints the config
snippet to add and the DNS record to publish.

Options:
      --domain DOMAIN      the signing domain (d=), e.g. example.com (required)
      --selector NAME      the selector (default: mail<YYYYMM> of the current UTC month, e.g. ${defaultSelector()})
      --type rsa|ed25519   key type (default rsa; Ed25519 is not verified by every receiver yet)
      --bits N             RSA modulus size (default ${MIN_RSA_BITS}; below ${MIN_RSA_BITS} is refused)
      --private-dir DIR    where private keys go (default ~/.relayconf/dkim); refused inside the git
                           work tree of the current directory or of the config, unless --force
      --public-file PATH   the public key file (default keys/DOMAIN/SELECTOR.pub, relative to the
                           config's directory when a config is given, else the current directory)
      --force              allow a private dir inside a git work tree, and overwrite existing key files
  -h, --help               this help

Rotation: add the new selector (published, not signing), build and publish DNS, run
\`relayconf check-dns\` until the selector is published and matching, switch signWith, and remove
the old selector after the TTL and a grace period.

Exit codes: 0 written, 2 usage error (bad option, weak key, refused path), 3 internal error.
`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs('keygen', args, {
      domain: { type: 'string' },
      selector: { type: 'string' },
      type: { type: 'string' },
      bits: { type: 'string' },
      'private-dir': { type: 'string' },
      'public-file': { type: 'string' },
      force: { type: 'boolean', default: false },
    });
    if (positionals.length > 1) throw new UsageError(`keygen takes at most one config path (got ${positionals.length})`);
    const domain = (values.domain ?? '').toLowerCase().replace(/\.$/, '');
    if (!domain) throw new UsageError('--domain is required, e.g. --domain example.com');
    if (domain.split('.').length < 2 || !domain.split('.').every((l) => LDH_LABEL.test(l))) throw new UsageError(`--domain must be a domain name like example.com (got "${values.domain}")`);
    const selector = values.selector ?? defaultSelector();
    if (!selector.split('.').every((l) => LDH_LABEL.test(l))) throw new UsageError(`--selector must be letters, digits and inner hyphens, e.g. mail202611 (got "${selector}")`);
    const type = (values.type ?? 'rsa') as DkimKeyType;
    if (type !== 'rsa' && type !== 'ed25519') throw new UsageError(`--type must be rsa or ed25519 (got "${values.type}")`);
    if (type === 'ed25519' && values.bits !== undefined) throw new UsageError('--bits applies to RSA keys only; Ed25519 keys are always 256 bits');
    let bits = MIN_RSA_BITS;
    if (values.bits !== undefined) {
      if (!/^\d+$/.test(values.bits)) throw new UsageError(`--bits takes a whole number (got "${values.bits}")`);
      bits = Number(values.bits);
    }

    // The config, when given, places the public key file and supplies the TTL.
    let baseDir = io.cwd;
    let ttl = 3600;
    let configDomain: DomainModel | undefined;
    let configFile: string | null = null;
    if (positionals[0] !== undefined) {
      const loaded = await loadConfigFile(positionals[0], io.cwd);
      baseDir = path.dirname(loaded.source.absPath);
      configFile = loaded.source.file;
      if (loaded.model) {
        ttl = loaded.model.dns.ttl;
        configDomain = loaded.model.domains.find((d) => d.name.toLowerCase() === domain);
        if (!configDomain) io.stderr.write(`relayconf keygen: note: ${configFile} has no domain ${domain}; the snippet below assumes you add it\n`);
      } else {
        io.stderr.write(`relayconf keygen: note: ${configFile} does not load (run \`relayconf lint\`); only its directory is used\n`);
      }
    }

    const home = io.env.HOME ?? os.homedir();
    const privateDir = path.resolve(io.cwd, values['private-dir'] ?? path.join(home, '.relayconf', 'dkim'));
    const trees = [...new Set([findWorkTree(io.cwd), findWorkTree(baseDir)].filter((t): t is string => t !== null))];
    const inside = trees.find((tree) => isInside(privateDir, tree));
    if (inside && !values.force) {
      throw new UsageError(
        `refusing to write the private key under ${privateDir}: it is inside the git work tree ${inside}, one \`git add\` away from being committed (the self-hosted HTTP relay build guide, step 8). Use --private-dir outside the repository (default ~/.relayconf/dkim), or --force`,
      );
    }
    const privateFile = path.join(privateDir, domain, `${selector}.private`);
    const publicFile = path.resolve(baseDir, values['public-file'] ?? path.join('keys', domain, `${selector}.pub`));
    for (const file of [privateFile, publicFile]) {
      if (existsSync(file) && !values.force) {
        throw new UsageError(`${displayPath(file, io.cwd)} already exists; a new key under a published selector breaks its DNS record. Pick a new selector (the default is dated) or --force`);
      }
    }

    let pair;
    try {
      pair = generateDkimKeyPair(type, bits);
    } catch (error) {
      if (error instanceof KeyStrengthError) throw new UsageError(error.message);
      throw error;
    }

    // 0700 directories and a 0600 file: OpenDKIM refuses keys others can read (RequireSafeKeys).
    mkdirSync(path.join(privateDir, domain), { recursive: true, mode: 0o700 });
    chmodSync(path.join(privateDir, domain), 0o700);
    writeFileSync(privateFile, pair.privateKeyPem, { mode: 0o600, flag: values.force ? 'w' : 'wx' });
    chmodSync(privateFile, 0o600);
    mkdirSync(path.dirname(publicFile), { recursive: true });
    writeFileSync(publicFile, pair.publicKeyPem, { mode: 0o644, flag: values.force ? 'w' : 'wx' });

    // Read the public file back the way the config loader will, and render the record the build emits.
    const info = readDkimPublicKey(publicFile);
    if (info.status !== 'ok') throw new Error(`the public key just written does not read back: ${info.message}`);
    // dkimTxt needs only the selector's key: the one place that formats DKIM records (records.ts).
    const txt = dkimTxt({ dkim: { signWith: selector, selectors: [{ name: selector, publicKeyFile: '', publicKeyPath: publicFile, key: info }] } } as unknown as DomainModel, 0);
    if (!txt) throw new Error('no DKIM record for the generated key');

    const keyRef = path.relative(baseDir, publicFile).split(path.sep).join('/');
    const owner = `${selector}._domainkey.${domain}.`;
    const strings = splitTxt(txt).map(quoteTxt);
    const record = strings.length === 1 ? `${owner} ${ttl} IN TXT ${strings[0]}` : `${owner} ${ttl} IN TXT ( ${strings.join('\n    ')} )`;
    const signing = configDomain?.dkim.signWith;
    const config = configFile ?? 'relay.config.yaml';
    // The selector may already be in the config: the one that signs (a key written for a fresh or
    // restored config), or one published beside it. Only a new selector is "not signing yet".
    const isSigning = signing !== undefined && signing.toLowerCase() === selector.toLowerCase();
    const listed = configDomain?.dkim.selectors.find((s) => s.name.toLowerCase() === selector.toLowerCase());
    const snippet = ['', '   domains:', `     - name: ${domain}`, '       dkim:', '         selectors:', `           - name: ${selector}`, `             publicKeyFile: ${keyRef}`, ''];
    const step1 = isSigning
      ? [`1. ${config} already signs with ${selector} (signWith)${listed && listed.publicKeyFile !== keyRef ? `; point its publicKeyFile at ${keyRef}` : ': nothing to add'}.`]
      : listed
        ? [`1. ${config} already lists selector ${selector} (published, not signing; signWith is ${signing})${listed.publicKeyFile !== keyRef ? `; point its publicKeyFile at ${keyRef}` : ': nothing to add'}.`]
        : [`1. Add the selector to ${config}, published but not signing yet${signing ? ` (signWith stays ${signing})` : ''}:`, ...snippet];
    const step4 = isSigning
      ? `4. It signs as soon as the server has the key: publish the record first, and run \`relayconf check-dns\` until selector ${selector} is "published and matches".`
      : `4. Run \`relayconf check-dns\` until selector ${selector} is "published and matches", then set signWith: ${selector}.`;
    const lines = [
      `Wrote the private key ${privateFile} (mode 0600): keep it off git; it goes to the server only.`,
      `Wrote the public key  ${displayPath(publicFile, io.cwd)} (${type === 'rsa' ? `RSA ${pair.bits}` : 'Ed25519'}): commit this one.`,
      '',
      ...step1,
      ...(step1.length === 1 ? [''] : []),
      '2. Publish this TXT record (`relayconf build` also writes it into the zone file):',
      '',
      record,
      '',
      `3. Copy the private key to the server, e.g. /etc/opendkim/keys/${domain}/${selector}.private (owner opendkim, mode 0600).`,
      step4,
    ];
    if (type === 'ed25519') {
      lines.push('', 'Note: Ed25519 (RFC 8463) is not verified by every receiver: keep an RSA selector signing too. OpenDKIM signs with it only with SignatureAlgorithm ed25519-sha256.');
    }
    io.stdout.write(`${lines.join('\n')}\n`);
    return EXIT.ok;
  },
};
export default command;

/** The top of the git work tree holding `dir` (a `.git` directory or file on the way up), or null. */
export function findWorkTree(dir: string): string | null {
  let current = realpathOfExisting(dir);
  for (;;) {
    if (existsSync(path.join(current, '.git'))) return current;
    const parent = path.dirname(current);
    if (parent === current) return null;
    current = parent;
  }
}

/** The real path of `p`, resolving the deepest part that exists (the private dir may not exist yet). */
function realpathOfExisting(p: string): string {
  const rest: string[] = [];
  let current = path.resolve(p);
  for (;;) {
    try {
      return path.join(realpathSync(current), ...rest.reverse());
    } catch {
      const parent = path.dirname(current);
      if (parent === current) return path.resolve(p);
      rest.push(path.basename(current));
      current = parent;
    }
  }
}

function isInside(child: string, parent: string): boolean {
  const relative = path.relative(realpathOfExisting(parent), realpathOfExisting(child));
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

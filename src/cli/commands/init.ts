// `relayconf init`: writes a commented starter config and its first DKIM key pair; never overwrites.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Command } from '../types.js';
import { parseCommandArgs } from '../args.js';
import { EXIT, UsageError } from '../types.js';
import { hostnameProblem } from '../../rules/util/dns-name.js';
import { starterConfig } from '../../config/starter.js';
import { defaultSelector, generateDkimKeyPair } from '../../dkim/generate.js';

/** A DNS host name as an admin types it (letters, digits, inner hyphens, a TLD of letters). */

const HELP = `Usage: relayconf init --domain NAME [path] [options]

Writes a commented starter config (default ./relay.config.yaml) and a DKIM key pair for it:
the public key beside the config (keys/<domain>/<selector>.pub, committed) and the private key
outside the repository (--private-dir, default ~/.relayconf/dkim), mode 0600.
Refuses to overwrite an existing config or key. When relayconf is installed in the repository
(node_modules/relayconf), the config's first line points editors at its schema.

Options:
      --domain NAME        sending domain (required), e.g. --domain shop.example.net
      --hostname NAME      MTA hostname (default mail.<domain>)
      --ip ADDRESS         sending IPv4 (default 203.0.113.10, a documentation address)
      --mx HOST            the domain's receiving mail server, repeatable in priority order
                           (default none: lint warns until the config lists one)
      --name NAME          service name (default <first label of domain>-mail-relay)
      --selector NAME      DKIM selector (default mail<YYYYMM> of today)
      --private-dir DIR    where the private key goes (default ~/.relayconf/dkim)
  -h, --help               this help

Exit codes: 0 written, 2 usage error or a file already exists.
`;

const command: Command = {
  name: 'init',
  summary: 'write a commented starter relay.config.yaml',
  help: HELP,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs('init', args, {
      domain: { type: 'string' },
      hostname: { type: 'string' },
      ip: { type: 'string' },
      mx: { type: 'string', multiple: true },
      name: { type: 'string' },
      selector: { type: 'string' },
      'private-dir': { type: 'string' },
    });
    if (positionals.length > 1) throw new UsageError('init takes at most one path');
    // No placeholder domain: a starter for example.com builds, and would be deployed as is.
    if (values.domain === undefined) throw new UsageError('init needs --domain, the domain you send mail from, e.g. `relayconf init --domain shop.example.net`');
    const domain = values.domain.toLowerCase();
    if (hostnameProblem(domain) !== null) throw new UsageError(`--domain is not a domain name: "${domain}"`);
    const mxHosts = (values.mx ?? []).map((host) => host.toLowerCase().replace(/\.$/, ''));
    for (const host of mxHosts) {
      if (hostnameProblem(host) !== null) throw new UsageError(`--mx is not a host name: "${host}" (an MX names a host, never an address: RFC 5321 §5.1)`);
    }
    const selector = values.selector ?? defaultSelector();
    const configPath = path.resolve(io.cwd, positionals[0] ?? 'relay.config.yaml');
    const publicKeyFile = `keys/${domain}/${selector}.pub`;
    const publicKeyPath = path.join(path.dirname(configPath), publicKeyFile);
    const privateDir = path.resolve(io.cwd, values['private-dir'] ?? path.join(os.homedir(), '.relayconf', 'dkim'));
    const privateKeyPath = path.join(privateDir, domain, `${selector}.private`);
    const existing: Array<[string, string]> = [
      [configPath, 'give another config path as the argument'],
      [publicKeyPath, 'choose another --selector'],
      [privateKeyPath, 'choose another --selector or --private-dir'],
    ];
    for (const [file, instead] of existing) {
      if (existsSync(file)) throw new UsageError(`${file} already exists; init never overwrites: move it away, or ${instead}`);
    }
    const text = starterConfig({
      name: values.name ?? `${domain.split('.')[0]}-mail-relay`,
      domain,
      hostname: values.hostname ?? `mail.${domain}`,
      ipv4: values.ip ?? '203.0.113.10',
      selector,
      publicKeyFile,
      mxHosts,
      schemaPath: installedSchemaPath(path.dirname(configPath)),
    });
    // the self-hosted HTTP relay build guide, step 4: RSA 2048, the floor receivers expect (keygen's own generator).
    const pair = generateDkimKeyPair('rsa');
    mkdirSync(path.dirname(privateKeyPath), { recursive: true, mode: 0o700 });
    writeFileSync(privateKeyPath, pair.privateKeyPem, { mode: 0o600, flag: 'wx' });
    mkdirSync(path.dirname(publicKeyPath), { recursive: true });
    writeFileSync(publicKeyPath, pair.publicKeyPem, { flag: 'wx' });
    mkdirSync(path.dirname(configPath), { recursive: true });
    writeFileSync(configPath, text, { flag: 'wx' });
    io.stdout.write(
      `wrote ${configPath}\nwrote ${publicKeyPath} (public DKIM key: commit it)\nwrote ${privateKeyPath} (private key, mode 0600: never commit it; install it on the server as /etc/opendkim/keys/${domain}/${selector}.private)\nnext: edit the values, then \`relayconf lint\` and \`relayconf build\`\n`,
    );
    return EXIT.ok;
  },
};
export default command;

/**
 * The schema of a relayconf installed in the config's repository (node_modules/relayconf in the
 * config's directory or above), relative to the config; null when there is none, e.g. a global
 * install, whose path would dangle in every other clone.
 */
export function installedSchemaPath(configDir: string): string | null {
  for (let dir = configDir, up = './'; ; up = up === './' ? '../' : `${up}../`) {
    if (existsSync(path.join(dir, 'node_modules', 'relayconf', 'schema', 'relay.schema.json'))) return `${up}node_modules/relayconf/schema/relay.schema.json`;
    if (existsSync(path.join(dir, '.git')) || path.dirname(dir) === dir) return null;
    dir = path.dirname(dir);
  }
}

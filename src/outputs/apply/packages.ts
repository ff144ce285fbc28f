// The Debian 12 packages a built tree needs on its server, each with the reason, and the Node.js major server.js is built for.
import type { RelayModel } from '../../config/model.js';
import { buildPostfixModel, type PostfixModel } from '../postfix-model.js';
import type { ShellCommand } from '../encode/shell.js';
import { op } from '../encode/shell.js';

/**
 * The oldest Node.js the generated server.js runs on: Debian 12's own `nodejs` package (18.19).
 * src/tools/bundle-relay.mjs bundles for this target (a test keeps the two equal).
 */
export const RELAY_NODE_MAJOR = 18;
/** The node the relay unit's ExecStart runs (Debian's nodejs package and NodeSource's both install it). */
export const NODE_BINARY = '/usr/bin/node';
/** The CA bundle Debian's ca-certificates package writes; main.cf names it for verified TLS. */
const SYSTEM_CA_BUNDLE = '/etc/ssl/certs/ca-certificates.crt';

export interface ServerPackage {
  name: string;
  /** Why the tree needs it, for APPLY.md's prose. */
  why: string;
}

/**
 * What to `apt-get install`: the daemons the tree configures, the tools APPLY.md's steps run on the
 * server, and what main.cf as written needs (SASL mechanisms, the CA bundle). Tools every Debian 12
 * install has (coreutils, diffutils, findutils, mawk, passwd) are not listed.
 */
export function serverPackages(model: RelayModel, postfix: PostfixModel = buildPostfixModel(model)): ServerPackage[] {
  const packages: ServerPackage[] = [
    { name: 'postfix', why: 'the MTA (Debian 12 ships Postfix 3.7)' },
    { name: 'opendkim', why: 'the DKIM signing milter' },
    { name: 'nodejs', why: `runs server.js, which needs Node.js ${RELAY_NODE_MAJOR} or later (Debian 12's nodejs is 18.x) and no npm install` },
    { name: 'rsync', why: 'receives the tree and installs it' },
    { name: 'curl', why: 'the health check' },
  ];
  const parameters = postfix.parameters;
  // smtp_sasl_password_maps without the Cyrus SASL plugins fails with "no mechanism available".
  if (parameters.has('smtp_sasl_password_maps')) packages.push({ name: 'libsasl2-modules', why: 'the SASL mechanisms Postfix authenticates to the smarthost with' });
  if (parameters.get('smtp_tls_CAfile')?.value === SYSTEM_CA_BUNDLE) packages.push({ name: 'ca-certificates', why: `${SYSTEM_CA_BUNDLE}, which Postfix verifies the next hop's certificate against` });
  if (model.relay.webhooks.length > 0) packages.push({ name: 'openssl', why: 'makes the webhook signing secret (openssl rand)' });
  return packages;
}

/** Stops the step when the node the unit runs is older than the relay's target (a NodeSource or backports node passes). */
export function nodeVersionCheck(): ShellCommand {
  const script = `const v = process.versions.node; console.log("Node.js " + v); if (Number(v.split(".")[0]) < ${RELAY_NODE_MAJOR}) { console.error("server.js needs Node.js ${RELAY_NODE_MAJOR} or later"); process.exit(1) }`;
  return [NODE_BINARY, '-e', script];
}

/**
 * The install commands. Postfix is preseeded to "No configuration" first: otherwise a first install
 * answers debconf with "Internet Site" and starts a Postfix listening on every address before this
 * tree's loopback-only main.cf is in place. On a server that has the packages these are no-ops
 * (apt-get update may only warn when the archive cannot be reached; install then needs nothing from it).
 */
export function packageCommands(model: RelayModel, postfix?: PostfixModel): ShellCommand[] {
  return [
    ['echo', 'postfix postfix/main_mailer_type select No configuration', op('|'), 'debconf-set-selections'],
    ['apt-get', 'update'],
    ['DEBIAN_FRONTEND=noninteractive', 'apt-get', 'install', '-y', '--no-install-recommends', ...serverPackages(model, postfix).map((p) => p.name)],
    nodeVersionCheck(),
  ];
}

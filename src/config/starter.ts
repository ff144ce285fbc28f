// The commented starter config `relayconf init` writes: the smallest config that builds, with the
// reasoning next to each value so a new admin learns why it is there.

export interface StarterValues {
  name: string;
  domain: string;
  hostname: string;
  ipv4: string;
  selector: string;
  publicKeyFile: string;
  /** The domain's receiving MX hosts (--mx), in priority order; empty when init was not told. */
  mxHosts: string[];
  /** Path of relay.schema.json for editors, relative to the config; null when relayconf is not installed beside it. */
  schemaPath: string | null;
}

/** The yaml-language-server modeline, or a comment saying how to get one (never a dangling path). */
function schemaLine(schemaPath: string | null): string {
  if (schemaPath) return `# yaml-language-server: $schema=${schemaPath}`;
  return `# No local relayconf install was found, so there is no $schema line for editors. Once
# relayconf is a devDependency of this repository (README: "Use it in your config repository"),
# make the first line of this file
#   "# yaml-language-server: $schema=./node_modules/relayconf/schema/relay.schema.json"`;
}

/** A value line with its comment: comments start in one column however long the value is. */
function commented(line: string, comment: string): string {
  return `${line.padEnd(35)} # ${comment}`;
}

/** The mx block: the hosts given, or an empty list that lint reports until it is filled in. */
function mxBlock(hosts: string[]): string {
  if (hosts.length === 0) {
    const more = (text: string) => `${' '.repeat(36)}# ${text}`;
    return [commented('    mx: []', 'your existing receiving provider, never this relay:'),
      more('  lint reports it until you list it, e.g.'),
      more('  - { priority: 10, host: mx1.your-provider.net }')].join('\n');
  }
  return [commented('    mx:', 'your existing receiving provider, never this relay'),
    ...hosts.map((host, i) => `      - { priority: ${(i + 1) * 10}, host: ${host} }`)].join('\n');
}

export function starterConfig(v: StarterValues): string {
  return `${schemaLine(v.schemaPath)}
#
# relay.config.yaml for ${v.domain}, written by \`relayconf init\`. Keep it in git.
#   relayconf lint     checks it offline (the CI gate)
#   relayconf build    compiles it into out/ (rsync onto the server; publish out/dns/)
# Documentation values (203.0.113.0/24, example.*) draw warnings until you put in your own.

version: 1
${commented(`name: ${v.name}`, 'unit, env file, /opt dir and queue root derive from it')}

${commented('mta:', 'what recipients see (PTR, HELO, A)')}
${commented(`  hostname: ${v.hostname}`, 'HELO name; needs A -> ipv4 and PTR -> this name')}
${commented(`  ipv4: ${v.ipv4}`, "the sending IP; set its PTR in the provider's panel")}

domains:
  - name: ${v.domain}
${commented(`    returnPath: bounces@${v.domain}`, 'envelope sender: SPF domain and where bounces go')}
${commented('    senders:', 'the From allowlist')}
      - address: noreply@${v.domain}
        name: ${v.domain}
    dkim:
      signWith: ${v.selector}
      selectors:
        - name: ${v.selector}
${commented(`          publicKeyFile: ${v.publicKeyFile}`, 'committed; the private key stays off git')}
    spf:
${commented('      all: "~all"', 'tighten to -all once no other sender uses the domain')}
    dmarc:
${commented('      policy: quarantine', 'none only while observing')}
      rua: [dmarc@${v.domain}]
      adkim: s
      aspf: s
${mxBlock(v.mxHosts)}

delivery:
${commented('  milterDefault: tempfail', 'keep mail queued while OpenDKIM is down')}

relay:
${commented('  listen: 127.0.0.1:2525', 'loopback only; add an entry gateway before exposing it')}
`;
}

// The commented starter config `relayconf init` writes: the smallest config that builds, with the
// reasoning next to each value so a new admin learns why it is there.

export interface StarterValues {
  name: string;
  domain: string;
  hostname: string;
  ipv4: string;
  selector: string;
  publicKeyFile: string;
  /** Path of relay.schema.json for editors, relative to the config; null when relayconf is not installed beside it. */
  schemaPath: string | null;
}

/** The yaml-language-server modeline, or a comment saying how to get one (never a dangling path). */
function schemaLine(schemaPath: string | null): string {
  if (schemaPath) return `# yaml-language-server: $schema=${schemaPath}`;
  return `# No local relayconf install was found, so there is no $schema line for editors. After
# \`npm install --save-dev relayconf\` in this repository, make the first line of this file
#   "# yaml-language-server: $schema=./node_modules/relayconf/schema/relay.schema.json"`;
}

export function starterConfig(v: StarterValues): string {
  return `${schemaLine(v.schemaPath)}
#
# relay.config.yaml for ${v.domain}, written by \`relayconf init\`. Keep it in git.
#   relayconf lint     checks it offline (the CI gate)
#   relayconf build    compiles it into out/ (rsync onto the server; publish out/dns/)
# Documentation values (203.0.113.0/24, example.*) draw warnings until you put in your own.

version: 1
name: ${v.name}               # unit, env file, /opt dir and queue root derive from it

mta:                              # what recipients see (PTR, HELO, A)
  hostname: ${v.hostname}        # HELO name; needs A -> ipv4 and PTR -> this name
  ipv4: ${v.ipv4}                 # the sending IP; set its PTR in the provider's panel

domains:
  - name: ${v.domain}
    returnPath: bounces@${v.domain}   # envelope sender: SPF domain and where bounces go
    senders:                          # the From allowlist
      - address: noreply@${v.domain}
        name: ${v.domain}
    dkim:
      signWith: ${v.selector}
      selectors:
        - name: ${v.selector}
          publicKeyFile: ${v.publicKeyFile}   # committed; the private key stays off git
    spf:
      all: "~all"                     # tighten to -all once no other sender uses the domain
    dmarc:
      policy: quarantine              # none only while observing
      pct: 100
      rua: [dmarc@${v.domain}]
      adkim: s
      aspf: s
    mx:                               # your existing receiving provider, never this relay
      - { priority: 10, host: mx1.${v.domain} }

delivery:
  milterDefault: tempfail             # keep mail queued while OpenDKIM is down

relay:
  listen: 127.0.0.1:2525              # loopback only; add an entry gateway before exposing it
`;
}

// Which APPLY.md steps the deploy VM test runs, the config it deploys (the root config plus an nginx
// entry), and its rewrites of the steps (shared with the host-only test/vm/apply-steps.test.ts).
import { parseDocument } from 'yaml';

/** APPLY.md's steps, in its order. */
export const ALL_STEPS = ['packages', 'dns', 'first-time', 'copy', 'install', 'secrets', 'apply', 'verify', 'entry'];
/** The steps the guest runs; `dns` is the admin's (publish the zone at the provider, check-dns from their machine). */
export const RUN_STEPS = ALL_STEPS.filter((s) => s !== 'dns');

/**
 * The entry layer the VM adds to the root config: nginx on the server in front of the relay, with one
 * allowed caller. Loopback addresses stand in for the callers' hosts: the guest has no network card,
 * and all of 127.0.0.0/8 is on lo, so curl --interface picks the source nginx sees.
 */
export const VM_ENTRY = { hostname: 'relay-api.example.com', caller: '127.0.0.2', outsider: '127.0.0.3' } as const;

/** The root config as the VM deploys it: relay.entry (nginx-allowlist) added, every other line as committed. */
export function withVmEntry(text: string): string {
  const doc = parseDocument(text);
  if (doc.hasIn(['relay', 'entry'])) throw new Error('the root config has a relay.entry of its own: the VM would replace it unseen');
  doc.setIn(['relay', 'entry'], doc.createNode({ hostname: VM_ENTRY.hostname, gateway: 'nginx-allowlist', allowFrom: [VM_ENTRY.caller] }));
  return doc.toString();
}

/** The rsync to the server becomes a copy to this machine's directory. */
export const copyOnThisMachine = (code: string) => code.replace(' root@"$HOST":/', ' /');

const CERTBOT = /^certbot certonly .* -d (\S+) .*$/m;

/**
 * The guest cannot reach Let's Encrypt: a self-signed certificate goes where certbot keeps its own
 * (live/<name>/fullchain.pem and privkey.pem), which is all the nginx site reads. Every other line stays.
 */
export function certbotOffline(code: string): string {
  const host = CERTBOT.exec(code)?.[1];
  if (!host) throw new Error('the entry step has no `certbot certonly ... -d <name>` line');
  const dir = `/etc/letsencrypt/live/${host}`;
  return code.replace(CERTBOT, `install -d -m 0700 ${dir} && openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=${host} `
    + `-addext subjectAltName=DNS:${host} -keyout ${dir}/privkey.pem -out ${dir}/fullchain.pem`);
}

/** Every rewrite of the notes, by step; anything else runs verbatim. */
export const STEP_REWRITES = { copy: copyOnThisMachine, entry: certbotOffline };

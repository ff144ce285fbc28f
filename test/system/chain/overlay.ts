// The test overlay: the only settings the chain test changes in the generated files once they are installed,
// because they must differ on a test machine. Everything else runs exactly as generated.
//   main.cf  relayhost = [127.0.0.1]:<sink port>   generated: direct MX delivery (or the smarthost); nothing
//                                                   may leave this machine, so Postfix hands all mail to the sink
//            maillog_file = /var/log/relayconf-chain-test.log   no syslog daemon here; Postfix's postlogd
//                                                   writes the log the test reads (and prints on failure)
//            smtp_tls_security_level = none        only when the generated level demands TLS (encrypt,
//                                                   verify, secure, dane-only): the sink has no certificate
//            smtp_bind_address(6) =                only when generated: the config's public address is not
//                                                   on a test machine (Postfix would warn and connect unbound)
//   master.cf smtp inet -> 127.0.0.1:<free port>   only when something else holds 127.0.0.1:25
//   env file RELAY_LISTEN = 127.0.0.1:0            only when something else holds the generated listen port
//            HANDOFF_SMTP = 127.0.0.1:<that port>  only when smtpd moved: the relay hands off to it there
// opendkim.conf, KeyTable, SigningTable, TrustedHosts, the unit and server.js are used unchanged: the
// private key is installed where the generated KeyTable expects it (APPLY.md step secrets).
import { readFileSync, writeFileSync } from 'node:fs';
import { run } from './processes.js';

export const MAILLOG = '/var/log/relayconf-chain-test.log';
const TLS_REQUIRED = new Set(['encrypt', 'verify', 'secure', 'dane-only', 'fingerprint']);

/** `postconf -n` (of DIR, else the installed /etc/postfix) as a map; config_directory left out. */
export async function postconfN(dir?: string): Promise<Map<string, string>> {
  const { stdout, stderr } = await run('postconf', [...(dir ? ['-c', dir] : []), '-n']);
  if (stderr.trim()) throw new Error(`postconf ${dir ?? ''} -n warned:\n${stderr}`);
  const map = new Map<string, string>();
  for (const line of stdout.split('\n').filter(Boolean)) {
    const eq = line.indexOf('=');
    const key = line.slice(0, eq).trim();
    // -c DIR names DIR itself: not a setting of the file.
    if (key !== 'config_directory') map.set(key, line.slice(eq + 1).trim());
  }
  return map;
}

/** The main.cf settings the overlay sets, given the generated main.cf's settings and the sink's port. */
export function mainCfOverlay(generated: Map<string, string>, sinkPort: number): Record<string, string> {
  const overlay: Record<string, string> = {
    relayhost: `[127.0.0.1]:${sinkPort}`,
    maillog_file: MAILLOG,
  };
  if (TLS_REQUIRED.has(generated.get('smtp_tls_security_level') ?? '')) overlay.smtp_tls_security_level = 'none';
  for (const bind of ['smtp_bind_address', 'smtp_bind_address6']) if (generated.has(bind)) overlay[bind] = '';
  return overlay;
}

/** postconf -e on the installed /etc/postfix/main.cf: edits just those lines, comments kept. */
export async function applyMainCfOverlay(overlay: Record<string, string>): Promise<void> {
  await run('postconf', ['-e', ...Object.entries(overlay).map(([k, v]) => `${k} = ${v}`)]);
}

/** Moves the smtpd listener of the installed master.cf from port 25 to PORT (127.0.0.1 via inet_interfaces). */
export function moveSmtpdPort(port: number, masterCf = '/etc/postfix/master.cf'): void {
  const text = readFileSync(masterCf, 'utf8');
  const moved = text.replace(/^smtp(\s+inet\s)/m, `${port}$1`);
  if (moved === text) throw new Error(`${masterCf} has no "smtp inet" service to move`);
  writeFileSync(masterCf, moved);
}

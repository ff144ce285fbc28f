// Changes that break mail if applied in the wrong order get a warning at the top of the plan:
// a signing selector removed from DNS, a moved MTA hostname, a dropped MX (the self-hosted HTTP relay build guide, steps 4, 13).
import type { RelayModel } from '../config/model.js';
import type { TreeEntry } from './tree.js';

const text = (tree: Map<string, TreeEntry>, file: string) => tree.get(file)?.content.toString('utf8');

/** (domain, selector) pairs the deployed SigningTable signs with: `*@d sel._domainkey.d`. */
function deployedSigners(tree: Map<string, TreeEntry>): { domain: string; selector: string }[] {
  const table = text(tree, 'etc/opendkim/SigningTable') ?? '';
  const out: { domain: string; selector: string }[] = [];
  for (const line of table.split('\n')) {
    const match = /^\s*\S*@?(\S+?)\s+([^.\s]+)\._domainkey\.(\S+)\s*$/.exec(line.replace(/#.*/, ''));
    if (match) out.push({ domain: match[3].toLowerCase(), selector: match[2] });
  }
  return out;
}

function deployedDns(tree: Map<string, TreeEntry>): string {
  return [...tree.entries()].filter(([file]) => file.startsWith('dns/') && file.endsWith('.zone')).map(([, e]) => e.content.toString('utf8')).join('\n');
}

function hasMx(zoneText: string, domain: string): boolean {
  // An MX line for the apex: "@", "domain." or a blank owner continuing the apex, followed by MX.
  const lines = zoneText.split('\n');
  let inZone = false;
  for (const line of lines) {
    const origin = /^\$ORIGIN\s+(\S+?)\.?\s*$/.exec(line);
    if (origin) inZone = origin[1].toLowerCase() === domain;
    const fields = line.replace(/;.*/, '').trim().split(/\s+/);
    const mxAt = fields.indexOf('MX');
    if (mxAt < 0) continue;
    const owner = line.startsWith(' ') || line.startsWith('\t') ? '@' : fields[0];
    if ((owner === '@' && inZone) || owner.toLowerCase() === `${domain}.`) return true;
  }
  return false;
}

export function safetyWarnings(model: RelayModel, tree: Map<string, TreeEntry>): string[] {
  const warnings: string[] = [];
  const dns = deployedDns(tree);
  for (const { domain, selector } of deployedSigners(tree)) {
    const configured = model.domains.find((d) => d.name === domain);
    const stillPublished = configured?.dkim.selectors.some((s) => s.name === selector);
    if (!stillPublished) {
      warnings.push(
        `DKIM selector ${selector} of ${domain} still signs on the server but this change removes it from DNS: switch signWith first, wait the TTL and a grace period, then remove it (mail in flight would fail DKIM)`,
      );
    }
  }
  for (const domain of model.domains) {
    const sel = domain.dkim.signWith;
    const deployedSign = deployedSigners(tree).some((s) => s.domain === domain.name && s.selector === sel);
    if (!deployedSign && dns && !new RegExp(`^${sel.replace(/[.]/g, '\\.')}\\._domainkey(\\.${domain.name.replace(/[.]/g, '\\.')}\\.)?\\s`, 'mi').test(dns)) {
      warnings.push(
        `${domain.name} will sign with selector ${sel}, which the deployed zone does not publish yet: publish the record and wait for \`relayconf check-dns\` before switching signWith`,
      );
    }
    if (dns && hasMx(dns, domain.name) && domain.mx.length === 0) {
      warnings.push(`${domain.name} loses its MX records: replies, bounces and DMARC reports would have nowhere to go (the self-hosted HTTP relay build guide, step 2, MX)`);
    }
  }
  const mainCf = text(tree, 'etc/postfix/main.cf');
  const oldHost = mainCf ? /^myhostname\s*=\s*(\S+)/m.exec(mainCf)?.[1] : undefined;
  if (oldHost && oldHost.toLowerCase() !== model.mta.hostname.toLowerCase()) {
    warnings.push(
      `the MTA hostname moves from ${oldHost} to ${model.mta.hostname}: set its A record and the PTR of ${model.mta.ipv4} first, and keep ${oldHost} resolvable until Postfix uses the new name (the self-hosted HTTP relay build guide, step 13)`,
    );
  }
  return warnings;
}

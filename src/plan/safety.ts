// Changes that break mail if applied in the wrong order get a warning at the top of the plan:
// a signing selector removed from DNS, a moved MTA hostname, a dropped MX or MX host (the self-hosted HTTP relay build guide, steps 4, 13).
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

/**
 * A name read from the deployed tree, which may be a checkout anyone edited: shown as is when it is a
 * host name as relayconf writes them, else quoted with everything but printable ASCII escaped, so no
 * control or bidirectional character reaches a terminal or a merge-request comment.
 */
function shownName(name: string): string {
  if (/^[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?$/.test(name)) return name;
  return JSON.stringify(name).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The MX targets the deployed zone gives a domain's apex: "@", "domain." or a blank owner continuing the apex. */
function mxHosts(zoneText: string, domain: string): string[] {
  const hosts: string[] = [];
  let inZone = false;
  for (const line of zoneText.split('\n')) {
    const origin = /^\$ORIGIN\s+(\S+?)\.?\s*$/.exec(line);
    if (origin) inZone = origin[1].toLowerCase() === domain;
    const fields = line.replace(/;.*/, '').trim().split(/\s+/);
    const mxAt = fields.indexOf('MX');
    if (mxAt < 0) continue;
    const owner = line.startsWith(' ') || line.startsWith('\t') ? '@' : fields[0];
    const target = fields[mxAt + 2];
    if (target && ((owner === '@' && inZone) || owner.toLowerCase() === `${domain}.`)) hosts.push(target.toLowerCase().replace(/\.$/, ''));
  }
  return hosts;
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
    const deployedMx = dns ? mxHosts(dns, domain.name) : [];
    if (deployedMx.length > 0 && domain.mx.length === 0) {
      warnings.push(`${domain.name} loses its MX records: replies, bounces and DMARC reports would have nowhere to go (the self-hosted HTTP relay build guide, step 2, MX)`);
    } else {
      const kept = new Set(domain.mx.map((m) => m.host.toLowerCase().replace(/\.$/, '')));
      for (const host of [...new Set(deployedMx)].filter((h) => !kept.has(h)).map(shownName)) {
        warnings.push(
          `${domain.name} no longer lists ${host} as an MX host: senders that cached the old MX records (up to their TTL) still deliver there, so keep ${host} accepting mail for ${domain.name} until then, and check that the remaining hosts take all of it (RFC 5321 section 5.1)`,
        );
      }
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

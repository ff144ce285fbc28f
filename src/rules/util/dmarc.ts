// Which DMARC policy applies to a From domain, as a receiver finds it (RFC 7489 §6.6.3): the
// domain's own _dmarc record, else the one of its organizational domain (where sp= applies).
import type { DmarcPolicy, DomainModel, RelayModel } from '../../config/model.js';
import { normalizeName } from './dns-name.js';
import { organizationalDomain } from './org-domain.js';

export interface AppliedDmarc {
  /** Index of the configured domain whose dmarc block is the record. */
  domainIndex: number;
  dmarc: NonNullable<DomainModel['dmarc']>;
  /** True when found at the organizational domain rather than the From domain itself. */
  inherited: boolean;
  /** The policy that applies to this From domain: sp= (or p=) when inherited, else p=. */
  policy: DmarcPolicy;
}

/** Each domain name with a dmarc block and the index of the first such entry: what appliedDmarc looks names up in. */
export function dmarcOwners(model: RelayModel): Map<string, number> {
  const owners = new Map<string, number>();
  model.domains.forEach((d, i) => {
    if (d.dmarc && !owners.has(d.name)) owners.set(d.name, i);
  });
  return owners;
}

/** `owners` is dmarcOwners(model); a rule passes the lint run's (views.dmarcOwners) rather than rebuild it per sender. */
export function appliedDmarc(model: RelayModel, fromDomain: string, owners: ReadonlyMap<string, number> = dmarcOwners(model)): AppliedDmarc | null {
  const name = normalizeName(fromDomain);
  const own = owners.get(name) ?? -1;
  if (own >= 0) {
    const dmarc = model.domains[own].dmarc!;
    return { domainIndex: own, dmarc, inherited: false, policy: dmarc.policy };
  }
  const org = organizationalDomain(name);
  if (org === name) return null;
  const parent = owners.get(org) ?? -1;
  if (parent < 0) return null;
  const dmarc = model.domains[parent].dmarc!;
  return { domainIndex: parent, dmarc, inherited: true, policy: dmarc.subdomainPolicy ?? dmarc.policy };
}

/** True for TXT data that is a DMARC record (RFC 7489 §6.4: "v=DMARC1" first). */
export function isDmarcText(value: string): boolean {
  return /^v\s*=\s*DMARC1\s*(;|$)/i.test(value.trim());
}

/** Indices of dns.extraRecords that publish a DMARC record for `domain`. */
export function extraDmarcRecords(model: RelayModel, domain: string): number[] {
  const owner = `_dmarc.${normalizeName(domain)}`;
  const out: number[] = [];
  model.dns.extraRecords.forEach((r, i) => {
    if (r.type === 'TXT' && normalizeName(r.name) === owner && isDmarcText(r.value)) out.push(i);
  });
  return out;
}

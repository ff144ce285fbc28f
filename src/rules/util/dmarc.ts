// Which DMARC policy applies to a From domain, as a receiver discovers it (RFC 9989 section
// 4.10.1), over the records this config writes: the domain's own dmarc block, else the record the
// DNS tree walk (section 4.10) finds among the configured parents, where sp= applies. Names this
// config does not write are unknown offline; check-dns walks live DNS.
import type { DmarcPolicy, DomainModel, RelayModel } from '../../config/model.js';
import { policyDomain, stopsWalk, treeWalkNames } from '../../dns/dmarc-tree-walk.js';
import { normalizeName } from './dns-name.js';

export interface AppliedDmarc {
  /** Index of the configured domain whose dmarc block is the record. */
  domainIndex: number;
  dmarc: NonNullable<DomainModel['dmarc']>;
  /** True when found at a parent by the tree walk rather than at the From domain itself. */
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
  const indexOf = (domain: string) => owners.get(domain) ?? -1;
  const own = indexOf(name);
  if (own >= 0) {
    const dmarc = model.domains[own].dmarc!;
    return { domainIndex: own, dmarc, inherited: false, policy: dmarc.policy };
  }
  const found: { name: string; psd: string | undefined; index: number }[] = [];
  for (const parent of treeWalkNames(name).slice(1)) {
    const index = indexOf(parent);
    if (index < 0) continue;
    const record = { name: parent, psd: model.domains[index].dmarc!.psd ?? undefined, index };
    found.push(record);
    if (stopsWalk(record)) break;
  }
  const applied = policyDomain(name, found);
  if (!applied) return null;
  const dmarc = model.domains[applied.record.index].dmarc!;
  return { domainIndex: applied.record.index, dmarc, inherited: true, policy: dmarc.subdomainPolicy ?? dmarc.policy };
}

/** True for TXT data that is a DMARC record (RFC 9989 section 4.7: "v=DMARC1" first). */
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

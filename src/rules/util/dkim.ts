// DKIM helpers shared by the dkim-* rules: which published selector is the signing one.
import type { DomainModel } from '../../config/model.js';

/**
 * Index of the selector dkim.signWith names, or -1. Selectors are DNS labels, so the match ignores
 * case (RFC 4343): a receiver finds MAIL202606._domainkey as well as mail202606._domainkey.
 */
export function signingSelectorIndex(domain: DomainModel): number {
  const want = domain.dkim.signWith.toLowerCase();
  return domain.dkim.selectors.findIndex((s) => s.name.toLowerCase() === want);
}

/**
 * The exact command that writes a selector's key pair, run from the config's directory: relayconf
 * keygen's default public file is keys/DOMAIN/SELECTOR.pub, so --public-file appears only when the
 * config names another path.
 */
export function keygenCommand(domain: string, selector: string, publicKeyFile: string, extra = ''): string {
  const defaultFile = `keys/${domain}/${selector}.pub`;
  // An absolute path may name any file of the machine (/etc/passwd): the suggested command, --force
  // included, only ever writes the default path inside the repository.
  const own = !publicKeyFile.startsWith('/') && publicKeyFile.replace(/^\.\//, '') !== defaultFile;
  const file = own ? ` --public-file ${publicKeyFile}` : '';
  return `relayconf keygen --domain ${domain} --selector ${selector}${file}${extra}`;
}

// Strict e-mail address check for the addresses a caller may pass (to, replyTo, from.email).
// Deliberately narrower than RFC 5321: ASCII dot-atom local part and a DNS host name, no quoted
// local parts, no address literals, no display names. Anything a header or sendmail could read
// two ways is refused rather than interpreted (the self-hosted HTTP relay build guide, step 6: "to: valid email address").

const ATEXT = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]";
const LOCAL_PART = new RegExp(`^${ATEXT}+(?:\\.${ATEXT}+)*$`);
const LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

/** True for `local@host.tld` within the SMTP length limits (64 local, 254 total). */
export function isValidAddress(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > 254) return false;
  const at = value.lastIndexOf('@');
  if (at < 1) return false;
  const local = value.slice(0, at);
  const domain = value.slice(at + 1);
  if (local.length > 64 || !LOCAL_PART.test(local)) return false;
  if (domain.length > 253) return false;
  const labels = domain.split('.');
  if (labels.length < 2 || !labels.every((label) => LABEL.test(label))) return false;
  // A numeric top label would make the "domain" an IPv4 address in disguise.
  return !/^\d+$/.test(labels[labels.length - 1]);
}

/** Lower-case domain part of an address already checked by isValidAddress. */
export function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1).toLowerCase();
}

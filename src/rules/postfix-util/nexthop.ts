// Next-hop destinations as Postfix writes them (relayhost, smtp_fallback_relay, transport nexthops):
// [host]:port turns the MX lookup off, host:port looks up MX records of host first (the Postfix SMTP relay guide).

export interface Nexthop {
  text: string;
  host: string;
  bracketed: boolean;
}

/** Parses `[host]:port`, `[host]`, `host:port`, `host`, with an optional `transport:` in front (smtp:[host], relay:host). */
export function parseNexthop(text: string): Nexthop {
  const trimmed = text.trim();
  const withoutTransport = trimmed.replace(/^[a-z][a-z0-9_-]*:(?=[^\d\s:])/i, '');
  const bracketed = /^\[([^\]]+)\](?::[\w-]+)?$/.exec(withoutTransport);
  if (bracketed) return { text: trimmed, host: bracketed[1], bracketed: true };
  return { text: trimmed, host: withoutTransport.replace(/:[\w-]+$/, ''), bracketed: false };
}

// eta template of a records-only zone fragment; data is built in src/outputs/dns-zone.ts.

/** it: { name, zone, ttl, ptr: string[], lines: string[] } */
export const ZONE = `; dns/<%= it.zone %>.zone: what the <%= it.name %> relay needs in <%= it.zone %>, written by relayconf
; from relay.config.yaml; \`relayconf check-dns\` queries exactly these records.
; A records-only fragment: the SOA and NS stay with whoever serves the zone. On a BIND or Knot
; primary, put \`$INCLUDE <%= it.zone %>.zone\` last in the zone file (this sets $ORIGIN and $TTL);
; in a DNS provider's console, import it as a BIND zone file.
<% if (it.ptr.length > 0) { -%>
; PTR records live with the IP owner, not in this zone: set them in the provider's rDNS panel.
<% for (const line of it.ptr) { -%>
;   <%= line %>
<% } -%>
<% } -%>
$ORIGIN <%= it.zone %>.
$TTL <%= it.ttl %>
<% if (it.lines.length === 0) { -%>
; (no records for this zone)
<% } -%>
<% for (const line of it.lines) { -%>
<%= line %>
<% } -%>
`;

// eta templates of the OpenDKIM files; data shapes are built in src/outputs/opendkim.ts.

/** it: { name, settings: string[] (aligned "Key  Value" lines) } */
export const OPENDKIM_CONF = `# /etc/opendkim.conf for <%= it.name %>: written by relayconf from relay.config.yaml.
# OpenDKIM signs outbound mail as a Postfix milter on loopback (the self-hosted HTTP relay build guide, step 4). Debian 12's
# opendkim.service runs /usr/sbin/opendkim, which reads this file, and expects the PidFile below.
# Private keys stay on the server: /etc/opendkim/keys/<domain>/<selector>.private, owner opendkim,
# mode 0600 (APPLY.md, step secrets); they are never part of this tree.
<% for (const line of it.settings) { -%>
<%= line %>
<% } -%>
`;

/** it: { name, file, what, rows: string[] } */
export const TABLE = `# /etc/opendkim/<%= it.file %> for <%= it.name %>: written by relayconf from relay.config.yaml.
<% for (const line of it.what) { -%>
# <%= line %>
<% } -%>
<% for (const row of it.rows) { -%>
<%= row %>
<% } -%>
`;

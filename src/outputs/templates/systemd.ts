// eta template of the relay's systemd unit; data is built in src/outputs/systemd.ts.

/** it: { name, description, unit: string[], service: { comments: string[], lines: string[] }[], install: string[] } */
export const SERVICE_UNIT = `# /etc/systemd/system/<%= it.name %>.service: written by relayconf from relay.config.yaml.
# The HTTP relay under its own user with the hardening of the self-hosted HTTP relay build guide (step 8) and more
# (\`systemd-analyze security <%= it.name %>.service\` scores it). The bearer token is a systemd
# credential read from /etc/credstore/<%= it.name %>-token, a root-only file the build never writes.
[Unit]
<% for (const line of it.unit) { -%>
<%= line %>
<% } -%>

[Service]
<% for (const group of it.service) { -%>
<% for (const line of group.comments) { -%>
# <%= line %>
<% } -%>
<% for (const line of group.lines) { -%>
<%= line %>
<% } -%>
<% } -%>

[Install]
<% for (const line of it.install) { -%>
<%= line %>
<% } -%>
`;

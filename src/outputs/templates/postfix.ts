// eta templates of the Postfix files; data shapes are built in src/outputs/postfix.ts.

/** it: { name, sections: { comments: string[], entries: { comments: string[], line }[] }[] } (lines already encoded) */
export const MAIN_CF = `# /etc/postfix/main.cf for <%= it.name %>: written by relayconf from relay.config.yaml.
# Change the config and rebuild instead of editing this file; the next build overwrites it.
# A loopback-only, send-only relay (the self-hosted HTTP relay build guide, step 3): local programs hand mail to sendmail,
# OpenDKIM signs it, and Postfix delivers it out. Nothing here receives mail for a domain.
<% for (const section of it.sections) { -%>

<% for (const line of section.comments) { -%>
# <%= line %>
<% } -%>
<% for (const entry of section.entries) { -%>
<% for (const line of entry.comments) { -%>
# <%= line %>
<% } -%>
<%= entry.line %>
<% } -%>
<% } -%>
`;

/** it: { name, rows: { comments: string[], lines: string[] }[] } (lines already encoded) */
export const MASTER_CF = `# /etc/postfix/master.cf for <%= it.name %>: written by relayconf from relay.config.yaml.
# Debian 12's stock Postfix services, without submission (587) or smtps (465): this relay takes
# mail only from local programs (the self-hosted HTTP relay build guide, step 3). Debian's optional pipe(8) transports for
# maildrop, uucp, ifmail, bsmtp, scalemail and mailman are left out: nothing routes to them.
# Custom transports for throttled destinations and sender addresses follow the stock ones.
#
# ==========================================================================
# service type  private unpriv  chroot  wakeup  maxproc command + args
#               (yes)   (yes)   (no)    (never) (100)
# ==========================================================================
<% for (const row of it.rows) { -%>
<% for (const line of row.comments) { -%>
# <%= line %>
<% } -%>
<% for (const line of row.lines) { -%>
<%= line %>
<% } -%>
<% } -%>
`;

/** it: { name, lines: string[] } */
export const SMTP_HEADER_CHECKS = `# /etc/postfix/smtp_header_checks for <%= it.name %>: written by relayconf from relay.config.yaml.
# A regexp: table (main.cf smtp_header_checks), read as is: it needs no postmap.
# The SMTP client drops these headers as mail leaves (header_checks(5)). That happens after OpenDKIM
# signed, and none of them is in OpenDKIM's signed set (RFC 6376 5.4), so signatures stay valid.
#
# Received lines of hops inside this host or a private network reveal internal names and addresses.
/^Received: from (localhost|internal)[ .]/ IGNORE
/^Received: from [^ ]+ \\([^)]*\\[(127\\.|10\\.|192\\.168\\.|172\\.(1[6-9]|2[0-9]|3[01])\\.|100\\.(6[4-9]|[7-9][0-9]|1[01][0-9]|12[0-7])\\.|::1\\]|f[cd][0-9a-f]{2}:)/ IGNORE
# Webmail and PHP mail() name the client's address and the sending script.
/^X-Originating-IP:/ IGNORE
/^X-PHP-Originating-Script:/ IGNORE
`;

/** it: { name, what, postmap, comments: string[], rows: string[] } */
export const HASH_MAP = `# <%= it.path %> for <%= it.name %>: written by relayconf from relay.config.yaml.
# <%= it.what %>
# A hash: table: run \`postmap <%= it.path %>\` after it changes (APPLY.md, step apply).
<% for (const line of it.comments) { -%>
# <%= line %>
<% } -%>
<% for (const row of it.rows) { -%>
<%= row %>
<% } -%>
`;

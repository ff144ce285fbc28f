// eta templates of APPLY.md and MANIFEST; data is built in src/outputs/apply-notes.ts.

/**
 * it: { name, variables: string[], steps: { name, title, where, notes: string[], commands: string[] }[],
 *       procedures: { title, blocks: ({ prose: string[] } | { commands: string[] })[] }[] }
 * Each step is one fenced block with info string `sh step=<name>`: a VM test runs them verbatim.
 * A procedure's blocks are plain `sh`: they run when needed, never as part of the steps.
 */
export const APPLY_MD = `# Applying <%= it.name %>

Written by relayconf from relay.config.yaml. This tree mirrors the server's filesystem: \`etc/\` and
\`opt/\` go to \`/\`; \`dns/\` is published at your DNS provider. The server keeps a copy of the whole
tree, and of the one it ran before. Run the steps in order; each \`sh step=\` block is one step and is
safe to run again.

Variables the commands use:

<% for (const line of it.variables) { -%>
- <%= line %>
<% } -%>
<% for (const step of it.steps) { -%>

## <%= step.title %>

<%= step.where %>
<% for (const note of step.notes) { -%>
<%= note %>
<% } -%>

\`\`\`sh step=<%= step.name %>
<% for (const command of step.commands) { -%>
<%= command %>
<% } -%>
\`\`\`
<% } -%>
<% for (const procedure of it.procedures) { -%>

## <%= procedure.title %>
<% for (const block of procedure.blocks) { -%>

<% if (block.prose) { -%>
<% for (const line of block.prose) { -%>
<%= line %>
<% } -%>
<% } else { -%>
\`\`\`sh
<% for (const command of block.commands) { -%>
<%= command %>
<% } -%>
\`\`\`
<% } -%>
<% } -%>
<% } -%>

## MANIFEST

\`MANIFEST\` lists every file of this tree but itself as \`mode sha256 path\`. To check the tree before
copying it: \`cd out && awk '{ print $2 "  " $3 }' MANIFEST | sha256sum -c --quiet\`.
`;

/** it: { rows: string[] } */
export const MANIFEST = `<% for (const row of it.rows) { -%>
<%= row %>
<% } -%>
`;

// `relayconf rules`: every rule of the catalogue (lint and check-dns) with its default severity and summary.
import type { Command } from '../types.js';
import { parseCommandArgs } from '../args.js';
import { EXIT } from '../types.js';
import { catalogueMeta } from '../rule-meta.js';

const command: Command = {
  name: 'rules',
  summary: 'list every rule with its severity and summary',
  help: `Usage: relayconf rules [--format text|json]

Lists every rule: id, default severity, the command that reports it (lint, or check-dns for the
live DNS findings) and its one-line summary. lint.rules and --rule take any of these ids.
`,
  async run(args, io) {
    const { values } = parseCommandArgs('rules', args, { format: { type: 'string', short: 'f' } }, { positionals: false });
    const all = catalogueMeta().sort((a, b) => a.id.localeCompare(b.id));
    if (values.format === 'json') {
      io.stdout.write(`${JSON.stringify(all.map(({ id, defaultSeverity, command, summary, source }) => ({ id, defaultSeverity, command, summary, source })), null, 2)}\n`);
      return EXIT.ok;
    }
    const width = Math.max(...all.map((r) => r.id.length));
    for (const r of all) io.stdout.write(`${r.id.padEnd(width)}  ${r.defaultSeverity.padEnd(7)}  ${(r.command ?? 'lint').padEnd(9)}  ${r.summary}\n`);
    return EXIT.ok;
  },
};
export default command;

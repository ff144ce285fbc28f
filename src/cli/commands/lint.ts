// `relayconf lint [config]`: schema and policy rules, offline; the CI gate.
import type { Command } from '../types.js';
import { parseCommandArgs } from '../args.js';
import { loadConfigFile } from '../../config/load.js';
import { lintLoaded } from '../../lint/engine.js';
import { CATALOGUE_IDS } from '../../rules/severity.js';
import { EXIT_CODES_HELP, FINDINGS_OPTIONS_HELP, FINDINGS_OPTION_SPEC, parseFindingsOptions, reportFindings } from '../findings-output.js';
import { catalogueMeta } from '../rule-meta.js';
import { UsageError } from '../types.js';

const command: Command = {
  name: 'lint',
  summary: 'check the config offline against the policy rules',
  help: `Usage: relayconf lint [config] [options]

Checks the config against its schema and every policy rule, offline and deterministically.
Findings print as file:line:col: severity: message [rule-id].

Options:
${FINDINGS_OPTIONS_HELP}
  -h, --help             this help

${EXIT_CODES_HELP}
`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs('lint', args, FINDINGS_OPTION_SPEC);
    if (positionals.length > 1) throw new UsageError(`lint takes at most one config path (got ${positionals.length})`);
    const options = parseFindingsOptions(values, CATALOGUE_IDS);
    const loaded = await loadConfigFile(positionals[0], io.cwd);
    const findings = lintLoaded(loaded, { ruleOverrides: options.ruleOverrides });
    return reportFindings(findings, options, catalogueMeta(), io);
  },
};
export default command;

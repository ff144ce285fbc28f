// `relayconf plan [config] --against DIR`: builds in memory and shows what would change there.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Command } from '../types.js';
import { parseCommandArgs } from '../args.js';
import { EXIT, UsageError } from '../types.js';
import { loadConfigFile } from '../../config/load.js';
import { lintLoaded } from '../../lint/engine.js';
import { CATALOGUE_IDS } from '../../rules/severity.js';
import { derivedViews } from '../../lint/views.js';
import { parseFindingsOptions, reportFindings } from '../findings-output.js';
import { catalogueMeta } from '../rule-meta.js';
import { compile } from '../../outputs/compile.js';
import { makePlan } from '../../plan/plan.js';
import { readTree } from '../../plan/tree.js';
import { linkOutsideRefusal } from '../../util/link-outside.js';
import { renderPlanJson, renderPlanMarkdown, renderPlanText } from '../../plan/render.js';

const FORMATS = ['text', 'json', 'markdown'] as const;

const command: Command = {
  name: 'plan',
  summary: 'show what a build would change against a directory',
  help: `Usage: relayconf plan [config] [--against DIR] [options]

Builds in memory and compares with DIR (the committed output, or a tree pulled back from the
server with rsync). Prints each added, removed or changed file with a unified diff, mode
changes, and the commands the server then needs (postmap, postfix reload, restarts,
daemon-reload, deleting what a build no longer writes, DNS publication). Files in DIR that no
build wrote (its MANIFEST does not list them) are listed as kept, never as removed. Risky changes (a DKIM selector removed while still signing,
a new MTA hostname, a dropped MX) are warnings at the top.

Options:
      --against DIR      the directory to compare with (default out, where build writes)
  -f, --format FMT       text (default), json or markdown (for a merge-request comment)
      --exit-code        exit 1 when anything would change
  -h, --help             this help

Exit codes: 0 planned (or nothing would change), 1 the config has lint errors (they are printed
            and nothing is planned) or, with --exit-code, something would change,
            2 usage error, unreadable config or unwritable output, 3 internal error.
`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs('plan', args, { against: { type: 'string' }, format: { type: 'string', short: 'f' }, 'exit-code': { type: 'boolean' } });
    if (positionals.length > 1) throw new UsageError('plan takes at most one config path');
    // Default: where `relayconf build` writes by default, the committed output.
    const shown = values.against ?? 'out';
    if (shown === '') throw new UsageError('--against needs a directory');
    const format = (values.format ?? 'text') as (typeof FORMATS)[number];
    if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')} (got "${values.format}")`);
    const against = path.resolve(io.cwd, shown);
    const loaded = await loadConfigFile(positionals[0], io.cwd);
    // One set of views for lint and compile: the models lint judged are the ones planned.
    const views = loaded.model ? derivedViews(loaded.model) : undefined;
    const findings = lintLoaded(loaded, { views });
    if (!loaded.model || findings.some((f) => f.severity === 'error')) {
      return reportFindings(findings, parseFindingsOptions({}, CATALOGUE_IDS), catalogueMeta(), io);
    }
    // A missing directory is a first deployment: everything is added. Said on stderr, so that a
    // mistyped path is noticed and JSON on stdout stays parseable.
    // A plan is posted as a pull request comment: a checked-out link must not have the runner's files read and diffed into it.
    const refusal = linkOutsideRefusal(against, `--against ${shown}`, io.cwd, 'directory');
    if (refusal) throw new UsageError(refusal);
    if (existsSync(against) && !statSync(against).isDirectory()) throw new UsageError(`--against ${shown} is not a directory`);
    if (!existsSync(against)) io.stderr.write(`relayconf plan: ${shown} does not exist: planning a first deployment (every file is added)\n`);
    const tree = existsSync(against) ? readTree(against) : new Map();
    const plan = makePlan(loaded.model, compile(loaded.model, views), tree);
    io.stdout.write(format === 'json' ? renderPlanJson(plan, shown) : format === 'markdown' ? renderPlanMarkdown(plan, shown) : renderPlanText(plan, shown));
    return values['exit-code'] && plan.changes.length > 0 ? EXIT.findings : EXIT.ok;
  },
};
export default command;

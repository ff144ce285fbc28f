// `relayconf build [config] --out DIR [--check]`: lint, compile, then write the tree (or compare it).
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Command, CliIO } from '../types.js';
import { parseCommandArgs } from '../args.js';
import { EXIT, UsageError } from '../types.js';
import { loadConfigFile } from '../../config/load.js';
import { lintLoaded } from '../../lint/engine.js';
import { CATALOGUE_IDS } from '../../rules/severity.js';
import { derivedViews } from '../../lint/views.js';
import { EXIT_CODES_HELP, FINDINGS_OPTIONS_HELP, FINDINGS_OPTION_SPEC, parseFindingsOptions, reportFindings } from '../findings-output.js';
import { catalogueMeta } from '../rule-meta.js';
import { compile } from '../../outputs/compile.js';
import { EncodeError } from '../../outputs/encode/refuse.js';
import { OutputDirError, writeTree } from '../../outputs/writer.js';
import { compareTree, describeChange, type FileChange } from '../../plan/compare.js';
import { readTree } from '../../plan/tree.js';
import { linkOutsideRefusal } from '../../util/link-outside.js';
import type { OutputFile } from '../../outputs/types.js';

/** Lines of unified diff shown per changed file by --check; `relayconf plan` shows them all. */
export const CHECK_DIFF_LINES = 40;

const command: Command = {
  name: 'build',
  summary: 'compile the config into the server tree (--out DIR, --check)',
  help: `Usage: relayconf build [config] [--out DIR] [--check] [options]

Lints the config, then compiles it into the server tree: etc/postfix/, etc/opendkim*,
etc/<name>.env, etc/systemd/system/<name>.service, opt/<name>/server.js, dns/, MANIFEST and
APPLY.md (the steps to apply it). The tree is written beside DIR and swapped in by rename, so
DIR is never half-written; a second build to the same DIR waits for the first (lock .DIR.lock
beside it). Output is byte-for-byte deterministic.

With lint errors (or findings at --fail-on) it prints them, exits 1 and writes nothing. When DIR
cannot be written (no space, read-only, permission) or is not a relayconf tree, it exits 2 naming
the path and leaves DIR as it was.

Options:
  -o, --out DIR          where the tree goes (default out/, relative to the working directory);
                         an existing DIR must be empty or an earlier build: its MANIFEST lists
                         every file in it (nothing else is ever deleted)
      --check            write nothing; exit 1 and show what differs (added, removed, changed
                         with a short diff, mode changes) when DIR is not what a build produces
${FINDINGS_OPTIONS_HELP}
  -h, --help             this help

${EXIT_CODES_HELP}
`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs('build', args, { ...FINDINGS_OPTION_SPEC, out: { type: 'string', short: 'o' }, check: { type: 'boolean' } });
    if (positionals.length > 1) throw new UsageError(`build takes at most one config path (got ${positionals.length})`);
    if (values.out === '') throw new UsageError('--out needs a directory');
    const options = parseFindingsOptions(values, CATALOGUE_IDS);
    const out = values.out ?? 'out';
    const target = path.resolve(io.cwd, out);

    const loaded = await loadConfigFile(positionals[0], io.cwd);
    // The views lint builds (record model, Postfix model) are the ones compile writes: built once per run.
    const views = loaded.model ? derivedViews(loaded.model) : undefined;
    const findings = lintLoaded(loaded, { ruleOverrides: options.ruleOverrides, views });
    // Findings print in the chosen format on stdout; build's own messages go to stderr so a
    // --format json or sarif stream stays parseable.
    const lintCode = reportFindings(findings, options, catalogueMeta(), io);
    const errors = findings.some((f) => f.severity === 'error');
    if (!loaded.model || errors || lintCode !== EXIT.ok) {
      io.stderr.write(`relayconf build: ${errors || !loaded.model ? 'the config has errors' : 'findings at --fail-on'}; nothing written\n`);
      return EXIT.findings;
    }

    let files: OutputFile[];
    try {
      files = compile(loaded.model, views);
    } catch (error) {
      // An encoder met a value its format cannot carry: a gap in the input checks, never written around.
      if (!(error instanceof EncodeError)) throw error;
      io.stderr.write(`relayconf build: ${error.message}; nothing written\n`);
      return EXIT.internal;
    }
    if (values.check) return check(files, target, out, io);
    try {
      const { notes } = await writeTree(target, files, { cwd: io.cwd, onWait: (message) => io.stderr.write(`relayconf build: ${message}\n`) });
      for (const note of notes) io.stderr.write(`relayconf build: note: ${note}\n`);
    } catch (error) {
      if (error instanceof OutputDirError) throw new UsageError(error.message);
      throw error;
    }
    io.stderr.write(`relayconf build: wrote ${files.length} files to ${out}${out.endsWith('/') ? '' : '/'} (apply with ${path.posix.join(out, 'APPLY.md')})\n`);
    return EXIT.ok;
  },
};

function check(files: OutputFile[], target: string, shown: string, io: CliIO): number {
  // The CI recipe checks the checkout's out/: a committed link there must not have the runner's files read and diffed into the log.
  const refusal = linkOutsideRefusal(target, `--out ${shown}`, io.cwd, 'directory');
  if (refusal) throw new UsageError(refusal);
  if (existsSync(target) && !statSync(target).isDirectory()) throw new UsageError(`--out ${shown} is not a directory`);
  const changes = existsSync(target) ? compareTree(files, readTree(target)) : compareTree(files, new Map());
  if (changes.length === 0) {
    io.stderr.write(`relayconf build --check: ${shown} is up to date (${files.length} files)\n`);
    return EXIT.ok;
  }
  io.stdout.write(formatCheck(changes, shown));
  return EXIT.findings;
}

/** The --check report: one line per difference, then a short diff of each changed file. */
export function formatCheck(changes: FileChange[], shown: string): string {
  const out = [`relayconf build --check: ${shown} differs from what a build would write (${changes.length} ${changes.length === 1 ? 'file' : 'files'}); run relayconf build`];
  for (const change of changes) out.push(`  ${describeChange(change)}`);
  for (const change of changes) {
    if (change.kind !== 'changed' || !change.contentChanged) continue;
    if (change.diff === null) {
      out.push(`Binary file ${change.path} differs`);
      continue;
    }
    const lines = change.diff.trimEnd().split('\n');
    out.push(...lines.slice(0, CHECK_DIFF_LINES));
    if (lines.length > CHECK_DIFF_LINES) out.push(`... ${lines.length - CHECK_DIFF_LINES} more diff lines (relayconf plan --against ${shown} shows them all)`);
  }
  return `${out.join('\n')}\n`;
}

export default command;

// `relayconf check-dns [config]`: asks live DNS (dns2, --resolver) for every record the build emits
// and every PTR it expects, and reports differences as findings in the lint formats and exit codes.
import type { Command } from '../types.js';
import { parseCommandArgs } from '../args.js';
import { UsageError } from '../types.js';
import { loadConfigFile } from '../../config/load.js';
import { EXIT_CODES_HELP, FINDINGS_OPTIONS_HELP, FINDINGS_OPTION_SPEC, parseFindingsOptions, reportFindings } from '../findings-output.js';
import { catalogueMeta } from '../rule-meta.js';
import { CATALOGUE_IDS } from '../../rules/severity.js';
import { DEFAULT_TIMEOUT_MS, DEFAULT_TRIES, createResolver, parseResolverAddress, systemResolverAddress, type ResolverAddress } from '../../dns/resolver.js';
import { dnsRules, runDnsChecks } from '../../dns/check/index.js';
import { renderSpfTree } from '../../dns/spf-tree.js';
import { escapeControl } from '../format/escape.js';

const command: Command = {
  name: 'check-dns',
  summary: 'query live DNS and compare it with the record model',
  help: `Usage: relayconf check-dns [config] [options]

Asks DNS for every record the build emits and compares: A/AAAA of the MTA hostname, PTR of each
sending IP and the round trip back (FCrDNS), SPF (one record, it parses, it passes the sending
IPs, at most 10 lookups and 2 void lookups through every include), each DKIM selector's key
(joined across strings, so truncated records show), DMARC (the domain's own record, else the
policy the RFC 9989 DNS tree walk finds at a parent), MX and BIMI. Text output prints each
SPF include tree first. A timeout or SERVFAIL is a finding, and does not stop the other checks.

Options:
      --resolver HOST[:PORT]  ask this DNS server (an IP; [v6]:port for IPv6). Default: the first
                              nameserver in /etc/resolv.conf
      --timeout MS            wait this long for each answer (default ${DEFAULT_TIMEOUT_MS}); a query is tried ${DEFAULT_TRIES} times
${FINDINGS_OPTIONS_HELP}
  -h, --help             this help

Finding ids: ${dnsRules.map((r) => r.id).join(', ')}.
Each is documented by \`relayconf explain <id>\`; lint.rules in the config and --rule set their
severity, as for the lint rules.
During a DKIM rotation, dns-dkim-missing says a new selector is not yet visible and the info
finding dns-dkim-live says it is published and matching: switch signWith only after that.

${EXIT_CODES_HELP}
`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs('check-dns', args, { ...FINDINGS_OPTION_SPEC, resolver: { type: 'string' }, timeout: { type: 'string' } });
    if (positionals.length > 1) throw new UsageError(`check-dns takes at most one config path (got ${positionals.length})`);
    const options = parseFindingsOptions(values, CATALOGUE_IDS);
    let timeoutMs = DEFAULT_TIMEOUT_MS;
    if (values.timeout !== undefined) {
      if (!/^\d+$/.test(values.timeout) || Number(values.timeout) < 1 || Number(values.timeout) > 60000) {
        throw new UsageError(`--timeout takes milliseconds from 1 to 60000 (got "${values.timeout}")`);
      }
      timeoutMs = Number(values.timeout);
    }
    let server: ResolverAddress;
    try {
      server = values.resolver !== undefined ? parseResolverAddress(values.resolver) : systemResolverAddress();
    } catch (error) {
      throw new UsageError((error as Error).message);
    }

    const loaded = await loadConfigFile(positionals[0], io.cwd);
    const meta = catalogueMeta();
    // A config that does not load has no record model: report why, as lint would.
    if (!loaded.model) return reportFindings(loaded.findings, options, meta, io);

    const resolver = createResolver({ server, timeoutMs });
    const result = await runDnsChecks(loaded.model, loaded.source, resolver, { ruleOverrides: options.ruleOverrides });
    const findings = result.findings;

    if (options.format === 'text') {
      // The trees go first, to stdout: they say why a count is what it is. Machine formats stay clean.
      const where = `${server.host.includes(':') ? `[${server.host}]` : server.host}:${server.port}`;
      io.stdout.write(`relayconf check-dns: ${result.records.records.length} records and ${result.records.ptr.length} PTR from ${escapeControl(loaded.source.file)}, asking ${where}\n`);
      // SPF terms come from live TXT records, which may hold any byte: each tree line stays one line.
      const tree = (text: string) => text.split('\n').map(escapeControl).join('\n');
      for (const spf of result.spf) if (spf.tree) io.stdout.write(`\n${tree(renderSpfTree(spf.tree))}`);
      io.stdout.write('\n');
      if (!findings.some((f) => f.severity !== 'info')) io.stdout.write('DNS matches the record model.\n');
    }
    return reportFindings(findings, options, meta, io);
  },
};
export default command;

// SARIF 2.1.0 for code-scanning uploads: each rule's id, summary and help in tool.driver.rules.
import type { Log, ReportingDescriptor, Result } from 'sarif';
import type { FormatInput } from './types.js';
import { byteCompare } from '../../util/compare.js';

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

export function formatSarif({ findings, rules, toolVersion }: FormatInput): string {
  const used = new Set(findings.map((f) => f.ruleId));
  // Every known rule is described, plus any id a finding uses that the registry lacks.
  const known = new Map(rules.map((r) => [r.id, r]));
  for (const id of used) {
    if (!known.has(id)) known.set(id, { id, summary: id, help: id, defaultSeverity: 'error' });
  }
  const ordered = [...known.values()].sort((a, b) => byteCompare(a.id, b.id));
  const index = new Map(ordered.map((r, i) => [r.id, i]));
  const descriptors: ReportingDescriptor[] = ordered.map((r) => ({
    id: r.id,
    shortDescription: { text: r.summary },
    fullDescription: { text: r.help },
    help: { text: r.help },
    defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
    ...(r.source ? { properties: { source: r.source } } : {}),
  }));
  const results: Result[] = findings.map((f) => ({
    ruleId: f.ruleId,
    ruleIndex: index.get(f.ruleId),
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: f.file.split('\\').join('/') },
          region: {
            startLine: f.line,
            startColumn: f.column,
            ...(f.endLine !== undefined ? { endLine: f.endLine, endColumn: f.endColumn } : {}),
          },
        },
      },
    ],
  }));
  const log: Log = {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: { driver: { name: 'relayconf', version: toolVersion, informationUri: 'https://github.com/relayconf/relayconf', rules: descriptors } },
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

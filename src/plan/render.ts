// Renders a plan as text (terminal), markdown (a merge-request comment) or JSON.
import { describeChange, formatMode } from './compare.js';
import type { Plan } from './plan.js';
import { codeSpan, escapeHtml, fenceFor, tableCell } from './markdown.js';

function counts(plan: Plan): string {
  const n = (kind: string) => plan.changes.filter((c) => c.kind === kind).length;
  return `${n('added')} added, ${n('changed')} changed, ${n('removed')} removed`;
}

/** The files a build leaves alone, one line (text) or a sentence with code spans (markdown). */
function keptLine(plan: Plan, code: (text: string) => string): string[] {
  return plan.kept.length > 0 ? [`Kept (not written by relayconf): ${plan.kept.map(code).join(', ')}`] : [];
}

/** A key action reads $DKIM_PRIVATE_DIR: say what it is, as APPLY.md does. */
function privateDirNote(plan: Plan, code: (text: string) => string): string[] {
  if (!plan.actions.some((a) => a.command.includes('"$DKIM_PRIVATE_DIR"'))) return [];
  return [`${code('$DKIM_PRIVATE_DIR')}: a root-only directory on the server holding the private keys from ${code('relayconf keygen')} as ${code('<domain>/<selector>.private')} (see APPLY.md).`];
}

export function renderPlanText(plan: Plan, against: string): string {
  if (plan.changes.length === 0) return [`No changes: ${against} is what a build would produce.`, ...keptLine(plan, (t) => t)].join('\n') + '\n';
  const out: string[] = [];
  for (const warning of plan.warnings) out.push(`WARNING: ${warning}`);
  if (plan.warnings.length) out.push('');
  out.push(`Plan against ${against}: ${counts(plan)}`);
  for (const change of plan.changes) out.push(`  ${describeChange(change)}`);
  out.push(...keptLine(plan, (t) => t), '');
  for (const change of plan.changes) {
    if (change.diff) out.push(change.diff.trimEnd());
    else if (change.diff === null) out.push(`Binary file ${change.path} differs`);
  }
  out.push('', 'Then, in this order (on the server unless said):');
  plan.actions.forEach((a, i) => out.push(`  ${i + 1}. ${a.command}    # ${a.because.join(', ')}`));
  out.push(...privateDirNote(plan, (t) => t));
  return `${out.join('\n')}\n`;
}

/** The mode column: old → new only when the mode changes; otherwise the one mode the file has. */
function modeCell(oldMode: number | null, newMode: number | null): string {
  if (oldMode !== null && newMode !== null && oldMode !== newMode) return `${formatMode(oldMode)} → ${formatMode(newMode)}`;
  return formatMode(newMode ?? oldMode);
}

export function renderPlanMarkdown(plan: Plan, against: string): string {
  if (plan.changes.length === 0) return ['### relayconf plan', '', `No changes against ${codeSpan(against)}.`, ...keptLine(plan, codeSpan)].join('\n') + '\n';
  const out: string[] = ['### relayconf plan', ''];
  // Warnings are relayconf's own sentences (their `code` spans are meant); only their HTML is escaped.
  for (const warning of plan.warnings) out.push('> [!WARNING]', `> ${escapeHtml(warning)}`, '');
  out.push(`Against ${codeSpan(against)}: ${counts(plan)}.`, ...keptLine(plan, codeSpan).map((l) => `\n${l}`), '', '| file | change | mode |', '| --- | --- | --- |');
  for (const c of plan.changes) {
    out.push(`| ${tableCell(codeSpan(c.path))} | ${c.kind === 'changed' && !c.contentChanged ? 'mode' : c.kind} | ${modeCell(c.oldMode, c.newMode)} |`);
  }
  out.push('', '**Then, in this order (on the server unless said):**', '');
  // A shell command is one code span; an instruction is a sentence that may hold its own code spans.
  plan.actions.forEach((a, i) => out.push(`${i + 1}. ${a.shell ? codeSpan(a.command) : escapeHtml(a.command)} (${a.because.map(codeSpan).join(', ')})`));
  out.push(...privateDirNote(plan, codeSpan).flatMap((l) => ['', l]), '');
  for (const c of plan.changes) {
    if (!c.diff) continue;
    const fence = fenceFor(c.diff);
    out.push(`<details><summary>${escapeHtml(c.path)}</summary>`, '', `${fence}diff`, c.diff.trimEnd(), fence, '', '</details>', '');
  }
  return `${out.join('\n')}\n`;
}

export function renderPlanJson(plan: Plan, against: string): string {
  return `${JSON.stringify(
    {
      against,
      changed: plan.changes.length > 0,
      warnings: plan.warnings,
      files: plan.changes.map((c) => ({
        path: c.path,
        kind: c.kind,
        contentChanged: c.contentChanged,
        oldMode: c.oldMode === null ? null : formatMode(c.oldMode),
        newMode: c.newMode === null ? null : formatMode(c.newMode),
        diff: c.diff,
      })),
      kept: plan.kept,
      actions: plan.actions.map((a) => ({ command: a.command, because: a.because })),
    },
    null,
    2,
  )}\n`;
}

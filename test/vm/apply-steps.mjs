// Reads the `sh step=NAME` blocks of a build's APPLY.md and turns them into a guest script that runs each verbatim (test/vm).
// For phase 2 of the VM test: the guest must do exactly what the notes tell an admin. Each step
// runs with `sh -e -x` (the first failing command fails the step, the trace shows what ran), its
// output and exit code go to $RESULTS/steps/NAME.{out,rc}, and the script stops at the first
// failed step. A step may only be changed through `transform`, and every change is recorded in
// $RESULTS/steps/NAME.original (what APPLY.md said) so the test can assert the overlay is the documented one.

/**
 * @typedef {{ name: string, code: string, line: number }} ApplyStep
 */

/**
 * Fenced blocks whose info string is `sh step=NAME`, in document order.
 * @param {string} markdown
 * @returns {ApplyStep[]}
 */
export function extractSteps(markdown) {
  /** @type {ApplyStep[]} */
  const steps = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^(`{3,}|~{3,})\s*sh\s+step=([A-Za-z0-9_.-]+)\s*$/.exec(lines[i]);
    if (!open) continue;
    const fence = open[1];
    const body = [];
    let j = i + 1;
    for (; j < lines.length && !lines[j].startsWith(fence); j++) body.push(lines[j]);
    if (j === lines.length) throw new Error(`APPLY.md line ${i + 1}: step ${open[2]} has no closing fence`);
    if (steps.some((s) => s.name === open[2])) throw new Error(`APPLY.md line ${i + 1}: step ${open[2]} appears twice`);
    steps.push({ name: open[2], code: `${body.join('\n')}\n`, line: i + 1 });
    i = j;
  }
  return steps;
}

/** Single-quotes a string for sh. */
function q(/** @type {string} */ s) {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/**
 * A bash script (for runInVm's `script`) that runs the given steps in order.
 * @param {ApplyStep[]} steps
 * @param {{ env?: Record<string, string>, cwd?: string,
 *   transform?: Record<string, (code: string) => string> }} [opts]
 *   env: exported before the steps (e.g. DKIM_PRIVATE_DIR); cwd: where the steps run (e.g. the
 *   directory holding the build's `out/`); transform: step name -> rewrite (recorded).
 */
export function stepsScript(steps, opts = {}) {
  const out = ['set -u', 'mkdir -p "$RESULTS/steps"'];
  for (const [k, v] of Object.entries(opts.env ?? {})) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(k)) throw new Error(`bad env name ${k}`);
    out.push(`export ${k}=${q(v)}`);
  }
  if (opts.cwd) out.push(`cd ${q(opts.cwd)}`);
  for (const name of Object.keys(opts.transform ?? {})) {
    if (!steps.some((s) => s.name === name)) throw new Error(`transform for unknown step ${name}`);
  }
  for (const step of steps) {
    const t = opts.transform?.[step.name];
    const code = t ? t(step.code) : step.code;
    const file = `"$RESULTS/steps/${step.name}.sh"`;
    out.push(`# step ${step.name} (APPLY.md line ${step.line})`);
    out.push(`printf '%s' ${q(code)} > ${file}`);
    if (code !== step.code) out.push(`printf '%s' ${q(step.code)} > "$RESULTS/steps/${step.name}.original"`);
    out.push(`echo "== step ${step.name}"`);
    out.push(`sh -e -x ${file} > "$RESULTS/steps/${step.name}.out" 2>&1; rc=$?`);
    out.push(`echo $rc > "$RESULTS/steps/${step.name}.rc"`);
    out.push(`cat "$RESULTS/steps/${step.name}.out"`);
    out.push(`[ $rc -eq 0 ] || { echo "step ${step.name} failed ($rc)"; exit $rc; }`);
  }
  out.push('echo "== all steps passed"');
  return `${out.join('\n')}\n`;
}

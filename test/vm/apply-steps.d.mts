// Types for apply-steps.mjs (test/vm): APPLY.md `sh step=NAME` blocks and the guest script that runs them.
export interface ApplyStep { name: string; code: string; line: number }
export function extractSteps(markdown: string): ApplyStep[];
export function stepsScript(
  steps: ApplyStep[],
  opts?: { env?: Record<string, string>; cwd?: string; transform?: Record<string, (code: string) => string> },
): string;

// Position helper for the Postfix and relay rule tests: where `part` starts inside the first `needle`.
import { positionOf } from '../../helpers/rule-tester.js';

/** Line and column of `part` (default: the whole needle) within the `occurrence`-th `needle` of `text`. */
export function at(text: string, needle: string, part: string = needle, occurrence = 1): { line: number; column: number } {
  const offset = needle.indexOf(part);
  if (offset < 0) throw new Error(`"${part}" is not inside "${needle}"`);
  const { line, column } = positionOf(text, needle, occurrence);
  return { line, column: column + offset };
}

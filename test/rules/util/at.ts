// Test helper for the identity rules: the position of `needle` inside the `occurrence`-th `context`
// in a config text, so a test names a value by the line it sits on ("ptr: relay", "relay").
import { positionOf } from '../../helpers/rule-tester.js';

export function at(text: string, context: string, needle: string = context, occurrence = 1): { line: number; column: number } {
  const offset = context.indexOf(needle);
  if (offset < 0 || context.slice(0, offset).includes('\n')) throw new Error(`"${needle}" is not on the first line of "${context}"`);
  const start = positionOf(text, context, occurrence);
  return { line: start.line, column: start.column + offset };
}

/** The position of the value on the `occurrence`-th line holding `key: ` (quotes included, as the YAML node range is). */
export function valueAt(text: string, key: string, occurrence = 1): { line: number; column: number } {
  const start = positionOf(text, `${key}: `, occurrence);
  return { line: start.line, column: start.column + key.length + 2 };
}

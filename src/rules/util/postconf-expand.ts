// Expands $name references in a main.cf value the way `postconf -x` does (postconf(5), "$name", "${name?value}",
// "${name:value}"), with the config's parameters, Postfix's defaults for the others and empty for unknown names.
import { POSTFIX_DEFAULTS, POSTFIX_RAW_PARAMETERS } from '../data/postfix-defaults.js';

/** A parameter's value as the config sets it, or undefined when the config leaves it at Postfix's default. */
export type ConfigParameter = (name: string) => string | undefined;

/** The outcome: the expanded text, or why it cannot be expanded (then a finding must not be acknowledgeable). */
export type Expansion = { text: string } | { error: string };

/** Postfix's own limit on nested references (mac_expand: "unreasonable macro call nesting"). */
const NESTING_MAX = 100;
/** References that double at every level must not exhaust lint. */
const EXPANDED_MAX = 65_536;

class Unexpandable extends Error {}

/** True for a parameter postconf -x leaves as written (its daemon expands it per delivery: mailbox_command, forward_path, ...). */
export const isRawParameter = (name: string): boolean => POSTFIX_RAW_PARAMETERS.has(name);

/** The index just past the bracket that closes the one at `open` (Postfix allows nested { } and ( ) in a reference). */
function closing(text: string, open: number): number {
  const pairs: Record<string, string> = { '{': '}', '(': ')' };
  const stack = [pairs[text[open]]];
  for (let i = open + 1; i < text.length; i++) {
    if (text[i] === '{' || text[i] === '(') stack.push(pairs[text[i]]);
    else if (text[i] === stack[stack.length - 1]) {
      stack.pop();
      if (stack.length === 0) return i + 1;
    }
  }
  throw new Unexpandable(`an unclosed "${text[open]}" at character ${open + 1}`);
}

/**
 * A conditional's branches: `value`, `{value}`, or (with ?) `{value}:{otherwise}` (postconf(5), Postfix 3.0).
 * Returns [when the test holds, when it does not].
 */
function branches(text: string, operator: string): [string, string] {
  if (!text.startsWith('{')) return [text, ''];
  const end = closing(text, 0);
  const first = text.slice(1, end - 1);
  const rest = text.slice(end);
  if (rest === '') return [first, ''];
  if (operator === '?' && rest.startsWith(':{') && closing(rest, 1) === rest.length) return [first, rest.slice(2, -1)];
  throw new Unexpandable(`the conditional "{${first}}${rest}", a form lint does not expand`);
}

/** The expansion of a value (postconf -x): main.cf's values, then Postfix's defaults, then empty. */
export function expandParameter(value: string, param: ConfigParameter): Expansion {
  const lookup = (name: string, depth: number): string => {
    const raw = param(name) ?? POSTFIX_DEFAULTS.get(name) ?? '';
    return isRawParameter(name) ? raw : expand(raw, depth + 1);
  };
  const expand = (text: string, depth: number): string => {
    if (depth > NESTING_MAX) throw new Unexpandable('references nested more than 100 deep');
    let out = '';
    for (let i = 0; i < text.length; ) {
      const dollar = text.indexOf('$', i);
      if (dollar < 0) {
        out += text.slice(i);
        break;
      }
      out += text.slice(i, dollar);
      const next = text[dollar + 1];
      if (next === '$') {
        out += '$';
        i = dollar + 2;
      } else if (next === '{' || next === '(') {
        const end = closing(text, dollar + 1);
        const inner = text.slice(dollar + 2, end - 1);
        const ref = /^(\w+)(?:([?:])([\s\S]*))?$/.exec(inner);
        if (!ref) throw new Unexpandable(`the reference "${text.slice(dollar, end)}", a form lint does not expand`);
        const current = lookup(ref[1], depth);
        if (ref[2] === undefined) out += current;
        else {
          const [holds, otherwise] = branches(ref[3], ref[2]);
          out += expand((ref[2] === '?') === (current !== '') ? holds : otherwise, depth + 1);
        }
        i = end;
      } else {
        const name = /^\w+/.exec(text.slice(dollar + 1))?.[0];
        if (!name) throw new Unexpandable(`a lone "$" at character ${dollar + 1}`);
        out += lookup(name, depth);
        i = dollar + 1 + name.length;
      }
      if (out.length > EXPANDED_MAX) throw new Unexpandable(`an expansion longer than ${EXPANDED_MAX} characters`);
    }
    return out;
  };
  try {
    return { text: expand(value, 0) };
  } catch (error) {
    if (error instanceof Unexpandable) return { error: error.message };
    throw error;
  }
}

/** A parameter's setting as postconf -x shows it: a raw parameter as written, any other expanded. */
export function expandSetting(name: string, value: string, param: ConfigParameter): Expansion {
  return isRawParameter(name) ? { text: value } : expandParameter(value, param);
}

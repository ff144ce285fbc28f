// Reading the effective main.cf of the Postfix model (the one build writes, raw overrides applied):
// a parameter's value with Postfix's $name references expanded, and the key it came from.
import type { MainCfParameter } from '../../outputs/encode/postfix.js';
import type { PostfixModel } from '../../outputs/postfix-model.js';

export type { MainCfParameter };

/**
 * Expands $name, ${name} and $(name) references, and Postfix's ${name?text} / ${name:text}
 * conditionals, against `lookup`; unknown names stay as written. Depth-limited: Postfix refuses
 * recursive definitions too, so a loop here only has to stop, not be right.
 */
export function expandValue(value: string, lookup: (name: string) => string | undefined, depth = 0): string {
  if (depth > 10 || !value.includes('$')) return value;
  return value.replace(/\$(?:\{(\w+)(?:([?:])([^}]*))?\}|\((\w+)\)|(\w+))/g, (whole, braced, op, text, paren, bare) => {
    const name: string = braced ?? paren ?? bare;
    const raw = lookup(name);
    if (op === '?') return raw ? expandValue(text, lookup, depth + 1) : '';
    if (op === ':') return raw ? '' : expandValue(text, lookup, depth + 1);
    return raw === undefined ? whole : expandValue(raw, lookup, depth + 1);
  });
}

/** A parameter's effective value with references expanded, and the config key in `from`. */
export function effectiveParameter(postfix: PostfixModel, name: string): MainCfParameter | undefined {
  const param = postfix.parameters.get(name);
  if (!param) return undefined;
  return { ...param, value: expandValue(param.value, (ref) => postfix.parameters.get(ref)?.value) };
}

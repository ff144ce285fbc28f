// The effective main.cf as lint sees it: the parameters build writes (taken from src/outputs/postfix.ts,
// not restated here), with the raw postfix.parameters overrides on top, each tied to its key path.
import type { KeyPath } from '../../findings.js';
import type { RelayModel } from '../../config/model.js';
import { generatedMainCfParameters } from '../../outputs/postfix.js';

export interface MainCfParameter {
  name: string;
  value: string;
  /** Where the value comes from in the config: the override key, or the model key it is derived from. */
  path: KeyPath;
  /** True when postfix.parameters sets it. */
  overridden: boolean;
}

/** Where in the config each generated parameter comes from, for findings; others point at `delivery`. */
function sourcePath(model: RelayModel, name: string): KeyPath {
  const fixed: Record<string, KeyPath> = {
    myhostname: ['mta', 'hostname'],
    smtp_helo_name: ['mta', 'hostname'],
    inet_interfaces: ['delivery', 'inetInterfaces'],
    mynetworks: ['delivery', 'trustedNetworks'],
    relayhost: ['delivery', 'relayhost'],
    smtp_sasl_auth_enable: ['delivery', 'relayhost', 'auth'],
    smtp_sasl_password_maps: ['delivery', 'relayhost', 'auth', 'passwordFile'],
    smtp_tls_security_level: ['delivery', 'tls'],
    smtp_fallback_relay: ['delivery', 'fallbackRelays'],
    message_size_limit: ['delivery', 'messageSizeLimit'],
    smtputf8_enable: ['delivery', 'smtputf8'],
    milter_default_action: ['delivery', 'milterDefault'],
    smtp_header_checks: ['delivery', 'stripInternalHeaders'],
  };
  if (fixed[name]) return fixed[name];
  const suffixes: Record<string, string> = {
    _destination_concurrency_limit: 'concurrency',
    _destination_rate_delay: 'rateDelay',
    _destination_recipient_limit: 'recipientLimit',
  };
  for (const [i, dest] of model.delivery.destinations.entries()) {
    for (const [suffix, key] of Object.entries(suffixes)) {
      if (name === `${dest.transport}${suffix}`) return ['delivery', 'destinations', i, key];
    }
  }
  return ['delivery'];
}

/** The main.cf parameters the model implies, before overrides: exactly what src/outputs/postfix.ts writes. */
export function generatedParameters(model: RelayModel): Map<string, MainCfParameter> {
  const out = new Map<string, MainCfParameter>();
  for (const [name, value] of generatedMainCfParameters(model)) out.set(name, { name, value, path: sourcePath(model, name), overridden: false });
  return out;
}

/** The effective main.cf: generated parameters with postfix.parameters overrides on top. */
export function effectiveParameters(model: RelayModel): Map<string, MainCfParameter> {
  const out = generatedParameters(model);
  for (const [name, value] of Object.entries(model.postfix.parameters)) {
    out.set(name, { name, value, path: ['postfix', 'parameters', name], overridden: true });
  }
  return out;
}

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

/** A parameter's effective value with references expanded, and where it comes from. */
export function effectiveParameter(model: RelayModel, name: string, params = effectiveParameters(model)): MainCfParameter | undefined {
  const param = params.get(name);
  if (!param) return undefined;
  return { ...param, value: expandValue(param.value, (ref) => params.get(ref)?.value) };
}

// The effective main.cf as lint sees it: the parameters the model implies (what `build` writes in
// src/outputs/postfix.ts), with the raw postfix.parameters overrides on top, each value tied to the
// key path it came from. Only the parameters the posture rules read are derived here.
import type { KeyPath } from '../../findings.js';
import type { RelayModel } from '../../config/model.js';

export interface MainCfParameter {
  name: string;
  value: string;
  /** Where the value comes from in the config: the override key, or the model key it is derived from. */
  path: KeyPath;
  /** True when postfix.parameters sets it. */
  overridden: boolean;
}

/** seed 02's smarthost list, as src/outputs/postfix.ts writes it: trusted clients relay, all else is refused. */
export const GENERATED_RESTRICTIONS = 'permit_mynetworks, reject';

/** Postfix time values have no ms unit: the build rounds a sub-second duration up to whole seconds. */
export function postfixSeconds(text: string, ms: number): string {
  return /ms$/.test(text) ? `${Math.max(1, Math.ceil(ms / 1000))}s` : text;
}

/** `[host]:port` (no MX lookup) or `host:port`: how a smarthost is written in main.cf (seed 02). */
export function relayhostValue(relayhost: NonNullable<RelayModel['delivery']['relayhost']>): string {
  return relayhost.mxLookup ? `${relayhost.host}:${relayhost.port}` : `[${relayhost.host}]:${relayhost.port}`;
}

/** The main.cf parameters the model implies, before overrides, keyed by name. */
export function generatedParameters(model: RelayModel): Map<string, MainCfParameter> {
  const out = new Map<string, MainCfParameter>();
  const set = (name: string, value: string, path: KeyPath) => out.set(name, { name, value, path, overridden: false });
  const d = model.delivery;

  set('myhostname', model.mta.hostname, ['mta', 'hostname']);
  set('smtp_helo_name', model.mta.hostname, ['mta', 'hostname']);
  set(
    'inet_interfaces',
    Array.isArray(d.inetInterfaces) ? d.inetInterfaces.join(', ') : d.inetInterfaces,
    ['delivery', 'inetInterfaces'],
  );
  set('mynetworks', d.trustedNetworks.join(' '), ['delivery', 'trustedNetworks']);
  set('smtpd_relay_restrictions', GENERATED_RESTRICTIONS, ['delivery']);
  set('smtpd_recipient_restrictions', GENERATED_RESTRICTIONS, ['delivery']);
  const relayhost = d.mode === 'relayhost' ? d.relayhost : null;
  set('relayhost', relayhost ? relayhostValue(relayhost) : '', ['delivery', 'relayhost']);
  set('smtp_sasl_auth_enable', relayhost?.auth ? 'yes' : 'no', ['delivery', 'relayhost', 'auth']);
  set(
    'smtp_sasl_password_maps',
    relayhost?.auth ? `hash:${relayhost.auth.passwordFile}` : '',
    ['delivery', 'relayhost', 'auth', 'passwordFile'],
  );
  set('smtp_tls_security_level', d.tls, ['delivery', 'tls']);
  set('smtp_fallback_relay', d.fallbackRelays.join(', '), ['delivery', 'fallbackRelays']);
  set('message_size_limit', String(d.messageSizeLimit), ['delivery', 'messageSizeLimit']);
  set('smtputf8_enable', d.smtputf8 ? 'yes' : 'no', ['delivery', 'smtputf8']);
  set('milter_default_action', d.milterDefault, ['delivery', 'milterDefault']);
  d.destinations.forEach((dest, i) => {
    const at = (key: string): KeyPath => ['delivery', 'destinations', i, key];
    if (dest.concurrency !== null) set(`${dest.transport}_destination_concurrency_limit`, String(dest.concurrency), at('concurrency'));
    if (dest.rateDelay !== null && dest.rateDelayMs !== null) {
      set(`${dest.transport}_destination_rate_delay`, postfixSeconds(dest.rateDelay, dest.rateDelayMs), at('rateDelay'));
    }
    if (dest.recipientLimit !== null) set(`${dest.transport}_destination_recipient_limit`, String(dest.recipientLimit), at('recipientLimit'));
  });
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

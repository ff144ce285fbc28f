// The SMTP client's effective TLS level (smtp_tls_security_level, or the legacy smtp_use_tls /
// smtp_enforce_tls that Postfix still reads when the level is empty), for main.cf and per service.
import type { KeyPath } from '../../findings.js';
import type { PostfixModel } from '../../outputs/postfix-model.js';
import { expandValue } from './main-cf.js';
import type { ServiceView } from './master-cf.js';
import { parseBool } from './values.js';

/** Levels that never send in plaintext: mandatory encryption or stronger (postconf(5) smtp_tls_security_level). */
export const MANDATORY_TLS_LEVELS: ReadonlySet<string> = new Set(['encrypt', 'dane-only', 'fingerprint', 'verify', 'secure']);

export interface SettingLookup {
  /** The value (references expanded) and where it is set, or undefined when nothing sets it. */
  get(name: string): { value: string; path: KeyPath } | undefined;
}

/** Lookup over the effective main.cf. */
export function mainLookup(postfix: PostfixModel): SettingLookup {
  const params = postfix.parameters;
  return {
    get(name) {
      const param = params.get(name);
      return param ? { value: expandValue(param.value, (ref) => params.get(ref)?.value), path: param.from } : undefined;
    },
  };
}

/** Lookup for one master.cf service: its -o overrides first, then main.cf. */
export function serviceLookup(service: ServiceView, main: SettingLookup): SettingLookup {
  return {
    get(name) {
      const own = service.options.get(name);
      if (own === undefined) return main.get(name);
      return { value: expandValue(own, (ref) => service.options.get(ref) ?? main.get(ref)?.value), path: service.path };
    },
  };
}

export interface TlsSetting {
  level: string;
  /** Where the deciding setting is. */
  path: KeyPath;
  /** How it was decided, for messages: "smtp_tls_security_level = may", "smtp_use_tls = yes". */
  how: string;
}

/** The effective SMTP client TLS level under `lookup`. */
export function tlsLevel(lookup: SettingLookup): TlsSetting {
  const level = lookup.get('smtp_tls_security_level');
  if (level && level.value.trim() !== '') {
    const value = level.value.trim().toLowerCase();
    return { level: value, path: level.path, how: `smtp_tls_security_level = ${value}` };
  }
  // Postfix falls back to the pre-2.3 booleans only when the level is empty.
  const enforce = lookup.get('smtp_enforce_tls');
  if (enforce && parseBool(enforce.value)) return { level: 'encrypt', path: enforce.path, how: 'smtp_enforce_tls = yes' };
  const use = lookup.get('smtp_use_tls');
  if (use && parseBool(use.value)) return { level: 'may', path: use.path, how: 'smtp_use_tls = yes' };
  return { level: 'none', path: level?.path ?? ['delivery', 'tls'], how: 'smtp_tls_security_level is empty' };
}

/** SMTP/LMTP client services of master.cf (their -o settings change how mail leaves). */
export function clientServices(services: readonly ServiceView[]): ServiceView[] {
  return services.filter((s) => s.type === 'unix' && (s.command === 'smtp' || s.command === 'lmtp'));
}

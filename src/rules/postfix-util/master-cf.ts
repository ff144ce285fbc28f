// master.cf services as the posture rules query them: every service build writes (stock, generated
// transports and postfix.services), with its listen host and port and its -o overrides by name.
import type { KeyPath } from '../../findings.js';
import type { PostfixModel } from '../../outputs/postfix-model.js';

export interface ServiceView {
  /** The config key that caused the service: where findings about it are reported. */
  path: KeyPath;
  /** The first field as written: a name, a port, or host:port for inet services. */
  name: string;
  type: string;
  /** The daemon the service runs (smtpd, smtp, pipe, ...), without arguments. */
  command: string;
  /** For inet services: the explicit listen host, if the name has one ([::1]:25 -> ::1). */
  host: string | null;
  /** For inet services: the port or service-name part (587, submission, smtp). */
  port: string | null;
  /** -o name=value overrides, in order; a later one wins, as in Postfix. */
  options: Map<string, string>;
}

/** Splits an inet service name into host and port: `127.0.0.1:2526`, `[::1]:25`, `submission`. */
export function splitInetName(name: string): { host: string | null; port: string } {
  const bracketed = /^\[([^\]]+)\]:(.+)$/.exec(name);
  if (bracketed) return { host: bracketed[1], port: bracketed[2] };
  const colon = name.lastIndexOf(':');
  if (colon < 0) return { host: null, port: name };
  return { host: name.slice(0, colon), port: name.slice(colon + 1) };
}

/** The services of the Postfix model, in master.cf order. */
export function serviceViews(postfix: PostfixModel): ServiceView[] {
  return postfix.services.map(({ service }) => {
    const inet = service.type === 'inet' ? splitInetName(service.service) : null;
    const options = new Map<string, string>();
    for (const arg of service.args) if ('option' in arg) options.set(arg.option, arg.value);
    return { path: service.from, name: service.service, type: service.type, command: service.command, host: inet?.host ?? null, port: inet?.port ?? null, options };
  });
}

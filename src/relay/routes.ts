// The relay's HTTP routes, one list: the entry gateways (nginx locations, cloudflared ingress paths)
// pass exactly these through and answer 404 for anything else. Keep it in step with src/relay/http.ts.

export interface RelayRoute {
  /** Path without query; a `{name}` segment stands for one non-empty path segment. */
  path: string;
  /** The method that does the work (GET routes answer HEAD too). */
  method: 'GET' | 'POST' | 'DELETE';
}

export const RELAY_ROUTES: readonly RelayRoute[] = [
  { path: '/health', method: 'GET' },
  { path: '/send', method: 'POST' },
  { path: '/messages/{id}', method: 'GET' },
  { path: '/suppressions', method: 'GET' },
  { path: '/suppressions/{address}', method: 'DELETE' },
];

/** Whether the route has a `{name}` segment (matched by pattern rather than exactly). */
export const isTemplated = (route: RelayRoute): boolean => route.path.includes('{');

/** The route's path as an unanchored regular expression: literal text escaped, `{name}` as [^/]+. */
export function routePattern(route: RelayRoute): string {
  return route.path
    .split(/(\{[a-z]+\})/)
    .map((part) => (/^\{[a-z]+\}$/.test(part) ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
}

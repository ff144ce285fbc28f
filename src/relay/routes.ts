// The relay's HTTP routes, one list: the entry gateways (nginx locations, cloudflared ingress paths)
// pass exactly these through and answer 404 for anything else. Keep it in step with src/relay/http.ts.

export interface RelayRoute {
  /** Exact path, no query. */
  path: string;
  /** The method that does the work (GET routes answer HEAD too). */
  method: 'GET' | 'POST';
}

export const RELAY_ROUTES: readonly RelayRoute[] = [
  { path: '/health', method: 'GET' },
  { path: '/send', method: 'POST' },
];

// Token buckets keyed by a string: a full bucket allows a burst of `perMinute`, then one request every
// 60/perMinute seconds; a denied request gets the whole seconds until the next token, for Retry-After.
// The relay keeps two: authenticated requests per caller identity (relay.limits.ratePerMinute), and
// failed authentications per source address (AUTH_FAILURES_PER_MINUTE). Idle full buckets are swept once
// a minute and the map has a hard cap (oldest key evicted), so a flood of sources cannot grow memory.

/**
 * Failed authentications a source may make per minute before it is answered 429: enough for a
 * misconfigured client to show up as 401s in its own logs, few enough to slow a guesser.
 */
export const AUTH_FAILURES_PER_MINUTE = 10;

/**
 * Failed authentications per minute all the forwarded sources behind one gateway peer may make together.
 * The gateway names the source in X-Real-IP, and a local process can connect as if it were the gateway
 * with any X-Real-IP, so without this cap every made-up source would bring a fresh budget. Only a failed
 * authentication spends or checks it: a request with the right token never meets it, so a guesser behind
 * the gateway can turn the 401s of other wrong-token callers into 429s, never lock out real traffic.
 */
export const AUTH_FAILURES_PER_PEER_PER_MINUTE = 60;

export interface RateDecision {
  allowed: boolean;
  /** Seconds until a request would be allowed; 0 when allowed. */
  retryAfterSeconds: number;
  /** Set on the first denial after an allowed request: log the episode once, not every request. */
  firstDenial?: true;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
  denied: boolean;
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;
  private lastSweep: number;

  /** perMinute 0 switches limiting off. */
  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
    private readonly maxKeys = 100_000,
  ) {
    this.perMs = perMinute / 60_000;
    this.lastSweep = now();
  }

  take(key: string): RateDecision {
    if (this.perMinute <= 0) return { allowed: true, retryAfterSeconds: 0 };
    const now = this.now();
    this.sweep(now);
    let bucket = this.buckets.get(key);
    if (!bucket) {
      if (this.buckets.size >= this.maxKeys) this.buckets.delete(this.buckets.keys().next().value as string);
      bucket = { tokens: this.perMinute, updatedAt: now, denied: false };
      this.buckets.set(key, bucket);
    } else {
      bucket.tokens = Math.min(this.perMinute, bucket.tokens + (now - bucket.updatedAt) * this.perMs);
      bucket.updatedAt = now;
    }
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      bucket.denied = false;
      return { allowed: true, retryAfterSeconds: 0 };
    }
    const decision: RateDecision = { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / this.perMs / 1000)) };
    if (!bucket.denied) decision.firstDenial = true;
    bucket.denied = true;
    return decision;
  }

  get size(): number {
    return this.buckets.size;
  }

  /** Once a minute drop buckets that have refilled completely (the cap is kept on insert). */
  private sweep(now: number): void {
    if (now - this.lastSweep < 60_000) return;
    this.lastSweep = now;
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.updatedAt) * this.perMs >= this.perMinute) this.buckets.delete(key);
    }
  }
}

/** Each client's own request budget (relay.clients[].limits.requestsPerMinute), one bucket per client. */
export class ClientRateLimits {
  private readonly limiters = new Map<string, RateLimiter>();

  constructor(clients: ReadonlyArray<{ name: string; limits: { requestsPerMinute: number } }>, now: () => number = Date.now) {
    for (const client of clients) this.limiters.set(client.name, new RateLimiter(client.limits.requestsPerMinute, now, 1));
  }

  take(client: { name: string }): RateDecision {
    // A client not known here has no budget of its own configured: nothing to count it against.
    return this.limiters.get(client.name)?.take(client.name) ?? { allowed: true, retryAfterSeconds: 0 };
  }
}

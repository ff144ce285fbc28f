// Per-client message budgets over rolling windows (relay.clients[].limits.messagesPerHour, messagesPerDay):
// the acceptance times of the last day are kept per client, so "at most N in any 60 minutes" holds exactly,
// unlike a token bucket that lets 2N through across a refill. A request reserves its slot before the
// mail is queued and gives it back when it ends without a 202, so concurrent requests cannot overshoot.
// Memory is bounded by the limits themselves: never more entries than the larger window's cap.
// Kept in memory: a restart forgets the window (the per-minute request limit still holds).

export interface QuotaLimits {
  messagesPerHour: number;
  messagesPerDay: number;
}

export type QuotaDecision =
  | { allowed: true; release: () => void }
  | { allowed: false; retryAfterSeconds: number; window: 'hour' | 'day'; limit: number };

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export class MessageQuota {
  private readonly accepted = new Map<string, number[]>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Takes one message slot for `client`, or says which window is full and when a slot frees up. */
  reserve(client: string, limits: QuotaLimits): QuotaDecision {
    const { messagesPerHour: hourly, messagesPerDay: daily } = limits;
    if (hourly <= 0 && daily <= 0) return { allowed: true, release: () => undefined };
    const now = this.now();
    const span = daily > 0 ? DAY_MS : HOUR_MS;
    const times = (this.accepted.get(client) ?? []).filter((t) => t > now - span);
    this.accepted.set(client, times);
    if (daily > 0 && times.length >= daily) return this.denied(times[times.length - daily], DAY_MS, now, 'day', daily);
    if (hourly > 0) {
      const lastHour = times.filter((t) => t > now - HOUR_MS);
      if (lastHour.length >= hourly) return this.denied(lastHour[lastHour.length - hourly], HOUR_MS, now, 'hour', hourly);
    }
    times.push(now);
    let released = false;
    return {
      allowed: true,
      release: () => {
        if (released) return;
        released = true;
        const list = this.accepted.get(client);
        const at = list?.lastIndexOf(now) ?? -1;
        if (list && at >= 0) list.splice(at, 1);
      },
    };
  }

  /** The slot frees when the oldest entry still counting against the full window leaves it. */
  private denied(oldest: number, windowMs: number, now: number, window: 'hour' | 'day', limit: number): QuotaDecision {
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((oldest + windowMs - now) / 1000)), window, limit };
  }
}

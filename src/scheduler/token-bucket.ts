/**
 * A token bucket that reserves ahead: `take(n)` returns how long the caller must wait before its
 * n sends may start. Reservations queue fairly across concurrent callers because the balance may go
 * negative (debt is paid back at `ratePerSec`). `burst` caps what an idle bucket saves up.
 */
export interface TokenBucket {
  /** Reserves `n` tokens; returns the wait in ms before using them (0 when available now). */
  take(n?: number): number;
  /** Pushes the next availability to at least `untilMs` (a server said retry_after). */
  blockUntil(untilMs: number): void;
}

export function createTokenBucket(opts: { ratePerSec: number; burst: number; nowMs: () => number }): TokenBucket {
  const rate = opts.ratePerSec / 1000;
  const burst = Math.max(1, opts.burst);
  let tokens = burst;
  let last = opts.nowMs();
  let blockedUntil = 0;
  const refill = () => {
    const now = opts.nowMs();
    tokens = Math.min(burst, tokens + (now - last) * rate);
    last = now;
    return now;
  };
  return {
    take(n = 1) {
      const now = refill();
      const waitBlock = Math.max(0, blockedUntil - now);
      tokens -= n;
      const waitTokens = tokens >= 0 ? 0 : -tokens / rate;
      return Math.ceil(Math.max(waitBlock, waitTokens));
    },
    blockUntil(untilMs) {
      refill();
      if (untilMs > blockedUntil) blockedUntil = untilMs;
      // Whatever was saved up is void after a 429: resume at the base rate.
      if (tokens > 0) tokens = 0;
    },
  };
}

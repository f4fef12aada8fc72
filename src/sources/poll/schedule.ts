/**
 * When a source is polled next: its interval after a success (never sooner than the server's
 * Cache-Control max-age allows), exponential backoff after failures (never sooner than
 * Retry-After), and a pause after repeated failures. Pure: the clock is an argument.
 */

/** Consecutive failures after which a source is paused until someone resumes it. */
export const MAX_CONSECUTIVE_FAILURES = 5;
/** Neither backoff nor a server's max-age pushes the next poll further than this. */
export const MAX_DELAY_MS = 24 * 3600_000;

/** Next poll after a successful one. */
export function nextAfterSuccess(now: Date, everyMinutes: number, maxAgeSeconds: number | null): Date {
  const interval = everyMinutes * 60_000;
  const cache = maxAgeSeconds != null ? Math.min(maxAgeSeconds * 1000, MAX_DELAY_MS) : 0;
  return new Date(now.getTime() + Math.max(interval, cache));
}

export interface FailurePlan {
  next_poll_at: string | null;
  backoff_until: string | null;
  paused_reason: string | null;
}

/**
 * Plan after a failed poll. `failuresBefore` is the count before this failure; the delay doubles
 * with each one (2×, 4×, 8× … the interval, at most a day) and Retry-After, when later, wins.
 */
export function planAfterFailure(now: Date, everyMinutes: number, failuresBefore: number, reason: string, retryAt: number | null): FailurePlan {
  const failures = failuresBefore + 1;
  if (failures >= MAX_CONSECUTIVE_FAILURES) {
    return { next_poll_at: null, backoff_until: null, paused_reason: `paused after ${failures} consecutive failures; last: ${reason}` };
  }
  const delay = Math.min(everyMinutes * 60_000 * 2 ** failures, MAX_DELAY_MS);
  const at = Math.max(now.getTime() + delay, retryAt ?? 0);
  const iso = new Date(at).toISOString();
  return { next_poll_at: iso, backoff_until: iso, paused_reason: null };
}

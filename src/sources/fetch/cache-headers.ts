/** Reading the HTTP headers that tell a poller when it may come back. */

/** Retry-After as an epoch-ms instant (seconds or an HTTP date), or null when absent/unreadable. */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | null {
  if (!value) return null;
  const v = value.trim();
  if (/^\d+$/.test(v)) return nowMs + Number(v) * 1000;
  const t = Date.parse(v);
  return Number.isNaN(t) ? null : Math.max(t, nowMs);
}

/** Cache-Control max-age (or s-maxage) in seconds minus Age, or null; `no-store`/`no-cache` give 0. */
export function parseMaxAge(cacheControl: string | null | undefined, age?: string | null): number | null {
  if (!cacheControl) return null;
  const cc = cacheControl.toLowerCase();
  if (/\b(no-store|no-cache)\b/.test(cc)) return 0;
  const m = cc.match(/\bs-maxage\s*=\s*"?(\d+)/) ?? cc.match(/\bmax-age\s*=\s*"?(\d+)/);
  if (!m) return null;
  const ageS = age && /^\d+$/.test(age.trim()) ? Number(age.trim()) : 0;
  return Math.max(0, Number(m[1]) - ageS);
}

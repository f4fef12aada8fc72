/**
 * Small calendar arithmetic on plain dates (no time zone): the resolver only ever needs
 * "which day", so dates are kept as {y, m, d} and compared as day numbers.
 */

export interface LocalDate {
  y: number;
  m: number;
  d: number;
}

/** Days since 1970-01-01 for a plain date. */
export function toDayNumber(date: LocalDate): number {
  return Math.floor(Date.UTC(date.y, date.m - 1, date.d) / 86_400_000);
}

/** The plain date of a day number. */
export function fromDayNumber(n: number): LocalDate {
  const t = new Date(n * 86_400_000);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/** Whether y-m-d exists in the Gregorian calendar (no 2025-02-30). */
export function isValidDate(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || m < 1 || m > 12 || d < 1 || d > 31) return false;
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** YYYY-MM-DD. */
export function formatDate(date: LocalDate): string {
  return `${String(date.y).padStart(4, '0')}-${String(date.m).padStart(2, '0')}-${String(date.d).padStart(2, '0')}`;
}

/** Adds whole days. */
export function addDays(date: LocalDate, days: number): LocalDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/**
 * The plain date an ISO timestamp falls on where it was published: the offset written in the
 * string when there is one other than Z, else `fallbackOffsetMinutes` (Taipei, +480, for
 * Chinese outlets, whose Z timestamps are usually converted from local time). A bare
 * YYYY-MM-DD is that day. Null when unparseable.
 */
export function publicationDate(iso: string | null | undefined, fallbackOffsetMinutes = 480): LocalDate | null {
  if (!iso) return null;
  const bare = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (bare) return isValidDate(+bare[1], +bare[2], +bare[3]) ? { y: +bare[1], m: +bare[2], d: +bare[3] } : null;
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return null;
  const off = /([+-])(\d{2}):?(\d{2})$/.exec(iso);
  const minutes = off ? (off[1] === '-' ? -1 : 1) * (+off[2] * 60 + +off[3]) : fallbackOffsetMinutes;
  const t = new Date(ms + minutes * 60_000);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/**
 * Which way an undirected reference (周日, 3月5日, 12日) leans: 'news' prefers the past (a future
 * date counts double its distance), 'past' takes the latest such day not after the anchor,
 * 'future' the earliest not before it (Duckling's convention).
 */
export type Prefer = 'news' | 'past' | 'future';

function costOf(dist: number, prefer: Prefer): number {
  if (prefer === 'past') return dist > 0 ? Infinity : -dist;
  if (prefer === 'future') return dist < 0 ? Infinity : dist;
  return dist > 0 ? dist * 2 : -dist;
}

/**
 * The date with day-of-month `day` nearest to `anchor`, looking one month back and one ahead.
 * A future date counts double its distance, because news mostly reports what happened, yet
 * "於12日訪問" written on the 10th announces the 12th. Null when nothing lies within ~20 days.
 */
export function nearestDayOfMonth(anchor: LocalDate, day: number, prefer: Prefer = 'news'): LocalDate | null {
  const a = toDayNumber(anchor);
  let best: LocalDate | null = null;
  let bestCost = Infinity;
  for (const delta of [-1, 0, 1]) {
    let y = anchor.y;
    let m = anchor.m + delta;
    if (m < 1) (m = 12), y--;
    if (m > 12) (m = 1), y++;
    if (!isValidDate(y, m, day)) continue;
    const cost = costOf(toDayNumber({ y, m, d: day }) - a, prefer);
    if (cost < bestCost) (bestCost = cost), (best = { y, m, d: day });
  }
  return bestCost <= (prefer === 'news' ? 40 : 31) ? best : null;
}

/** The year that puts month/day nearest to `anchor` (the previous, same or next year). */
export function nearestYear(anchor: LocalDate, month: number, day: number, prefer: Prefer = 'news'): LocalDate | null {
  const options = [anchor.y - 1, anchor.y, anchor.y + 1].filter((y) => isValidDate(y, month, day)).map((y) => ({ y, m: month, d: day }));
  return nearestOf(anchor, options, prefer);
}

/** Of `options`, the date nearest to `anchor` as `prefer` leans; null when none qualifies. */
export function nearestOf(anchor: LocalDate, options: LocalDate[], prefer: Prefer = 'news'): LocalDate | null {
  let best: LocalDate | null = null;
  let bestCost = Infinity;
  for (const o of options) {
    const cost = costOf(toDayNumber(o) - toDayNumber(anchor), prefer);
    if (cost < bestCost) (bestCost = cost), (best = o);
  }
  return best;
}

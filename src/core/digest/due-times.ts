/**
 * Due times of a daily digest, computed in the subscription's own time zone with luxon, so a
 * digest at 08:00 Europe/Berlin stays at 08:00 local across daylight-saving changes.
 * Rules: exactly one due time per local calendar day. A local time that does not exist (spring
 * forward gap, e.g. 02:30 on the last Sunday of March in Berlin) moves forward by the gap (03:30);
 * a local time that happens twice (autumn fall back) is taken once, at luxon's choice of offset.
 */
import { DateTime } from 'luxon';

const HHMM = /^([01]?\d|2[0-3]):([0-5]\d)$/;

/** Parses 'H:MM' / 'HH:MM' (00:00–23:59) into hour and minute, or null when it is not a valid time. */
export function parseClockTime(text: string): { hour: number; minute: number } | null {
  const m = HHMM.exec(text.trim());
  if (!m) return null;
  return { hour: Number(m[1]), minute: Number(m[2]) };
}

/** Canonical 'HH:MM' form of a valid clock time. */
export function formatClockTime(t: { hour: number; minute: number }): string {
  return `${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}`;
}

/** Whether `tz` is an IANA zone the runtime knows (Asia/Taipei, Europe/Berlin, UTC). */
export function isValidTimeZone(tz: string): boolean {
  if (!/^[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+){0,2}$/.test(tz)) return false;
  return DateTime.now().setZone(tz).isValid;
}

/** The canonical spelling of a zone name typed in any case ('europe/berlin' → 'Europe/Berlin'), or null. */
export function canonicalTimeZone(tz: string): string | null {
  if (!isValidTimeZone(tz)) return null;
  try {
    return new Intl.DateTimeFormat('en', { timeZone: tz }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

function dueOnLocalDate(date: DateTime, hhmm: string, tz: string): DateTime {
  const t = parseClockTime(hhmm);
  if (!t) throw new Error(`invalid clock time '${hhmm}'`);
  return DateTime.fromObject({ year: date.year, month: date.month, day: date.day, hour: t.hour, minute: t.minute }, { zone: tz });
}

// luxon zone arithmetic costs ~0.2 ms a call; thousands of subscriptions due at one minute share
// (time, zone, instant), so results are memoized (bounded).
const memo = new Map<string, number>();
function memoized(kind: string, hhmm: string, tz: string, at: Date, compute: () => Date): Date {
  const key = `${kind}|${hhmm}|${tz}|${at.getTime()}`;
  const hit = memo.get(key);
  if (hit !== undefined) return new Date(hit);
  const d = compute();
  if (memo.size >= 10_000) memo.clear();
  memo.set(key, d.getTime());
  return d;
}

/** The first due time strictly after `after`. */
export function nextDueAfter(hhmm: string, tz: string, after: Date): Date {
  return memoized('next', hhmm, tz, after, () => computeNextDueAfter(hhmm, tz, after));
}

/** The latest due time at or before `at` (what a catch-up sends: only the most recent one missed). */
export function latestDueAtOrBefore(hhmm: string, tz: string, at: Date): Date {
  return memoized('latest', hhmm, tz, at, () => computeLatestDueAtOrBefore(hhmm, tz, at));
}

function computeNextDueAfter(hhmm: string, tz: string, after: Date): Date {
  const local = DateTime.fromJSDate(after, { zone: tz });
  if (!local.isValid) throw new Error(`invalid time zone '${tz}'`);
  let day = local.startOf('day');
  for (let i = 0; i < 3; i++) {
    const due = dueOnLocalDate(day, hhmm, tz);
    if (due.toMillis() > after.getTime()) return due.toJSDate();
    day = day.plus({ days: 1 });
  }
  throw new Error(`no due time found after ${after.toISOString()}`);
}

function computeLatestDueAtOrBefore(hhmm: string, tz: string, at: Date): Date {
  const local = DateTime.fromJSDate(at, { zone: tz });
  if (!local.isValid) throw new Error(`invalid time zone '${tz}'`);
  let day = local.startOf('day');
  for (let i = 0; i < 3; i++) {
    const due = dueOnLocalDate(day, hhmm, tz);
    if (due.toMillis() <= at.getTime()) return due.toJSDate();
    day = day.minus({ days: 1 });
  }
  throw new Error(`no due time found before ${at.toISOString()}`);
}

/** `at` in zone `tz` as 'YYYY-MM-DD HH:MM' plus the zone's short offset, for chat replies and tables. */
export function formatLocal(at: Date, tz: string): string {
  return DateTime.fromJSDate(at, { zone: tz }).toFormat("yyyy-MM-dd HH:mm 'UTC'ZZ");
}

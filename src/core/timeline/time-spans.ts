/**
 * Date and time expressions in a text as local spans with a grain, for `newsbot dates` and the
 * dates eval. Day references come from the timeline's own resolver (resolve-dates.ts, the code
 * ingest uses); this file adds what a timeline does not keep: clock times and parts of the day,
 * weeks, months, years, "now", and "N units ago/later".
 */
import { fromDayNumber, toDayNumber, type LocalDate, type Prefer } from './calendar.ts';
import { findDateReferences, parseNumber, type ResolveState } from './resolve-dates.ts';
import { findPeriods } from './time-periods.ts';

export type Grain = 'year' | 'quarter' | 'month' | 'week' | 'day' | 'hour' | 'minute' | 'second';

export interface TimeSpan {
  text: string;
  /** Offsets in Unicode code points, end exclusive. */
  start_offset: number;
  end_offset: number;
  /** Local YYYY-MM-DDTHH:MM:SS at the reference offset; end inclusive. */
  start: string;
  end: string;
  grain: Grain;
}

/** The reference instant: epoch milliseconds and the UTC offset (minutes) local times are written at. */
export interface ReferenceTime {
  ms: number;
  offsetMinutes: number;
}

/** Parses an ISO instant with an explicit offset (2013-02-12T04:30:00-02:00); null without one. */
export function parseReferenceTime(iso: string): ReferenceTime | null {
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})$/.exec(iso.trim());
  if (!m) return null;
  const ms = Date.parse(`${m[1]}T${m[2]}${m[3] === 'Z' ? 'Z' : m[3].length === 5 ? m[3].slice(0, 3) + ':' + m[3].slice(3) : m[3]}`);
  if (Number.isNaN(ms)) return null;
  const off = m[3] === 'Z' ? 0 : (m[3][0] === '-' ? -1 : 1) * (+m[3].slice(1, 3) * 60 + +m[3].slice(-2));
  return { ms, offsetMinutes: off };
}

const DAY = 86_400_000;
const UNIT_MS = { second: 1000, minute: 60_000, hour: 3_600_000 } as const;

/** Local wall-clock milliseconds (epoch-based, as if UTC) → YYYY-MM-DDTHH:MM:SS. */
function fmt(local: number): string {
  return new Date(local).toISOString().slice(0, 19);
}

function dayStart(d: LocalDate): number {
  return toDayNumber(d) * DAY;
}

function monthStart(y: number, m0: number): number {
  return Date.UTC(y + Math.floor(m0 / 12), ((m0 % 12) + 12) % 12, 1);
}

const CN_NUM = '(?:\\d{1,2}|[零〇一二兩两三四五六七八九十廿]{1,3})';

function num(s: string): number {
  return parseNumber(s.replace(/[兩两]/g, '二').replace(/^零/, ''));
}

/** The clock time in `s` (三點, 下午3:15, 3pm, 三點半, 三點一刻, 三點踏三) as hour/minute and its grain, or null. */
function clock(s: string): { h: number; min: number; grain: Grain; pm: boolean | null } | null {
  let m = /^(\d{1,2}):(\d{2})\s*([ap])?m?/i.exec(s);
  if (m) return { h: +m[1], min: +m[2], grain: 'minute', pm: m[3] ? m[3].toLowerCase() === 'p' : null };
  m = /^(\d{1,2})\s*([ap])m/i.exec(s);
  if (m) return { h: +m[1], min: 0, grain: 'hour', pm: m[2].toLowerCase() === 'p' };
  m = new RegExp(`^(${CN_NUM})\\s*[點点時时](?:\\s*(?:[踏搭])?\\s*(半|${CN_NUM})\\s*(?:分|個字|个字|刻)?)?`).exec(s);
  if (!m) return null;
  const h = num(m[1]);
  if (!(h >= 0 && h <= 24)) return null;
  if (!m[2]) return { h, min: 0, grain: 'hour', pm: null };
  // 三點三 / 三點踏三 / 三點三個字: Cantonese counts five-minute marks up to 11; 三點十五 is minutes.
  const raw = m[2] === '半' ? 30 : num(m[2]);
  const fives = /[踏搭]|個字|个字/.test(m[0]) || (raw < 12 && !/分/.test(m[0]) && !/^[零〇]/.test(m[2]) && !/^\d/.test(m[2]));
  // 三點一刻, 三點三刻: quarters of an hour.
  const min = m[2] === '半' ? 30 : m[0].endsWith('刻') ? raw * 15 : fives ? raw * 5 : raw;
  return min >= 0 && min < 60 ? { h, min, grain: 'minute', pm: null } : null;
}

const PART_OF_DAY: [RegExp, number, number, boolean | null][] = [
  [/^(?:今晚|晚上|晚間|晚间|夜晚|夜間|夜间)/, 18, 24, true],
  [/^(?:早上|早晨|上午|清晨|早間|早间|今早)/, 4, 12, false],
  [/^(?:下午|午後|午后|晏晝|晏昼)/, 12, 19, true],
  [/^(?:傍晚|黃昏|黄昏)/, 17, 20, true],
  [/^(?:深夜|午夜)/, 21, 24, true],
  [/^(?:中午)/, 12, 14, null],
  [/^(?:凌晨)/, 0, 6, false],
];

interface Candidate {
  index: number;
  length: number;
  start: number;
  end: number;
  grain: Grain;
}

// The part of the day a day word ends with (昨晚, 明早, 今晨).
const PART_IN_WORD: Record<string, (typeof PART_OF_DAY)[number]> = { 晚: PART_OF_DAY[0], 夜: PART_OF_DAY[0], 早: PART_OF_DAY[1], 晨: PART_OF_DAY[1] };

/** Adds a clock time or part of day right after a day span (二月十五号早上, 今晚8点, 周一早上, 昨晚11時). */
function refine(text: string, c: Candidate): Candidate {
  const rest = text.slice(c.index + c.length);
  let used = 0;
  let part: (typeof PART_OF_DAY)[number] | undefined = c.length === 2 ? PART_IN_WORD[text[c.index + 1]] : undefined;
  if (part) c = { ...c, start: c.start + part[1] * 3_600_000, end: c.start + part[2] * 3_600_000 - 1000, grain: 'hour' };
  const dayStartOf = part ? c.start - part[1] * 3_600_000 : c.start;
  for (const p of part ? [] : PART_OF_DAY) {
    const m = p[0].exec(rest);
    if (m) {
      part = p;
      used = m[0].length;
      break;
    }
  }
  const t = clock(rest.slice(used));
  if (t) {
    let h = t.h;
    if ((t.pm ?? part?.[3]) && h < 12) h += 12;
    const len = /^[^，,。\s]*/.exec(rest.slice(used))![0].length;
    const m = new RegExp(`^(?:\\d{1,2}:\\d{2}\\s*(?:[ap]m?)?|\\d{1,2}\\s*[ap]m|${CN_NUM}\\s*[點点時时](?:\\s*[踏搭]?\\s*(?:半|${CN_NUM})\\s*(?:分|個字|个字|刻)?)?)`, 'i').exec(rest.slice(used));
    const start = dayStartOf + h * 3_600_000 + t.min * 60_000;
    return { ...c, length: c.length + used + (m ? m[0].length : len), start, end: start + UNIT_MS[t.grain === 'minute' ? 'minute' : 'hour'] - 1000, grain: t.grain };
  }
  if (part && used) return { ...c, length: c.length + used, start: c.start + part[1] * 3_600_000, end: c.start + part[2] * 3_600_000 - 1000, grain: 'hour' };
  return c;
}

const UNITS: Record<string, Grain> = {
  秒: 'second', 秒鐘: 'second', 秒钟: 'second', 分鐘: 'minute', 分钟: 'minute', 小時: 'hour', 小时: 'hour', 鐘: 'hour', 钟: 'hour', 鐘頭: 'hour', 钟头: 'hour',
  天: 'day', 日: 'day', 周: 'week', 週: 'week', 星期: 'week', 禮拜: 'week', 礼拜: 'week', 月: 'month', 年: 'year',
};
const UNIT_RE = '(秒鐘|秒钟|秒|分鐘|分钟|小時|小时|鐘頭|钟头|鐘|钟|天|日|周|週|星期|禮拜|礼拜|月|年)';

/** The start of the `grain` unit holding local time `t`, and of the unit `n` units later. */
function unitStart(t: number, grain: Grain, n = 0): number {
  if (grain in UNIT_MS) {
    const u = UNIT_MS[grain as keyof typeof UNIT_MS];
    return Math.floor(t / u) * u + n * u;
  }
  const d = fromDayNumber(Math.floor(t / DAY));
  if (grain === 'day') return dayStart(d) + n * DAY;
  if (grain === 'week') {
    const dn = toDayNumber(d);
    const dow = ((((dn + 3) % 7) + 7) % 7); // Monday = 0
    return (dn - dow + 7 * n) * DAY;
  }
  if (grain === 'month') return monthStart(d.y, d.m - 1 + n);
  return Date.UTC(d.y + n, 0, 1);
}

/**
 * Every date or time expression in `text`, resolved against `at`; `prefer` decides which way an
 * undirected one (周日, 3月5日, 三點) leans ('news', the default, as ingest does).
 */
export function findTimeSpans(text: string, at: ReferenceTime, prefer: Prefer = 'news'): TimeSpan[] {
  const now = at.ms + at.offsetMinutes * 60_000;
  const today = fromDayNumber(Math.floor(now / DAY));
  const out: Candidate[] = [];
  const state: ResolveState = { last: null };
  for (const r of findDateReferences(text, { anchor: today, anchorDay: today.d, prefer }, state)) {
    if (!r.date) continue;
    const [y, m, d] = r.date.split('-').map(Number);
    const s = dayStart({ y, m, d });
    out.push(refine(text, { index: r.index, length: r.length, start: s, end: s + DAY - 1000, grain: 'day' }));
  }
  const add = (index: number, length: number, start: number, end: number, grain: Grain) => out.push({ index, length, start, end, grain });
  const scan = (re: RegExp, f: (m: RegExpExecArray) => void) => {
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0].length === 0) re.lastIndex++;
      f(m);
    }
  };
  scan(/现在|此时|此刻|当前|現在|此時|當前|宜家|而家|依家|\bnow\b/g, (m) => add(m.index, m[0].length, Math.floor(now / 1000) * 1000, Math.floor(now / 1000) * 1000, 'second'));
  // 上两周, 前两个月, 下三天 (the N units before or after this one); 兩週前, 三個月後 (the unit N units away).
  scan(new RegExp(`([上前下后後])\\s*(${CN_NUM})\\s*(?:個|个)?${UNIT_RE}`, 'g'), (m) => {
    const n = num(m[2]);
    const grain = UNITS[m[3]];
    if (!(n >= 1) || !grain) return;
    const back = m[1] === '上' || m[1] === '前';
    const s = grain in UNIT_MS ? (back ? unitStart(now, grain, -n) : unitStart(now, grain, 1)) : unitStart(now, grain, back ? -n : 1);
    const e = back ? unitStart(now, grain) : unitStart(now, grain, n + 1);
    add(m.index, m[0].length, s, e - 1000, grain);
  });
  scan(new RegExp(`(${CN_NUM})\\s*(?:個|个)?${UNIT_RE}\\s*(?:之|以)?([前後后])`, 'g'), (m) => {
    const n = num(m[1]);
    const grain = UNITS[m[2]];
    if (!(n >= 1) || !grain) return;
    // Duckling's convention: the unit N units away (兩個月前 is the month two months back), not the day.
    const s = unitStart(now, grain, m[3] === '前' ? -n : n);
    add(m.index, m[0].length, s, unitStart(s, grain, 1) - 1000, grain);
  });
  // 半小時後, 半个钟头前: thirty minutes away.
  scan(/半\s*(?:個|个)?(?:小時|小时|鐘頭|钟头)\s*(?:之|以)?([前後后])/g, (m) => {
    const s = unitStart(now, 'minute', m[1] === '前' ? -30 : 30);
    add(m.index, m[0].length, s, s + 60_000 - 1000, 'minute');
  });
  // 这周末 / 週末: Friday 18:00 to the end of Sunday.
  scan(/(?:这|這|本|今個|今个)?(?:周末|週末)/g, (m) => {
    const monday = unitStart(now, 'week');
    add(m.index, m[0].length, monday + 4 * DAY + 18 * 3_600_000, monday + 7 * DAY - 1000, 'hour');
  });
  scan(/(这一?|這一?|本|今個|今个|上個?|上个|下個?|下个)(周|週|星期|礼拜|禮拜)(?![一二三四五六日天末])/g, (m) => {
    const n = m[1][0] === '上' ? -1 : m[1][0] === '下' ? 1 : 0;
    const s = unitStart(now, 'week', n);
    add(m.index, m[0].length, s, s + 7 * DAY - 1000, 'week');
  });
  // 上个月, 下月, 本月; 明年九月, 2015年3月, 3月份, 三月 (this year's; which way per `prefer`).
  scan(/(上個?|上个|下個?|下个|本|这个|這個|今個|今个)月(?![\d一二三四五六七八九十廿卅]|[日號号底初])/g, (m) => {
    const n = m[1][0] === '上' ? -1 : m[1][0] === '下' ? 1 : 0;
    const s = unitStart(now, 'month', n);
    add(m.index, m[0].length, s, unitStart(s, 'month', 1) - 1000, 'month');
  });
  const yearOf = (w: string | undefined): number | null => {
    if (!w) return null;
    if (/^\d{4}/.test(w)) return +w.slice(0, 4);
    const rel: Record<string, number> = { 去年: -1, 上年: -1, 前年: -2, 今年: 0, 这一年: 0, 這一年: 0, 本年: 0, 明年: 1, 下年: 1, 後年: 2, 后年: 2 };
    return w in rel ? today.y + rel[w] : null;
  };
  const YEAR = '(\\d{4}\\s*年|去年|上年|前年|今年|这一年|這一年|本年|明年|下年|後年|后年)';
  scan(new RegExp(`${YEAR}?(${CN_NUM})\\s*月(?:份)?(?!\\s*${CN_NUM}\\s*[日號号])`, 'g'), (m) => {
    const month = num(m[2]);
    if (!(month >= 1 && month <= 12)) return;
    let y = yearOf(m[1]?.replace(/\s/g, ''));
    if (y === null) {
      y = today.y;
      if (prefer === 'future' && month < today.m) y++;
      if (prefer !== 'future' && month > today.m) y--;
    }
    const s = Date.UTC(y, month - 1, 1);
    add(m.index, m[0].length, s, unitStart(s, 'month', 1) - 1000, 'month');
  });
  scan(new RegExp(`${YEAR}(?![\\d一二三四五六七八九十]|[代度])`, 'g'), (m) => {
    const y = yearOf(m[1].replace(/\s/g, ''));
    if (y === null || y < 1000) return;
    add(m.index, m[0].length, Date.UTC(y, 0, 1), Date.UTC(y + 1, 0, 1) - 1000, 'year');
  });
  // A clock time or part of the day with no day before it: today's (the next such time when preferring the future).
  scan(new RegExp(`(今晚|今早|晚上|早上|早晨|上午|下午|晏晝|晏昼|中午|凌晨|傍晚|黃昏|黄昏|深夜)?(?=(\\d{1,2}:\\d{2}|\\d{1,2}\\s*[ap]m|${CN_NUM}\\s*[點点時时]))`, 'gi'), (m) => {
    const c = refine(text, { index: m.index, length: 0, start: dayStart(today), end: dayStart(today) + DAY - 1000, grain: 'day' });
    if (c.grain === 'day' || c.length === 0) return;
    // A twelve-hour reading (三點 said at 14:00 is 15:00), never for an hour past noon (14時30分).
    if (prefer === 'future' && !m[1] && c.start < now && c.start + 12 * 3_600_000 > now && (c.start % DAY) < 12 * 3_600_000 && !/[ap]m|:/i.test(text.slice(c.index, c.index + c.length))) {
      (c.start += 12 * 3_600_000), (c.end += 12 * 3_600_000);
    }
    // Preferring the future, a time of day already past (上午10點 said at 15:00) is tomorrow's; 今晚 keeps today.
    if (prefer === 'future' && !m[1]?.startsWith('今') && c.start < now) (c.start += DAY), (c.end += DAY);
    out.push(c);
  });
  scan(/今晚|今早|今天早上|今天晚上/g, (m) => out.push(refine(text, { index: m.index, length: m[0].startsWith('今天') ? 2 : 0, start: dayStart(today), end: dayStart(today) + DAY - 1000, grain: 'day' })));
  for (const p of findPeriods(text, now, prefer)) out.push(p);
  // Longest first at each position; overlapping shorter matches are dropped.
  out.sort((a, b) => a.index - b.index || b.length - a.length);
  const kept: Candidate[] = [];
  for (const c of out) {
    const last = kept.at(-1);
    if (c.length <= 0 || (last && c.index < last.index + last.length)) continue;
    kept.push(c);
  }
  const cp = (i: number) => [...text.slice(0, i)].length;
  return kept.map((c) => ({
    text: text.slice(c.index, c.index + c.length),
    start_offset: cp(c.index),
    end_offset: cp(c.index + c.length),
    start: fmt(c.start),
    end: fmt(c.end),
    grain: c.grain,
  }));
}

/** The local calendar date of a span's start (for day-grain scoring). */
export function spanDay(span: TimeSpan): string {
  return span.start.slice(0, 10);
}

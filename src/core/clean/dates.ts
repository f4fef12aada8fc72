/**
 * Publication dates as ISO 8601 with an honest precision: a full timestamp with offset
 * only when the source gives a time (and the zone is known), a bare day otherwise.
 */
import type { Precision } from '../article.ts';

/** An ISO 8601 date or timestamp with its precision. */
export interface FoundDate {
  iso: string;
  precision: Precision;
}

const ISO_FULL = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})$/;
const TIME_BEFORE_DAY = /(?<!\d)(\d{1,2}):(\d{2})\s?(\d{4}[-/.]\d{1,2}[-/.]\d{1,2})(?!\d)/;
// 2023 03/14 (Xinhua: the year, a space, month/day).
const YEAR_SPACE_DAY = /(?<!\d)(\d{4})\s+(\d{1,2})\/(\d{1,2})(?![\d/])/;
// 27.02.2024 and 18/06/2024 (day first, as European outlets print them), with an optional time
// (27.02.2024 14:30, 18/06/2024 - 10:32). A slashed date is month first only when its second
// number cannot be a month (06/18/2024).
const DMY_DOTTED = /(?<![\w./])(\d{1,2})([./])(\d{1,2})\2(\d{4})(?![\d./])(?:,?\s+(?:[-–]\s+)?(\d{1,2}):(\d{2}))?/;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
// 2024-04-18 HKT 16:05: the zone printed between the day and the time.
const ZONE_BEFORE_TIME = /(\d{4}[-/.]\d{1,2}[-/.]\d{1,2})\s+(HKT|SGT|MYT|JST|KST|EDT|EST|PDT|PST|CEST|CET|BST|GMT|UTC)\s+(\d{1,2}:\d{2})/;
const IN_TEXT =
  /(?<!\d)(\d{4}|\d{2,3}(?=\s*年))\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})(?!\d)\s*日?(?:(?:T|\s*(?:[|｜,，\-–]\s*)?)(?:[（(][^）)]{1,3}[）)])?\s*(?:星期.|週.|周.)?\s*(?:(上午|下午|凌晨|晚上|中午)\s*)?(\d{1,2})[:：](\d{2})(?::(\d{2}))?)?/;

/**
 * Reads a date given as data (front matter, meta tags): ISO with offset → datetime kept verbatim,
 * a bare day → date; a local time without offset is read in `zone` when one is known (else its day).
 */
export function parseDateValue(value: unknown, zone: string | null = null): FoundDate | null {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return { iso: value.toISOString(), precision: 'datetime' };
  if (typeof value !== 'string') return null;
  const s = value.trim();
  const full = ISO_FULL.exec(s);
  if (full && isValidDay(+full[1], +full[2], +full[3])) return { iso: s, precision: 'datetime' };
  const day = ISO_DAY.exec(s);
  if (day && isValidDay(+day[1], +day[2], +day[3])) return { iso: s, precision: 'date' };
  return findDateInText(s, zone);
}

/** Dates printed out of order rewritten in order: 11:142018/09/12 and 14:20 2023-06-12 (time first), 2023 03/14 (Xinhua), 2024-04-18 HKT 16:05. */
function normalizeDateText(text: string): string {
  return text.replace(TIME_BEFORE_DAY, '$3 $1:$2').replace(YEAR_SPACE_DAY, '$1/$2/$3').replace(ZONE_BEFORE_TIME, '$1 $3 $2');
}

/**
 * Finds the first calendar date written in running text (2025-08-23, 2025/08/23 10:11, 2025年8月23日).
 * A time makes it a datetime only when `offset` (e.g. "+08:00") is known; otherwise the day alone is returned.
 */
export function findDateInText(text: string, offset: string | null): FoundDate | null {
  // China Times prints the time glued before the day: 11:142018/09/12 (Sing Tao: 14:20 2023-06-12).
  const t = normalizeDateText(text);
  const m = IN_TEXT.exec(t);
  if (!m) return findDottedDate(t, offset) ?? findEnglishDate(text);
  // 113年12月29日: a Republic of China (Minguo) year, as Taiwanese outlets print them.
  const y = m[1].length < 4 ? +m[1] + 1911 : +m[1];
  const [mo, d] = [+m[2], +m[3]];
  if (!isValidDay(y, mo, d) || y < 1990 || y > 2100) return null;
  const day = `${y}-${pad(mo)}-${pad(d)}`;
  // A zone printed after the time (HKT, EDT, (美東時間)) beats the outlet's.
  const zone = m[5] === undefined ? null : (zoneLabelAt(t.slice(m.index + m[0].length, m.index + m[0].length + 16), y, mo, d) ?? offset);
  if (m[5] === undefined || zone === null) return { iso: day, precision: 'date' };
  offset = zone;
  let hour = +m[5];
  // 06:40 PM: a twelve-hour clock with its mark after the time.
  const mark = /^\s*([AaPp])\.?[Mm]\b/.exec(t.slice(m.index + m[0].length))?.[1]?.toUpperCase();
  if ((m[4] === '下午' || m[4] === '晚上' || mark === 'P') && hour < 12) hour += 12;
  if ((m[4] === '上午' || mark === 'A') && hour === 12) hour = 0;
  const min = +m[6];
  const sec = m[7] === undefined ? 0 : +m[7];
  if (hour > 23 || min > 59 || sec > 59) return { iso: day, precision: 'date' };
  return { iso: `${day}T${pad(hour)}:${pad(min)}:${pad(sec)}${offset}`, precision: 'datetime' };
}

/**
 * A timestamp re-expressed in `zone` (same instant): a page whose markup gives UTC (…T03:32:00.000Z)
 * is reported in the outlet's own zone, as its readers see it (2024-09-18T11:32:00+08:00).
 */
export function inZone(d: FoundDate | null, zone: string | null): FoundDate | null {
  if (!d || d.precision !== 'datetime' || !zone) return d;
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  const t = Date.parse(d.iso);
  if (!m || Number.isNaN(t) || d.iso.endsWith(zone)) return d;
  const minutes = (m[1] === '-' ? -1 : 1) * (+m[2] * 60 + +m[3]);
  const local = new Date(t + minutes * 60_000).toISOString().slice(0, 19);
  return { iso: `${local}${m[1]}${m[2]}:${m[3]}`, precision: 'datetime' };
}

const PUBLISHED_LABEL = /(?:發佈|發布|发布|刊登|刊出|出版|首發|首发|上線|上线|published|posted)(?:時間|时间|日期|於|于|on)?\s*[:：/／]?\s*/i;
const UPDATED_LABEL = /(?:更新|修改|修訂|修订|updated|modified|last edited)/i;

/** The date a line labels as the publication time (發佈日期：…, 更新於 … 刊登於 2025-03-12), else null. */
export function publishedDateIn(text: string, offset: string | null): FoundDate | null {
  const m = PUBLISHED_LABEL.exec(text);
  return m ? findDateInText(text.slice(m.index + m[0].length), offset) : null;
}

/** A line that labels its date as an update only (更新時間：…, Updated …): not the publication time. */
export function isUpdateLine(text: string): boolean {
  return UPDATED_LABEL.test(text) && !PUBLISHED_LABEL.test(text);
}

/** 27.02.2024 (14:30), 18/06/2024 - 10:32: a day-first dotted or slashed date, else null. */
function findDottedDate(text: string, offset: string | null): FoundDate | null {
  const m = DMY_DOTTED.exec(text);
  if (!m) return null;
  const monthFirst = m[2] === '/' && +m[3] > 12 && +m[1] <= 12;
  const [d, mo, y] = monthFirst ? [+m[3], +m[1], +m[4]] : [+m[1], +m[3], +m[4]];
  if (!isValidDay(y, mo, d) || y < 1990 || y > 2100) return null;
  const day = `${y}-${pad(mo)}-${pad(d)}`;
  const zone = m[5] === undefined ? null : (zoneLabelAt(text.slice(m.index + m[0].length, m.index + m[0].length + 16), y, mo, d) ?? offset);
  if (m[5] === undefined || zone === null || +m[5] > 23 || +m[6] > 59) return { iso: day, precision: 'date' };
  return { iso: `${day}T${pad(+m[5])}:${m[6]}:00${zone}`, precision: 'datetime' };
}

const FIXED_ZONES: [RegExp, string][] = [
  [/^(?:HKT|SGT|MYT|台北時間|臺北時間|台灣時間|臺灣時間|北京时间|北京時間|香港時間|香港时间|新加坡時間|新加坡时间|澳門時間|GMT\+0?8|UTC\+0?8)/i, '+08:00'],
  [/^(?:JST|KST|東京時間|东京时间|日本時間|日本时间|首爾時間|首尔时间)/i, '+09:00'],
  [/^EDT\b/, '-04:00'],
  [/^EST\b/, '-05:00'],
  [/^PDT\b/, '-07:00'],
  [/^PST\b/, '-08:00'],
  [/^CEST\b/, '+02:00'],
  [/^CET\b/, '+01:00'],
  [/^BST\b/, '+01:00'],
  [/^(?:GMT|UTC|格林威治時間|格林尼治时间)(?![+-]\d)/i, '+00:00'],
];
const US_EAST = /^(?:美東時間|美东时间|美國東部時間|美国东部时间|華盛頓時間|华盛顿时间|紐約時間|纽约时间)/;
const US_WEST = /^(?:美西時間|美西时间|美國西部時間|美国西部时间|洛杉磯時間|洛杉矶时间)/;
const CENTRAL_EUROPE = /^(?:德國時間|德国时间|柏林時間|柏林时间|巴黎時間|巴黎时间|歐洲中部時間|欧洲中部时间)/;

/** The UTC offset a zone label right after a time names (HKT, EDT, (美東時間) with its summer time), else null. */
function zoneLabelAt(after: string, y: number, mo: number, d: number): string | null {
  const s = after.replace(/^[\s(（]+/, '');
  for (const [re, zone] of FIXED_ZONES) if (re.test(s)) return zone;
  if (US_EAST.test(s)) return usSummer(y, mo, d) ? '-04:00' : '-05:00';
  if (US_WEST.test(s)) return usSummer(y, mo, d) ? '-07:00' : '-08:00';
  if (CENTRAL_EUROPE.test(s)) return euSummer(y, mo, d) ? '+02:00' : '+01:00';
  return null;
}

/** The n-th (1-based; 0 = last) Sunday of a month, as a day of the month. */
function sunday(y: number, mo: number, n: number): number {
  if (n === 0) {
    const last = new Date(Date.UTC(y, mo, 0));
    return last.getUTCDate() - last.getUTCDay();
  }
  const first = new Date(Date.UTC(y, mo - 1, 1)).getUTCDay();
  return 1 + ((7 - first) % 7) + 7 * (n - 1);
}

/** US summer time: from the second Sunday of March to the first Sunday of November (by day). */
function usSummer(y: number, mo: number, d: number): boolean {
  const key = mo * 100 + d;
  return key >= 300 + sunday(y, 3, 2) && key < 1100 + sunday(y, 11, 1);
}

/** European summer time: from the last Sunday of March to the last Sunday of October (by day). */
function euSummer(y: number, mo: number, d: number): boolean {
  const key = mo * 100 + d;
  return key >= 300 + sunday(y, 3, 0) && key < 1000 + sunday(y, 10, 0);
}

/** The text left when the first date (and time) is removed: tells a date line from a sentence mentioning a date. */
export function stripFirstDate(text: string): string {
  text = normalizeDateText(text);
  return IN_TEXT.test(text) ? text.replace(IN_TEXT, '') : DMY_DOTTED.test(text) ? text.replace(DMY_DOTTED, '') : text.replace(EN_MDY, '').replace(EN_DMY, '');
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const EN_MDY = new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'i');
const EN_DMY = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH}\\s+(\\d{4})\\b`, 'i');

/** "August 22, 2025" or "22 Aug 2025" → a day (times in English datelines carry zones we cannot trust). */
function findEnglishDate(text: string): FoundDate | null {
  const mdy = EN_MDY.exec(text);
  const dmy = mdy ? null : EN_DMY.exec(text);
  const [mon, day, year] = mdy ? [mdy[1], +mdy[2], +mdy[3]] : dmy ? [dmy[2], +dmy[1], +dmy[3]] : [null, 0, 0];
  if (!mon) return null;
  const month = MONTHS.indexOf(mon.slice(0, 3).toLowerCase()) + 1;
  if (!isValidDay(year, month, day) || year < 1990 || year > 2100) return null;
  return { iso: `${year}-${pad(month)}-${pad(day)}`, precision: 'date' };
}

function isValidDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

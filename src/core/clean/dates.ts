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
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const IN_TEXT =
  /(?<!\d)(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})(?!\d)\s*日?(?:\s*(?:[（(][^）)]{1,3}[）)])?\s*(?:(上午|下午)\s*)?(\d{1,2}):(\d{2})(?::(\d{2}))?)?/;

/** Reads a date given as data (front matter, meta tags): ISO with offset → datetime kept verbatim, a bare day → date. */
export function parseDateValue(value: unknown): FoundDate | null {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return { iso: value.toISOString(), precision: 'datetime' };
  if (typeof value !== 'string') return null;
  const s = value.trim();
  const full = ISO_FULL.exec(s);
  if (full && isValidDay(+full[1], +full[2], +full[3])) return { iso: s, precision: 'datetime' };
  const day = ISO_DAY.exec(s);
  if (day && isValidDay(+day[1], +day[2], +day[3])) return { iso: s, precision: 'date' };
  const inText = findDateInText(s, null);
  return inText;
}

/**
 * Finds the first calendar date written in running text (2025-08-23, 2025/08/23 10:11, 2025年8月23日).
 * A time makes it a datetime only when `offset` (e.g. "+08:00") is known; otherwise the day alone is returned.
 */
export function findDateInText(text: string, offset: string | null): FoundDate | null {
  const m = IN_TEXT.exec(text);
  if (!m) return findEnglishDate(text);
  const [y, mo, d] = [+m[1], +m[2], +m[3]];
  if (!isValidDay(y, mo, d) || y < 1990 || y > 2100) return null;
  const day = `${m[1]}-${pad(mo)}-${pad(d)}`;
  if (m[5] === undefined || offset === null) return { iso: day, precision: 'date' };
  let hour = +m[5];
  if (m[4] === '下午' && hour < 12) hour += 12;
  if (m[4] === '上午' && hour === 12) hour = 0;
  const min = +m[6];
  const sec = m[7] === undefined ? 0 : +m[7];
  if (hour > 23 || min > 59 || sec > 59) return { iso: day, precision: 'date' };
  return { iso: `${day}T${pad(hour)}:${pad(min)}:${pad(sec)}${offset}`, precision: 'datetime' };
}

/** The text left when the first date (and time) is removed: tells a date line from a sentence mentioning a date. */
export function stripFirstDate(text: string): string {
  return IN_TEXT.test(text) ? text.replace(IN_TEXT, '') : text.replace(EN_MDY, '').replace(EN_DMY, '');
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

/**
 * Display forms of publication times and day-only dates for replies. Times are shown in Taipei
 * time for zh-TW readers and UTC for English ones, saying which; date-only values stay dates.
 */

/** '2025-08-23' → '2025-08-23'; a full timestamp → '2023-12-11 05:28' (zh-TW, UTC+8) or '2023-12-10 21:28 UTC' (en). */
export function formatPublished(published: string | null, lang: 'zh-TW' | 'zh-CN' | 'en'): string {
  if (!published) return lang === 'en' ? 'date unknown' : '日期不明';
  if (/^\d{4}-\d{2}-\d{2}$/.test(published)) return published;
  const ms = Date.parse(published);
  if (Number.isNaN(ms)) return published.slice(0, 16);
  const t = new Date(ms + (lang === 'en' ? 0 : 8 * 3_600_000)).toISOString();
  return `${t.slice(0, 10)} ${t.slice(11, 16)}${lang === 'en' ? ' UTC' : ''}`;
}

/** Heading of a timeline entry: its date, or "day 15, month unknown". */
export function formatEventDate(date: string | null, day: number | null, lang: 'zh-TW' | 'zh-CN' | 'en'): string {
  if (date) return date;
  return lang === 'en' ? `Day ${day} (month unknown)` : `${day}日（月份不明）`;
}

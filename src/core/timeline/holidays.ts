/**
 * Civil holidays as dates: fixed-date ones (元旦, 國慶, 聖誕節) and the Chinese New Year from a
 * table (2000–2040). Where mainland and Taiwan differ, the script decides: 国庆 (Simplified) is
 * 1 October, 國慶 (Traditional) is 10 October; 儿童节 1 June, 兒童節 4 April. Religious feasts
 * of other calendars (Easter, Ramadan, Diwali…) are not recognised.
 */
import { isValidDate, nearestYear, toDayNumber, type LocalDate, type Prefer } from './calendar.ts';

const FIXED: [RegExp, number, number][] = [
  [/^(?:元旦[节節]?|阳历新年|陽曆新年|新年元旦)$/, 1, 1],
  [/^(?:三八)?(?:国际)?(?:妇女节|婦女節)$/, 3, 8],
  [/^(?:五一)?(?:国际)?(?:劳动节|勞動節|勞工節)$/, 5, 1],
  [/^(?:国际)?儿童节$/, 6, 1],
  [/^(?:國際)?兒童節$/, 4, 4],
  [/^(?:八一)?(?:建军节|建軍節)$/, 8, 1],
  [/^(?:圣诞|聖誕)[节節]?$/, 12, 25],
  [/^平安夜$/, 12, 24],
  [/^(?:愚人节|愚人節)$/, 4, 1],
  [/^(?:万圣节|萬聖節)$/, 10, 31],
  [/^(?:澳门回归纪念日|澳門回歸紀念日)$/, 12, 20],
  [/^(?:情人节|情人節|圣瓦伦丁节|聖瓦倫丁節)$/, 2, 14],
  [/^(?:国际消费者权益日|国际消費者權益日|國際消費者權益日|三一五)$/, 3, 15],
  [/^(?:国庆节?|国庆節)$/, 10, 1],
  [/^(?:國慶[节節]?|双十节|雙十節|雙十國慶)$/, 10, 10],
  [/^(?:老板节|老闆節)$/, 10, 16],
  [/^(?:植树节|植樹節)$/, 3, 12],
  [/^(?:光棍节|光棍節|双十一|雙十一)$/, 11, 11],
];

/** Every holiday name recognised (longest first, so 国庆节 wins over 国庆). */
export const HOLIDAY_RE =
  /五一国际劳动节|国际消费者权益日|国际消費者權益日|國際消費者權益日|澳门回归纪念日|澳門回歸紀念日|圣瓦伦丁节|聖瓦倫丁節|三八妇女节|八一建军节|八一建軍節|国际儿童节|國際兒童節|阳历新年|陽曆新年|农历新年|農曆新年|新年元旦|雙十國慶|元旦[节節]?|妇女节|婦女節|劳动节|勞動節|勞工節|儿童节|兒童節|建军节|建軍節|圣诞[节]?|聖誕[節节]?|平安夜|愚人节|愚人節|万圣节|萬聖節|情人节|情人節|三一五|国庆[节節]?|國慶[節节]?|双十节|雙十節|老板节|老闆節|植树节|植樹節|光棍节|光棍節|春节|春節|大年初一|除夕/;

// Chinese New Year (1st day of the 1st lunar month), 2000–2040.
const LUNAR_NEW_YEAR: Record<number, [number, number]> = {
  2000: [2, 5], 2001: [1, 24], 2002: [2, 12], 2003: [2, 1], 2004: [1, 22], 2005: [2, 9], 2006: [1, 29], 2007: [2, 18],
  2008: [2, 7], 2009: [1, 26], 2010: [2, 14], 2011: [2, 3], 2012: [1, 23], 2013: [2, 10], 2014: [1, 31], 2015: [2, 19],
  2016: [2, 8], 2017: [1, 28], 2018: [2, 16], 2019: [2, 5], 2020: [1, 25], 2021: [2, 12], 2022: [2, 1], 2023: [1, 22],
  2024: [2, 10], 2025: [1, 29], 2026: [2, 17], 2027: [2, 6], 2028: [1, 26], 2029: [2, 13], 2030: [2, 3], 2031: [1, 23],
  2032: [2, 11], 2033: [1, 31], 2034: [2, 19], 2035: [2, 8], 2036: [1, 28], 2037: [2, 15], 2038: [2, 4], 2039: [1, 24],
  2040: [2, 12],
};

function lunarNewYear(y: number, eve: boolean): LocalDate | null {
  const md = LUNAR_NEW_YEAR[y];
  if (!md) return null;
  const t = new Date(Date.UTC(y, md[0] - 1, md[1] - (eve ? 1 : 0)));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/**
 * The date of holiday `name` in `year` when given, else its occurrence nearest `anchor` as
 * `prefer` leans. Null for an unknown name or a year outside the table.
 */
export function holidayDate(name: string, year: number | null, anchor: LocalDate | null, prefer: Prefer): LocalDate | null {
  if (/^(?:春[节節]|[农農][历曆]新年|大年初一|除夕)$/.test(name)) {
    const eve = name === '除夕';
    if (year) return lunarNewYear(year, eve);
    if (!anchor) return null;
    const options = [anchor.y - 1, anchor.y, anchor.y + 1].map((y) => lunarNewYear(y, eve)).filter((d): d is LocalDate => !!d);
    const a = toDayNumber(anchor);
    const cost = (d: LocalDate) => (toDayNumber(d) - a > 0 ? 2 * (toDayNumber(d) - a) : a - toDayNumber(d));
    if (prefer === 'future') return options.find((d) => toDayNumber(d) >= a) ?? null;
    if (prefer === 'past') return options.filter((d) => toDayNumber(d) <= a).at(-1) ?? null;
    return options.sort((x, y) => cost(x) - cost(y))[0] ?? null;
  }
  const hit = FIXED.find(([re]) => re.test(name));
  if (!hit) return null;
  const [, m, d] = hit;
  if (year) return isValidDate(year, m, d) ? { y: year, m, d } : null;
  return anchor ? nearestYear(anchor, m, d, prefer) : null;
}

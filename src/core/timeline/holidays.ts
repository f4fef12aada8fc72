/**
 * Holidays as dates: fixed-date civil ones (元旦, 國慶, 聖誕節) here, movable feasts (春節, 中秋,
 * Easter, Ramadan…) computed in feasts.ts. Where mainland and Taiwan differ, the script decides:
 * 国庆 (Simplified) is 1 October, 國慶 (Traditional) is 10 October; 儿童节 1 June, 兒童節 4 April;
 * 青年节 4 May, 青年節 29 March; 教师节 10 September, 教師節 28 September.
 */
import { isValidDate, nearestOf, nearestYear, type LocalDate, type Prefer } from './calendar.ts';
import { feastDates, FEASTS } from './feasts.ts';

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
  [/^(?:圣诞夜|聖誕夜)$/, 12, 24],
  [/^(?:開國紀念日|开国纪念日)$/, 1, 1],
  [/^(?:和平紀念日|二二八紀念日)$/, 2, 28],
  [/^(?:五四)?青年节$/, 5, 4],
  [/^青年節$/, 3, 29],
  [/^教师节$/, 9, 10],
  [/^教師節$/, 9, 28],
  [/^(?:臺灣|台灣)?光復節$/, 10, 25],
  [/^行憲紀念日$/, 12, 25],
];

/** The fixed-date holidays' names, longest first (国庆节 before 国庆). */
const CIVIL_RE =
  /圣诞夜|聖誕夜|五一国际劳动节|国际消费者权益日|国际消費者權益日|國際消費者權益日|澳门回归纪念日|澳門回歸紀念日|圣瓦伦丁节|聖瓦倫丁節|三八妇女节|八一建军节|八一建軍節|国际儿童节|國際兒童節|阳历新年|陽曆新年|新年元旦|雙十國慶|元旦[节節]?|妇女节|婦女節|劳动节|勞動節|勞工節|儿童节|兒童節|建军节|建軍節|圣诞[节]?|聖誕[節节]?|平安夜|愚人节|愚人節|万圣节|萬聖節|情人节|情人節|三一五|国庆[节節]?|國慶[節节]?|双十节|雙十節|老板节|老闆節|植树节|植樹節|光棍节|光棍節|圣诞夜|聖誕夜|開國紀念日|开国纪念日|和平紀念日|二二八紀念日|五四青年节|青年节|青年節|教师节|教師節|臺灣光復節|台灣光復節|光復節|行憲紀念日/;

/** Every holiday name recognised: movable feasts first (以色列國慶節 before 國慶). */
export const HOLIDAY_RE = new RegExp(`${FEASTS.map(([source]) => source).join('|')}|${CIVIL_RE.source}`);

/**
 * A lookahead for the start of a holiday reference (a year, 去年/今天/明天…, 是, or any character of a
 * name): positions where none can begin are skipped before the long list of names is tried.
 */
export const HOLIDAY_START = `(?=[\\d今明後后昨去前是${[...new Set(HOLIDAY_RE.source.match(/\p{Script=Han}/gu))].join('')}])`;

/**
 * The date of holiday `name` in `year` when given, else its occurrence nearest `anchor` as
 * `prefer` leans. Null for an unknown name.
 */
export function holidayDate(name: string, year: number | null, anchor: LocalDate | null, prefer: Prefer): LocalDate | null {
  const feast = feastDates(name);
  if (feast) {
    if (year) return feast(year)[0] ?? null;
    return anchor ? nearestOf(anchor, [anchor.y - 1, anchor.y, anchor.y + 1].flatMap(feast), prefer) : null;
  }
  const hit = FIXED.find(([re]) => re.test(name));
  if (!hit) return null;
  const [, m, d] = hit;
  if (year) return isValidDate(year, m, d) ? { y: year, m, d } : null;
  return anchor ? nearestYear(anchor, m, d, prefer) : null;
}

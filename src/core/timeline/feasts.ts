/**
 * Feasts whose Gregorian date moves from year to year: Chinese lunar festivals (中秋节, 端午节,
 * 除夕) and the solar term 清明; Easter and the feasts counted from it, Western and Orthodox;
 * Islamic and Jewish feasts. Each is computed, for any year, from the calendar it belongs to:
 * ICU's Chinese, Hebrew and Umm al-Qura calendars (Intl, built into Node) and the Easter computus.
 * A Jewish feast is dated by the evening it begins (the day before its first full day), as the
 * Hebrew calendar counts days from sunset. Hindu and Buddhist feasts (Diwali, Vesak) are not
 * recognised: ICU has no calendar for them.
 */
import { addDays, fromDayNumber, toDayNumber, type LocalDate } from './calendar.ts';

type Calendar = 'chinese' | 'hebrew' | 'islamic-umalqura';

const formats = new Map<Calendar, Intl.DateTimeFormat>();
/** Per calendar and Gregorian year: the first day (day number) and name of each month starting in or just before it. */
const months = new Map<string, { start: number; month: string }[]>();

/** Month and day of day number `n` in calendar `cal` (ICU; ~25 µs, so months are walked, not days). */
function read(cal: Calendar, n: number): { month: string; day: number } {
  let fmt = formats.get(cal);
  if (!fmt) formats.set(cal, (fmt = new Intl.DateTimeFormat(`en-u-ca-${cal}`, { timeZone: 'UTC', month: cal === 'hebrew' ? 'long' : 'numeric', day: 'numeric' })));
  const parts = fmt.formatToParts(new Date(n * 86_400_000));
  return { month: parts.find((p) => p.type === 'month')?.value ?? '', day: Number(parts.find((p) => p.type === 'day')?.value) };
}

/** The months of `cal` that start from a month before Gregorian year `y` to its end: every month has 29 or 30 days. */
function monthsOf(cal: Calendar, y: number): { start: number; month: string }[] {
  const id = `${cal}:${y}`;
  let list = months.get(id);
  if (list) return list;
  list = [];
  const last = toDayNumber({ y, m: 12, d: 31 });
  const first = toDayNumber({ y, m: 1, d: 1 }) - 31;
  let at = read(cal, first);
  let start = first - (at.day - 1);
  while (start <= last) {
    list.push({ start, month: at.month });
    // Day 30 of this month, or day 1 of the next when it has 29.
    const probe = read(cal, start + 29);
    start = probe.day === 1 ? start + 29 : start + 30;
    at = probe.day === 1 ? probe : read(cal, start);
  }
  months.set(id, list);
  return list;
}

/** The days of Gregorian year `y` that are day `day` of month `month` in calendar `cal` (a leap month never matches a plain one). */
function inCalendar(cal: Calendar, y: number, month: string, day: number): LocalDate[] {
  const out: LocalDate[] = [];
  for (const m of monthsOf(cal, y)) {
    if (m.month !== month) continue;
    const d = fromDayNumber(m.start + day - 1);
    if (d.y === y && (day < 30 || read(cal, m.start + 29).day === 30)) out.push(d);
  }
  return out;
}

/** Western Easter Sunday (the anonymous Gregorian computus). */
function easter(y: number): LocalDate {
  const a = y % 19, b = Math.floor(y / 100), c = y % 100, d = Math.floor(b / 4), e = b % 4;
  const f = Math.floor((b + 8) / 25), g = Math.floor((b - f + 1) / 3), h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4), k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = Math.floor((a + 11 * h + 22 * l) / 451);
  const n = h + l - 7 * m + 114;
  return { y, m: Math.floor(n / 31), d: (n % 31) + 1 };
}

/** Orthodox Easter Sunday: the Julian computus (Meeus), moved to the Gregorian calendar. */
function orthodoxEaster(y: number): LocalDate {
  const d = (19 * (y % 19) + 15) % 30;
  const e = (2 * (y % 4) + 4 * (y % 7) - d + 34) % 7;
  const n = d + e + 114;
  // Julian → Gregorian: the calendars drift apart by a day in every century year not divisible by 400.
  const drift = Math.floor(y / 100) - Math.floor(y / 400) - 2;
  return addDays({ y, m: Math.floor(n / 31), d: (n % 31) + 1 }, drift);
}

/** 清明: the solar term at 15° of solar longitude, 4–6 April (the usual formula, 1901–2099). */
function qingming(y: number): LocalDate {
  const c = y >= 2000 ? 4.81 : 5.59;
  const yy = y % 100;
  return { y, m: 4, d: Math.floor(yy * 0.2422 + c) - Math.floor((y >= 2000 ? yy : yy - 1) / 4) };
}

const lunar = (month: number, day: number) => (y: number) => inCalendar('chinese', y, String(month), day);
const islamic = (month: number, day: number) => (y: number) => inCalendar('islamic-umalqura', y, String(month), day);
/** A Jewish feast: the evening it begins. */
const jewish = (month: string, day: number) => (y: number) =>
  [...inCalendar('hebrew', y, month, day), ...inCalendar('hebrew', y + 1, month, day)].map((d) => addDays(d, -1)).filter((d) => d.y === y);
const fromEaster = (offset: number, orthodox = false) => (y: number) => [addDays(orthodox ? orthodoxEaster(y) : easter(y), offset)];

/** Yom Ha'atzmaut: 5 Iyar, moved off Friday and Saturday to Thursday and off Monday to Tuesday; its eve. */
function israelIndependence(y: number): LocalDate[] {
  return inCalendar('hebrew', y, 'Iyar', 5).map((d) => {
    const wd = (toDayNumber(d) + 4) % 7; // 0 = Sunday
    const moved = wd === 5 ? -1 : wd === 6 ? -2 : wd === 1 ? 1 : 0;
    return addDays(d, moved - 1);
  });
}

const JIE = '[节節]';
/** 端午 and 中秋 are also given names (男主角中秋的生命): without 节 one is a feast only before a time word, 国庆 or the clause's end. */
const AFTER_BARE = '(?=[前後后期間间當当晚夜連连假檔档国國。！？，]|$)';
/** Name patterns (regex sources, both scripts) and the feast's dates in a Gregorian year. */
export const FEASTS: [string, (y: number) => LocalDate[]][] = [
  // Chinese festivals. 元宵, 重阳, 清明 alone are a food, a name and "clean (government)": the 节 is required.
  [`春${JIE}|[农農][历曆]新年|大年初一|正月初一|正月朔日|正月正[时時]|新春`, lunar(1, 1)],
  [`除夕|大年夜`, (y) => lunar(1, 1)(y).map((d) => addDays(d, -1))],
  [`元宵${JIE}|上元${JIE}`, lunar(1, 15)],
  [`端午(?:${JIE}|${AFTER_BARE})|端[阳陽]${JIE}`, lunar(5, 5)],
  [`七夕${JIE}?`, lunar(7, 7)],
  [`中元${JIE}|盂[兰蘭]盆${JIE}`, lunar(7, 15)],
  [`中秋(?:${JIE}|${AFTER_BARE})`, lunar(8, 15)],
  [`重[阳陽]${JIE}`, lunar(9, 9)],
  [`[腊臘]八${JIE}`, lunar(12, 8)],
  [`清明${JIE}`, (y) => [qingming(y)]],
  // Easter and the feasts counted from it; 东正教 first, so the Orthodox one wins.
  [`(?:东|東)正教(?:复活|復活)${JIE}(?:星期一|周一|週一)`, fromEaster(1, true)],
  [`(?:东|東)正教(?:复活|復活)${JIE}前夜|(?:东|東)正教(?:神圣|神聖|圣|聖)(?:周|週)六|(?:东|東)正教(?:耶稣|耶穌)?受[难難]日翌日|(?:东|東)正教主受[难難]${JIE}翌日`, fromEaster(-1, true)],
  [`(?:东|東)正教(?:耶稣|耶穌)?受[难難]日|(?:东|東)正教主受[难難]${JIE}|(?:东|東)正教(?:圣|聖)(?:周|週)五|(?:东|東)正教沈默(?:周|週)五`, fromEaster(-2, true)],
  [`(?:东|東)正教(?:棕枝|圣枝|聖枝|聖樹|圣树)主日|(?:东|東)正教基督苦[难難]主日`, fromEaster(-7, true)],
  [`(?:东|東)正教(?:复活|復活)${JIE}`, fromEaster(0, true)],
  [`拉撒路(?:圣|聖)(?:周|週)六|拉匝路(?:周|週)六`, fromEaster(-8, true)],
  [`(?:复活|復活)${JIE}(?:星期一|周一|週一)`, fromEaster(1)],
  [`(?:复活|復活)${JIE}前夜|(?:神圣|神聖)(?:周|週)六|(?:圣|聖)(?:周|週)六|(?:耶稣|耶穌)受[难難]日翌日|主受[难難]${JIE}翌日`, fromEaster(-1)],
  [`(?:耶稣|耶穌)受[难難]日|主受[难難](?:日|${JIE})|受[难難]${JIE}|(?:圣|聖)(?:周|週)五|沈默(?:周|週)五`, fromEaster(-2)],
  [`濯足${JIE}|(?:神圣|神聖)星期四|(?:圣|聖)(?:周|週)星期四|(?:圣|聖)(?:周|週)四|[设設]立(?:圣|聖)[餐]日`, fromEaster(-3)],
  [`(?:棕枝|圣枝|聖枝|聖樹|圣树)主日|基督苦[难難]主日`, fromEaster(-7)],
  [`(?:复活|復活)${JIE}(?![岛島])|主(?:复活|復活)日`, fromEaster(0)],
  [`大[斋齋]首日|(?:圣|聖)灰(?:星期三|礼仪日|禮儀日|日|${JIE})|灰日(?!子)|大[斋齋](?:期|${JIE})|四旬(?:期|${JIE})`, fromEaster(-46)],
  [`(?:忏悔|懺悔)(?:${JIE}|火曜日|星期二)|煎[饼餅]星期二`, fromEaster(-47)],
  [`(?:耶稣|耶穌)?升天${JIE}`, fromEaster(39)],
  [`五旬${JIE}(?![教派])|(?:圣灵|聖靈)降[临臨](?:${JIE}|日)`, fromEaster(49)],
  [`(?:圣灵|聖靈)${JIE}[庆慶]日`, fromEaster(50)],
  [`(?:圣|聖|天主)(?:三一|三)(?:主日|${JIE})|天主(?:圣|聖)三一?${JIE}`, fromEaster(56)],
  [`基督(?:圣体|聖體)(?:${JIE}|(?:圣血|聖血)(?:${JIE}|瞻礼|瞻禮))`, fromEaster(60)],
  // Islamic feasts (Umm al-Qura calendar).
  [`(?:开|開)[斋齋]${JIE}|肉孜${JIE}|[尔爾]代${JIE}`, islamic(10, 1)],
  [`古[尔爾]邦${JIE}|宰牲${JIE}`, islamic(12, 10)],
  [`(?:穆斯林)?[斋齋]月`, islamic(9, 1)],
  [`伊斯[兰蘭](?:教|[历曆])?新年`, islamic(1, 1)],
  [`阿舒拉${JIE}`, islamic(1, 10)],
  [`(?:圣|聖)[纪紀]${JIE}`, islamic(3, 12)],
  [`(?:夜行)?登霄${JIE}`, islamic(7, 27)],
  [`法令之夜|(?:权|權)力之夜|[盖蓋]德[尔爾]夜`, islamic(9, 27)],
  // Jewish feasts, from the evening they begin.
  [`(?:犹太|猶太)(?:教)?新年|[岁歲]首${JIE}|吹角${JIE}`, jewish('Tishri', 1)],
  [`[赎贖]罪日`, jewish('Tishri', 10)],
  [`住棚${JIE}`, jewish('Tishri', 15)],
  [`(?:圣|聖)[会會]${JIE}`, jewish('Tishri', 22)],
  [`西赫[托妥]拉${JIE}|[诵誦][经經]${JIE}|[转轉][经經]${JIE}|律法${JIE}|歡慶聖法${JIE}|欢庆圣法${JIE}`, jewish('Tishri', 23)],
  [`光明${JIE}|修殿${JIE}|[献獻]殿${JIE}|[烛燭]光${JIE}|哈努卡${JIE}|[马馬]加比${JIE}`, jewish('Kislev', 25)],
  [`(?:犹太|猶太)植[树樹]${JIE}|[图圖]比舍巴特${JIE}|[树樹]木新年`, jewish('Shevat', 15)],
  [`普珥${JIE}|普林${JIE}`, (y) => [...jewish('Adar', 14)(y), ...jewish('Adar II', 14)(y)]],
  [`逾越${JIE}`, jewish('Nisan', 15)],
  [`七七${JIE}|沙夫幼特${JIE}|新果[实實]${JIE}`, jewish('Sivan', 6)],
  [`(?:圣|聖)殿被[毁毀]日`, jewish('Av', 9)],
  [`(?:犹太|猶太)教篝火${JIE}`, jewish('Iyar', 18)],
  [`以色列(?:独立|獨立)日|以色列(?:国庆|國慶)${JIE}?`, israelIndependence],
];

const FEAST_RES: [RegExp, (y: number) => LocalDate[]][] = FEASTS.map(([s, f]) => [new RegExp(`^(?:${s})$`), f]);

/** The feast whose pattern matches all of `name`, or null. */
export function feastDates(name: string): ((y: number) => LocalDate[]) | null {
  for (const [source, dates] of FEAST_RES) if (source.test(name)) return dates;
  return null;
}

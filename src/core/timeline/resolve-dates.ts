/**
 * Finds date references in news text and resolves them against the article's publication date
 * and dateline: 於12日, 20日晚間, 隔天, 今天, 週六, 上星期三, 2025年10月17日, 113年12月29日 (ROC),
 * 十四日, October 17, 2025. A reference that cannot be pinned to a year and month keeps only its day;
 * nothing is ever guessed beyond that. Vague references (上週, 日前, 近日) are not references.
 */
import { addDays, formatDate, isValidDate, nearestDayOfMonth, nearestYear, toDayNumber, type LocalDate, type Prefer } from './calendar.ts';
import { HOLIDAY_RE, HOLIDAY_START, holidayDate } from './holidays.ts';

/** 'year' (1765年 alone: an anchor, not a day) and 'slash' (2/15: maybe a fraction) are not events. */
export type RefKind = 'full' | 'month-day' | 'day' | 'relative' | 'chain' | 'weekday' | 'holiday' | 'year' | 'slash';

export interface DateRef {
  /** Position of the reference in the text (UTF-16 index) and its length. */
  index: number;
  length: number;
  kind: RefKind;
  /** YYYY-MM-DD, or null when only the day of the month is known. */
  date: string | null;
  day: number | null;
}

/** What a reference is resolved against. */
export interface DateContext {
  /** The day the report speaks from: the dateline's day near the publication date, else the publication day. */
  anchor: LocalDate | null;
  /** The dateline's day of month when the publication date is unknown (seed 004: 柏林15日). */
  anchorDay: number | null;
  /** Which way undirected references lean (default 'news': past preferred, see calendar.ts). */
  prefer?: Prefer;
}

/** Running state across the sentences of one article: 隔天 means the day after the previous reference. */
export interface ResolveState {
  last: { date: string | null; day: number | null } | null;
  /** The nearest explicit anchor in the text (a full date earlier in the paragraph, a diary heading): overrides the report's day. */
  anchor?: LocalDate | null;
  /** A year the text states (1765年): month-day references after it fall in that year. */
  year?: number | null;
  /** A diary or section heading's date (1月19日，星期四): 今天 and 週三 below it are read from it. */
  heading?: LocalDate | null;
}

/** The day references resolve against: the text's own anchor first, then the report's day. 今天/昨天 ignore a full date earlier in the paragraph. */
function anchorOf(ctx: DateContext, state: ResolveState, relative = false): LocalDate | null {
  return (relative ? null : state.anchor) ?? state.heading ?? ctx.anchor;
}

const CN_DIGITS: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 兩: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** Parses 12, 十四, 二十一, 廿一, 卅 and 二〇二五 (digit by digit); NaN when not a number. */
export function parseNumber(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  if (/^[〇零一二三四五六七八九]{3,4}$/.test(s)) return Number([...s].map((c) => CN_DIGITS[c]).join(''));
  const m = /^([一二三四五六七八九]?)(十|廿|卅)?([一二三四五六七八九]?)$/.exec(s);
  if (!m || (!m[2] && (m[1] === '' || m[3] !== ''))) return NaN;
  if (!m[2]) return CN_DIGITS[m[1]];
  const tens = m[2] === '廿' ? 2 : m[2] === '卅' ? 3 : m[1] ? CN_DIGITS[m[1]] : 1;
  if (m[2] !== '十' && m[1]) return NaN;
  return tens * 10 + (m[3] ? CN_DIGITS[m[3]] : 0);
}

const N = '(?:\\d{1,2}|[一二三]?十[一二三四五六七八九]?|廿[一二三四五六七八九]?|卅一?|[一二三四五六七八九])';
const DAY_CN = '(?:\\d{1,2}|[二三]?十[一二三四五六七八九]?|廿[一二三四五六七八九]?|卅一?)';
const MONTHS: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };
const MONTH_EN = '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';

interface Pattern {
  re: RegExp;
  kind: RefKind;
  resolve(m: RegExpExecArray, ctx: DateContext, state: ResolveState): { date: LocalDate | null; day: number | null } | null;
}

const PAST_CUE = /了|已經|已经|曾|過|过|遭|\b(?:was|were|had|did|\w+ed)\b/;

function fullDate(y: number, m: number, d: number) {
  return isValidDate(y, m, d) && y >= 1500 && y <= 2100 ? { date: { y, m, d }, day: d } : null;
}

function monthDay(m: number, d: number, ctx: DateContext, state: ResolveState) {
  if (!isValidDate(2000, m, d)) return null;
  if (state.year && !state.anchor) return isValidDate(state.year, m, d) ? { date: { y: state.year, m, d }, day: d } : null;
  const anchor = anchorOf(ctx, state);
  if (anchor) return { date: nearestYear(anchor, m, d, state.anchor || state.heading ? 'news' : ctx.prefer), day: d };
  return { date: null, day: d };
}

function dayOnly(d: number, ctx: DateContext, state: ResolveState) {
  if (!(d >= 1 && d <= 31)) return null;
  const anchor = anchorOf(ctx, state);
  return { date: anchor ? nearestDayOfMonth(anchor, d, state.anchor || state.heading ? 'news' : ctx.prefer) : null, day: d };
}

function shift(ctx: DateContext, days: number, state: ResolveState = { last: null }) {
  const anchor = anchorOf(ctx, state, true);
  if (anchor) {
    const date = addDays(anchor, days);
    return { date, day: date.d };
  }
  if (ctx.anchorDay === null) return null;
  const day = ctx.anchorDay + days;
  return day >= 1 && day <= 28 ? { date: null, day } : null;
}

function fromLast(state: ResolveState, days: number) {
  const last = state.last;
  if (!last) return null;
  if (last.date) {
    const [y, m, d] = last.date.split('-').map(Number);
    const date = addDays({ y, m, d }, days);
    return { date, day: date.d };
  }
  if (last.day === null) return null;
  const day = last.day + days;
  return day >= 1 && day <= 28 ? { date: null, day } : null;
}

const WEEKDAYS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7 };
// After 周 (also a surname: 周一鳴), only these may follow the weekday: time words and common verbs.
const AFTER_ZHOU = /^(?:[^\p{Script=Han}]|[早晚上下中凌夜清傍午时時起将將在的於于与與会會前後后再曾已也还還又才就到举舉表发發宣称稱抵出召访訪签簽通公进進开開结結])/u;
/** Words saying the clause is about what is to come: its dates may lie after the report. */
export const FUTURE = /将|將|預計|预计|計畫|计划|計劃|準備|准备|擬|拟|預定|预定|排定|即將|邀請|邀请|訂於|订于|定於|定于|打算|可望|有望|\b(?:will|plans?|planned|scheduled|expected to|set to|due to|upcoming|next)\b/i;

/**
 * 週六 / 星期六 / 禮拜六 from the report's day: the nearest such day, past preferred (a future one
 * counts double, as for day-of-month references) unless the clause says it is to come (將, 預計);
 * 上週六 / 下週六 are the weekday of the week (Monday to Sunday) before or after the report's.
 */
function weekday(prefix: string | undefined, wd: number, clause: string, ctx: DateContext, state: ResolveState) {
  const anchor = anchorOf(ctx, state);
  if (!anchor) return null;
  const a = toDayNumber(anchor);
  const dow = ((((a + 3) % 7) + 7) % 7) + 1; // day 0 (1970-01-01) was a Thursday; Monday = 1
  let delta: number;
  if (prefix) {
    const week = prefix.startsWith('上') ? -1 : prefix.startsWith('下') ? 1 : 0;
    delta = wd - dow + 7 * week;
  } else {
    const back = (dow - wd + 7) % 7;
    const ahead = (wd - dow + 7) % 7;
    const prefer = ctx.prefer ?? 'news';
    if (prefer === 'future') delta = ahead || 7;
    else if (prefer === 'past') delta = -back;
    // News: the clause's tense decides (將 → to come, 了/曾 → past); without either, the nearer, past preferred.
    else delta = FUTURE.test(clause) ? ahead : PAST_CUE.test(clause) ? -back : back <= ahead * 2 ? -back : ahead;
  }
  const date = addDays(anchor, delta);
  return { date, day: date.d };
}

const REL_DAYS: Record<string, number> = {
  今天: 0, 今日: 0, 昨天: -1, 昨日: -1, 尋日: -1, 寻日: -1, 前天: -2, 前日: -2, 大前天: -3,
  明天: 1, 明日: 1, 聽日: 1, 听日: 1, 後天: 2, 后天: 2, 後日: 2, 大後天: 3, 大后天: 3, 大後日: 3,
  昨晚: -1, 昨夜: -1, 昨晨: -1, 今晚: 0, 今早: 0, 今晨: 0, 明早: 1, 明晚: 1, 明晨: 1, 前晚: -2,
};
const YEAR_SHIFT: Record<string, number> = { 今: 0, 去: -1, 明: 1, 前: -2, 後: 2, 后: 2 };
const MONTH_SHIFT: Record<string, number> = { 上: -1, 下: 1, 今: 0, 本: 0, 这: 0, 這: 0 };

const PATTERNS: Pattern[] = [
  {
    // 2025年10月17日, 113年12月29日 (ROC: year + 1911), 民國113年, 二〇二五年十月十七日
    re: new RegExp(`(民國|民国|西元|公元)?\\s*(\\d{2,4}|[〇零一二三四五六七八九]{4})\\s*年\\s*(${N})\\s*月\\s*(${N})\\s*[日號号]`, 'g'),
    kind: 'full',
    resolve: (m) => {
      let y = parseNumber(m[2]);
      if (m[1]?.startsWith('民') || y < 1000) y += 1911;
      return fullDate(y, parseNumber(m[3]), parseNumber(m[4]));
    },
  },
  {
    re: /(?<![\d.])(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?![\d.])/g,
    kind: 'full',
    resolve: (m) => fullDate(+m[1], +m[2], +m[3]),
  },
  {
    // 10/31/1974, 3/3/15 (month first, as written in English and by Duckling's corpus)
    re: /(?<![\d./])(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})(?![\d./])/g,
    kind: 'full',
    resolve: (m) => fullDate(m[3].length === 2 ? (+m[3] < 50 ? 2000 : 1900) + +m[3] : +m[3], +m[1], +m[2]),
  },
  {
    // 2/15 alone: a date only in a date tool; in running text it may be a fraction, so it is never an event.
    re: /(?<![\d./])(1[0-2]|0?[1-9])\/(3[01]|[12]\d|0?[1-9])(?![\d./%])/g,
    kind: 'slash',
    resolve: (m, ctx, state) => monthDay(+m[1], +m[2], ctx, state),
  },
  {
    // 1765年, 1992年 alone (not 1992年3月): the year later month-day references fall in.
    re: /(?<![\d])(1[5-9]\d\d|20\d\d)\s*年(?![\d\s]*月|[代度前後后间間])/g,
    kind: 'year',
    resolve: (m, _ctx, state) => {
      state.year = +m[1];
      state.anchor = null;
      return { date: null, day: null };
    },
  },
  {
    // 十月第一个星期一, 十月的第一個星期一
    re: new RegExp(`(${N})\\s*月的?第([一二三四1-4])[個个]?(?:星期|禮拜|礼拜|週|周)([一二三四五六日天])`, 'g'),
    kind: 'month-day',
    resolve: (m, ctx, state) => {
      const month = parseNumber(m[1]);
      const anchor = anchorOf(ctx, state);
      if (!anchor || !(month >= 1 && month <= 12)) return null;
      const first = monthDay(month, 1, ctx, state)?.date;
      if (!first) return null;
      const dow = ((((toDayNumber(first) + 3) % 7) + 7) % 7) + 1;
      const date = addDays(first, ((WEEKDAYS[m[3]] - dow + 7) % 7) + 7 * (parseNumber(m[2]) - 1));
      return { date, day: date.d };
    },
  },
  {
    // 今個月二十號, 下個月廿號, 上月5日: a day of a month named relative to the report's.
    re: new RegExp(`(今個|今个|這個|这个|本|上個?|上个|下個?|下个)月\\s*(${N})\\s*[日號号]`, 'g'),
    kind: 'month-day',
    resolve: (m, ctx, state) => {
      const anchor = anchorOf(ctx, state);
      if (!anchor) return null;
      const shiftBy = MONTH_SHIFT[m[1][0]] ?? 0;
      const total = anchor.y * 12 + anchor.m - 1 + shiftBy;
      return fullDate(Math.floor(total / 12), (total % 12) + 1, parseNumber(m[2]));
    },
  },
  {
    re: new RegExp(`(?<![\\d年])(${N})\\s*月\\s*(${N})\\s*[日號号]`, 'g'),
    kind: 'month-day',
    resolve: (m, ctx, state) => monthDay(parseNumber(m[1]), parseNumber(m[2]), ctx, state),
  },
  {
    re: new RegExp(`\\b${MONTH_EN}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(\\d{4})\\b)?`, 'g'),
    kind: 'month-day',
    resolve: (m, ctx, state) => {
      const month = MONTHS[m[1].slice(0, 3).toLowerCase()];
      return m[3] ? fullDate(+m[3], month, +m[2]) : monthDay(month, +m[2], ctx, state);
    },
  },
  {
    re: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH_EN}\\b\\.?(?:,?\\s+(\\d{4})\\b)?`, 'g'),
    kind: 'month-day',
    resolve: (m, ctx, state) => {
      const month = MONTHS[m[2].slice(0, 3).toLowerCase()];
      return m[3] ? fullDate(+m[3], month, +m[1]) : monthDay(month, +m[1], ctx, state);
    },
  },
  {
    // 元旦, 國慶節, 聖誕節, 春節: civil holidays (holidays.ts); 明天元旦 is 1 January, not "tomorrow".
    re: new RegExp(`${HOLIDAY_START}(?:(?:\\d{4})\\s*年|今年|去年|明年|前年|後年|后年)?(?:今天|明天|後天|后天|昨天)?(?:是)?(${HOLIDAY_RE.source})`, 'g'),
    kind: 'holiday',
    resolve: (m, ctx, state) => {
      const anchor = anchorOf(ctx, state);
      // 去年聖誕節, 明年春節: the year named relative to the report's.
      const relative = /^(今|去|明|前|後|后)年/.exec(m[0]);
      const year = relative && anchor ? [String(anchor.y + YEAR_SHIFT[relative[1]])] : /^(\d{4})\s*年/.exec(m[0])?.slice(1);
      // 明天元旦: the coming one; 昨天聖誕節: the one just past.
      const lean = /明天|後天|后天/.test(m[0]) ? 'future' : /昨天/.test(m[0]) ? 'past' : state.anchor ? 'news' : ctx.prefer ?? 'news';
      const date = holidayDate(m[1], year ? +year[0] : null, anchor, lean);
      return date ? { date, day: date.d } : null;
    },
  },
  {
    // 今(25)日, 昨（24）日: Taiwanese outlets write the day of month inside 今日/昨日.
    re: /[今昨明前]\s*[（(]\s*(\d{1,2})\s*[)）]\s*[日天]/g,
    kind: 'day',
    // 昨(24)日 lies before the report's day and 明(26)日 after it, whatever the convention.
    resolve: (m, ctx, state) => dayOnly(+m[1], { ...ctx, prefer: /^[昨前]/.test(m[0]) ? 'past' : m[0][0] === '明' ? 'future' : ctx.prefer }, state),
  },
  {
    // 18日, 於12日, 20日晚間, 十四日, 14、15日 (a span: its last day). Not 日前/日內/日元/日本/第3日.
    re: new RegExp(`(?<![\\d.\\-/月年第數数個个幾几每逢])((?:\\d{1,2}\\s*[、,，及和至到~-]\\s*)*)(${DAY_CN})\\s*日(?![元圓圆幣币本內内間间後后左右起算之]|前(?!往))`, 'g'),
    kind: 'day',
    resolve: (m, ctx, state) => dayOnly(parseNumber(m[2]), ctx, state),
  },
  {
    // 兩天前, 三日後, 三天之後: N days before or after the report's day (weeks are too vague for a day).
    re: /(?<![\d一二三四五六七八九十兩两])(\d{1,2}|[一二三四五六七八九十兩两]{1,3})\s*(天|日)\s*(?:之)?(前|後|后)(?![天日年面者])/g,
    kind: 'relative',
    resolve: (m, ctx, state) => {
      const n = parseNumber(m[1].replace(/[兩两]/g, '二'));
      if (!(n >= 1 && n <= 60)) return null;
      return shift(ctx, m[3] === '前' ? -n : n, state);
    },
  },
  {
    // Not 今天的 ("today's", nowadays), 時至今日 / 直到今天 (up to now), 今日美國 (a name), 美好的明天 (the future).
    // 昨晚, 今早, 明晨: a day and a part of it (今晚報 and 光明日報 are papers; 今日報導, 明日報到 are verbs).
    re: /(?<![至到迄的])(大前天|大後天|大后天|大後日|今天|今日|昨天|昨日|尋日|寻日|前天|前日|明天|明日|聽日|听日|後天|后天|後日|昨晚|昨夜|昨晨|今晚|今早|今晨|明早|明晚|明晨|前晚)(?!美國|美国|俄羅斯|俄罗斯|新聞|新闻|頭條|头条|之|的|會更好|会更好|[報报](?![導导道到]))/g,
    kind: 'relative',
    resolve: (m, ctx, state) => shift(ctx, REL_DAYS[m[1]], state),
  },
  {
    // Not "tomorrow's" (figurative: tomorrow's world).
    re: /\b(today|yesterday|tomorrow)\b(?!'s|’s)/gi,
    kind: 'relative',
    resolve: (m, ctx, state) => {
      const w = m[1].toLowerCase();
      return shift(ctx, w === 'today' ? 0 : w === 'yesterday' ? -1 : 1, state);
    },
  },
  {
    // 星期六, 禮拜天, 週六, 周六晚間, 上週三, 下星期一, 這週三, 今個禮拜二. Not 每週三 (every Wednesday), 一周三次
    // (three times a week), nor the weekday that labels a date (10月3日星期三, 29日（週六））, nor names
    // (黑色星期五, 星期日泰晤士報, 星期三協會).
    re: /(?<![每\d一二三四五六七八九十兩两幾几數数]|每[個个]|黑色|[日號号]\s*[（(，,]?\s*)(上個?|上个|下個?|下个|這|这|今個|今个|今|本)?(星期|禮拜|礼拜|週|周)([一二三四五六日天])(?!泰晤士|協會|协会|[報报刊])(?=([^。！？；，,\n]{0,24}))/g,
    kind: 'weekday',
    resolve: (m, ctx, state) => {
      if (m[3] === '天' && (m[2] === '週' || m[2] === '周')) return null; // 週天 is not a word
      if (m[2] === '周' && !m[1] && !AFTER_ZHOU.test(m[4] || '。')) return null;
      return weekday(m[1], WEEKDAYS[m[3]], m[4], ctx, state);
    },
  },
  {
    re: /(隔天|隔日|翌日|次日|當天|当天|當日|当日|the next day|the following day)/gi,
    kind: 'chain',
    resolve: (m, _ctx, state) => fromLast(state, /當|当/.test(m[1]) ? 0 : 1),
  },
];

/**
 * Every date reference in `text`, in order, resolved against `ctx`. `state.last` is read for
 * 隔天/當天 and updated with each resolved reference, so pass the same state through an article.
 */
export function findDateReferences(text: string, ctx: DateContext, state: ResolveState = { last: null }): DateRef[] {
  const raw: { index: number; length: number; pattern: Pattern; m: RegExpExecArray }[] = [];
  for (const pattern of PATTERNS) {
    pattern.re.lastIndex = 0;
    for (let m = pattern.re.exec(text); m; m = pattern.re.exec(text)) {
      raw.push({ index: m.index, length: m[0].length, pattern, m });
    }
  }
  raw.sort((a, b) => a.index - b.index || b.length - a.length);
  const refs: DateRef[] = [];
  let end = -1;
  for (const r of raw) {
    if (r.index < end) continue; // overlaps a longer, earlier match (月 inside 年月日)
    const res = r.pattern.resolve(r.m, ctx, state);
    if (!res) continue;
    end = r.index + r.length;
    if (r.pattern.kind === 'year') continue; // an anchor for what follows, not a reference
    const ref: DateRef = { index: r.index, length: r.length, kind: r.pattern.kind, date: res.date ? formatDate(res.date) : null, day: res.day };
    const prev = refs.at(-1);
    // 周日, 二月十号: the weekday only labels the date that follows.
    if (prev?.kind === 'weekday' && (ref.kind === 'full' || ref.kind === 'month-day') && /^\s*[,，、]?\s*$/.test(text.slice(prev.index + prev.length, ref.index))) {
      refs.pop();
      ref.length += ref.index - prev.index;
      ref.index = prev.index;
      const wd = WEEKDAYS[text[prev.index + prev.length - 1]];
      if (ref.kind === 'month-day' && ref.date && wd) {
        // The year in which that day is that weekday (周日, 二月十号 → the February 10th that is a Sunday).
        const [y, mo, d] = ref.date.split('-').map(Number);
        const fits = [y, y - 1, y + 1].find((yy) => isValidDate(yy, mo, d) && ((((toDayNumber({ y: yy, m: mo, d }) + 3) % 7) + 7) % 7) + 1 === wd);
        if (fits !== undefined) ref.date = formatDate({ y: fits, m: mo, d });
      }
    }
    refs.push(ref);
    state.last = { date: ref.date, day: ref.day };
    if (ref.kind === 'full' && res.date) state.anchor = res.date;
  }
  return refs;
}

/** The context for an article: its dateline day resolved near the publication date, else the publication day. */
export function buildDateContext(publication: LocalDate | null, datelineDay: number | null): DateContext {
  if (publication && datelineDay) {
    const anchor = nearestDayOfMonth(publication, datelineDay);
    if (anchor) return { anchor, anchorDay: datelineDay };
  }
  return { anchor: publication, anchorDay: publication ? publication.d : datelineDay };
}

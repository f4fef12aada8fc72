/**
 * Periods longer than a day that `newsbot dates` reads besides days and clock times: parts of a
 * month (上旬, 中旬, 下旬; 月初, 月中, 月底), quarters (本季度, 上個季度, 112年第4季), years written
 * in Chinese digits (二〇二二年), in the Republic of China's count (民國115年) or inside the
 * relative word (去(2023)年), and weeks or months two away (下下週, 上上個月).
 */
import { fromDayNumber, type Prefer } from './calendar.ts';
import { parseNumber } from './resolve-dates.ts';

export interface PeriodSpan {
  index: number;
  length: number;
  /** Local wall-clock milliseconds (epoch-based, as if UTC); end inclusive. */
  start: number;
  end: number;
  grain: 'year' | 'quarter' | 'month' | 'week' | 'day';
}

const DAY = 86_400_000;
const REL_MONTH: Record<string, number> = { 上: -1, 下: 1, 本: 0, 这: 0, 這: 0, 今: 0, 當: 0, 当: 0 };
const REL_YEAR: Record<string, number> = { 去: -1, 上: -1, 前: -2, 今: 0, 本: 0, 明: 1, 下: 1, 後: 2, 后: 2 };
const CN_NUM = '(?:\\d{1,2}|[一二三四五六七八九十]{1,3})';
// A month named relative to now or by number, with an optional year before it.
const MONTH_WORD = `(?:(上上個?|上上个|下下個?|下下个|上個?|上个|下個?|下个|本|这个|這個|今個|今个|当|當)月|(?:(\\d{4})\\s*年\\s*)?(${CN_NUM})\\s*月)`;

function monthSpan(y: number, m0: number): [number, number] {
  return [Date.UTC(y, m0, 1), Date.UTC(y, m0 + 1, 1) - 1000];
}

function yearOfRoc(s: string): number {
  return parseNumber(s) + 1911;
}

/** The first, middle or last ten days of a month (the last runs to the month's end). */
function part(m: RegExpExecArray, at: { y: number; m0: number }, word: string): PeriodSpan {
  const [s, e] = monthSpan(at.y, at.m0);
  const third = /^(?:上旬|初)$/.test(word) ? 0 : word === '中旬' ? 1 : 2;
  const start = s + third * 10 * DAY;
  return { index: m.index, length: m[0].length, start, end: third === 2 ? e : start + 10 * DAY - 1000, grain: 'day' };
}

/** Every such period in `text`, resolved against local time `now` (wall-clock ms). */
export function findPeriods(text: string, now: number, prefer: Prefer): PeriodSpan[] {
  const today = fromDayNumber(Math.floor(now / DAY));
  const out: PeriodSpan[] = [];
  const scan = (re: RegExp, f: (m: RegExpExecArray) => void) => {
    for (let m = re.exec(text); m; m = re.exec(text)) f(m);
  };
  const monthOf = (rel: string | undefined, year: string | undefined, num: string | undefined): { y: number; m0: number } | null => {
    if (rel) {
      const n = (rel.startsWith('上上') ? -2 : rel.startsWith('下下') ? 2 : REL_MONTH[rel[0]]) ?? 0;
      return { y: today.y, m0: today.m - 1 + n };
    }
    const month = parseNumber(num ?? '');
    if (!(month >= 1 && month <= 12)) return null;
    let y = year ? +year : today.y;
    if (!year && prefer === 'future' && month < today.m) y++;
    if (!year && prefer !== 'future' && month > today.m) y--;
    return { y, m0: month - 1 };
  };

  // 本月中旬, 上個月下旬, 3月上旬, 下月初, 2023年5月底 (a month's first, middle or last ten days).
  scan(new RegExp(`${MONTH_WORD}\\s*(上旬|中旬|下旬|初|底|末)`, 'g'), (m) => {
    const at = monthOf(m[1], m[2], m[3]);
    if (at) out.push(part(m, at, m[4]));
  });
  // 月初, 月底, 月末 with no month before them: this month's (岁月中 is no date, so no bare 月中).
  scan(/(?<![上下本个個这這今當当\d一二三四五六七八九十])月(初|底|末)/g, (m) => out.push(part(m, { y: today.y, m0: today.m - 1 }, m[1])));

  // Quarters: 本季度, 上個季度, 下一季, 第三季度, 2023年第4季, 112年第4季 (ROC), Q3.
  scan(/(?:(\d{4})\s*年|(?:民國|民国)?(\d{2,3})\s*年|(今|去|明)年)?\s*(?:(上上?個?|上上?个|下下?個?|下下?个|下一|本|这个|這個|这一|這一|今)(?:季度|季)(?!節|节|風|风|賽|赛)|第\s*([一二三四1-4])\s*(?:季度|季)(?!節|节|風|风|賽|赛))/g, (m) => {
    let y = m[1] ? +m[1] : m[2] ? yearOfRoc(m[2]) : m[3] ? today.y + (REL_YEAR[m[3]] ?? 0) : today.y;
    let q: number;
    if (m[4]) {
      const rel = m[4].startsWith('上上') ? -2 : m[4].startsWith('下下') ? 2 : m[4][0] === '上' ? -1 : m[4][0] === '下' ? 1 : 0;
      q = Math.floor((today.m - 1) / 3) + rel;
    } else {
      q = parseNumber(m[5].replace(/[1-4]/, (d) => '一二三四'[+d - 1])) - 1;
      // Which way an unnamed year leans, as for months: 第三季度 said in January is last year's in the news.
      const now = Math.floor((today.m - 1) / 3);
      if (!m[1] && !m[2] && !m[3] && prefer === 'future' && q < now) y++;
      if (!m[1] && !m[2] && !m[3] && prefer !== 'future' && q > now) y--;
    }
    const start = Date.UTC(y, q * 3, 1);
    out.push({ index: m.index, length: m[0].length, start, end: Date.UTC(y, q * 3 + 3, 1) - 1000, grain: 'quarter' });
  });

  // Years: 二〇二二年, 民國115年, 去(2023)年 (Taiwanese outlets print the year inside the word).
  scan(/(?:([〇零一二三四五六七八九]{4})|(?:民國|民国)\s*(\d{2,3})|[去今明前]\s*[（(]\s*(\d{4})\s*[)）]\s*)\s*年(?![\d一二三四五六七八九十]|[代度])/g, (m) => {
    const y = m[1] ? parseNumber(m[1]) : m[2] ? yearOfRoc(m[2]) : +m[3];
    if (!(y >= 1000 && y <= 2200)) return;
    // A month or day right after is read by the day patterns; the year alone is a year.
    if (/^\s*(?:第|[\d一二三四五六七八九十]+\s*月)/.test(text.slice(m.index + m[0].length))) return;
    out.push({ index: m.index, length: m[0].length, start: Date.UTC(y, 0, 1), end: Date.UTC(y + 1, 0, 1) - 1000, grain: 'year' });
  });

  // 下下週, 上上星期 (the week two away); 下下個月 is read above as a month only with a part, so here too.
  scan(/(上上|下下)(?:個|个)?(周|週|星期|禮拜|礼拜|月)(?![一二三四五六日天末初中底旬\d])/g, (m) => {
    const n = m[1] === '上上' ? -2 : 2;
    if (m[2] === '月') {
      const [s, e] = monthSpan(today.y, today.m - 1 + n);
      out.push({ index: m.index, length: m[0].length, start: s, end: e, grain: 'month' });
      return;
    }
    const dn = Math.floor(now / DAY);
    const monday = dn - ((((dn + 3) % 7) + 7) % 7) + 7 * n;
    out.push({ index: m.index, length: m[0].length, start: monday * DAY, end: (monday + 7) * DAY - 1000, grain: 'week' });
  });
  return out;
}

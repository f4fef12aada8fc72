/**
 * `npm run eval dates`: day-grain accuracy of `newsbot dates` (findTimeSpans) on the 603 Chinese
 * cases of Duckling's corpus (test/fixtures/dev/time-zh/cases.jsonl), beside chrono-node's zh
 * parsers in the same run. Scored twice: with the future convention (Duckling's: 星期一 is next
 * Monday) against Duckling's answers, and with the past convention (news: last Monday) against
 * the same answers moved back one period where an undirected expression lands in the future.
 * A case is right when the first span found starts on the expected day.
 */
import { readFileSync } from 'node:fs';
import * as chrono from 'chrono-node';
import { findTimeSpans, type ReferenceTime } from '../../src/core/timeline/time-spans.ts';
import type { Prefer } from '../../src/core/timeline/calendar.ts';
import { printExpressions } from './time-expressions.ts';

const FILE = 'test/fixtures/dev/time-zh/cases.jsonl';

interface Case {
  text: string;
  base: string;
  base_tz: string;
  expected: { type: 'point' | 'interval'; value?: string; from?: string; to?: string; grain: string };
}

const CIVIL = /元旦|阳历新年|妇女|婦女|劳动|勞動|儿童|兒童|建军|建軍|圣诞|聖誕|愚人|万圣|萬聖|回归|回歸|情人|瓦伦丁|消费者|消費者|三一五|国庆|國慶|老板|老闆/;

const CHINESE_FESTIVAL = /春[节節]|[农農][历曆]新年|新春|正月|除夕|元宵|端午|七夕|中秋|重[阳陽]|清明/;

/**
 * The kind of expression. Duckling's corpus lists its holidays last, from 元旦 on: civil
 * (fixed-date public) holidays and Chinese festivals there are news-style; feasts of other
 * calendars (Easter, Diwali, Ramadan, events such as Earth Hour) are not.
 */
function kindOf(text: string, inHolidays: boolean): string {
  if (inHolidays) return CIVIL.test(text) ? 'civil holiday' : CHINESE_FESTIVAL.test(text) ? 'Chinese festival' : 'other-calendar feast';
  if (/^(现在|此时|此刻|当前|現在|此時|當前|宜家|而家|依家)$/.test(text)) return 'now';
  if (/[上下前后後][两二兩三]|[两二兩三][個个]?(秒|分|小|鐘|钟|天|日|星期|禮拜|礼拜|周|週|月|年)/.test(text)) return 'offset';
  if (/月.*[号號日]|\d+\/\d+|\d{4}-\d/.test(text)) return 'date';
  if (/[点點時时:]|pm|PM|\dp$/.test(text) && !/月/.test(text)) return 'clock';
  if (/(星期|礼拜|禮拜|周|週)[一二三四五六日天]/.test(text)) return 'weekday';
  if (/[天日]$/.test(text)) return 'relative day';
  return 'week, month or year';
}

const ymd = (s: string) => s.slice(0, 10).replace(/-00/g, '-01');

function addDaysIso(day: string, n: number): string {
  return new Date(Date.parse(day + 'T00:00:00Z') + n * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The answer under the past convention: an undirected expression (no 下/明/後/聽 …) whose
 * Duckling answer lies after the reference day is moved back one period (a week for a weekday,
 * a year for a month-day, month or holiday). Null when it cannot be derived (other calendars).
 */
function pastAnswer(c: Case, kind: string, base: string): string {
  const exp = ymd(c.expected.value ?? c.expected.from!);
  if (exp <= base || /[下明後后聽听来來]|今個|今个|今星期|今礼拜|今禮拜|[这這]/.test(c.text) || kind === 'other-calendar feast' || /\d{4}|年/.test(c.text)) return exp;
  if (kind === 'weekday') return addDaysIso(exp, -7);
  if (kind === 'Chinese festival') return sameLunarDayYearBefore(exp);
  if (/第.[個个]/.test(c.text)) {
    // The nth weekday of a month, a year earlier.
    const [y, m, d] = exp.split('-').map(Number);
    const wd = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
    const first = new Date(Date.UTC(y - 1, m - 1, 1)).getUTCDay();
    return `${y - 1}-${String(m).padStart(2, '0')}-${String(1 + ((wd - first + 7) % 7) + 7 * Math.floor((d - 1) / 7)).padStart(2, '0')}`;
  }
  if (kind === 'clock') return exp;
  return `${+exp.slice(0, 4) - 1}${exp.slice(4)}`;
}

/** The day a lunar year before `day` with the same Chinese month and day (ICU's Chinese calendar). */
function sameLunarDayYearBefore(day: string): string {
  const fmt = new Intl.DateTimeFormat('en-u-ca-chinese', { timeZone: 'UTC', month: 'numeric', day: 'numeric' });
  const t0 = Date.parse(day + 'T00:00:00Z');
  const key = fmt.format(new Date(t0));
  for (let n = 340; n <= 400; n++) if (fmt.format(new Date(t0 - n * 86_400_000)) === key) return addDaysIso(day, -n);
  return day;
}

function chronoDay(text: string, at: ReferenceTime, forward: boolean): string | null {
  const ref = { instant: new Date(at.ms), timezone: at.offsetMinutes };
  const hits = [...chrono.zh.hans.parse(text, ref, { forwardDate: forward }), ...chrono.zh.hant.parse(text, ref, { forwardDate: forward })];
  hits.sort((a, b) => a.index - b.index || b.text.length - a.text.length);
  const hit = hits[0];
  if (!hit) return null;
  return new Date(hit.start.date().getTime() + at.offsetMinutes * 60_000).toISOString().slice(0, 10);
}

function pct(n: number, d: number): string {
  return d ? `${((100 * n) / d).toFixed(1)} % (${n}/${d})` : 'n/a';
}

/** Every dev case with its kind, gold answers and newsbot's; chrono-node's too when `baseline`. */
export function scoreCases(baseline = true) {
  const cases = readFileSync(FILE, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Case);
  const holidayStart = cases.findIndex((c) => c.text === '元旦');
  return cases.map((c, i) => {
    const off = /UTC([+-])(\d{2}):(\d{2})/.exec(c.base_tz)!;
    const offsetMinutes = (off[1] === '-' ? -1 : 1) * (+off[2] * 60 + +off[3]);
    const at: ReferenceTime = { ms: Date.parse(c.base.replace(' ', 'T') + 'Z') - offsetMinutes * 60_000, offsetMinutes };
    const kind = kindOf(c.text, i >= holidayStart);
    const base = c.base.slice(0, 10);
    const gold = { future: ymd(c.expected.value ?? c.expected.from!), past: pastAnswer(c, kind, base) };
    const ours = (prefer: Prefer) => findTimeSpans(c.text, at, prefer)[0]?.start.slice(0, 10) ?? null;
    return {
      c,
      kind,
      gold,
      got: { future: ours('future'), past: ours('past') },
      chrono: baseline ? { future: chronoDay(c.text, at, true), past: chronoDay(c.text, at, false) } : { future: null, past: null },
    };
  });
}

/** Runs the suite and prints its figures. */
export async function run(): Promise<void> {
  const rows = scoreCases();
  const news = rows.filter((r) => r.kind !== 'other-calendar feast');
  const differ = rows.filter((r) => r.gold.future !== r.gold.past);
  const score = (set: typeof rows, conv: 'future' | 'past', who: 'got' | 'chrono') => pct(set.filter((r) => r[who][conv] === r.gold[conv]).length, set.length);
  console.log(`${FILE}: ${rows.length} cases, reference 2013-02-12 04:30 at UTC-02:00; right = first span starts on the expected day`);
  console.log(`news-style subset (every kind but religious feasts of other calendars): ${news.length} cases; conventions differ on ${differ.length}`);
  console.log('');
  console.log('                                   newsbot dates            chrono-node zh (baseline)');
  for (const [label, set] of [['all', rows], ['news-style', news], ['where conventions differ', differ]] as const) {
    for (const conv of ['future', 'past'] as const) {
      console.log(`${(label + ', ' + conv).padEnd(34)} ${score(set, conv, 'got').padEnd(24)} ${score(set, conv, 'chrono')}`);
    }
  }
  console.log('\nby kind (future convention): newsbot | chrono');
  const kinds = [...new Set(rows.map((r) => r.kind))];
  for (const k of kinds) {
    const set = rows.filter((r) => r.kind === k);
    console.log(`  ${k.padEnd(22)} ${score(set, 'future', 'got').padEnd(22)} ${score(set, 'future', 'chrono')}`);
  }
  const misses = news.filter((r) => r.got.future !== r.gold.future);
  if (misses.length) {
    console.log(`\nnews-style misses (future convention), first 30 of ${misses.length}:`);
    for (const r of misses.slice(0, 30)) console.log(`  ${r.c.text}  expected ${r.gold.future}  got ${r.got.future ?? 'nothing'}`);
  }
  printExpressions();
}

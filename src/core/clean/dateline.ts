/**
 * Wire datelines: （中央社華盛頓10日綜合外電報導） at the start of a paragraph, or a stand-alone
 * line such as 中央社／ 基輔22日專電 or 中央社記者王某某台北22日電.
 */
import type { Dateline } from '../article.ts';

/** A parsed wire dateline: where/which day, the agency, and reporters when named. */
export interface DatelineInfo {
  dateline: Dateline;
  agency: string;
  authors: string[];
}

const AGENCIES = '中央社|中新社|新華社|路透社?|法新社|美聯社|共同社|韓聯社|彭博社?';
const KIND = '(?:綜合外電|外電|綜合|專電|特稿|連線|即時)?(?:報導|電|專電|報道)';
const PAREN = new RegExp(`^[（(]\\s*(${AGENCIES})\\s*(?:記者)?\\s*([^（）()\\d]{1,30}?)\\s*(\\d{1,2})日\\s*${KIND}[^）)]{0,10}[）)]\\s*`);
const LINE = new RegExp(`^(${AGENCIES})\\s*(?:記者\\s*([^／/]{2,20}))?\\s*[／/]?\\s*([^（）()\\d／/]{1,20}?)\\s*(\\d{1,2})日\\s*${KIND}\\s*$`);

/** A dateline opening a paragraph: returns it and the paragraph's length of dateline text, else null. */
export function parseParagraphDateline(text: string): (DatelineInfo & { length: number }) | null {
  const m = PAREN.exec(text);
  if (!m) return null;
  const hasReporter = /記者/.test(m[0]);
  const { place, authors } = hasReporter ? splitReporterPlace(m[2]) : { place: m[2].trim(), authors: [] };
  const day = +m[3];
  if (!place || day < 1 || day > 31) return null;
  return { dateline: { place, day }, agency: normalizeAgency(m[1]), authors, length: m[0].length };
}

// Mainland wire and paper datelines open the first paragraph unbracketed, the reporters after them:
// 新华社雅加达9月7日电（记者王宁、刘欣）…, 中新网北京5月3日电 (记者 张三)…, 本报北京5月3日讯（记者李四 通讯员王五）….
const WIRES = '新华社|新華社|中新社|中新网|中新網|中通社|路透社|法新社|美联社|美聯社|共同社|韩联社|韓聯社|塔斯社|中央社';
// Any other site or paper (央广网张掖11月22日消息): a short name ending in 网, 报 or 台, read lazily so the place follows.
const PAPERS = '本报|本報|人民网|人民網|央视网|央視網|中国网|中國網|光明网|光明網|澎湃新闻|海外网|国际在线|國際在線|[\\u4e00-\\u9fff]{1,5}?(?:网|網|报|報|台)';
const OPENING = new RegExp(
  `^(${WIRES}|${PAPERS})\\s*([^\\d（）()，。,\\s]{0,12}?)\\s*(?:\\d{1,2}月)?(\\d{1,2})日\\s*(?:电|電|讯|訊|专电|專電|消息)(?:\\s*[（(]\\s*((?:记者|記者|通讯员|通訊員)[^（）()]{2,40})[）)])?`,
);

/**
 * A mainland-style dateline opening a paragraph (新华社雅加达9月7日电（记者王宁、刘欣）…): its place,
 * day, wire agency (a paper's own 本报 is none) and reporters. The paragraph keeps its text.
 */
export function parseOpeningDateline(text: string): DatelineInfo | null {
  const m = OPENING.exec(text);
  if (!m) {
    // 新京报讯（记者 杜思雨）, 本报讯（记者李四）: a paper's own report, no place or day given.
    const paper = PAPER_NEWS.exec(text) ?? PAPER_NEWS_REPORTED.exec(text) ?? BRACKETED_REPORTERS.exec(text);
    const names = paper ? reporterNames(paper[1]) : [];
    return names.length ? { dateline: { place: '', day: 0 }, agency: '', authors: names } : null;
  }
  const day = +m[3];
  if (day < 1 || day > 31) return null;
  const authors = reporterNames(m[4] ?? '');
  const agency = new RegExp(`^(?:${WIRES})$`).test(m[1]) ? normalizeAgency(m[1]) : null;
  if (!agency && !authors.length) return null;
  return { dateline: { place: m[2].trim(), day }, agency: agency ?? '', authors };
}

const PAPER_NEWS = /^[\u4e00-\u9fff]{0,6}(?:报|報)(?:讯|訊)\s*[（(]\s*((?:记者|記者|通讯员|通訊員)[^（）()]{2,40})[）)]/;

// 【大公報訊】記者林曉峰報道：… (Hong Kong papers: the reporter after the bracket, then 報道).
const PAPER_NEWS_REPORTED = /^【[\u4e00-\u9fff]{0,6}(?:报|報)(?:讯|訊)】\s*((?:记者|記者)\s*[\u4e00-\u9fff]{2,4}(?:\s*[、,，]\s*[\u4e00-\u9fff]{2,4})*)\s*(?:报道|報道|報導|报导)/;

// （记者马瑞林 见习记者苏婉）据中国之声报道…: the reporters in brackets opening the report.
const BRACKETED_REPORTERS = /^[（(]\s*((?:(?:见习|見習|实习|實習|特约|特約)?(?:记者|記者)|通讯员|通訊員)\s*[\u4e00-\u9fff]{2,4}(?:\s*[、,，\s]\s*(?:(?:见习|見習|实习|實習|特约|特約)?(?:记者|記者)|通讯员|通訊員)?\s*[\u4e00-\u9fff]{2,4})*)\s*[）)]/;

/** 记者王宁、刘欣 / 记者 张三 通讯员 李四 → the names. */
function reporterNames(s: string): string[] {
  return s
    .split(/(?:见习|見習|实习|實習|特约|特約)?(?:记者|記者)|通讯员|通訊員|[、,，\s]+/)
    .map((x) => x.trim())
    .filter((x) => x.length >= 2 && x.length <= 4);
}

/** A dateline standing as its own line (中央社／ 基輔22日專電), else null. */
export function parseDatelineLine(line: string): DatelineInfo | null {
  const m = LINE.exec(line.trim());
  if (!m) return null;
  const day = +m[4];
  if (day < 1 || day > 31) return null;
  let place = m[3].trim();
  let authors: string[] = [];
  if (m[2]) authors = m[2].split(/[、,，]/).map((s) => s.trim()).filter(Boolean);
  else if (/記者/.test(place)) ({ place, authors } = splitReporterPlace(place.replace(/^記者/, '')));
  if (!place) return null;
  return { dateline: { place, day }, agency: normalizeAgency(m[1]), authors };
}

/** 王小明、李大華台北 → names + place; CNA names are usually three characters. */
function splitReporterPlace(s: string): { place: string; authors: string[] } {
  const parts = s.trim().split(/[、,，]/);
  const last = parts.pop() ?? '';
  const nameLen = last.length >= 4 ? 3 : 2;
  const authors = [...parts, last.slice(0, nameLen)].map((x) => x.trim()).filter(Boolean);
  return { place: last.slice(nameLen).trim(), authors };
}

function normalizeAgency(a: string): string {
  if (a === '路透') return '路透社';
  if (a === '彭博') return '彭博社';
  return a;
}

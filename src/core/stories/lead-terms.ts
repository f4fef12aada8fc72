/**
 * The terms of an article's title and lead that same-event matching compares (pure): Han character
 * bigrams, English words, and figures. Two reports of one event share the rare ones (names, places,
 * case numbers, doses), however differently worded; what every article of an outlet carries (its
 * bylines, photo credits, update stamps, read-more links) is removed first so it cannot make two
 * reports look alike. Figures are read in whatever way they are written (2,016 = 2016; 151.21萬 =
 * 1512100; 案一八四八七 = 案18487 in a print edition; 八例 = 8例) and also rounded to two
 * significant digits, so "150萬劑", "151萬劑" and "151.21萬劑" of one delivery meet. Figures and
 * English words are "neutral" terms: the ones an English version of a Chinese report shares with it.
 */
import { foldForShingles } from './signatures.ts';
import { canonicalNames } from './name-variants.ts';

const LEAD_CHARS = 300;

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** The title and lead without what every article of an outlet carries (bylines, credits, stamps). */
export function cleanLead(text: string): string {
  return text
    // A photo caption opening the lead, with its credit (指揮官陳時中。（指揮中心提供）): the outlet's stock photo.
    .replace(/^\s*[^。！？\n（(]{0,60}。?\s*[（(][^（）()]{0,30}(?:攝|提供|資料照|翻攝)[）)]/, ' ')
    .replace(/[〔［[【]\s*(?:記者|即時新聞|中央社|編譯|綜合報導)[^〕］\]】]{0,40}[〕］\]】]/g, ' ')
    .replace(/[（(][^（）()]{0,30}(?:攝|提供|資料照|翻攝|擷自[^（）()]{0,20})[）)]/g, ' ')
    .replace(/首次上稿[\s:：]*[\d/ :：]*更新時間[\s:：]*[\d/ :：]*(?:[（(][^）)]{0,20}[）)])?/g, ' ')
    .replace(/請繼續往下閱讀\.*|不用抽 不用搶[^\n]*/g, ' ')
    .replace(/Photo(?: courtesy)?[^\n]{0,80}?(?:CNA|AP|AFP|Reuters|Times)\b/g, ' ')
    .replace(/\/?\s*Staff (?:writer|reporter)s?(?:, with [A-Z]+)?/g, ' ')
    .replace(/^\s*[（(][^）)]{0,40}[）)]/, '');
}

// A paragraph that is only a credit: （臺灣港務公司提供）, Photo: Bloomberg, 圖／翻攝網路.
const CREDIT_ONLY = /^(?:[（(][^（）()]{0,40}[）)]|(?:Photo|Photos|Image)(?: courtesy)?\s*(?:[:：]|of\s)[^\n]{0,80}|圖[／/:：][^\n]{0,30})$/i;
// A byline paragraph: By Lee I-chia / Staff reporter, / Staff writer, with CNA.
const BYLINE = /^(?:By\s[^\n]{0,80}?)?\s*\/?\s*Staff (?:writer|reporter)s?(?:,? with [^\n]{0,40})?$/i;
// A paragraph ending in a picture's credit: a photo caption (…清消。（記者陳文嬋攝）, …（法新社）).
const ENDS_IN_CREDIT = /[（(][^（）()]{0,40}(?:攝|提供|資料照|翻攝|擷自|截圖|法新社|美聯社|路透|歐新社|AP|AFP|Reuters|EPA|Bloomberg)[^（）()]{0,10}[）)]\s*$/;
// The dateline that opens a report's text: 〔記者林惠琴／台北報導〕, 【即時新聞／綜合報導】.
const DATELINE = /^\s*[〔［[【]\s*(?:記者|即時新聞|中央社|編譯|綜合報導)/;

/**
 * The paragraphs from where the report's text begins: the photo caption an outlet prints above
 * it (a short line with its credit, or a line followed by a credit-only paragraph) and empty
 * lines are skipped, and a dateline paragraph (〔記者…／…報導〕) among the first few starts it.
 * A caption describes a stock or file picture as often as the news, and several reports of
 * one outlet share it; the lead is what says the event. All of them when nothing looks skippable.
 * A byline paragraph among the first few is dropped too.
 */
export function leadParagraphs(paragraphs: string[]): string[] {
  const dated = paragraphs.slice(0, 4).findIndex((p) => DATELINE.test(p));
  if (dated > 0) return paragraphs.slice(dated);
  let i = 0;
  while (i < Math.min(4, paragraphs.length - 1)) {
    const p = paragraphs[i].trim();
    if (!p || CREDIT_ONLY.test(p) || BYLINE.test(p) || (p.length <= 150 && ENDS_IN_CREDIT.test(p))) i++;
    else if (p.length <= 300 && CREDIT_ONLY.test(paragraphs[i + 1].trim())) i += 2;
    else break;
  }
  // Everything skipped (a caption and its credit alone): the whole text. A byline below a
  // subheading (LEVEL 2 ALERT STAYS: … / By Lee I-chia / Staff reporter) is not the lead either.
  return (i < paragraphs.length ? paragraphs.slice(i) : paragraphs).filter((p, k) => k > 2 || !BYLINE.test(p.trim()));
}

const CN_DIGITS: Record<string, number> = { '〇': 0, '○': 0, '零': 0, '一': 1, '二': 2, '兩': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9 };
const CN_UNITS: Record<string, number> = { '十': 10, '百': 100, '千': 1000 };

/** Value of a Chinese numeral under 萬: 十五 = 15, 五十 = 50, 一八四八七 = 18487 (digit by digit when no 十百千). */
function cnSection(s: string): number | null {
  if (!s) return 0;
  if (!/[十百千]/.test(s)) {
    let v = 0;
    for (const c of s) v = v * 10 + CN_DIGITS[c];
    return v;
  }
  let v = 0;
  let digit = -1;
  for (const c of s) {
    if (c in CN_UNITS) {
      v += (digit < 0 ? 1 : digit) * CN_UNITS[c];
      digit = -1;
    } else if (digit >= 0) return null; // 二三十: not a numeral we read
    else digit = CN_DIGITS[c];
  }
  return v + (digit < 0 ? 0 : digit);
}

/** Value of a figure as written: "2,016", "151.21萬", "2萬568", "一萬八六八一", "五十"; null when it is not one. */
export function figureValue(s: string): number | null {
  const t = s.replace(/,/g, '');
  const [hi, lo = ''] = t.split('萬');
  const part = (x: string): number | null => (/^\d+(?:\.\d+)?$/.test(x) ? Number(x) : /^[〇○零一二兩三四五六七八九十百千]+$/.test(x) ? cnSection(x) : x === '' ? 0 : null);
  const a = part(hi);
  const b = part(lo);
  if (a === null || b === null || hi === '') return null;
  if (!t.includes('萬')) return a;
  // 2萬568 = 20568: the digits after 萬 are its low places; but 1萬5 (one digit) is spoken 15000.
  return Math.round(a * 10000 + (/^\d$/.test(lo) ? b * 1000 : b));
}

// A figure: Arabic (with thousands commas, decimals, 萬), or Chinese digits followed by a counter
// (or a run of three or more digits, such as a case number), so that 一起 or 一月 stay words.
const FIGURE = /(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(萬\d{0,4})?|([〇○零一二兩三四五六七八九十百千]+萬?[〇○零一二兩三四五六七八九十百千]*)(?=[例人劑名處起位件萬億%％])|([〇○零一二三四五六七八九]{3,})/g;
const UNIT = /^\s?([\u3400-\u9fff%％])/;

/** Rounded to two significant digits: 1512100 → 1500000, 20568 → 21000. */
function rounded(v: number): number {
  const p = 10 ** Math.max(0, Math.floor(Math.log10(v)) - 1);
  return Math.round(v / p) * p;
}

const STOP = new Set(['the', 'and', 'for', 'with', 'that', 'this', 'from', 'have', 'has', 'had', 'was', 'were', 'are', 'its', 'his', 'her', 'their', 'will', 'would', 'said', 'says', 'after', 'over', 'into', 'about', 'than', 'been', 'not', 'but', 'who', 'what', 'when', 'which', 'also', 'they', 'yesterday', 'today']);

/**
 * An article's event terms (hashed); `figures` are its exact figures of 100 or more, `words` its
 * English words, `headline` the terms of its title marked as such (also in `terms`, so two
 * headlines' agreement is read from the same index).
 */
export interface LeadTerms {
  terms: number[];
  figures: Set<number>;
  words: Set<number>;
  headline: Set<number>;
  /** Terms found only after the lead's first paragraph: where a reporter's repeated background sits. */
  context: Set<number>;
}

// A column or series label opening a headline (《TAIPEI TIMES》, 謠言終結站》, 桃園》): every report
// in the column carries it, so it says nothing of the event.
const COLUMN_LABEL = /^\s*(?:《[^《》]{1,20}》|[^\s《》]{1,8}》)/;

/** The event terms of a title and the first paragraphs (their first LEAD_CHARS characters after cleaning). */
export function leadTerms(title: string, paragraphs: string[]): LeadTerms {
  // Cleaned as one text (a byline or caption may open it), then read paragraph by paragraph
  // within the LEAD_CHARS budget, so the terms only later paragraphs add are known.
  const parts: string[] = [];
  let budget = LEAD_CHARS;
  for (const p of cleanLead(paragraphs.join('\n')).split('\n')) {
    const t = p.replace(/\s+/g, ' ').trim();
    if (!t || budget <= 0) continue;
    parts.push(t.slice(0, budget));
    budget -= t.length + 1;
  }
  const out = new Set<number>();
  const figures = new Set<number>();
  const words = new Set<number>();
  const headline = new Set<number>();
  const context = new Set<number>();
  let inTitle = true;
  let inContext = false;
  const add = (s: string, kind?: Set<number>) => {
    if (inTitle) {
      const t = fnv1a('T' + s);
      out.add(t);
      headline.add(t);
    }
    const h = fnv1a(s);
    if (inContext && !out.has(h)) context.add(h);
    out.add(h);
    kind?.add(h);
  };
  for (const [k, part] of [cleanLead(title.replace(COLUMN_LABEL, ' ')), ...parts].entries()) {
    inTitle = k === 0;
    inContext = k > 1;
    let rest = '';
    let last = 0;
    for (const m of part.matchAll(FIGURE)) {
      rest += part.slice(last, m.index) + ' ';
      last = m.index + m[0].length;
      const v = figureValue(m[3] ?? m[4] ?? m[1] + (m[2] ?? ''));
      if (v === null) continue;
      // 8人, 8例 and 8名 are the same count of people.
      const unit = (UNIT.exec(part.slice(last))?.[1] ?? '').replace('％', '%').replace(/[人例名位]/, '例');
      if (unit) add('#' + v + unit);
      // A bare 2019 or 2022 is most often a year (COVID-19（2019冠狀病毒疾病）): not a figure of the event.
      const year = v >= 1900 && v <= 2100 && !/[例人劑名處起位件份%]/.test(unit) && !m[0].includes(',');
      if (v >= 100 && !year) add('#' + v, figures);
      if (v >= 1000) add('~' + rounded(v));
    }
    const s = canonicalNames(foldForShingles(rest + part.slice(last)));
    for (const run of s.match(/[\u3400-\u9fff]+/g) ?? []) for (let i = 0; i + 2 <= run.length; i++) add(run.slice(i, i + 2));
    for (const w of s.match(/[a-z][a-z0-9]{2,}/g) ?? []) if (!STOP.has(w)) add(w, words);
  }
  return { terms: [...out], figures, words, headline, context };
}

// A count in a headline: a figure followed by 例, 人, 位, 名 or 確(診), or after a plus sign (本土+13);
// an ordinal (第9位) counts too, as the steps of a series are separate events.
const COUNT = /[+＋](\d+(?:\.\d+)?(?:萬\d{0,4})?)|(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(萬\d{0,4})?(?=[例人位名確])/g;

/** The case counts a headline gives (本土+13, 8例, 1萬2813確診), exact and rounded, with COVID-19 and the like left out. */
export function titleCounts(title: string): number[] {
  const out = new Set<number>();
  for (const m of title.replace(/[A-Za-z]+-\d+/g, ' ').matchAll(COUNT)) {
    const v = figureValue(m[1] ?? m[2] + (m[3] ?? ''));
    if (v === null) continue;
    out.add(v);
    if (v >= 1000) out.add(-rounded(v)); // rounded values negative: 18萬 meets 18萬9846 only by rounding
  }
  return [...out];
}

/** Whether two headlines both give case counts and share none: yesterday's and today's record are two events. */
export function countsDisagree(a: number[], b: number[]): boolean {
  return a.length > 0 && b.length > 0 && !a.some((v) => b.includes(v));
}

/**
 * Credits that wire copy appends to paragraphs: translator and editor notes （譯者：何宏儒）,
 * CNA trailer codes (1121211) and reporter bylines (記者張方瑀／綜合報導).
 */

const CREDIT_NOTE = /[（(]\s*((?:譯者|译者|編譯|编译|編輯|编辑|責任編輯|责任编辑|核稿|審校|审校)\s*[:：][^（）()]{1,60})[）)]/g;
const TRANSLATOR_ROLES = /^(譯者|译者|編譯|编译)$/;
const TRAILER_CODE = /([）)。」』！？!?.])\s*\d{7,8}\s*$/;
const BYLINE =
  /^(?:(?:中央社|聯合報|联合报|經濟日報|世界日報|自由時報|中國時報|ETtoday新聞雲|東森新聞)\s*[／/]\s*)?(記者|编译|編譯|特派記者|特約記者|實習記者|记者|文|撰文|作者)\s*[:：]?\s*([^／/\s，。]{2,30}(?:\s*[、,，]\s*[^／/\s，。]{2,10})*)\s*[／/]\s*([^，。]{0,20}?)(?:綜合|即時|專題|外電|连线|連線)?(?:報導|报道|電|专电|專電)\s*$/;

/** A paragraph without its credit notes, and the names the notes gave. */
export interface Credits {
  text: string;
  translators: string[];
  editors: string[];
}

/** Removes translator/editor notes from a paragraph and returns the names; the note never stays in the body. */
export function extractCreditNotes(text: string): Credits {
  const translators: string[] = [];
  const editors: string[] = [];
  const cleaned = text.replace(CREDIT_NOTE, (_all, inner: string) => {
    for (const part of inner.split(/[/／;；]/)) {
      const m = /^\s*([^:：]+?)\s*[:：]\s*(.+?)\s*$/.exec(part);
      if (!m) continue;
      const names = splitNames(m[2]);
      (TRANSLATOR_ROLES.test(m[1]) ? translators : editors).push(...names);
    }
    return '';
  });
  return { text: cleaned.trim(), translators, editors };
}

/** Drops a CNA-style numeric trailer code (7–8 digits after closing punctuation) from the end of a paragraph. */
export function stripTrailerCode(text: string): string {
  return text.replace(TRAILER_CODE, '$1').trim();
}

/** Reads a stand-alone byline line (記者張方瑀／綜合報導, 中央社記者王某／台北22日電, 陳君碩／台北報導) into author names, else null. */
export function parseBylineLine(line: string): string[] | null {
  const t = line.trim().replace(/^[〔【\[［(（]\s*(.*?)\s*[〕】\]］)）]$/, '$1');
  const m = BYLINE.exec(t);
  if (m) return splitNames(m[2]);
  const bare = BARE_BYLINE.exec(t);
  if (bare) return splitNames(bare[1]);
  const en = t.length <= 100 ? BYLINE_EN.exec(t) : null;
  return en ? splitNames(en[1]) : null;
}

const NAME_EN = "[A-Z][\\p{L}.'’-]+(?:\\s+(?:[A-Z][\\p{L}.'’-]+|de|van|von|da|bin|al-\\p{L}+)){0,3}";
const BYLINE_EN = new RegExp(`^By\\s+(${NAME_EN}(?:\\s*(?:,|and|&)\\s*${NAME_EN})*)\\s*(?:[,|·•–—-]\\s*[^.]{0,60})?$`, 'u');

/** Name／place報導 without a role word (Taiwanese papers: 陳君碩／台北報導). */
const BARE_BYLINE = /^((?:\p{Script=Han}{2,4})(?:\s*[、,，]\s*\p{Script=Han}{2,4})*)\s*[／/]\s*\p{Script=Han}{0,8}?(?:綜合|即時|專題|外電|連線)?(?:報導|报道)$/u;
/** A byline inside a longer line: 2019-03-18 23:59聯合報 記者陳嘉寧／桃園機場報導, 〔記者楊綿傑／台北報導〕. */
const BYLINE_INSIDE = /(?:記者|记者|特派記者|特約記者|實習記者)\s*((?:\p{Script=Han}{2,4})(?:\s*[、,，]\s*\p{Script=Han}{2,4})*)\s*[／/]\s*\p{Script=Han}{0,12}?(?:綜合|即時|專題|外電|連線)?(?:報導|报道|電)/u;

/** Author names from a byline inside a longer line (a date line, a paragraph's opening brackets), else null. */
export function findBylineIn(text: string): { authors: string[]; index: number; length: number } | null {
  const m = BYLINE_INSIDE.exec(text);
  return m ? { authors: splitNames(m[1]), index: m.index, length: m[0].length } : null;
}

// The editor in charge, printed under Chinese articles (责任编辑：焦鹏, 【責任編輯：王小明】).
const EDITOR = /(?:责任编辑|責任編輯|责编|責編)\s*[:：]\s*([\u4e00-\u9fff]{2,4})(?![\u4e00-\u9fff])/;

/**
 * The editor in charge a Chinese page names (责任编辑：X), or null: the byline when the page names
 * no reporter or author (the page's own credit, as extractors such as trafilatura read it).
 */
export function editorName(text: string): string | null {
  return EDITOR.exec(text)?.[1] ?? null;
}

/** Splits "王小明、李大華" or "A, B and C" into names. */
export function splitNames(s: string): string[] {
  return s
    .split(/\s*(?:[、,，;；]|\band\b|與|和)\s*/)
    .map((n) => n.trim())
    .filter((n) => n.length > 0 && n.length <= 40);
}

/** The most common Chinese surnames (Taiwan and mainland), enough to tell a bare name line from a label. */
const SURNAMES = new Set(
  '陳林黃張李王吳劉蔡楊許鄭謝洪郭邱曾廖賴徐周葉蘇莊呂江何蕭羅高潘簡朱鍾游彭詹胡施沈余盧梁趙顏柯翁魏孫戴范方宋鄧杜傅侯曹薛丁卓阮馬董温唐藍石蔣古紀姚連馮歐程湯黄田康姜白汪鄒尤巫鐘黎涂龔嚴韓袁金童陸夏柳凃邵錢伍倪溫于譚駱熊任甘秦顧毛章史官萬俞雷粘饒闕凌崔尹孔辛武辜陶段龍韋葛池孟褚殷麥賀賈莫文管關向包丘梅利華裴樊房全佘左花成符甯牛耿樂鄔易' +
    '陈黄张刘杨许郑谢郭叶苏庄吕萧罗钟卢赵颜翁魏孙邓曹侯杜薛温汤冯欧汤邹龚严韩袁陆钱伍谭骆熊顾万饶阙尹孔辜陶龙韦葛贺贾关裴樊乐邬',
);

/** A line that is only a person's name (陳君碩): a common surname and one or two more Han characters. */
export function isBareNameLine(line: string): boolean {
  const t = line.trim();
  return /^\p{Script=Han}{2,3}$/u.test(t) && SURNAMES.has(t[0]);
}

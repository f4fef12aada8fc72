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
  // 攝影記者 王書弘: a photographer, credited but no writer.
  if (/^(?:攝影|摄影)(?:記者|记者)/.test(t)) return null;
  const m = BYLINE.exec(t);
  if (m) return splitNames(m[2]);
  const bare = BARE_BYLINE.exec(t);
  if (bare) return splitNames(bare[1]);
  const desk = DESK_BYLINE.exec(t);
  if (desk) return splitNames(desk[1].replace(/\s+/g, '、'));
  const staff = STAFF_BYLINE.exec(t);
  if (staff) return staffNames(staff[1]);
  const placed = REPORTER_PLACE_LINE.exec(t);
  if (placed) return [placed[1]];
  const credits = parseCreditLine(t);
  if (credits) return credits.authors.length ? credits.authors : null;
  const reported = NAME_REPORTS.exec(t);
  if (reported && SURNAMES.has(reported[1][0])) return [reported[1]];
  const voice = BROADCASTER_NAME.exec(t);
  if (voice && SURNAMES.has(voice[1][0])) return [voice[1]];
  const en = t.length <= 100 ? BYLINE_EN.exec(t) : null;
  return en ? splitNames(en[1]) : null;
}

/** The reporters a staff byline lists (红星新闻记者 刘洋 实习记者 陈雨): titles are skipped, and names after an editor's title are the editor's. */
function staffNames(list: string): string[] {
  const out: string[] = [];
  for (const n of splitNames(list.replace(/\s+/g, '、'))) {
    if (/(?:编辑|編輯|责编|責編)$/.test(n)) break;
    if (!/(?:记者|記者|通讯员|通訊員)$/.test(n)) out.push(n);
  }
  return out;
}

/** 陳柏翰 報導, 陳柏翰 台北報導: a name, a space, where from and 報導. */
const NAME_REPORTS = /^(\p{Script=Han}{2,3})\s+\p{Script=Han}{0,6}?(?:綜合|即時|連線)?(?:報導|报道)$/u;
/** 美國之音 葉靜安, 自由亞洲電台 記者 X: a broadcaster's or paper's name, then the reporter's. */
const BROADCASTER_NAME = /^[^\s:：]{2,10}?(?:之音|之聲|之声|電台|电台|電視台|电视台|新聞|新闻|日報|日报|時報|时报|通訊社|通讯社)\s+(?:記者\s*|记者\s*)?(\p{Script=Han}{2,3})$/u;

const AUTHOR_ROLES = '文|撰文者|撰文|撰稿者|作者|报道|報導|記者|记者|採訪|采访|採寫|采写|撰稿|執筆|执笔|整理|編譯|编译|特派員|特派员|通訊員|通讯员';
const OTHER_ROLES =
  '攝影記者|摄影记者|攝影|摄影|攝|摄|圖片編輯|图片编辑|網編|网编|出品|策劃|策划|統籌|统筹|圖片|图片|圖|图|影像|視覺|视觉|設計|设计|插畫|插画|製圖|制图|剪輯|剪辑|責任編輯|责任编辑|責編|责编|編輯|编辑|核稿|校對|校对|審稿|审稿|監製|监制|製作|制作|美編|美编|視頻|视频|翻譯|翻译|主編|主编';
// A name is never the next credit's role (文｜黃思涵 攝影｜鄭宇翔) nor where the reporter writes from (發自香港).
const HAN_NAME = `(?!(?:${AUTHOR_ROLES}|${OTHER_ROLES})(?:\\s*[｜|／/:：,，]|\\s+)|發自|发自)[\\p{Script=Han}·]{2,4}`;
const HAN_NAMES = `${HAN_NAME}(?:\\s*[、,，\\s]\\s*${HAN_NAME}){0,3}`;
/** An outlet's or desk's name before a slash (民視新聞／王怡婷 台中報導). */
const DESK_BYLINE = new RegExp(`^\\S{2,10}?(?:新聞|新闻|報|报|社|網|网|台|臺|中心|電視|电视)\\s*[／/]\\s*(${HAN_NAMES})\\s+\\p{Script=Han}{0,8}?(?:綜合|即時|專題|連線)?(?:報導|报道)$`, 'u');
/** An outlet's reporter named with spaces (端傳媒記者 何嘉欣 發自香港, 澎湃新闻记者 周鸣, 新华社记者 王宁 刘欣). */
const STAFF_BYLINE = new RegExp(`^\\S{0,10}?(?:記者|记者|特派記者|特派记者|特約記者|特约记者|實習記者|实习记者|通訊員|通讯员)(?:\\s*[|｜:：]\\s*|\\s+)(${HAN_NAMES})(?:\\s+(?:(?:發自|发自|於|于)\\s*\\p{Script=Han}{1,6}|\\p{Script=Han}{0,6}(?:報導|报道)))?$`, 'u');

const CREDIT = new RegExp(`(${AUTHOR_ROLES}|${OTHER_ROLES})\\s*(?:[｜|／/:：,，]\\s*|\\s+)(${HAN_NAMES}|[A-Z][\\p{L}.'’-]+(?:\\s+[A-Z][\\p{L}.'’-]+){0,3})\\s*`, 'uy');
const AUTHOR_ROLE = new RegExp(`^(?:${AUTHOR_ROLES})$`);
const SOURCE_CREDIT = /^(?:出品|监制|監製|统筹|統籌|策划|策劃|制作|製作|封面来源|封面來源|题图来源|題圖來源|头图来源|頭圖來源|视觉|視覺)\s*[：:｜|/／]\s*[^。！？，,]{2,28}$/;

/** A credit line naming who produced the piece or where its picture is from (出品：X, 封面来源｜Y): never body text. */
export function isSourceCredit(line: string): boolean {
  return SOURCE_CREDIT.test(line.trim());
}

/** An outlet's credit for one role (界面新闻编辑 | 刘洋, 界面新闻记者 | 许晴). */
const DESK_CREDIT = new RegExp(`^[^\\s|｜:：]{2,10}?(${AUTHOR_ROLES}|${OTHER_ROLES})\\s*[|｜:：]\\s*(${HAN_NAMES})$`, 'u');

/**
 * A line made only of role-labelled credits (文｜黃思涵 攝影｜鄭宇翔, 撰文：梁綺雯, 文 / 叶佩玲,
 * 作者, 鄭子軒, 圖片編輯：金潔): the writers' names, and whether anyone else was credited. Null
 * when the line holds anything else. A bare 文 needs a separator (文 字 is not a credit).
 */
export function parseCreditLine(line: string): { authors: string[]; others: string[] } | null {
  // 出品：X研究院, 封面来源｜企业官方: a body or a source credited for the piece, no person.
  if (isSourceCredit(line)) return { authors: [], others: [] };
  // 記者 王郁文 攝影 陳冠宇 / 台北報導: where the report was filed closes the credits.
  const t = line
    .trim()
    .replace(/\s*[／/]\s*\p{Script=Han}{0,8}?(?:綜合|即時|連線)?(?:報導|报道)$/u, '')
    // 文：吳承翰（能源政策研究者）: a writer's description in brackets after the name.
    .replace(/(\p{Script=Han}{2,4})\s*[（(][^（）()]{1,20}[）)]/gu, '$1');
  if (t.length > 60) return null;
  const desk = DESK_CREDIT.exec(t);
  if (desk) return AUTHOR_ROLE.test(desk[1]) ? { authors: splitNames(desk[2].replace(/\s+/g, '、')), others: [] } : { authors: [], others: splitNames(desk[2].replace(/\s+/g, '、')) };
  const authors: string[] = [];
  const others: string[] = [];
  CREDIT.lastIndex = 0;
  let at = 0;
  while (at < t.length) {
    CREDIT.lastIndex = at;
    const m = CREDIT.exec(t);
    if (!m || (m[1] === '文' && !/[｜|／/:：]/.test(t.slice(at, at + m[0].length)))) return null;
    // 作者：本报记者 周雨桐 王博远: a staff title among the names is no name.
    const names = splitNames(m[2].replace(/\s+/g, '、')).filter((n) => !/(?:记者|記者|通讯员|通訊員|编辑|編輯|特派员|特派員)$/.test(n));
    (AUTHOR_ROLE.test(m[1]) ? authors : others).push(...names);
    at = CREDIT.lastIndex;
  }
  return authors.length || others.length ? { authors, others } : null;
}

const NAME_EN = "[A-Z][\\p{L}.'’-]+(?:\\s+(?:[A-Z][\\p{L}.'’-]+|de|van|von|da|bin|al-\\p{L}+)){0,3}";
const BYLINE_EN = new RegExp(`^By\\s+(${NAME_EN}(?:\\s*(?:,|and|&)\\s*${NAME_EN})*)\\s*(?:[,|·•–—-]\\s*[^.]{0,60})?$`, 'u');

/** Name／place報導 without a role word (Taiwanese papers: 陳君碩／台北報導). */
const BARE_BYLINE = /^((?:\p{Script=Han}{2,4})(?:\s*[、,，]\s*\p{Script=Han}{2,4})*)\s*[／/]\s*\p{Script=Han}{0,8}?(?:綜合|即時|專題|外電|連線)?(?:報導|报道)$/u;
/** A byline inside a longer line: 2019-03-18 23:59聯合報 記者陳嘉寧／桃園機場報導, 〔記者楊綿傑／台北報導〕. */
const BYLINE_INSIDE = /(?:記者|记者|特派記者|特約記者|實習記者)\s*((?:\p{Script=Han}{2,4})(?:\s*[、,，]\s*\p{Script=Han}{2,4})*)\s*[／/]\s*\p{Script=Han}{0,12}?(?:綜合|即時|專題|外電|連線)?(?:報導|报道|電)/u;

/** A labelled writer inside a longer line (發佈時間：2023-10-02 16:40 記者：吳佳穎). */
const ROLE_INSIDE = new RegExp(`(?:記者|记者|作者|撰文者?|撰稿者?|採訪|采访|文字|报道|報導)\\s*[:：｜|／/]\\s*(${HAN_NAMES})(?![\\p{Script=Han}])`, 'u');
/** 作者 陳怡如2024-06-05, 上下游記者 蔡宛庭: a role, a space, one name, then a figure or the end. */
const SPACED_INSIDE = /(?:作者|記者|记者)\s+(\p{Script=Han}{2,3})(?=\d|\s|$)/u;
/** 鉅亨網記者張品萱 台北: an outlet's reporter, then where the report is from, alone on a line. */
const REPORTER_PLACE_LINE = /^\p{Script=Han}{0,8}?(?:記者|记者)(\p{Script=Han}{2,3})\s+\p{Script=Han}{2,4}$/u;
/** SARAH MILNER2024年6月20日, Clara Tsang: a Latin-script name opening a date line, or standing alone. */
const LATIN_NAME_LINE = /^([A-Z][A-Za-z'’-]{1,15}(?:\s+[A-Z][A-Za-z'’-]{1,15}){1,2})(?=\s*\d|$)/;

/** WeChat's header: the 原创 (original) badge, then the writer, then the account (原创 苏禾 健康生活研究所). */
const ORIGINAL_BADGE = /^(?:原创|原創)\s+(\p{Script=Han}{2,4})(?=\s)/u;

const SYNDICATION_NOTE = /^(?:本文|此文)(?:来自|來自|转载自|轉載自|转自|轉自|原载|原載)/;

/** A syndication note closing an article (本文来自微信公众号：X，作者：Y): the writers it names, or null when the line is no such note. */
export function syndicationNoteWriters(text: string): string[] | null {
  return SYNDICATION_NOTE.test(text.trim()) ? (findBylineIn(text)?.authors ?? []) : null;
}

/** Author names from a byline inside a longer line (a date line, a paragraph's opening brackets), else null. */
export function findBylineIn(text: string): { authors: string[]; index: number; length: number } | null {
  const m = BYLINE_INSIDE.exec(text) ?? ROLE_INSIDE.exec(text) ?? ORIGINAL_BADGE.exec(text) ?? SPACED_INSIDE.exec(text) ?? REPORTER_PLACE_LINE.exec(text.trim()) ?? LATIN_NAME_LINE.exec(text.trim());
  if (!m) return null;
  // 攝影記者 X: a photographer; 香港文匯報記者 劉國權 攝: a photographer's credit under a picture, not a writer.
  if (/(?:攝影|摄影)$/.test(text.slice(Math.max(0, m.index - 2), m.index))) return null;
  if (/^\s*(?:攝|摄|拍攝|拍摄)(?!影)/.test(text.slice(m.index + m[0].length))) return null;
  // Han names listed with spaces are several; a Latin name keeps its spaces.
  const authors = /^[A-Za-z]/.test(m[1]) ? [m[1].trim()] : splitNames(m[1].replace(/\s+/g, '、'));
  return { authors, index: m.index, length: m[0].length };
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

const EDITORS = /(?:责任编辑|責任編輯|责编|責編|编辑|編輯|编审|編審|审核|審核)\s*[:：]\s*([\u4e00-\u9fff]{2,4})(?![\u4e00-\u9fff])/g;

/** Every name a page labels as an editor (编辑：X 责任编辑：Y): credited for the page, never its reporters. */
export function editorNames(text: string): string[] {
  return [...new Set([...text.matchAll(EDITORS)].map((m) => m[1]))];
}

const LABELLED = /来源|來源|出處|出处|编辑|編輯|责编|責編|校对|校對/;

/**
 * The writers an author field names, when a page fills it with a byline or credits
 * (記者 王郁文 攝影 陳冠宇 / 台北報導 → 王郁文); [] when it names only a source or editors
 * (本文来源：X 责任编辑：Y); null when it is a plain name or list, to be taken as it is.
 */
export function writersInAuthorField(s: string): string[] | null {
  const t = s.trim();
  const byline = parseBylineLine(t);
  if (byline) return byline;
  const credits = parseCreditLine(t);
  if (credits) return credits.authors;
  return LABELLED.test(t) ? [] : null;
}

/** Splits "王小明、李大華" or "A, B and C" into names. */
export function splitNames(s: string): string[] {
  return s
    .split(/\s*(?:[、,，;；]|\band\b|與|和)\s*/)
    .map((n) => n.trim())
    // 程斯远 上海报道: where the reporter writes from is no name.
    .filter((n) => n.length > 0 && n.length <= 40 && !/^\p{Script=Han}{2,6}(?:报道|報道|報導|报导)$/u.test(n));
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

/**
 * Line classification for text documents: each non-empty line gets one kind from its own
 * shape (length, punctuation, known furniture forms). Parsers reason over these kinds.
 */
import { parseBylineLine, parseCreditLine } from '../clean/credits.ts';
import { parseDatelineLine } from '../clean/dateline.ts';
import { findDateInText, stripFirstDate } from '../clean/dates.ts';
import { isCaptionLine, isFurnitureMarker, isMenuLine } from '../clean/furniture.ts';

/** What one line of a text dump looks like: prose, a short line, or a kind of furniture/credit. */
export type LineKind = 'para' | 'short' | 'caption' | 'marker' | 'menu' | 'byline' | 'dateline' | 'date';

export interface Line {
  text: string;
  /** 0-based line number in the document. */
  n: number;
  kind: LineKind;
}


/** Classifies every non-empty line of a text document. */
export function classifyLines(text: string): Line[] {
  const out: Line[] = [];
  const raw = text.split('\n');
  for (let n = 0; n < raw.length; n++) {
    const t = raw[n].trim();
    if (t) out.push({ text: t, n, kind: classifyLine(t) });
  }
  return out;
}

/** The kind of one trimmed, non-empty line. */
export function classifyLine(t: string): LineKind {
  if (parseDatelineLine(t)) return 'dateline';
  if (parseBylineLine(t) || parseCreditLine(t)) return 'byline';
  if (isDateLine(t)) return 'date';
  if (isCaptionLine(t)) return 'caption';
  if (isMenuLine(t)) return 'menu';
  if (isFurnitureMarker(t)) return 'marker';
  if (isParagraphLine(t)) return 'para';
  return 'short';
}

/** A line that is mostly a date (2025-08-23, date 2025-08-23 快訊, 2025年08月21日 14:05). */
export function isDateLine(t: string): boolean {
  if (t.length > 48 || !findDateInText(t, null)) return false;
  const rest = stripFirstDate(t).replace(/[\s|｜:：,，()（）\-–/]/g, '');
  return rest.length <= 12;
}

/** Prose: long enough and punctuated like sentences (Chinese or Latin-script). */
export function isParagraphLine(t: string): boolean {
  const han = t.match(/\p{Script=Han}/gu)?.length ?? 0;
  if (han >= 12 && t.length >= 28) {
    if (/。/.test(t) || /[！？!?」』”…]$/.test(t)) return true;
    if (t.length >= 50 && (t.match(/[，、,；;！？]/g)?.length ?? 0) >= 2) return true;
  }
  const words = t.split(/\s+/).filter((w) => /[A-Za-z]{2,}/.test(w)).length;
  return words >= 14 && /[.,;!?]/.test(t);
}

/** A headline candidate: one line, 4–100 characters, not ending like a sentence, not a widget, time or meta line. */
export function isTitleLike(line: Line): boolean {
  if (line.kind !== 'short' && line.kind !== 'para') return false;
  const t = line.text;
  if (t.length < 4 || t.length > 100) return false;
  if (/[。：:，,]$/.test(t)) return false;
  if (line.kind === 'para' && (t.match(/[。]/g)?.length ?? 0) >= 1) return false;
  if (isWidgetLine(t) || isMetaLine(t) || isTeaserLine(t) || isFieldLine(t)) return false;
  // A credit with no person (工商時報 綜合報導) and a byline with a relative time (黄思齐 ·3小时前) are no headlines.
  if (t.length <= 16 && /(?:報導|报道|報道|报导)$/.test(t)) return false;
  if (/\d+\s*(?:分钟|分鐘|小时|小時|天)前/.test(t) && t.length <= 30) return false;
  // A bulleted line is an item of a list (a summary's points, a related link), not a headline.
  if (/^[•●・▪■◆◇►▶▸‣∙·]\s*/.test(t)) return false;
  // Two or three capitalised Latin words alone are a writer's name (Clara Tsang), not a headline.
  if (/^[A-Z][A-Za-z'’-]{1,15}(?:\s+[A-Z][A-Za-z'’-]{1,15}){1,2}$/.test(t)) return false;
  // A row of five or more short words is a menu (时政 国际 财经 地方 科技 …), not a headline.
  const words = t.split(/[\s\u3000]+/);
  if (words.length >= 5 && words.every((w) => [...w].length <= 3)) return false;
  return true;
}

const FIELD_LABEL = /^(?:出品|策劃|策划|監製|监制|統籌|统筹|責編|责编|撰文|攝影|摄影|作者|職務|职务|職位|职位|職稱|职称|報道地點|报道地点|報導地點|报导地点|地點|地点|來源|来源|出處|出处|時間|时间|日期|分類|分类|欄目|栏目|標籤|标签)\s*[,，:：｜|／/]\s*\S/;

/** A page's labelled field (報道地點, 悉尼 / 職務, BBC中文記者 / 來源：新華社): a value, never a headline. */
export function isFieldLine(t: string): boolean {
  return t.length <= 40 && FIELD_LABEL.test(t);
}

/**
 * Words a page's controls and counters print (小 中 大 font sizes, 分享至…, 59625, 字級): no
 * headline is made only of one-character words or digits, or starts with a share/print verb.
 */
export function isWidgetLine(t: string): boolean {
  if (/\s[>›»]\s|[>›»]{2}/.test(t)) return true; // breadcrumb: 首頁 > 生活
  const words = t.split(/[\s\u3000|｜]+/).filter(Boolean);
  if (words.length >= 2 && words.every((w) => [...w].length <= 1)) return true;
  // Counters: 跟贴 326 参与 1.2万, 閱讀 3,482 (half the words or more are numbers).
  if (words.length >= 2 && words.length <= 8 && words.filter((w) => /^[\d.,]+[萬万千kKwW+]?$/.test(w)).length * 2 >= words.length) return true;
  const letters = t.match(/[\p{L}]/gu)?.length ?? 0;
  if (letters < 2) return true;
  if ((t.match(/\p{Script=Han}/gu)?.length ?? 0) < 4 && !/[A-Za-z]{3,}/.test(t)) return true;
  // A control's word opening a headline is a noun there (關注組調查：…): a control's line is short or breaks after it.
  const control = CONTROL_START.exec(t);
  if (control && (t.length <= 20 || /^[\s:：|｜>›»\p{P}A-Za-z]/u.test(t.slice(control[0].length)))) return true;
  // A row of share targets (Facebook WhatsApp Telegram 复制链接).
  return words.length >= 2 && words.every((w) => SHARE_TARGET.test(w));
}

/** A share bar's line (分享到：微博 微信 打印, Share): sits between a standfirst and the body without ending it. */
export function isShareBar(t: string): boolean {
  return /^(?:分享到|分享至|分享|share)(?:\s*[:：]|\s|$)/i.test(t);
}

const SHARE_TARGET = /^(?:Facebook|WhatsApp|Telegram|Twitter|X|LINE|Line|Threads|Instagram|IG|YouTube|Email|E-mail|微博|微信|WeChat|Weibo|QQ|電郵|电邮|複製連結|复制链接|複製鏈接|列印|打印|分享)$/i;

const CONTROLS =
  '點我|按我|點此|点此|點擊|点击|下載|下载|分享|分享至|分享到|用微信|掃碼|扫码|扫一扫|掃一掃|列印|打印|字級|字级|字号|字號|字体|字體|收藏|轉寄|转发|檢舉|举报|舉報|訂閱|订阅|登入|登录|註冊|注册|加入|追蹤|关注|關注|播放|播报|播報|展開|展开|收起|返回|上一[篇页頁]|下一[篇页頁]|原标题|原標題|责任编辑|責任編輯|编辑|編輯|来源|來源|出處|讨论|討論|评论|評論|回复|回覆|永久鏈接|永久链接|短網址|短网址|Permalink';
// Longest first, so a control word is read whole (分享到, not 分享 then 到).
const CONTROL_START = new RegExp(`^(?:${CONTROLS.split('|').sort((a, b) => b.length - a.length).join('|')})`);
const CONTROL_LABEL = new RegExp(`^(?:${CONTROLS})$`);

/** A button's label standing alone on its line (编辑, 播报, 分享): too short for isWidgetLine's word tests, never a sub-heading. */
export function isControlLabel(t: string): boolean {
  return CONTROL_LABEL.test(t);
}

/** A line giving the publication time with labels around it (发稿时间：2024-05-20 13:15 来源：…, 2019-03-18 23:59聯合報 記者…). */
export function isMetaLine(t: string): boolean {
  // 黄思齐 ·3小时前 原创: a time given relative to now (the page's date is in its markup).
  if (t.length <= 30 && /\d+\s*(?:分钟|分鐘|小时|小時)前|刚刚|剛剛/.test(t) && !/[。！？]/.test(t)) return true;
  if (t.length > 100 || !findDateInText(t, null)) return false;
  if (/[。！？]$/.test(t) && t.length > 40) return false;
  const rest = stripFirstDate(t).replace(/[\s|｜:：,，()（）\-–/]/g, '');
  return rest.length <= 60 && !/[。]/.test(rest);
}

/** A related-list teaser: text cut short (…, ...) or ending in a read-more link (【详细】, 詳全文). */
export function isTeaserLine(t: string): boolean {
  return /(?:\.\.\.|…|【详细】|\[详细\]|【詳細】|详细>>|閱讀全文|阅读全文|詳全文|看全文|更多>+)\s*$/.test(t);
}

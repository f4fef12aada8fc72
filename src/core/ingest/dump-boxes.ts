/**
 * Boxes inside and after a page dump's article: skip-linked boxes, short related boxes the story
 * resumes after, promotions above call-to-action links, and the related headlines listed after the body.
 */
import type { RelatedLink } from '../article.ts';
import { normalizeText } from '../text/normalize.ts';
import { isTeaserLine, isTitleLike, isWidgetLine, type Line } from './text-lines.ts';

const SKIP_LINK = /^(?:跳過|跳过)\s*(.{1,12}?)\s*(?:並|并)?(?:繼續閱讀|继续阅读)$|^Skip\s+(.{1,30}?)\s+and continue reading$/i;
const SKIP_REACH = 15;

/** The last line of the box a skip link at `i` jumps over (its "<label> 結束" / "End of <label>" line); -1 when `i` is no skip link. */
export function afterSkipLink(lines: Line[], i: number): number {
  const m = SKIP_LINK.exec(lines[i].text);
  if (!m) return -1;
  const label = (m[1] ?? m[2]).replace(/\s+/g, '');
  for (let j = i + 1; j <= i + SKIP_REACH && j < lines.length; j++) {
    const t = lines[j].text.replace(/\s+/g, '');
    if (t === `${label}結束` || t === `${label}结束` || t.toLowerCase() === `endof${label.toLowerCase()}`) return j;
  }
  return -1;
}

const RELATED_BOX_LINKS = 3;
const NUMBERED_HEADING = /^(?:[一二三四五六七八九十]{1,3}|\d{1,2})[、.．]\s*\S/;

/**
 * Where the article resumes after a related-news marker at `i` that heads a few headline lines and
 * is followed by a whole paragraph of prose; -1 when the marker ends the article (a closing list,
 * or any other kind of block: comments, copyright).
 */
export function afterRelatedBox(lines: Line[], i: number): number {
  if (!RELATED_MARKER.test(lines[i].text.replace(/^[※#＃•·\s【〔[]+/, ''))) return -1;
  for (let j = i + 1; j <= i + 1 + RELATED_BOX_LINKS && j < lines.length; j++) {
    const l = lines[j];
    if (l.kind === 'para') {
      if (j - i < 2 || l.text.length < 40 || isTeaserLine(l.text)) return -1;
      // The article resumes at its own numbered sub-heading (二、…) when one sits right above.
      return NUMBERED_HEADING.test(lines[j - 1].text) && j - 1 > i + 1 ? j - 1 : j;
    }
    if (l.kind !== 'short' && l.kind !== 'caption') return -1;
  }
  return -1;
}

/** A call to action: tap, download, join, follow or subscribe (點我下載APP, 加入LINE好友). */
const CALL_TO_ACTION = /^(?:點我|按我|點此|点此|點擊|点击|下載|下载|加入|追蹤|追踪|关注|關注|訂閱|订阅)/;

/**
 * An in-body promotion: a short unpunctuated line right above a call-to-action link line
 * (不用抽 不用搶 現在用APP看新聞 / 點我下載APP) is that link's label, not a sub-heading.
 */
export function isPromoLabel(l: Line, next: Line | undefined): boolean {
  return l.kind === 'short' && !/[。，,！？!?；;：:]/.test(l.text) && !!next && next.kind !== 'para' && CALL_TO_ACTION.test(next.text.trim()) && isWidgetLine(next.text);
}

const RELATED_MARKER = /^(?:延伸閱讀|延伸阅读|相關新聞|相关新闻|相關文章|相关文章|相關閱讀|相关阅读|相關報導|相关报道|相關內容|相关内容|推薦閱讀|推荐阅读|Related)(?:[】〕\]]|[:：\s]|$)/i;
const MAX_RELATED = 20;

/**
 * Headlines listed under related-news markers after the body (延伸閱讀, 相關新聞 …), kept as
 * related links without URLs (a text dump has none); teasers and the article's own title are skipped.
 */
export function collectRelatedTitles(lines: Line[], end: number, title: string): RelatedLink[] {
  const out: RelatedLink[] = [];
  const key = normalizeText(title);
  let inside = false;
  for (let i = end; i < lines.length && out.length < MAX_RELATED; i++) {
    const l = lines[i];
    if (l.kind === 'marker' || l.kind === 'menu') {
      inside = RELATED_MARKER.test(l.text.replace(/^[※#＃•·\s]+/, ''));
      continue;
    }
    if (!inside || !isTitleLike(l) || l.text.length > 60 || /(?:\.\.\.|…)$/.test(l.text) || /。/.test(l.text)) continue;
    const t = normalizeText(l.text);
    if (t === key || out.some((r) => normalizeText(r.title) === t)) continue;
    out.push({ title: l.text, url: null, time: null });
  }
  return out;
}


const APPEAL_BUTTON = /^(?:立即|馬上|马上|立刻|現在|现在|我要)?(?:贊助|赞助|捐款|捐助|小額捐款|訂閱|订阅|支持|加入會員|加入会员|成為會員|成为会员)\S{0,4}$/;
const APPEAL_WORDS = /捐款|贊助|赞助|訂閱|订阅|會員|会员|訂戶|订户|支持我們|支持我们/;

/**
 * An appeal box inside a body (用行動支持深度報導 / 我們仰賴讀者的小額捐款… / 立即贊助): its button
 * line, the appeal just above it and the box's short heading go. Lines are returned without them.
 */
export function dropAppealBoxes(picked: Line[]): Line[] {
  const out = [...picked];
  for (let k = out.length - 1; k >= 0; k--) {
    if (out[k].kind === 'para' || out[k].text.length > 10 || !APPEAL_BUTTON.test(out[k].text)) continue;
    let from = k;
    if (k >= 1 && out[k - 1].text.length <= 150 && APPEAL_WORDS.test(out[k - 1].text)) {
      from = k - 1;
      if (k >= 2 && out[k - 2].kind !== 'para' && out[k - 2].text.length <= 20) from = k - 2;
    }
    out.splice(from, k - from + 1);
    k = from;
  }
  return out;
}

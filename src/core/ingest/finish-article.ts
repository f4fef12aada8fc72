/**
 * The last step every parser shares: credits, trailer codes and captions out of the paragraphs,
 * the wire dateline (in the opening paragraph or standing alone) and bylines near the top read
 * into fields, languages labelled.
 */
import type { NormalizedArticle } from '../article.ts';
import { extractCreditNotes, findBylineIn, parseBylineLine, parseCreditLine, stripTrailerCode, syndicationNoteWriters } from '../clean/credits.ts';
import { isOrganisationName } from '../clean/outlets.ts';
import { parseDatelineLine, parseOpeningDateline, parseParagraphDateline } from '../clean/dateline.ts';
import { isCaptionLine, isClosingPromo } from '../clean/furniture.ts';
import { labelLanguages } from '../clean/language.ts';
import { isMetaLine } from './text-lines.ts';

/** Editorial trailer lines: 原标题：…, 责任编辑：… (the editor is not an author). */
const EDITOR_LINE = /^(?:原标题|原標題|(?:图片|圖片|视频|視頻|美术|美術)?(?:责任编辑|責任編輯|编辑|編輯)|校对|校對|审核|審核)\s*[:：]/;
const PULL_QUOTE_SCAN = 400;
const BRACKET_WRITER = /(?:记者|記者|作者|撰稿人?)\s*[:：]?\s*(\p{Script=Han}{2,4})\s*[〕】\]］)）]$/u;
const OPENING_BYLINE = /^\s*[〔【\[［(（][^〕】\]］)）]{3,40}[〕】\]］)）]/;

/** What a parser hands over: the article with raw paragraph strings, languages not yet labelled. */
export type DraftArticle = Omit<NormalizedArticle, 'paragraphs' | 'languages'> & {
  paragraphs: string[];
  /** The editors the page names (编辑：X, 责任编辑：Y): a reporter's byline in the body replaces authors who are only editors. */
  editors?: string[];
};

/** Cleans a parser's draft into the normalized article (pure; the draft is not modified). */
export function finishArticle(draft: DraftArticle): NormalizedArticle {
  const translators = [...draft.translators];
  let { dateline, agency } = draft;
  const authors = [...draft.authors];
  const texts: string[] = [];
  draft.paragraphs.forEach((raw, i) => {
    const credits = extractCreditNotes(stripTrailerCode(raw));
    translators.push(...credits.translators);
    const text = stripTrailerCode(credits.text);
    if (!text) return;
    if (text.length <= 160 && isCaptionLine(text)) return;
    if (text.length <= 80 && EDITOR_LINE.test(text)) return;
    // A line of role-labelled credits opening the body (文｜X 攝影｜Y): its writers are authors, the line is no paragraph.
    // …and closing it (记者：宋晓岚 责编：陈宇 at the foot of the story).
    const closing = i >= draft.paragraphs.length - 2 && i >= 3;
    const creditLine = (i < 3 || closing) && text.length <= 60 ? parseCreditLine(text) : null;
    if (creditLine) {
      authors.push(...creditLine.authors);
      return;
    }
    // A staff byline closing the story (新京报记者 杜思雨), or a syndication note naming the writer
    // (本文来自微信公众号：X，作者：Y): the writer is read, the line is no paragraph.
    const closingByline = closing && text.length <= 40 ? parseBylineLine(text) : null;
    if (closingByline) {
      authors.push(...closingByline);
      return;
    }
    const noted = closing && text.length <= 120 ? syndicationNoteWriters(text) : null;
    if (noted) {
      authors.push(...noted);
      return;
    }
    // A date line near the top (Published 2018年4月9日, 发布时间：…) is metadata, not body.
    if (i < 5 && text.length <= 60 && !/[。！？.!?]$/.test(text) && isMetaLine(text)) return;
    if (i < 3 && !dateline) {
      const found = parseParagraphDateline(text);
      if (found) {
        dateline = found.dateline;
        agency ??= found.agency;
        authors.push(...found.authors);
        if (found.length >= text.length) return;
      }
      // 新华社雅加达9月7日电（记者王宁、刘欣）…: read, and the paragraph keeps it.
      const opening = parseOpeningDateline(text);
      if (opening) {
        if (opening.dateline.place && opening.dateline.day) dateline = opening.dateline;
        agency ??= opening.agency || null;
        authors.push(...opening.authors);
      }
      // A dateline or byline standing as its own paragraph (udn/ETtoday HTML, feed items).
      const line = text.length <= 40 ? parseDatelineLine(text) : null;
      if (line) {
        dateline = line.dateline;
        agency ??= line.agency;
        authors.push(...line.authors);
        return;
      }
    }
    if (i < 3 && text.length <= 60) {
      const byline = parseBylineLine(text);
      if (byline) {
        authors.push(...byline);
        return;
      }
    }
    if (i < 3) {
      // 〔記者楊綿傑／台北報導〕衛福部… : a bracketed byline opening the first paragraph.
      const opening = OPENING_BYLINE.exec(text);
      const found = opening ? findBylineIn(opening[0]) : null;
      if (found) {
        authors.push(...found.authors);
        const rest = text.slice(opening![0].length).trim();
        if (rest) texts.push(rest);
        return;
      }
      // 【环球网报道 记者 赵一鸣】, 【文/观察者网专栏作者 周启明】: the writer is read, the words stay.
      const named = opening ? BRACKET_WRITER.exec(opening[0]) : null;
      if (named) authors.push(named[1]);
    }
    texts.push(text);
  });
  // The markup or the page's fallback credited an editor (meta author = 责任编辑), the body names the reporter: the reporter wins.
  const fromBody = authors.slice(draft.authors.length);
  const editors = draft.editors ?? [];
  if (fromBody.length && draft.authors.length && draft.authors.every((a) => editors.includes(a))) authors.splice(0, draft.authors.length);
  // A pull quote repeats a sentence of the body in large type: a short paragraph found inside another one goes.
  // (Articles only: a page of thousands of paragraphs is not searched pairwise.)
  if (texts.length <= PULL_QUOTE_SCAN) {
    for (let k = texts.length - 1; k >= 0; k--) {
      const t = texts[k];
      if (t.length >= 12 && t.length <= 100 && texts.some((o, j) => j !== k && o.length > t.length + 10 && o.includes(t))) texts.splice(k, 1);
    }
  }
  // Trailing promotions and contact lines (加入…LINE好友, 报料：021-…) close many outlets' bodies.
  while (texts.length > 1 && isClosingPromo(texts[texts.length - 1])) texts.pop();
  const { paragraphs, languages } = labelLanguages(texts);
  const outlets = [draft.outlet, agency].filter((x): x is string => !!x);
  const { editors: _editors, ...rest } = draft;
  return {
    ...rest,
    agency,
    dateline,
    authors: unique(authors).filter((a) => !isOrganisationName(a, outlets)),
    translators: unique(translators),
    paragraphs,
    languages,
  };
}

function unique(xs: string[]): string[] {
  return [...new Set(xs.map((x) => x.trim()).filter(Boolean))];
}

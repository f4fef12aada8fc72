/**
 * Whole web pages saved as text (udn, ETtoday…): the article is found by structure alone.
 * An anchor (byline or wire dateline followed by prose), or else the richest run of prose,
 * fixes the body start; the headline is the nearest headline-shaped line above it; the body
 * ends at the first furniture marker, menu or tag line. Captions, bylines and dates inside are dropped.
 */
import { IngestError, type NormalizedArticle } from '../article.ts';
import { editorName, editorNames, findBylineIn, syndicationNoteWriters, isBareNameLine, parseBylineLine } from '../clean/credits.ts';
import { parseDatelineLine } from '../clean/dateline.ts';
import { findDateInText, isUpdateLine } from '../clean/dates.ts';
import { isInterruption, parseTagLine } from '../clean/furniture.ts';
import { detectOutletFromText, isOrganisationName, outletFromCopyright, outletOffset, wireOffset } from '../clean/outlets.ts';
import { normalizeText } from '../text/normalize.ts';
import { afterRelatedBox, afterSkipLink, collectRelatedTitles, dropAppealBoxes, isPromoLabel } from './dump-boxes.ts';
import { dayOfToday, findPageDate, findPageUrl, labelledDate } from './dump-dates.ts';
import { finishArticle } from './finish-article.ts';
import { classifyLines, isShareBar, isControlLabel, isMetaLine, isWidgetLine, isParagraphLine, isTeaserLine, isTitleLike, type Line } from './text-lines.ts';

const ANCHOR_REACH = 6;

/** Parses a page dump into a normalized article; throws IngestError when no article body is found. */
export function parsePageDump(text: string, name: string): NormalizedArticle {
  const lines = classifyLines(text);
  const anchor = anchorOutweighed(lines, findAnchor(lines));
  const header = anchor >= 0 ? null : outweighed(findHeader(lines), lines);
  let start = anchor >= 0 ? anchor + 1 : header ? header.start : findRichestProse(lines).start;
  // No prose at all (a table of contents, a list page): the richest run of content lines is the body.
  const list = start < 0 ? findRichestList(lines) : null;
  let listTitle = -1;
  if (list) {
    // Its heading: the first headline-shaped line of ten characters or more in the run.
    for (let i = list.start; i < list.end && listTitle < 0; i++) if (lines[i].text.length >= 10 && isTitleLike(lines[i])) listTitle = i;
    start = listTitle >= 0 ? listTitle + 1 : list.start;
    list.start = start;
  }
  if (start < 0) throw new IngestError(name, 'no article body found (no paragraphs of prose)');
  const titleAt = header ? header.title : listTitle >= 0 ? listTitle : findTitle(lines, anchor >= 0 ? anchor : start);
  if (titleAt < 0) throw new IngestError(name, 'no headline found above the article body');
  const title = lines[titleAt].text;

  const { paragraphs, end, tags } = list
    ? { paragraphs: lines.slice(list.start, list.end).filter((l) => l.kind === 'short').map((l) => l.text), end: list.end, tags: [] }
    : collectBody(lines, start, title);
  if (paragraphs.length === 0) throw new IngestError(name, 'no article body found after the headline');

  const outlet = detectOutletFromText(text) ?? outletFromCopyright(text);
  const zone = outletOffset(outlet) ?? wireOffset(paragraphs[0] ?? '') ?? (isChinese(paragraphs) ? DEFAULT_ZONE : null);
  const headerDate = header && !isUpdateLine(lines[header.meta].text) ? findDateInText(lines[header.meta].text, zone) : null;
  const date = labelledDate(lines, titleAt, zone) ?? headerDate ?? findPageDate(lines, titleAt, end, zone) ?? dayOfToday(paragraphs, lines, findPageUrl(lines, end));
  let agency: string | null = null;
  let dateline = null;
  let authors: string[] = [];
  // Bylines sit between the headline and the first paragraph (the body may start on one).
  let firstPara = start;
  while (firstPara < lines.length && lines[firstPara].kind !== 'para') firstPara++;
  for (const l of lines.slice(titleAt + 1, firstPara)) {
    const dl = l.kind === 'dateline' ? parseDatelineLine(l.text) : null;
    if (dl) ({ agency, dateline, authors } = { agency: dl.agency, dateline: dl.dateline, authors: dl.authors });
    const by = l.kind === 'byline' ? parseBylineLine(l.text) : l.text.length <= 100 ? (findBylineIn(l.text)?.authors ?? null) : null;
    const people = by?.filter((a) => !isOrganisationName(a)) ?? [];
    if (people.length) authors = people;
  }
  // A name standing alone under the headline (陳君碩 over 中國時報), or opening its date line
  // (周文 2023-06-20 09:10 觀看數 3,482), is the byline when nothing else is.
  if (authors.length === 0) {
    for (const l of lines.slice(titleAt + 1, Math.min(firstPara, titleAt + 5))) {
      const name = l.kind === 'short' ? l.text : l.text.length <= 60 && isMetaLine(l.text) ? (/^(\S{2,3})\s+\d/.exec(l.text)?.[1] ?? '') : '';
      if (isBareNameLine(name) && !isControlLabel(name)) {
        authors = [name];
        break;
      }
    }
  }
  // Else the credits closing the article (作者：X at the foot of the story).
  if (authors.length === 0 && lines[end]?.kind === 'byline') authors = parseBylineLine(lines[end].text)?.filter((a) => !isOrganisationName(a)) ?? [];
  // Else a syndication note just after the body (本文来自微信公众号：X，作者：Y).
  if (authors.length === 0) {
    for (const l of lines.slice(end, end + 3)) authors = syndicationNoteWriters(l.text) ?? authors;
  }
  // Else the editor in charge the page credits (责任编辑：X), as for HTML.
  if (authors.length === 0) {
    const editor = editorName(text);
    if (editor && !isOrganisationName(editor)) authors = [editor];
  }

  return finishArticle({
    shape: 'page-dump',
    title,
    url: findPageUrl(lines, end),
    outlet,
    agency,
    authors,
    editors: editorNames(text),
    translators: [],
    published_at: date?.iso ?? null,
    published_precision: date?.precision ?? null,
    dateline,
    paragraphs,
    tags,
    related: collectRelatedTitles(lines, end, title),
  });
}


/** Times printed without a zone on Chinese-language news pages (Taiwan, mainland, Hong Kong: all UTC+8). */
const DEFAULT_ZONE = '+08:00';

function isChinese(paragraphs: string[]): boolean {
  const sample = paragraphs.join('').slice(0, 2000);
  const han = sample.match(/\p{Script=Han}/gu)?.length ?? 0;
  return han > sample.length * 0.3;
}

const HEADER_REACH = 4;
const MAX_HEADERS = 40;
const BODY_REACH = 16;

/**
 * The article header by structure: a headline-shaped line followed within a few lines by its
 * date line (发稿时间：…, 2019-03-18 23:59 聯合報 記者…), then prose within a few more (share
 * bars and counters between are skipped). Among several, the one whose body holds the most
 * whole (non-teaser) prose wins, so related lists of title + date + teaser lose.
 */
type Header = { title: number; meta: number; start: number; score: number };

function findHeader(lines: Line[]): Header | null {
  let best: Header | null = null;
  // Each candidate's body is read to score it: a page of thousands of dated lines (hostile, or a
  // long list) is judged on its first few dozen, so parsing stays linear in the page.
  let scored = 0;
  for (let j = 1; j < lines.length && scored < MAX_HEADERS; j++) {
    if (lines[j].kind !== 'date' && !isMetaLine(lines[j].text)) continue;
    // The headline is the nearest headline-shaped line above the date line.
    let title = -1;
    for (let i = j - 1; i >= 0 && i >= j - HEADER_REACH; i--) {
      if (isTitleLike(lines[i])) {
        title = i;
        break;
      }
      // A standfirst printed between the headline and its date line (DW, magazines) is stepped over.
      if (lines[i].kind === 'para' && i === j - 1 && i > 0 && lines[i].text.length <= 200 && isTitleLike(lines[i - 1])) continue;
      if (lines[i].kind === 'para' || lines[i].kind === 'marker') break;
    }
    if (title < 0) continue;
    // A short unpunctuated line over the date line is the account or source that wrote it (医路同行,
    // 都市健康报): the headline is the longer headline-shaped line right above it.
    if (headlineOverSource(lines, title) !== title) title--;
    // An author card (name, then a one-line bio) between headline and date line: the headline is above it.
    else if (title >= 2 && isBareNameLine(lines[title - 1].text) && isTitleLike(lines[title - 2]) && lines[title - 2].text.length > lines[title].text.length) title -= 2;
    let start = -1;
    for (let k = j + 1; k <= j + BODY_REACH && k < lines.length; k++) {
      const l = lines[k];
      if (l.kind === 'para') {
        start = k;
        break;
      }
      if ((l.kind === 'marker' && !isWidgetLine(l.text)) || l.kind === 'menu') break;
    }
    if (start < 0) continue;
    scored++;
    const score = proseScore(collectBody(lines, start, lines[title].text).paragraphs);
    if (score > 0 && (!best || score > best.score)) best = { title, meta: j, start, score };
  }
  return best;
}

/** A name-sized line with no punctuation or spaces (an account, a paper, a person). */
function isSourceName(t: string): boolean {
  return t.length <= 8 && !/[\s，。、：:！？!?「」“”]/.test(t);
}

/** The headline for a headline-shaped line at `i`: the longer headline right above it when `i` is only a source's name (医路同行). */
function headlineOverSource(lines: Line[], i: number): number {
  return isSourceName(lines[i].text) && i > 0 && isTitleLike(lines[i - 1]) && lines[i - 1].text.length >= 2 * lines[i].text.length ? i - 1 : i;
}

/** Characters of whole prose in a body: teasers (cut short, read-more links) count for nothing. */
function proseScore(paragraphs: string[]): number {
  return paragraphs.reduce((n, p) => (isTeaserLine(p) || !isParagraphLine(p) ? n : n + p.length), 0);
}

/** A byline followed by no prose, or by a small part of the page's prose (the credits closing a long article), anchors nothing. */
function anchorOutweighed(lines: Line[], anchor: number): number {
  if (anchor < 0) return anchor;
  const richest = findRichestProse(lines);
  const score = proseScore(collectBody(lines, anchor + 1, '').paragraphs);
  if (score === 0) return -1;
  return richest.score > 2 * score && richest.start < anchor ? -1 : anchor;
}

/** The first byline/dateline line that has prose within a few lines after it. */
function findAnchor(lines: Line[]): number {
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].kind !== 'byline' && lines[i].kind !== 'dateline') continue;
    const next = lines.slice(i + 1, i + 1 + ANCHOR_REACH);
    if (next.some((l) => l.kind === 'para')) return i;
  }
  return -1;
}

/** Start of the run of lines (broken by markers and menus) holding the most prose characters. */
function findRichestProse(lines: Line[]): { start: number; score: number } {
  let best = -1;
  let bestScore = 0;
  let runStart = -1;
  let score = 0;
  const close = () => {
    if (runStart >= 0 && score > bestScore) {
      best = runStart;
      bestScore = score;
    }
    runStart = -1;
    score = 0;
  };
  // Runs break where the body would end: at furniture, or at a long run of short lines.
  let shorts = 0;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (l.kind === 'marker' || l.kind === 'menu') {
      close();
      continue;
    }
    if (l.kind === 'para') {
      if (runStart < 0) runStart = i;
      score += l.text.length;
      shorts = 0;
    } else if (++shorts >= LONG_SHORT_RUN) close();
  }
  close();
  return { start: best, score: bestScore };
}

/**
 * A dated heading whose body is a small part of the page's prose (a dated section or caption deep in
 * an encyclopedia entry) is not the article's header: the richest run of prose is read instead.
 */
function outweighed(header: Header | null, lines: Line[]): Header | null {
  if (!header) return null;
  const richest = findRichestProse(lines);
  return richest.score > 2 * header.score && richest.start < header.title ? null : header;
}

/** A list line worth keeping: some words, not a lone menu label (首页, English). */
function isListLine(l: Line): boolean {
  return l.kind === 'short' && l.text.length >= 6;
}

/** The run of lines (broken by markers, menus and dates) holding the most characters in list lines. */
function findRichestList(lines: Line[]): { start: number; end: number } | null {
  let best: { start: number; end: number; score: number } | null = null;
  let runStart = -1;
  let score = 0;
  const close = (end: number) => {
    if (runStart >= 0 && score > (best?.score ?? 0)) best = { start: runStart, end, score };
    runStart = -1;
    score = 0;
  };
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (l.kind === 'marker' || l.kind === 'menu' || l.kind === 'date') {
      close(i);
      continue;
    }
    if (isListLine(l)) {
      if (runStart < 0) runStart = i;
      score += l.text.length;
    }
  }
  close(lines.length);
  return best && (best as { score: number }).score >= 200 ? { start: (best as { start: number }).start, end: (best as { end: number }).end } : null;
}

/** The nearest headline-shaped line above `from`, skipping captions, dates, credits and one standfirst. */
function findTitle(lines: Line[], from: number): number {
  let standfirst = false;
  for (let i = from - 1; i >= 0; i--) {
    const l = lines[i];
    if (l.kind === 'caption' || l.kind === 'date' || l.kind === 'byline' || l.kind === 'dateline' || (l.kind === 'short' && isMetaLine(l.text))) continue;
    // A share bar (分享到：微信 微博) between the header and the body is a widget, not a block.
    if ((l.kind === 'marker' && !isWidgetLine(l.text)) || l.kind === 'menu') break;
    // A one-sentence standfirst between the headline (and its date line) and the byline (端傳媒, magazines).
    const above = i > 1 && isMetaLine(lines[i - 1].text) ? i - 2 : i - 1;
    // A standfirst is sentences; a line without a full stop there is the headline itself.
    if (l.kind === 'para' && !standfirst && l.text.length <= STANDFIRST_MAX && /[。！？]$/.test(l.text) && i >= from - 2 && above >= 0 && isTitleLike(lines[above])) {
      standfirst = true;
      continue;
    }
    if (isTitleLike(l)) return headlineOverSource(lines, i);
    if (l.kind === 'para') break;
  }
  return -1;
}

const STANDFIRST_MAX = 80;

const LONG_SHORT_RUN = 7;

const CLOSING_REACH = 300;

/** A byline at `i` closes the body when the prose after it (to the next furniture) is under half the prose before it. */
function closesBody(lines: Line[], i: number, before: number): boolean {
  if (before === 0) return false;
  let after = 0;
  for (let k = i + 1; k < lines.length && lines[k].kind !== 'marker' && lines[k].kind !== 'menu'; k++) {
    if (lines[k].kind === 'para' && !isTeaserLine(lines[k].text)) after += lines[k].text.length;
    // Enough prose follows (or a long way of it: hostile pages are not read to the end for each byline).
    if (after >= before / 2 || k > i + CLOSING_REACH) return false;
  }
  return true;
}

/** Prose within the next three lines, before any furniture marker but an ad's (廣告, then its text). */
function proseFollows(lines: Line[], from: number): boolean {
  for (let k = from; k < from + 3 && k < lines.length; k++) {
    if ((lines[k].kind === 'marker' && !isInterruption(lines[k].text)) || lines[k].kind === 'menu') return false;
    if (lines[k].kind === 'para') return true;
  }
  return false;
}

/** How many lines from `i` on are not prose: a long run of them is a list or menu, not sub-headings. */
function shortRun(lines: Line[], i: number): number {
  let n = 0;
  while (i + n < lines.length && lines[i + n].kind !== 'para' && n < LONG_SHORT_RUN) n++;
  return n;
}

/** Body lines from `start` until furniture; sub-headings (short lines between paragraphs) stay. */
function collectBody(lines: Line[], start: number, title: string): { paragraphs: string[]; end: number; tags: string[] } {
  const titleKey = normalizeText(title);
  let picked: Line[] = [];
  // Whole prose picked so far (kept as it grows: a body of many bylines is not re-counted at each).
  let pickedProse = 0;
  let tags: string[] = [];
  let end = lines.length;
  for (let i = start; i < lines.length; i++) {
    const l = lines[i];
    // An ad slot or an inline recommended link inside the article (prose on both sides) is skipped, not taken for the body's end.
    // So is a share bar under a standfirst (分享到：微博 微信 打印), with the article's prose after it.
    if (l.kind === 'marker' && (isInterruption(l.text) || isShareBar(l.text)) && picked.some((p) => p.kind === 'para') && proseFollows(lines, i + 1)) continue;
    // An accessible page's skip link (跳過 熱讀 並繼續閱讀 … 熱讀 結束) names the box it jumps over: skipped whole.
    const skipped = afterSkipLink(lines, i);
    if (skipped > 0) {
      i = skipped;
      continue;
    }
    // A related box inside the article (延伸閱讀, two or three headlines, then the story goes on) is skipped whole.
    const resume = l.kind === 'marker' && picked.some((p) => p.kind === 'para') ? afterRelatedBox(lines, i) : -1;
    if (resume > 0) {
      i = resume - 1;
      continue;
    }
    if (l.kind === 'marker' || l.kind === 'menu' || shortRun(lines, i) >= LONG_SHORT_RUN) {
      end = i;
      break;
    }
    if (l.kind !== 'para' && picked.some((p) => p.kind === 'para')) {
      const t = parseTagLine(l.text);
      // A tag line is followed by furniture, not by more of the article within a few lines; a line of hashtags always ends it.
      if (t && (t.every((w) => /^[#＃]/.test(w)) || !proseFollows(lines, i + 1))) {
        tags = t;
        end = i;
        break;
      }
    }
    // Credits after most of the article's prose close it (作者：X, 记者：X 责编：Y at the foot of the story).
    if (l.kind === 'byline' && closesBody(lines, i, pickedProse)) {
      end = i;
      break;
    }
    if (l.kind === 'caption' || l.kind === 'date' || l.kind === 'byline' || l.kind === 'dateline') continue;
    if (normalizeText(l.text) === titleKey) continue;
    if (l.kind === 'short' && (l.text.length >= 4 ? isWidgetLine(l.text) : isControlLabel(l.text))) continue;
    if (isPromoLabel(l, lines[i + 1])) continue;
    picked.push(l);
    if (l.kind === 'para' && !isTeaserLine(l.text)) pickedProse += l.text.length;
  }
  picked = dropAppealBoxes(picked);
  while (picked.length && picked[picked.length - 1].kind !== 'para') picked.pop();
  while (picked.length && picked[0].kind !== 'para') picked.shift();
  return { paragraphs: picked.map((l) => l.text), end, tags };
}

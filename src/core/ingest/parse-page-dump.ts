/**
 * Whole web pages saved as text (udn, ETtoday…): the article is found by structure alone.
 * An anchor (byline or wire dateline followed by prose), or else the richest run of prose,
 * fixes the body start; the headline is the nearest headline-shaped line above it; the body
 * ends at the first furniture marker, menu or tag line. Captions, bylines and dates inside are dropped.
 */
import { IngestError, type NormalizedArticle, type RelatedLink } from '../article.ts';
import { parseBylineLine } from '../clean/credits.ts';
import { parseDatelineLine } from '../clean/dateline.ts';
import { findDateInText, type FoundDate } from '../clean/dates.ts';
import { parseTagLine } from '../clean/furniture.ts';
import { detectOutletFromText, outletOffset } from '../clean/outlets.ts';
import { normalizeText } from '../text/normalize.ts';
import { finishArticle } from './finish-article.ts';
import { safeHttpUrl } from './html-blocks.ts';
import { classifyLines, isTitleLike, type Line } from './text-lines.ts';

const ANCHOR_REACH = 6;

/** Parses a page dump into a normalized article; throws IngestError when no article body is found. */
export function parsePageDump(text: string, name: string): NormalizedArticle {
  const lines = classifyLines(text);
  const anchor = findAnchor(lines);
  const start = anchor >= 0 ? anchor + 1 : findRichestProse(lines);
  if (start < 0) throw new IngestError(name, 'no article body found (no paragraphs of prose)');
  const titleAt = findTitle(lines, anchor >= 0 ? anchor : start);
  if (titleAt < 0) throw new IngestError(name, 'no headline found above the article body');
  const title = lines[titleAt].text;

  const { paragraphs, end, tags } = collectBody(lines, start, title);
  if (paragraphs.length === 0) throw new IngestError(name, 'no article body found after the headline');

  const outlet = detectOutletFromText(text);
  const date = findPageDate(lines, titleAt, end, outletOffset(outlet));
  let agency: string | null = null;
  let dateline = null;
  let authors: string[] = [];
  for (const l of lines.slice(titleAt + 1, start)) {
    const dl = l.kind === 'dateline' ? parseDatelineLine(l.text) : null;
    if (dl) ({ agency, dateline, authors } = { agency: dl.agency, dateline: dl.dateline, authors: dl.authors });
    const by = l.kind === 'byline' ? parseBylineLine(l.text) : null;
    if (by) authors = by;
  }

  return finishArticle({
    shape: 'page-dump',
    title,
    url: findPageUrl(lines, end),
    outlet,
    agency,
    authors,
    translators: [],
    published_at: date?.iso ?? null,
    published_precision: date?.precision ?? null,
    dateline,
    paragraphs,
    tags,
    related: collectRelatedTitles(lines, end, title),
  });
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
function findRichestProse(lines: Line[]): number {
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
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (l.kind === 'marker' || l.kind === 'menu') {
      close();
      continue;
    }
    if (l.kind === 'para') {
      if (runStart < 0) runStart = i;
      score += l.text.length;
    }
  }
  close();
  return best;
}

/** The nearest headline-shaped line above `from`, skipping captions, dates and credits. */
function findTitle(lines: Line[], from: number): number {
  for (let i = from - 1; i >= 0; i--) {
    const l = lines[i];
    if (l.kind === 'caption' || l.kind === 'date' || l.kind === 'byline' || l.kind === 'dateline') continue;
    if (l.kind === 'marker' || l.kind === 'menu') break;
    if (isTitleLike(l)) return i;
    if (l.kind === 'para') break;
  }
  return -1;
}

/** Body lines from `start` until furniture; sub-headings (short lines between paragraphs) stay. */
function collectBody(lines: Line[], start: number, title: string): { paragraphs: string[]; end: number; tags: string[] } {
  const titleKey = normalizeText(title);
  const picked: Line[] = [];
  let tags: string[] = [];
  let end = lines.length;
  for (let i = start; i < lines.length; i++) {
    const l = lines[i];
    if (l.kind === 'marker' || l.kind === 'menu') {
      end = i;
      break;
    }
    if (l.kind !== 'para' && picked.some((p) => p.kind === 'para')) {
      const t = parseTagLine(l.text);
      if (t && (i + 1 >= lines.length || lines[i + 1].kind !== 'para')) {
        tags = t;
        end = i;
        break;
      }
    }
    if (l.kind === 'caption' || l.kind === 'date' || l.kind === 'byline' || l.kind === 'dateline') continue;
    if (normalizeText(l.text) === titleKey) continue;
    picked.push(l);
  }
  while (picked.length && picked[picked.length - 1].kind !== 'para') picked.pop();
  while (picked.length && picked[0].kind !== 'para') picked.shift();
  return { paragraphs: picked.map((l) => l.text), end, tags };
}

/** The date line nearest the headline, outside the body and above the body's end; null when the page has none. */
function findPageDate(lines: Line[], titleAt: number, end: number, offset: string | null): FoundDate | null {
  let best: { d: FoundDate; dist: number } | null = null;
  for (let i = 0; i < end; i++) {
    if (lines[i].kind !== 'date') continue;
    const d = findDateInText(lines[i].text, offset);
    const dist = Math.abs(i - titleAt);
    if (d && (!best || dist < best.dist)) best = { d, dist };
  }
  return best?.d ?? null;
}

const URL_LINE = /^(?:((?:原文網址|原文网址|原始連結|本文網址|文章網址|網址|URL|Source|Link)\s*[:：])\s*)?(https?:\/\/[^\s<>"'）)]+)$/i;

/**
 * The page's own address: a labelled line (原文網址：…) anywhere, or a bare URL line above the body's
 * end (bare URLs further down belong to related lists).
 */
function findPageUrl(lines: Line[], end: number): string | null {
  for (const [i, l] of lines.entries()) {
    const m = URL_LINE.exec(l.text);
    if (m && (m[1] || i < end)) return safeHttpUrl(m[2]);
  }
  return null;
}

const RELATED_MARKER = /^(?:延伸閱讀|延伸阅读|相關新聞|相关新闻|相關文章|相关文章|相關閱讀|相关阅读|Related)(?:[:：\s]|$)/i;
const MAX_RELATED = 20;

/**
 * Headlines listed under related-news markers after the body (延伸閱讀, 相關新聞 …), kept as
 * related links without URLs (a text dump has none); teasers and the article's own title are skipped.
 */
function collectRelatedTitles(lines: Line[], end: number, title: string): RelatedLink[] {
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

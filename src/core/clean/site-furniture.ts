/**
 * Site-level furniture by repetition: a short paragraph, or a title suffix (標題 - 網站), that
 * recurs in many stored articles of the same site is that site's furniture, whatever its
 * wording (微信搜索"…"關注我們, Published …, You've hit the wall.). Pure: the counts come from
 * the store (src/core/store/site-lines.ts), so the result depends only on what is stored, not on
 * the order articles arrived in, and cleaning twice gives what cleaning once gave.
 */
import { dirname } from 'node:path';
import type { NormalizedArticle } from '../article.ts';
import { normalizeText } from '../text/normalize.ts';

/** A line must recur in at least this many other articles of the site to count as furniture. */
export const MIN_REPEATS = 3;
/** Longer paragraphs are article text even when repeated (a standing background paragraph is still prose). */
const MAX_LINE = 200;
const TITLE_SUFFIX = /\s+[-|｜–—_]\s+([^-|｜–—_]{2,40})$/;

/** The site an article belongs to: its URL's host (without www.), else the feed or folder it came from. */
export function siteKeyOf(article: Pick<NormalizedArticle, 'url'>, sourceUrl: string | null | undefined, sourceName: string): string {
  for (const u of [article.url, sourceUrl]) {
    if (!u) continue;
    try {
      return new URL(u).hostname.toLowerCase().replace(/^www\./, '');
    } catch {
      // not a URL: try the next
    }
  }
  return `folder:${dirname(sourceName)}`;
}

/** The form a line is counted under: normalized, digits folded (dates and counters change, furniture does not). */
export function lineKey(text: string): string {
  return normalizeText(text).replace(/\d+/g, '0').toLowerCase();
}

/** The keys an article contributes: its short paragraphs and its title suffix (prefixed "title:"). */
export function siteLineKeys(article: Pick<NormalizedArticle, 'title' | 'paragraphs'>): string[] {
  const keys = new Set<string>();
  for (const p of article.paragraphs) if (p.text.length <= MAX_LINE) keys.add(lineKey(p.text));
  const suffix = TITLE_SUFFIX.exec(article.title);
  if (suffix) keys.add(`title:${lineKey(suffix[1])}`);
  return [...keys];
}

/**
 * The article without the lines `repeats` says recur in at least MIN_REPEATS other articles of
 * its site; unchanged (same object) when nothing recurs. Never empties a body.
 */
export function dropSiteFurniture<T extends Pick<NormalizedArticle, 'title' | 'paragraphs'>>(article: T, repeats: Map<string, number>): T {
  const recurs = (key: string) => (repeats.get(key) ?? 0) >= MIN_REPEATS;
  const paragraphs = article.paragraphs.filter((p) => p.text.length > MAX_LINE || !recurs(lineKey(p.text)));
  const suffix = TITLE_SUFFIX.exec(article.title);
  const title = suffix && recurs(`title:${lineKey(suffix[1])}`) ? article.title.slice(0, suffix.index).trim() : article.title;
  if (paragraphs.length === article.paragraphs.length && title === article.title) return article;
  return { ...article, title, paragraphs: paragraphs.length ? paragraphs : article.paragraphs };
}

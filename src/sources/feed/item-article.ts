/**
 * A feed item carrying its full text → NormalizedArticle (shape 'feed-item'). The item's HTML is
 * already the body, so it skips page extraction (Readability would guess at a fragment) but goes
 * through the same block walker and finishing pass as HTML files (related lists out, credits and
 * trailer codes stripped, wire dateline read, languages labelled); the feed's title, link, dates,
 * authors and categories are the metadata.
 */
import * as cheerio from 'cheerio';
import type { NormalizedArticle } from '../../core/article.ts';
import { extractHtmlBlocks } from '../../core/ingest/html-blocks.ts';
import { finishArticle } from '../../core/ingest/finish-article.ts';
import type { FeedItem } from './feed-types.ts';

const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, figcaption, td, dd, dt';

/** Paragraph texts of an HTML fragment in reading order (block elements, else <br>/newline splits). */
export function htmlParagraphs(html: string): string[] {
  const $ = cheerio.load(`<body>${html}</body>`);
  $('script, style, iframe, noscript, object, embed, form, svg, figure img').remove();
  const texts: string[] = [];
  const leafBlocks = $('body').find(BLOCKS).filter((_, el) => $(el).find(BLOCKS).length === 0);
  if (leafBlocks.length > 0) {
    leafBlocks.each((_, el) => {
      const t = $(el).text().replace(/\s+/g, ' ').trim();
      if (t) texts.push(t);
    });
    // Text sitting directly in the fragment outside any block (loose lines between <p>s).
    $('body').find(BLOCKS).remove();
    const loose = $('body').text().replace(/\s+/g, ' ').trim();
    if (loose && texts.length === 0) texts.push(loose);
    return texts;
  }
  $('br').replaceWith('\n');
  return $('body')
    .text()
    .split(/\n\s*\n|\n/)
    .map((t) => t.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

/** Visible characters of an item's body HTML, to tell full content from a teaser. */
export function visibleLength(html: string | null): number {
  return html ? htmlParagraphs(html).join('').length : 0;
}

/**
 * True when the item itself carries the article: content:encoded/Atom content, or a long
 * description, with enough text (≥ 600 Latin or 200 Han characters) to be more than a teaser.
 */
export function hasFullContent(item: FeedItem): boolean {
  const html = item.contentHtml ?? item.summaryHtml;
  if (!html) return false;
  const text = htmlParagraphs(html).join('\n');
  const han = text.match(/[\u3400-\u9fff]/g)?.length ?? 0;
  const enough = han > text.length / 3 ? text.length >= 200 : text.length >= 600;
  if (!enough) return false;
  if (/(\.\.\.|…|read more|continue reading|閱讀全文|繼續閱讀|更多)\s*\]?$/i.test(text.trim()) && !item.contentHtml) return false;
  return true;
}

/** Builds the article from the item's own HTML (content, else summary) and the feed's metadata. */
export function itemToArticle(item: FeedItem, outlet: string | null): NormalizedArticle {
  const html = item.contentHtml ?? item.summaryHtml ?? '';
  const title = item.title ?? htmlParagraphs(html)[0]?.slice(0, 80) ?? '(untitled)';
  const blocks = extractHtmlBlocks(html, { title, baseUrl: item.link });
  const date = item.published ?? item.updated;
  return finishArticle({
    shape: 'feed-item',
    title,
    url: item.link,
    outlet,
    agency: null,
    authors: item.authors,
    translators: [],
    published_at: date,
    published_precision: date ? 'datetime' : null,
    dateline: null,
    paragraphs: blocks.paragraphs,
    tags: item.categories,
    related: blocks.related,
  });
}

/**
 * Overlays the feed's metadata on an article extracted from the item's page: the page's own
 * metadata wins when present, the feed fills what the page lacks (title, link, date, outlet).
 */
export function withFeedMetadata(article: NormalizedArticle, item: FeedItem, outlet: string | null, pageUrl: string): NormalizedArticle {
  const date = article.published_at ?? item.published ?? item.updated;
  return {
    ...article,
    title: article.title && article.title.trim() !== '' ? article.title : (item.title ?? '(untitled)'),
    url: item.link ?? article.url ?? pageUrl,
    outlet: article.outlet ?? outlet,
    authors: article.authors.length ? article.authors : item.authors,
    published_at: date,
    published_precision: article.published_at ? article.published_precision : date ? 'datetime' : null,
    tags: article.tags.length ? article.tags : item.categories,
  };
}

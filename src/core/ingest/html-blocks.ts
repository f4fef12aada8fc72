/**
 * HTML → body paragraphs in reading order by walking the DOM once: block elements end a
 * paragraph, inline text joins it, page furniture (scripts, nav, share/comment/ad boxes,
 * captions) is skipped. CNA's related-news timeline is returned as related links instead.
 */
import * as cheerio from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import type { RelatedLink } from '../article.ts';
import { findDateInText } from '../clean/dates.ts';

const SKIP_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'svg', 'button', 'form', 'input', 'select', 'textarea',
  'nav', 'head', 'link', 'meta', 'object', 'embed', 'canvas', 'figcaption', 'title',
]);
const BLOCK_TAGS = new Set([
  'p', 'div', 'section', 'article', 'header', 'footer', 'main', 'aside', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'blockquote', 'pre', 'figure', 'table', 'tr', 'td', 'th', 'hr', 'br',
  'address', 'center', 'details', 'summary', 'body', 'html', 'caption', 'tbody', 'thead', 'img', 'video',
]);
const FURNITURE_CLASS =
  /(?:^|[\s_-])(?:comments?|share|sharing|social|related|sidebar|breadcrumbs?|navigation|nav|menu|subscribe|newsletter|advert\w*|ads|ad|promo|sponsor\w*|popup|cookie|moreArticle|rdf-meta|element-invisible|sr-only|visually-hidden)(?:[\s_-]|$)/i;

export interface HtmlBlocks {
  paragraphs: string[];
  related: RelatedLink[];
}

/** Extracts body paragraphs and related links from an HTML fragment or page. */
export function extractHtmlBlocks(html: string): HtmlBlocks {
  const $ = cheerio.load(html, { xml: { xmlMode: false, decodeEntities: true } });
  const related = extractCnaTimeline($);
  const root = $.root()[0];
  let total = -1;
  const pageLength = () => (total < 0 ? (total = $.root().text().length || 1) : total);
  const paragraphs: string[] = [];
  let buffer = '';
  const flush = () => {
    const text = tidyText(buffer);
    if (text) paragraphs.push(text);
    buffer = '';
  };
  const walk = (node: AnyNode) => {
    if (node.type === 'text') {
      buffer += (node as unknown as { data: string }).data;
      return;
    }
    if (node.type !== 'tag' && node.type !== 'root' && node.type !== 'script' && node.type !== 'style') return;
    if (node.type === 'script' || node.type === 'style') return;
    const el = node as Element;
    const name = el.type === 'tag' ? el.name.toLowerCase() : 'root';
    if (SKIP_TAGS.has(name)) return;
    if (el.type === 'tag' && isFurniture(el, $, pageLength)) return;
    const block = BLOCK_TAGS.has(name);
    if (block) flush();
    for (const child of el.children ?? []) walk(child);
    if (block) flush();
  };
  walk(root);
  flush();
  return { paragraphs, related };
}

/** Collapses whitespace; removes the layout spaces that pretty-printing leaves between CJK characters. */
export function tidyText(s: string): string {
  return s
    .replace(/[\s\u00a0]+/g, ' ')
    .replace(/(?<=[\p{Script=Han}\u3000-\u303f\uff00-\uffef“”‘’])\s+(?=[\p{Script=Han}\u3000-\u303f\uff00-\uffef“”‘’])/gu, '')
    .trim();
}

const TEXT_SHARE_LIMIT = 0.3;

function isFurniture(el: Element, $: cheerio.CheerioAPI, pageLength: () => number): boolean {
  const attrs = el.attribs ?? {};
  if (attrs.hidden !== undefined || /display\s*:\s*none/i.test(attrs.style ?? '')) return true;
  if (attrs['aria-hidden'] === 'true') return true;
  const label = `${attrs.class ?? ''} ${attrs.id ?? ''} ${attrs.role ?? ''}`;
  if (!FURNITURE_CLASS.test(label)) return false;
  if (/moreArticle/.test(label)) return true;
  // A furniture-looking wrapper that holds a large share of the page is the article itself (odd class names).
  return $(el).text().length / pageLength() < TEXT_SHARE_LIMIT;
}

/** CNA's "more articles" timeline: each item's title, URL and time (Taiwan time). */
function extractCnaTimeline($: cheerio.CheerioAPI): RelatedLink[] {
  const out: RelatedLink[] = [];
  $('.moreArticle li, ul.timeline li').each((_, li) => {
    const a = $(li).find('a').first();
    const title = tidyText(a.text() || $(li).text());
    if (!title) return;
    const href = a.attr('href') ?? null;
    const rawTime = $(li).attr('data-time') ?? $(li).find('.timelineTime').text().trim();
    const found = rawTime ? findDateInText(rawTime, '+08:00') : null;
    out.push({ title, url: safeHttpUrl(href), time: found?.iso ?? null });
  });
  return out;
}

/** Keeps only absolute http(s) URLs: untrusted text never becomes another kind of link. */
export function safeHttpUrl(href: string | null | undefined): string | null {
  if (!href) return null;
  try {
    const u = new URL(href.trim());
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.toString() : null;
  } catch {
    return null;
  }
}

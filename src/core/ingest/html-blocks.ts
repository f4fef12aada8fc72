/**
 * HTML → body paragraphs in reading order by walking the DOM once: block elements end a
 * paragraph, inline text joins it, page furniture (scripts, nav, share/comment/ad boxes,
 * captions) is skipped. CNA's related-news timeline is returned as related links instead.
 */
// The htmlparser2-only entry: the `xml` option below selects htmlparser2 anyway, and the full entry
// also loads parse5 and undici (for fetching), a visible share of the parse worker's start-up.
import * as cheerio from 'cheerio/slim';
import type { AnyNode, Element } from 'domhandler';
import type { RelatedLink } from '../article.ts';
import { findDateInText } from '../clean/dates.ts';
import { normalizeText } from '../text/normalize.ts';
import { limitNesting } from './limit-nesting.ts';

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
  /(?:^|[\s_-])(?:share|sharing|sharedaddy|social|entry-meta|post-meta|entry-footer|post-footer|submitted|byline|tags-links|cat-links|comment-wrapper|comments-area|comment-add|comment-list|comment-respond|comment-form|comments|breadcrumbs?|navigation|nav|menu|subscribe|newsletter|advert\w*|ads|ad|promo|sponsor\w*|popup|cookie|rdf-meta|element-invisible|sr-only|visually-hidden)(?:[\s_-]|$)/i;
const MEDIA_CLASS = /(?:^|[\s_-])(?:video|audio|\w*player|vjs-\w+|jw-\w+)(?:[\s_-]|$)/i;
/** Longest text run a media widget may hold: its labels are short; prose inside means it wraps the article. */
const MEDIA_TEXT_RUN = 60;

/**
 * An embedded audio or video player or its card (title, duration, controls, error messages), by
 * class or id (`label`) and its text (`text`, built only when the class says media): no share
 * limit, since a player's labels may outweigh a short report, but a run of prose inside means the
 * element wraps the article.
 */
export function isMediaWidget(label: string, text: () => string): boolean {
  return MEDIA_CLASS.test(label) && !text().split(/\n|\s{2,}/).some((run) => run.trim().length > MEDIA_TEXT_RUN);
}

const RELATED_CLASS = /(?:^|[\s_-])(?:related\w*|recommend\w*|sidebar|more-?articles?|moreArticle|read-?more|jp-relatedposts)(?:[\s_-]|$)/i;

/** Body paragraphs and related links found in an HTML fragment. */
export interface HtmlBlocks {
  paragraphs: string[];
  related: RelatedLink[];
}

/**
 * Extracts body paragraphs and related links from an HTML fragment or page.
 * A heading (h1/h2 or a *title* element) repeating `title` is the page header, not body.
 */
export function extractHtmlBlocks(html: string, opts: { title?: string; baseUrl?: string | null; dropLinkLines?: boolean } = {}): HtmlBlocks {
  const titleKey = opts.title ? normalizeText(opts.title) : null;
  const base = opts.baseUrl ?? undefined;
  const $ = cheerio.load(limitNesting(html), { xml: { xmlMode: false, decodeEntities: true } });
  const related = extractCnaTimeline($);
  const root = $.root()[0];
  let total = -1;
  const pageLength = () => (total < 0 ? (total = $.root().text().length || 1) : total);
  const paragraphs: string[] = [];
  let buffer = '';
  let inLink = 0;
  let linkChars = 0;
  const flush = () => {
    const text = tidyText(buffer);
    // A short block that is nothing but a link, after the body has begun, is a promotion or a teaser (►看更多…).
    const linkLine = opts.dropLinkLines && paragraphs.length > 0 && text.length <= 40 && linkChars >= nonSpace(text) * 0.9;
    if (text && !linkLine) paragraphs.push(text);
    buffer = '';
    linkChars = 0;
  };
  const walk = (node: AnyNode) => {
    if (node.type === 'text') {
      const data = (node as unknown as { data: string }).data;
      buffer += data;
      if (inLink) linkChars += nonSpace(data);
      return;
    }
    if (node.type !== 'tag' && node.type !== 'root' && node.type !== 'script' && node.type !== 'style') return;
    if (node.type === 'script' || node.type === 'style') return;
    const el = node as Element;
    const name = el.type === 'tag' ? el.name.toLowerCase() : 'root';
    if (SKIP_TAGS.has(name)) return;
    const furniture = el.type === 'tag' ? classifyFurniture(el, $, pageLength) : null;
    if (furniture === 'related') collectLinks(el, $, related, base);
    if (furniture) return;
    if (titleKey && el.type === 'tag' && isTitleHeading(el, name, titleKey, $)) return;
    const block = BLOCK_TAGS.has(name);
    if (block) flush();
    if (name === 'a') inLink++;
    for (const child of el.children ?? []) walk(child);
    if (name === 'a') inLink--;
    if (block) flush();
  };
  walk(root);
  flush();
  return { paragraphs, related };
}

function nonSpace(s: string): number {
  return s.replace(/\s/g, '').length;
}

/**
 * Collapses whitespace. A run containing a line break between two CJK characters is layout
 * (pretty-printed HTML) and disappears; a plain space there is meaningful (headline separator) and stays.
 */
export function tidyText(s: string): string {
  return s
    .replace(/[\s\u00a0]+/g, (ws: string, i: number, all: string) => {
      if (i === 0 || i + ws.length === all.length) return '';
      if (ws.includes('\n') && isWide(all.charCodeAt(i - 1)) && isWide(all.charCodeAt(i + ws.length))) return '';
      return ws === '\u3000' ? ws : ' ';
    });
}

/** CJK characters and full-width punctuation, between which layout whitespace is not a word space. */
function isWide(c: number): boolean {
  return (
    (c >= 0x3000 && c <= 0x303f) || (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xff00 && c <= 0xffef) || (c >= 0x2018 && c <= 0x201d) || (c >= 0xd800 && c <= 0xdbff)
  );
}

const TEXT_SHARE_LIMIT = 0.3;

function isTitleHeading(el: Element, name: string, titleKey: string, $: cheerio.CheerioAPI): boolean {
  if (name !== 'h1' && name !== 'h2' && !/title/i.test(el.attribs?.class ?? '')) return false;
  return normalizeText($(el).text()) === titleKey;
}

/** 'skip' for hidden or widget elements, 'related' for related-news boxes, null for content. */
function classifyFurniture(el: Element, $: cheerio.CheerioAPI, pageLength: () => number): 'skip' | 'related' | 'cna' | null {
  const attrs = el.attribs ?? {};
  if (attrs.hidden !== undefined || /display\s*:\s*none/i.test(attrs.style ?? '')) return 'skip';
  if (attrs['aria-hidden'] === 'true') return 'skip';
  const label = `${attrs.class ?? ''} ${attrs.id ?? ''} ${attrs.role ?? ''}`;
  if (/moreArticle/.test(label)) return 'cna';
  // Readers' comments are never the article, however much of the page they fill.
  if (isCommentSection(attrs)) return 'skip';
  if (isMediaWidget(label, () => $(el).text())) return 'skip';
  const kind = RELATED_CLASS.test(label) ? 'related' : FURNITURE_CLASS.test(label) ? 'skip' : null;
  if (!kind) return null;
  // A furniture-looking wrapper that holds a large share of the page is the article itself (odd class names).
  return $(el).text().length / pageLength() < TEXT_SHARE_LIMIT ? kind : null;
}

const COMMENT_TOKEN = /(?:^|\s)(?:comments?|comment-[\w-]+|comments-[\w-]+|commentlist|disqus[\w-]*|respond|fb-comments)(?:\s|$)/i;

/** Comment markup: a class or id token starting with comment (comment-wrapper, #comments, disqus_thread) or an RDF Comment. */
export function isCommentSection(attrs: Record<string, string | undefined>): boolean {
  return COMMENT_TOKEN.test(` ${attrs.class ?? ''} `) || COMMENT_TOKEN.test(` ${attrs.id ?? ''} `) || /\bComment\b/.test(attrs.typeof ?? '');
}

/** Links of a related-news box, kept as related (http(s) only, titled, no duplicates). */
function collectLinks(el: Element, $: cheerio.CheerioAPI, out: RelatedLink[], base: string | undefined): void {
  const links = $(el).find('a[href]');
  (links.length ? links : $(el).closest('a[href]')).each((_, a) => {
    const title = tidyText($(links.length ? a : el).text());
    const url = safeHttpUrl($(a).attr('href'), base);
    if (title.length < 4 || !url || out.some((r) => r.url === url)) return;
    out.push({ title, url, time: null });
  });
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
export function safeHttpUrl(href: string | null | undefined, base?: string): string | null {
  if (!href) return null;
  try {
    const u = new URL(href.trim(), base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.toString() : null;
  } catch {
    return null;
  }
}

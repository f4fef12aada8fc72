/**
 * Jekyll/markdown posts: title, date, URL and tags from the front matter, the body from its
 * HTML (or plain markdown) with credits, trailer codes and related-news blocks taken out.
 */
import { IngestError, type NormalizedArticle, type Precision } from '../article.ts';
import { parseDateValue } from '../clean/dates.ts';
import { isCaptionLine } from '../clean/furniture.ts';
import { normalizeText } from '../text/normalize.ts';
import { isOutletLabel, detectOutletFromUrl, normalizeOutletLabel } from '../clean/outlets.ts';
import { parseFrontMatter } from './front-matter.ts';
import { extractHtmlBlocks, safeHttpUrl } from './html-blocks.ts';
import { markdownToParagraphs } from './markdown-text.ts';
import { finishArticle } from './finish-article.ts';
import { trimBodyEnds } from '../clean/trim-body.ts';

const TITLE_LINK_LINE = /^[ \t]*\[((?:[^\[\]\n]|\[[^\[\]\n]*\])+)\]\((https?:\/\/[^)\s]+)\)[ \t]*\n(?:[ \t]*[-=]{3,}[ \t]*\n)?/m;
const HTML_BLOCK = /<(p|div|section|article|br|ul|ol|table|h[1-6]|blockquote)\b/i;

/** Parses a Jekyll post (front matter + HTML or markdown body) into a normalized article. */
export function parseJekyll(text: string, name: string): NormalizedArticle {
  const { data, body } = parseFrontMatter(text, name);
  const linkLine = TITLE_LINK_LINE.exec(body);
  const title = stringField(data.title) ?? linkLine?.[1]?.trim() ?? null;
  if (!title) throw new IngestError(name, 'front matter has no title');

  const url = safeHttpUrl(stringField(data.from) ?? stringField(data.url) ?? stringField(data.link) ?? linkLine?.[2] ?? null);
  const date = parseDateValue(data.date) ?? dateFromFileName(name);
  const tags = listField(data.tags);
  const categories = listField(data.categories);

  const bodyText = linkLine && linkLine.index < 200 ? body.slice(0, linkLine.index) + body.slice(linkLine.index + linkLine[0].length) : body;
  const blocks = HTML_BLOCK.test(bodyText) ? extractHtmlBlocks(bodyText, { title, baseUrl: url }) : { paragraphs: markdownToParagraphs(bodyText), related: [] };

  const authorLabel = stringField(data.author);
  // Feed archives put the site in `author` when a post has no byline (author: Nei.st, categories: [Nei.st]).
  const authorIsOutlet =
    authorLabel !== null && (isOutletLabel(authorLabel) || authorLabel === categories[0] || authorLabel === tags[0]);
  const authors = authorLabel && !authorIsOutlet ? splitAuthorField(authorLabel) : [];
  const outlet =
    detectOutletFromUrl(url) ??
    (authorLabel && isOutletLabel(authorLabel) ? normalizeOutletLabel(authorLabel) : null) ??
    (categories[0] ? normalizeOutletLabel(categories[0]) : null);

  return finishArticle({
    shape: 'jekyll',
    title,
    url,
    outlet,
    agency: null,
    authors,
    translators: [],
    published_at: date?.iso ?? null,
    published_precision: date?.precision ?? null,
    dateline: null,
    paragraphs: trimBodyEnds(dropCreditLines(blocks.paragraphs, authors), { markersOnly: true }),
    tags,
    related: blocks.related,
  });
}

/**
 * Photo credits (图片来源：…) and byline fragments near the top (文/, the author's bare name)
 * are not body; they are short, so recall barely moves when they go.
 */
function dropCreditLines(paragraphs: string[], authors: string[]): string[] {
  const names = new Set(authors.map((a) => normalizeText(a)));
  const out = paragraphs.filter((p, i) => {
    if (p.length <= 100 && isCaptionLine(p)) return false;
    if (i < 6 && /^(?:文|作者|撰文|记者|記者|By)\s*[/／:：]?\s*$/i.test(p)) return false;
    if (i < 6 && names.has(normalizeText(p))) return false;
    return true;
  });
  return out.length ? out : paragraphs;
}

function stringField(v: unknown): string | null {
  if (typeof v === 'string' && v.trim()) return v.trim();
  if (typeof v === 'number') return String(v);
  return null;
}

function listField(v: unknown): string[] {
  const items = Array.isArray(v) ? v : typeof v === 'string' ? v.split(/[\s,]+/) : [];
  return items.filter((x): x is string | number => typeof x === 'string' || typeof x === 'number').map((x) => String(x).trim()).filter(Boolean);
}

function splitAuthorField(label: string): string[] {
  const decoded = label.replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(+n)).replace(/&amp;/g, '&');
  return decoded.split(/\s*(?:&|、|,|，|\band\b)\s*/).map((s) => s.trim()).filter(Boolean);
}

/** Jekyll's own convention: posts are named YYYY-MM-DD-slug.md. */
function dateFromFileName(name: string): { iso: string; precision: Precision } | null {
  const m = /(?:^|[/\\])(\d{4})-(\d{2})-(\d{2})-[^/\\]*$/.exec(name);
  return m ? parseDateValue(`${m[1]}-${m[2]}-${m[3]}`) : null;
}

/**
 * Our own metadata rules for HTML pages, read before any content extraction mutates the DOM:
 * JSON-LD NewsArticle first (most deliberate), then Open Graph / article:* meta, then plain meta
 * and markup (<title>, <h1>, <time>, rel=canonical).
 */
import { parseDateValue, type FoundDate } from '../clean/dates.ts';

/** The few DOM methods we use, so linkedom and other DOMs fit without DOM lib types. */
interface El {
  getAttribute(name: string): string | null;
  textContent: string | null;
}
/** The document side of that minimal DOM. */
export interface MiniDocument {
  querySelector(sel: string): El | null;
  querySelectorAll(sel: string): ArrayLike<El>;
}

/** Metadata read from a page's own markup; null/empty when the page does not say. */
export interface PageMetadata {
  title: string | null;
  url: string | null;
  published: FoundDate | null;
  authors: string[];
  outlet: string | null;
  tags: string[];
}

const ARTICLE_TYPES = /^(NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BlogPosting|Report|WebPage)$/;

/** Reads title, canonical URL, publication time, authors, outlet and tags from a page's head and markup. */
export function readPageMetadata(doc: MiniDocument, pageUrl?: string): PageMetadata {
  const ld = readJsonLd(doc);
  const meta = (sel: string) => doc.querySelector(sel)?.getAttribute('content')?.trim() || null;
  const metas = (sel: string) => Array.from(doc.querySelectorAll(sel)).map((e) => e.getAttribute('content')?.trim() ?? '').filter(Boolean);

  const siteName = meta('meta[property="og:site_name"]') ?? nameOf(ld?.publisher);
  const title =
    str(ld?.headline) ??
    meta('meta[property="og:title"]') ??
    meta('meta[name="twitter:title"]') ??
    text(doc.querySelector('h1')) ??
    stripSiteSuffix(text(doc.querySelector('title')), siteName);

  const published =
    parseDateValue(ld?.datePublished) ??
    parseDateValue(meta('meta[property="article:published_time"]')) ??
    parseDateValue(meta('meta[name="pubdate"]') ?? meta('meta[name="publishdate"]') ?? meta('meta[name="date"]') ?? meta('meta[itemprop="datePublished"]')) ??
    parseDateValue(doc.querySelector('time[datetime]')?.getAttribute('datetime') ?? null);

  const ldAuthors = listOf(ld?.author).map(nameOf).filter((x): x is string => !!x);
  const metaAuthors = [...metas('meta[name="author"]'), ...metas('meta[property="article:author"]')].filter((a) => !/^https?:/i.test(a));
  const relAuthors = Array.from(doc.querySelectorAll('a[rel="author"]')).map((e) => text(e)).filter((x): x is string => !!x);
  const authors = unique((ldAuthors.length ? ldAuthors : metaAuthors.length ? metaAuthors : relAuthors).flatMap(splitAuthorList));

  const url =
    httpUrl(doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null, pageUrl) ??
    httpUrl(meta('meta[property="og:url"]'), pageUrl) ??
    httpUrl(str(ld?.url) ?? str(ld?.mainEntityOfPage) ?? null, pageUrl) ??
    httpUrl(pageUrl ?? null);

  const keywords = ld?.keywords;
  const tags = unique([
    ...metas('meta[property="article:tag"]'),
    ...(Array.isArray(keywords) ? keywords.map(String) : typeof keywords === 'string' ? keywords.split(',') : []),
    ...(metas('meta[name="keywords"]')[0]?.split(',') ?? []),
  ]);

  return { title, url, published, authors, outlet: siteName, tags };
}

type Json = Record<string, unknown>;

/** The first JSON-LD object of an article type, looking inside arrays and @graph. */
function readJsonLd(doc: MiniDocument): Json | null {
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    const queue: unknown[] = [data];
    while (queue.length) {
      const item = queue.shift();
      if (Array.isArray(item)) queue.push(...item);
      else if (item && typeof item === 'object') {
        const o = item as Json;
        if (Array.isArray(o['@graph'])) queue.push(...o['@graph']);
        const types = listOf(o['@type']).map(String);
        if (types.some((t) => ARTICLE_TYPES.test(t)) && (o.headline || o.datePublished)) return o;
      }
    }
  }
  return null;
}

function listOf(v: unknown): unknown[] {
  return v === undefined || v === null ? [] : Array.isArray(v) ? v : [v];
}

function nameOf(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (v && typeof v === 'object') return str((v as Json).name);
  return null;
}

function str(v: unknown): string | null {
  if (typeof v === 'string' && v.trim()) return v.trim();
  if (v && typeof v === 'object' && typeof (v as Json)['@id'] === 'string') return (v as Json)['@id'] as string;
  return null;
}

function text(el: El | null): string | null {
  const t = el?.textContent?.replace(/\s+/g, ' ').trim();
  return t || null;
}

function stripSiteSuffix(title: string | null, site: string | null): string | null {
  if (!title) return null;
  const parts = title.split(/\s+[|–—-]\s+/);
  if (parts.length > 1 && (site === null || parts[parts.length - 1].includes(site) || parts[parts.length - 1].length < 30)) parts.pop();
  return parts.join(' - ').trim() || null;
}

/** "By Jane Doe and John Roe" → names. */
function splitAuthorList(s: string): string[] {
  return s
    .replace(/^\s*by\s+/i, '')
    .split(/\s*(?:,|&|\band\b|、)\s*/)
    .map((x) => x.trim())
    .filter((x) => x.length > 1);
}

function httpUrl(href: string | null, base?: string): string | null {
  if (!href) return null;
  try {
    const u = new URL(href, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.toString() : null;
  } catch {
    return null;
  }
}

function unique(xs: string[]): string[] {
  return [...new Set(xs.map((x) => x.trim()).filter(Boolean))];
}

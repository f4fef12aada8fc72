/**
 * Our own metadata rules for HTML pages, read before any content extraction mutates the DOM:
 * JSON-LD NewsArticle first (most deliberate), then Open Graph / article:* meta, then plain meta
 * and markup (<title>, <h1>, <time>, rel=canonical).
 */
import { findDateInText, inZone, isUpdateLine, parseDateValue, publishedDateIn, type FoundDate } from '../clean/dates.ts';
import { detectOutletFromUrl, isOrganisationName, outletOffset } from '../clean/outlets.ts';
import { findBylineIn, writersInAuthorField } from '../clean/credits.ts';

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
  /** The page's own last-modified time (JSON-LD dateModified, article:modified_time, og:updated_time). */
  modified: FoundDate | null;
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

  const url =
    httpUrl(doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null, pageUrl) ??
    httpUrl(meta('meta[property="og:url"]'), pageUrl) ??
    httpUrl(str(ld?.url) ?? str(ld?.mainEntityOfPage) ?? null, pageUrl) ??
    httpUrl(pageUrl ?? null);

  const siteName = meta('meta[property="og:site_name"]') ?? nameOf(ld?.publisher);
  const declared =
    str(ld?.headline) ?? meta('meta[property="og:title"]') ?? meta('meta[name="twitter:title"]') ?? text(doc.querySelector('title'));
  const title = pickHeadline(doc, declared, siteName);

  // Times printed without a zone are read in the outlet's zone; Chinese-language pages default to UTC+8.
  const zone = outletOffset(detectOutletFromUrl(url)) ?? countryOffset(url) ?? (isChinesePage(doc, title) ? '+08:00' : null);
  const declaredTime = inZone(
    parseDateValue(ld?.datePublished, zone) ??
      parseDateValue(meta('meta[property="article:published_time"]'), zone) ??
      parseDateValue(meta('meta[name="pubdate"]') ?? meta('meta[name="publishdate"]') ?? meta('meta[name="date"]') ?? meta('meta[itemprop="datePublished"]'), zone),
    zone,
  );
  const printedTime = inZone(parseDateValue(pageTime(doc), zone), zone);
  // A <time> that gives the day only yields to the data's timestamp of that same day (to the minute).
  const found =
    (printedTime?.precision === 'date' && declaredTime?.precision === 'datetime' && declaredTime.iso.startsWith(printedTime.iso) ? declaredTime : printedTime) ??
    declaredTime;
  // Markup that gives the day only yields to the date line printed by the headline when it adds the time of that day.
  const visible = !found || found.precision === 'date' ? visibleDate(doc, title, zone) : null;
  const published = (found && visible?.precision === 'datetime' && visible.iso.startsWith(found.iso) ? visible : (found ?? visible)) ?? scriptTime(doc, zone);
  const modified = inZone(
    parseDateValue(ld?.dateModified, zone) ??
    parseDateValue(meta('meta[property="article:modified_time"]') ?? meta('meta[property="og:updated_time"]') ?? meta('meta[itemprop="dateModified"]'), zone),
    zone,
  );

  const outlets = [siteName, nameOf(ld?.publisher), detectOutletFromUrl(url)].filter((x): x is string => !!x);
  // A site's account (aamacau, admin, editor: one lower-case word) is no person either.
  const notOutlet = (a: string) => !isOrganisationName(a, outlets) && !/^[a-z0-9_.-]+$/.test(a);
  const ldAuthors = listOf(ld?.author).map(nameOf).filter((x): x is string => !!x);
  const metaAuthors = [...metas('meta[name="author"]'), ...metas('meta[property="article:author"]')].filter((a) => !/^https?:/i.test(a));
  const relAuthors = Array.from(doc.querySelectorAll('a[rel="author"]')).map((e) => text(e)).filter((x): x is string => !!x);
  // schema.org microdata: <div itemprop="author" itemscope><meta itemprop="name" content="…">.
  const microAuthors = Array.from(doc.querySelectorAll('[itemprop~="author"] [itemprop="name"]'))
    .map((e) => e.getAttribute('content') ?? text(e))
    .filter((x): x is string => !!x);
  const pick = [ldAuthors, metaAuthors, relAuthors, microAuthors].map((xs) => unique(xs.flatMap(splitAuthorList)).filter(notOutlet)).find((xs) => xs.length) ?? [];
  // No usable author in the markup: the 記者…報導 byline printed by the headline.
  const authors = pick.length ? pick : (visibleByline(doc, title)?.filter(notOutlet) ?? []);

  const keywords = ld?.keywords;
  const tags = unique([
    ...metas('meta[property="article:tag"]'),
    ...(Array.isArray(keywords) ? keywords.map(String) : typeof keywords === 'string' ? keywords.split(',') : []),
    ...(metas('meta[name="keywords"]')[0]?.split(',') ?? []),
  ]);

  return { title, url, published, modified, authors, outlet: siteName, tags };
}

/**
 * The headline: a heading on the page that the declared title (JSON-LD, og:title, <title>) starts
 * with wins (the declared one often carries the site and channel: 標題_頻道_網站); else the
 * declared title with a site suffix cut; else the first <h1>.
 */
function pickHeadline(doc: MiniDocument, declared: string | null, site: string | null): string | null {
  const h1 = text(doc.querySelector('h1'));
  if (!declared) return h1;
  const key = squash(declared);
  let best: string | null = null;
  let prefixed: string | null = null;
  // The declared title without its site and channel (标题_频道_网站, 标题 | 网站).
  const bare = squash(stripSiteSuffix(declared, site) ?? declared).replace(/(?:_[^_]{1,24})+$/, '');
  for (const el of Array.from(doc.querySelectorAll('h1, h2, h3, [class*="title"], [id*="title"]')).slice(0, 200)) {
    const t = text(el);
    if (!t || t.length < 2 || t.length > 120) continue;
    const k = squash(t);
    if (k === key) continue;
    if (key.startsWith(k) && /^\s*[-_|｜–—·]/.test(afterChars(declared, k.length)) && (!best || t.length > best.length)) best = t;
    // A columnist's or topic's name put before the printed headline in the declared one only (周启明：<headline>).
    else if (!best && k.length >= 6 && bare.endsWith(k) && /^[^\s：:｜|]{1,10}[：:｜|]$/.test(bare.slice(0, bare.length - k.length))) prefixed = t;
  }
  // The <h1> is the declared headline with its quotation marks (改用“离境退税”方式): the printed one.
  const unquoted = (x: string) => squash(x).replace(/[“”‘’「」『』"']/g, '');
  const quoted = Array.from(doc.querySelectorAll('h1')).map((e) => text(e) ?? '').find((h) => h !== declared && unquoted(h) === unquoted(stripSiteSuffix(declared, site) ?? declared));
  if (!best && quoted) return quoted;
  // The page prints the declared headline whole as its <h1>: a ｜ inside it is the headline's own (劏房新規｜…), not a site suffix.
  if (!best && Array.from(doc.querySelectorAll('h1')).some((e) => squash(text(e) ?? '') === key)) return declared;
  return best ?? prefixed ?? stripSiteSuffix(declared, site);
}

/** What follows the first `n` non-space characters of `s`. */
function afterChars(s: string, n: number): string {
  let seen = 0;
  let i = 0;
  while (i < s.length && seen < n) if (!/\s/.test(s[i++])) seen++;
  return s.slice(i);
}

function squash(s: string): string {
  return s.replace(/\s+/g, '');
}

/** The page's own <time>: one marked as the publication time, or inside the article header; else the only one. */
function pageTime(doc: MiniDocument): string | null {
  const marked = doc.querySelector('time[itemprop="datePublished"][datetime]') ?? doc.querySelector('time[pubdate][datetime]');
  if (marked) return marked.getAttribute('datetime');
  // In the article: the <time> its label calls the publication (發佈日期：…), else the first not labelled an update.
  const inArticle = Array.from(doc.querySelectorAll('article header time[datetime], article time[datetime], main time[datetime], [class*="article"] time[datetime]'));
  const label = (e: El) => text(e) ?? '';
  const chosen = inArticle.find((e) => publishedDateIn(label(e), null)) ?? inArticle.find((e) => !isUpdateLine(label(e))) ?? inArticle[0];
  if (chosen) return chosen.getAttribute('datetime');
  const all = doc.querySelectorAll('time[datetime]');
  return all.length === 1 ? all[0].getAttribute('datetime') : null;
}

/**
 * The publication time a page's script holds when its markup prints none (WeChat: var ct =
 * "1736379000"; the date element is filled by that script), as epoch seconds or a local
 * timestamp (var pubTime = "2024-04-12 07:55:19"); else null.
 */
function scriptTime(doc: MiniDocument, zone: string | null): FoundDate | null {
  for (const el of Array.from(doc.querySelectorAll('script'))) {
    const m = /\b(?:var|let|const)\s+(?:ct|create_time|publish_time|pubtime|publishTime)\s*=\s*(?:["']?(\d{10})["']?|["'](\d{4}-\d\d-\d\d[ T]\d\d:\d\d(?::\d\d)?)["'])/i.exec(el.textContent ?? '');
    if (m?.[1]) return inZone({ iso: new Date(+m[1] * 1000).toISOString().replace(/\.000Z$/, 'Z'), precision: 'datetime' }, zone);
    if (m?.[2]) return findDateInText(m[2], zone);
  }
  return null;
}

/** The date line printed near the headline (上 or below it), when the markup gives none. */
function visibleDate(doc: MiniDocument, title: string | null, zone: string | null): FoundDate | null {
  const body = doc.querySelector('body')?.textContent?.replace(/\s+/g, ' ') ?? '';
  if (!body) return null;
  const at = title ? body.indexOf(title.replace(/\s+/g, ' ').slice(0, 30)) : -1;
  if (at < 0) return null;
  return findDateInText(body.slice(at, at + title!.length + 300), zone) ?? findDateInText(body.slice(Math.max(0, at - 200), at), zone);
}

/** Reporter names from a 記者X／Y報導 byline printed just below the headline. */
function visibleByline(doc: MiniDocument, title: string | null): string[] | null {
  const body = doc.querySelector('body')?.textContent?.replace(/\s+/g, ' ') ?? '';
  const at = title ? body.indexOf(title.replace(/\s+/g, ' ').slice(0, 30)) : -1;
  if (at < 0) return null;
  return findBylineIn(body.slice(at + title!.length, at + title!.length + 200))?.authors ?? null;
}

/** The zone of a site in Japan or Korea by its country domain (cn.yna.co.kr): their Chinese services print home time. */
function countryOffset(url: string | null): string | null {
  try {
    return url && /\.(?:jp|kr)$/i.test(new URL(url).hostname) ? '+09:00' : null;
  } catch {
    return null;
  }
}

function isChinesePage(doc: MiniDocument, title: string | null): boolean {
  const lang = doc.querySelector('html')?.getAttribute('lang') ?? '';
  if (/^zh/i.test(lang)) return true;
  return ((title ?? '').match(/\p{Script=Han}/gu)?.length ?? 0) >= 4;
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
        // Baidu's cambrian markup (mainland sites): no @type, a title and a pubDate in local time.
        if (/ziyuan\.baidu\.com/.test(String(o['@context'] ?? '')) && o.pubDate) return { headline: o.title, datePublished: o.pubDate };
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
  const parts = title.split(/\s+[|｜–—-]\s+|\s*[|｜]\s*/);
  if (parts.length > 1 && (site === null || parts[parts.length - 1].includes(site) || parts[parts.length - 1].length < 30)) parts.pop();
  return parts.join(' - ').trim() || null;
}

/** "By Jane Doe and John Roe" → names. */
function splitAuthorList(s: string): string[] {
  const writers = writersInAuthorField(s);
  if (writers) return writers;
  // 周雨桐 王博远: Chinese names listed with spaces.
  if (/^\p{Script=Han}{2,4}(?:\s+\p{Script=Han}{2,4})+$/u.test(s.trim())) return s.trim().split(/\s+/);
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

/**
 * What makes two documents the same article: a hash of the normalized content, the normalized
 * URL, and title + publication time + outlet. Pure functions; the store does the lookups.
 */
import { createHash } from 'node:crypto';
import type { NormalizedArticle } from '../article.ts';
import { foldForMatch, normalizeText } from '../text/normalize.ts';

/** sha256 (hex) of the article's fields with whitespace-normalized text: equal parses hash equal, any real edit changes it. */
export function hashArticle(a: NormalizedArticle): string {
  const canonical = JSON.stringify([
    normalizeText(a.title),
    a.url,
    a.outlet,
    a.agency,
    a.authors,
    a.translators,
    a.published_at,
    a.published_precision,
    a.dateline,
    a.languages,
    a.paragraphs.map((p) => [normalizeText(p.text), p.lang]),
    a.tags,
    a.related,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

/** sha256 (hex) of raw bytes: lets an unchanged file be recognised without parsing it again. */
export function hashBytes(bytes: Buffer | Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

const TRACKING = /^(utm_.*|fbclid|gclid|mc_cid|mc_eid|ref|from|cmp|ocid)$/i;

/**
 * A comparable form of an http(s) URL: no scheme, lower-case host without www., no fragment,
 * tracking parameters dropped, the rest sorted, no trailing slash. Null for anything else.
 */
export function normalizeUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  const host = u.hostname.toLowerCase().replace(/^www\./, '');
  const params = [...u.searchParams.entries()].filter(([k]) => !TRACKING.test(k)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = params.length ? '?' + new URLSearchParams(params).toString() : '';
  let path = u.pathname.replace(/\/+$/, '');
  try {
    path = decodeURI(path);
  } catch {
    // keep encoded
  }
  return `//${host}${u.port ? ':' + u.port : ''}${path}${query}`;
}

/** title + publication time + outlet, or null when the date is unknown (too weak a key alone). */
export function identityKey(a: NormalizedArticle): string | null {
  if (!a.published_at || !a.title.trim()) return null;
  return `${foldForMatch(a.title)}|${a.published_at}|${a.outlet ?? ''}`;
}

/** published_at as a UTC instant for ordering; a date-only value is taken at 00:00Z. */
export function toUtcInstant(publishedAt: string | null): string | null {
  if (!publishedAt) return null;
  const t = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(publishedAt) ? publishedAt + 'T00:00:00Z' : publishedAt);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

/**
 * What makes two documents the same article: a hash of the normalized content, the normalized
 * URL, and title + publication time + outlet. Pure functions; the store does the lookups. Same
 * hash: unchanged; same URL (or GUID) with another hash: a revision of that article, kept
 * (see article-revisions.ts).
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

// One URL comparison key for the whole project (articles and live-source items alike).
export { normalizeUrl } from '../text/normalize-url.ts';

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

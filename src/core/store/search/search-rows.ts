/**
 * What both search backends read from the articles themselves: publication times for recency,
 * and the rows and paragraphs a hit is shown with (the snippet is cut from the original text).
 */
import type { Sql } from '../sql.ts';
import type { QueryTerm } from '../../search/parse-query.ts';
import type { SearchHit } from '../../search/search-articles.ts';
import { makeSnippet } from '../../search/snippet.ts';
import { toSearchForm } from '../../search/search-text.ts';
import { canStraddle, onlyAcrossWords } from '../../search/word-bounds.ts';

/** The indexed form of one article (see toIndexedForm), as the search store writes it. */
export interface SearchRow {
  id: number;
  title: string;
  body: string;
}

const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/** published_utc of the given articles, in one query. */
export async function publishedTimes(sql: Sql, ids: number[]): Promise<Map<number, string | null>> {
  if (!ids.length) return new Map();
  const rows = await sql.all<{ id: number; published_utc: string | null }>(`SELECT id, published_utc FROM articles WHERE id IN (${marks(ids.length)})`, ids);
  return new Map(rows.map((r) => [Number(r.id), r.published_utc]));
}

/** The hits for `ranked` (in that order), each with a snippet of its paragraphs around the first term found. */
export async function loadHits(sql: Sql, ranked: { id: number; score: number }[], terms: QueryTerm[]): Promise<SearchHit[]> {
  if (!ranked.length) return [];
  const ids = ranked.map((r) => r.id);
  const rows = await sql.all<Omit<SearchHit, 'snippet' | 'score'>>(`SELECT id, title, url, outlet, published_at, source_file FROM articles WHERE id IN (${marks(ids.length)})`, ids);
  const byId = new Map(rows.map((r) => [Number(r.id), r]));
  const paragraphs = new Map<number, string[]>(ids.map((id) => [id, []]));
  const texts = await sql.all<{ article_id: number; text: string }>(
    `SELECT article_id, text FROM paragraphs WHERE article_id IN (${marks(ids.length)}) ORDER BY article_id, position`,
    ids,
  );
  for (const p of texts) paragraphs.get(Number(p.article_id))?.push(p.text);
  const hits: SearchHit[] = [];
  for (const r of ranked) {
    const a = byId.get(r.id);
    if (!a) continue; // deleted since it was matched
    hits.push({ id: r.id, title: a.title, snippet: makeSnippet(paragraphs.get(r.id) ?? [], terms), score: r.score, url: a.url, outlet: a.outlet, published_at: a.published_at, source_file: a.source_file });
  }
  return hits;
}

/** How many of the best-ranked matches of a two-character term are checked for word boundaries (the first pages). */
const WORD_WINDOW = 60;

/**
 * `ranked` with the articles of its first WORD_WINDOW where `term` only ever straddles two words
 * (占中 in 占中国) moved after the rest of that window, order otherwise kept.
 */
export async function wordsFirst<T extends { id: number }>(sql: Sql, ranked: T[], term: string): Promise<T[]> {
  // A common word (疫情) or a longer term needs no check, and no articles read for one.
  if (!canStraddle(term) || ranked.length < 2) return ranked;
  const head = ranked.slice(0, WORD_WINDOW);
  const ids = head.map((r) => r.id);
  const text = new Map<number, string>(ids.map((id) => [id, '']));
  for (const r of await sql.all<{ id: number; title: string }>(`SELECT id, title FROM articles WHERE id IN (${marks(ids.length)})`, ids)) text.set(Number(r.id), r.title ?? '');
  for (const p of await sql.all<{ article_id: number; text: string }>(`SELECT article_id, text FROM paragraphs WHERE article_id IN (${marks(ids.length)})`, ids)) {
    text.set(Number(p.article_id), `${text.get(Number(p.article_id))}\n${p.text}`);
  }
  const across = new Set(head.filter((r) => onlyAcrossWords(term, toSearchForm(text.get(r.id) ?? ''))).map((r) => r.id));
  if (!across.size) return ranked;
  return [...head.filter((r) => !across.has(r.id)), ...head.filter((r) => across.has(r.id)), ...ranked.slice(WORD_WINDOW)];
}

/**
 * Full-text search over stored articles: any script (Simplified queries find Traditional text),
 * any length (two-character names like 川普 included), several terms ANDed. The newest CANDIDATES
 * matches are ranked by relevance (bm25, title weighted; or title hit for expanded short terms)
 * blended with recency, which bounds the cost at 100k articles; each hit has a snippet from the
 * original text.
 */
import type { Db } from '../store/db.ts';
import { loadParagraphs } from '../store/article-rows.ts';
import { prepareCached } from '../store/statements.ts';
import { parseQuery, type QueryTerm } from './parse-query.ts';
import { planConditions, planQuery, type QueryPlan } from './plan-query.ts';
import { makeSnippet } from './snippet.ts';

export interface SearchHit {
  id: number;
  title: string;
  snippet: string;
  /** Higher is better, in [0, 1]: 0.8 relevance + 0.2 recency. */
  score: number;
  url: string | null;
  outlet: string | null;
  published_at: string | null;
  source_file: string | null;
}

export interface SearchOptions {
  limit?: number;
  offset?: number;
}

export interface SearchPage {
  hits: SearchHit[];
  /** Matching articles (exact, except when `capped`). */
  total: number;
  /** True when a query with 1–2 character terms matched more than CANDIDATES: total is then CANDIDATES. */
  capped: boolean;
}

/** The newest this many matches are ranked (relevance + recency); older ones are not reachable by paging. */
export const CANDIDATES = 300;

interface Candidate {
  id: number;
  relevance: number;
  published_utc: string | null;
}

/**
 * Ids of the articles whose title or body contains `phrase` (in search form: either script, any
 * case), newest first, at most `limit`; unranked and without snippets. A candidate filter for
 * re-indexing, not a search answer.
 */
export function articlesContaining(db: Db, phrase: string, limit = 1000): number[] {
  const terms = parseQuery(`"${phrase.replace(/"/g, ' ')}"`);
  if (!terms.length) return [];
  const plan = planQuery(db, terms);
  if (plan.impossible) return [];
  const { where, params } = planConditions(plan);
  return prepareCached(db, `SELECT rowid FROM articles_fts WHERE ${where.join(' AND ')} ORDER BY rowid DESC LIMIT ?`)
    .pluck()
    .all(...params, limit) as number[];
}

/** Searches `query` and returns one page of hits (limit 10, offset 0 by default). */
export function searchArticles(db: Db, query: string, opts: SearchOptions = {}): SearchHit[] {
  return searchArticlesPage(db, query, opts).hits;
}

/** searchArticles with the number of matching articles, for "page 2 of N" replies. */
export function searchArticlesPage(db: Db, query: string, opts: SearchOptions = {}): SearchPage {
  const limit = Math.max(1, Math.min(opts.limit ?? 10, 100));
  const offset = Math.max(0, opts.offset ?? 0);
  const terms = parseQuery(query);
  if (!terms.length) return { hits: [], total: 0, capped: false };
  const plan = planQuery(db, terms);
  if (plan.impossible) return { hits: [], total: 0, capped: false };
  const candidates = plan.expanded ? expandedCandidates(db, plan, terms[0]) : rankedCandidates(db, plan.match!);
  const ranked = rankByRecency(candidates);
  const full = candidates.length >= CANDIDATES;
  const total = full && !plan.expanded ? countMatches(db, plan.match!) : candidates.length;
  return { hits: toHits(db, ranked.slice(offset, offset + limit), terms), total, capped: full && plan.expanded };
}

function rankedCandidates(db: Db, match: string): Candidate[] {
  // bm25 over the newest CANDIDATES matches only: ranking every match of a common word costs
  // hundreds of ms at 100k articles. The FTS query runs alone: joined to articles, SQLite may
  // re-run MATCH once per article row.
  const rows = prepareCached(
    db,
    `SELECT rowid AS id, bm25(articles_fts, 4.0, 1.0) AS s FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC LIMIT ${CANDIDATES}`,
  ).all(match) as { id: number; s: number }[];
  const best = rows.length ? Math.min(...rows.map((r) => r.s)) : -1;
  const when = publishedTimes(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ id: r.id, relevance: best < 0 ? r.s / best : 1, published_utc: when.get(r.id) ?? null }));
}

function expandedCandidates(db: Db, plan: QueryPlan, first: QueryTerm): Candidate[] {
  const { where, params } = planConditions(plan);
  const rows = prepareCached(
    db,
    `SELECT rowid AS id, instr(title, ?) > 0 AS in_title FROM articles_fts
     WHERE ${where.join(' AND ')} ORDER BY rowid DESC LIMIT ${CANDIDATES}`,
  ).all(first.folded, ...params) as { id: number; in_title: number }[];
  const when = publishedTimes(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ id: r.id, relevance: r.in_title ? 1 : 0.6, published_utc: when.get(r.id) ?? null }));
}

/** published_utc of the given articles, in one query. */
function publishedTimes(db: Db, ids: number[]): Map<number, string | null> {
  if (!ids.length) return new Map();
  const rows = prepareCached(db, 'SELECT id, published_utc FROM articles WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(ids)) as {
    id: number;
    published_utc: string | null;
  }[];
  return new Map(rows.map((r) => [r.id, r.published_utc]));
}

function countMatches(db: Db, match: string): number {
  return prepareCached(db, 'SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?').pluck().get(match) as number;
}

const HALF_LIFE_DAYS = 90;

/** 0.8 × relevance + 0.2 × recency (halving every 90 days before the newest candidate; undated: 0). */
function rankByRecency(cands: Candidate[]): { id: number; score: number }[] {
  const times = cands.map((c) => (c.published_utc ? Date.parse(c.published_utc) : NaN));
  const newest = Math.max(...times.filter((t) => !Number.isNaN(t)), 0);
  return cands
    .map((c, i) => {
      const t = times[i];
      const recency = Number.isNaN(t) ? 0 : Math.pow(0.5, (newest - t) / 86_400_000 / HALF_LIFE_DAYS);
      return { id: c.id, score: Math.round((0.8 * c.relevance + 0.2 * recency) * 10_000) / 10_000 };
    })
    .sort((a, b) => b.score - a.score || b.id - a.id);
}

function toHits(db: Db, ranked: { id: number; score: number }[], terms: QueryTerm[]): SearchHit[] {
  const paragraphs = loadParagraphs(
    db,
    ranked.map((r) => r.id),
  );
  const row = prepareCached(db, 'SELECT title, url, outlet, published_at, source_file FROM articles WHERE id = ?');
  return ranked.map((r) => {
    const a = row.get(r.id) as Omit<SearchHit, 'id' | 'snippet' | 'score'>;
    const texts = (paragraphs.get(r.id) ?? []).map((p) => p.text);
    return { id: r.id, title: a.title, snippet: makeSnippet(texts, terms), score: r.score, url: a.url, outlet: a.outlet, published_at: a.published_at, source_file: a.source_file };
  });
}

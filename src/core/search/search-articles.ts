/**
 * Full-text search over stored articles: any script (Simplified queries find Traditional text),
 * any length (two-character names like 川普 included), several terms ANDed. The newest CANDIDATES
 * matches are ranked by relevance (bm25, title weighted; or title hit for short terms) blended
 * with recency, which bounds the cost at 100k articles; each hit has a snippet from the original
 * text. This file holds the types and the ranking; the queries are the search store's
 * (src/core/store/search-store.ts), on SQLite or PostgreSQL.
 */

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
  /** True when the matches were not all counted (1–2 character terms, or a common word on PostgreSQL): total is then CANDIDATES, a lower bound. */
  capped: boolean;
}

/** The newest this many matches are ranked (relevance + recency); older ones are not reachable by paging. */
export const CANDIDATES = 300;

/** A match with its relevance in [0, 1] (1 = the best of the candidates). */
export interface Candidate {
  id: number;
  relevance: number;
  published_utc: string | null;
}

/** Limit (1–100, default 10) and offset (≥ 0) of a search request. */
export function pageBounds(opts: SearchOptions): { limit: number; offset: number } {
  return { limit: Math.max(1, Math.min(opts.limit ?? 10, 100)), offset: Math.max(0, opts.offset ?? 0) };
}

/** Relevance of each short-term candidate: 1 when the first term is in the title, else 0.6. */
export const SHORT_TITLE_RELEVANCE = 1;
export const SHORT_BODY_RELEVANCE = 0.6;

/** Relevance from bm25 scores (FTS5 sign: lower is better): each score over the best one. */
export function relativeRelevance(scores: number[]): number[] {
  const best = scores.length ? Math.min(...scores) : -1;
  return scores.map((s) => (best < 0 ? s / best : 1));
}

const HALF_LIFE_DAYS = 90;

/** 0.8 × relevance + 0.2 × recency (halving every 90 days before the newest candidate; undated: 0). */
export function rankByRecency(cands: Candidate[]): { id: number; score: number }[] {
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


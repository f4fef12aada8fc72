/**
 * The search store: the full-text index of articles and the queries over it, on both backends
 * (FTS5 on SQLite, pg_trgm + 1–2 character grams on PostgreSQL; see search/). Parsing, term
 * planning, ranking and snippets are the same for both (src/core/search/).
 */
import type { Sql } from './sql.ts';
import { parseQuery, type QueryTerm } from '../search/parse-query.ts';
import { planTerms } from '../search/plan-query.ts';
import { CANDIDATES, pageBounds, rankByRecency, type SearchHit, type SearchOptions, type SearchPage } from '../search/search-articles.ts';
import { loadHits, publishedTimes, wordsFirst, type SearchRow } from './search/search-rows.ts';
import type { SearchBackend } from './search/search-backend.ts';
import { sqliteSearch } from './search/sqlite-search.ts';
import { postgresSearch } from './search/postgres-search.ts';

export type { SearchRow } from './search/search-rows.ts';

/** The search store over `sql`: the index backend is picked by its dialect. */
export function searchStore(sql: Sql) {
  const index: SearchBackend = sql.dialect === 'postgres' ? postgresSearch(sql) : sqliteSearch(sql);

  /** The terms of a single phrase (quotes inside it are dropped). */
  const phraseTerms = (phrase: string): QueryTerm[] => parseQuery(`"${phrase.replace(/"/g, ' ')}"`);

  async function searchPage(query: string, opts: SearchOptions = {}): Promise<SearchPage> {
    const { limit, offset } = pageBounds(opts);
    const terms = parseQuery(query);
    if (!terms.length) return { hits: [], total: 0, capped: false };
    const cands = await index.candidates(planTerms(terms), terms[0].folded);
    const when = await publishedTimes(
      sql,
      cands.rows.map((r) => r.id),
    );
    let ranked = rankByRecency(cands.rows.map((r) => ({ ...r, published_utc: when.get(r.id) ?? null })));
    if (cands.short && terms.length === 1) ranked = await wordsFirst(sql, ranked, terms[0].folded);
    const full = cands.rows.length >= CANDIDATES;
    const counted = full && !cands.short ? await cands.count() : cands.rows.length;
    const total = counted ?? cands.rows.length;
    return { hits: await loadHits(sql, ranked.slice(offset, offset + limit), terms), total, capped: full && (cands.short || counted === null) };
  }

  return {
    /**
     * Writes (or replaces) the search rows of articles, title and body already in indexed form
     * (toIndexedForm). One call per write batch: on SQLite each call is one FTS5 segment.
     */
    writeRows: (rows: SearchRow[]): Promise<void> => index.writeRows(rows),

    /** Removes article `id` from the index (its article is being deleted). */
    deleteRow: (id: number): Promise<void> => index.deleteRow(id),

    /** Tidies the index after a write batch that stored or updated `changed` articles. */
    compact: (changed: number): Promise<void> => index.compact(changed),

    /**
     * Ids of the articles whose title or body contains `phrase` (either script, any case), newest
     * first, at most `limit`; unranked and without snippets. A candidate filter for re-indexing,
     * not a search answer.
     */
    async articlesContaining(phrase: string, limit = 1000): Promise<number[]> {
      const terms = phraseTerms(phrase);
      return terms.length ? index.matching(planTerms(terms), 'id', limit) : [];
    },

    /** Ids of the articles containing every word of `topic`, newest publication first (undated last), at most `cap` (/latest, /timeline topics). */
    async topicArticles(topic: string, cap: number): Promise<number[]> {
      const terms = parseQuery(topic.trim());
      return terms.length ? index.matching(planTerms(terms), 'published', cap) : [];
    },

    /** Searches `query` and returns one page of hits (limit 10, offset 0 by default). */
    async search(query: string, opts: SearchOptions = {}): Promise<SearchHit[]> {
      return (await searchPage(query, opts)).hits;
    },

    /** search with the number of matching articles, for "page 2 of N" replies. */
    searchPage,
  };
}

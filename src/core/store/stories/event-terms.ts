/**
 * The story store's same-event term index (core/stories/event-match.ts): each article's hashed
 * title-and-lead terms by publication day, and its term weight total (norm).
 */
import type { Sql } from '../sql.ts';
import { firstPerKey, inChunks, inList, insertRows } from './sql-lists.ts';

export function storyEventTerms(sql: Sql) {
  return {
    /** Removes what an article had indexed (before it is matched again). */
    async clearEventTerms(articleId: number): Promise<void> {
      await sql.run('DELETE FROM story_event_terms WHERE article_id = ?', [articleId]);
      await sql.run('DELETE FROM story_event_norms WHERE article_id = ?', [articleId]);
    },

    /** How many articles are indexed on days lo..hi. */
    async eventWindowSize(lo: number, hi: number): Promise<number> {
      const r = await sql.get<{ n: number }>('SELECT count(*) AS n FROM story_event_norms WHERE day BETWEEN ? AND ?', [lo, hi]);
      return Number(r?.n ?? 0);
    },

    /** For each term, the articles indexed with it on days lo..hi (at most `cap`, by day then id). */
    eventPostings(terms: number[], lo: number, hi: number, cap: number): Promise<Map<number, number[]>> {
      return firstPerKey(sql, 'story_event_terms', 'term', terms, 'day BETWEEN ? AND ?', [lo, hi], cap);
    },

    /** The stored norms of the given articles, by id. */
    async eventNorms(articleIds: number[]): Promise<Map<number, number>> {
      const out = new Map<number, number>();
      const rows = await inChunks(articleIds, 500, (chunk) => {
        const { marks, params } = inList(chunk);
        return sql.all<{ article_id: number; norm: number }>(`SELECT article_id, norm FROM story_event_norms WHERE article_id IN (${marks})`, params);
      });
      for (const r of rows) out.set(Number(r.article_id), Number(r.norm));
      return out;
    },

    /** Indexes an article's terms on `day`, with its norm. */
    async addEventTerms(articleId: number, day: number, terms: number[], norm: number): Promise<void> {
      await insertRows(sql, 'story_event_terms', ['term', 'day', 'article_id'], terms.map((t) => [t, day, articleId]));
      await sql.run('INSERT INTO story_event_norms (article_id, day, norm) VALUES (?, ?, ?)', [articleId, day, norm]);
    },
  };
}

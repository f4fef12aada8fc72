/**
 * The reads a digest is built from (core/digest/digest-source.ts groups them into candidate
 * stories): the non-backfill articles of a window, the story each belongs to with all its members,
 * the revisions made inside the window, and an article's text for topic filters.
 */
import type { Sql } from '../sql.ts';

/** One article as a digest shows it; `backfilled`: stored by a source's first poll (1), not news. */
export interface CandidateArticleRow {
  id: number;
  title: string;
  url: string | null;
  outlet: string | null;
  at: string;
  lead: string;
  backfilled: number;
}

export interface RevisionRow {
  article_id: number;
  at: string;
  old_title: string;
  new_title: string;
  body_changed: number;
}

const isBackfill = (alias: string) => `EXISTS (SELECT 1 FROM source_items si WHERE si.article_id = ${alias}.id AND si.backfill = 1)`;
const COLS = `a.id, a.title, a.url, a.outlet, COALESCE(a.published_utc, a.ingested_at) AS at, substr(a.body, 1, 600) AS lead, CASE WHEN ${isBackfill('a')} THEN 1 ELSE 0 END AS backfilled`;
const num = <T extends { id: number }>(r: T): T => ({ ...r, id: Number(r.id) });

/** The candidate reads over `sql` (exposed as `stores.subscriptions.candidates`). */
export function digestCandidateReads(sql: Sql) {
  return {
    /**
     * Ids of the non-backfill articles that count in (since, until]: published inside it, or with
     * no publication time and stored inside it, or published up to `lateFrom` before it and stored
     * inside it (a feed that lags). Ascending id.
     */
    async windowArticleIds(since: string, until: string, lateFrom: string): Promise<number[]> {
      const notBackfill = `NOT ${isBackfill('a')}`;
      const rows = await sql.all<{ id: number }>(
        `SELECT a.id FROM articles a WHERE a.published_utc > ? AND a.published_utc <= ? AND ${notBackfill}
         UNION
         SELECT a.id FROM articles a WHERE a.published_utc IS NULL AND a.ingested_at > ? AND a.ingested_at <= ? AND ${notBackfill}
         UNION
         SELECT a.id FROM articles a WHERE a.published_utc > ? AND a.published_utc <= ?
           AND a.ingested_at > ? AND a.ingested_at <= ? AND ${notBackfill}
         ORDER BY 1`,
        [since, until, since, until, lateFrom, since, since, until],
      );
      return rows.map((r) => Number(r.id));
    },
    /** The story article `articleId` belongs to, with its title (undefined: not clustered yet). */
    async storyOf(articleId: number): Promise<{ storyId: number; title: string } | undefined> {
      const r = await sql.get<{ story_id: number; title: string }>(
        `SELECT sa.story_id, s.title FROM story_articles sa JOIN stories s ON s.id = sa.story_id WHERE sa.article_id = ? ORDER BY sa.story_id LIMIT 1`,
        [articleId],
      );
      return r ? { storyId: Number(r.story_id), title: r.title } : undefined;
    },
    /** Every member article of a story, oldest publication first (the order its outlets are listed in). */
    async storyMembers(storyId: number): Promise<CandidateArticleRow[]> {
      const rows = await sql.all<CandidateArticleRow>(
        `SELECT ${COLS} FROM story_articles sa JOIN articles a ON a.id = sa.article_id WHERE sa.story_id = ? ORDER BY sa.published_at NULLS FIRST, sa.article_id`,
        [storyId],
      );
      return rows.map(num);
    },
    /** One article alone (not in a story). */
    async article(id: number): Promise<CandidateArticleRow | undefined> {
      const r = await sql.get<CandidateArticleRow>(`SELECT ${COLS} FROM articles a WHERE a.id = ?`, [id]);
      return r ? num(r) : undefined;
    },
    /** Whether a source's first poll stored article `id` (back catalogue, never news). */
    async isBackfilled(id: number): Promise<boolean> {
      return !!(await sql.get(`SELECT 1 AS x FROM source_items WHERE article_id = ? AND backfill = 1 LIMIT 1`, [id]));
    },
    /** Headline/body revisions made in (since, until], oldest first. */
    async revisionsBetween(since: string, until: string): Promise<RevisionRow[]> {
      const rows = await sql.all<RevisionRow>(
        `SELECT article_id, at, old_title, new_title, body_changed FROM article_revisions WHERE at > ? AND at <= ? ORDER BY at, id`,
        [since, until],
      );
      return rows.map((r) => ({ ...r, article_id: Number(r.article_id), body_changed: Number(r.body_changed) }));
    },
    /** Title and body of an article (topic filters search them). */
    async articleText(id: number): Promise<{ title: string; body: string } | undefined> {
      return sql.get<{ title: string; body: string }>(`SELECT title, body FROM articles WHERE id = ?`, [id]);
    },
  };
}

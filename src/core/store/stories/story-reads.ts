/**
 * The story store's read side: /latest, /story, alerts and follows read stories and their members
 * here. Lists are ordered explicitly (ties by id) so both backends answer the same.
 */
import type { Sql } from '../sql.ts';
import { inChunks, inList } from './sql-lists.ts';

/** A story row as /latest lists it (`outlets` still JSON). */
export interface StoryRow {
  id: number;
  title: string;
  first_seen: string | null;
  last_updated: string | null;
  article_count: number;
  outlets: string;
  last_published: string | null;
}

/** A member article of a story as /latest shows it. */
export interface StoryMemberView {
  id: number;
  title: string;
  url: string | null;
  outlet: string | null;
  published_at: string | null;
  duplicate_of: number | null;
}

/** A member article as /story reads it: outlet, languages (JSON), time and body. */
export interface StoryViewMember {
  id: number;
  title: string;
  outlet: string | null;
  languages: string;
  at: string;
  body: string;
}

/** A member as the alert pass reads it. */
export interface AlertMember {
  article_id: number;
  outlet: string | null;
  added_at: string;
  url: string | null;
  title: string;
  body: string;
}

const STORY_COLUMNS = 'id, title, first_seen, last_updated, article_count, outlets, last_published';

export function storyReads(sql: Sql) {
  return {
    /** A story's headline, or undefined when there is no such story. */
    async title(storyId: number): Promise<string | undefined> {
      const r = await sql.get<{ title: string }>('SELECT title FROM stories WHERE id = ?', [storyId]);
      return r?.title;
    },

    /** The newest `limit` stories by latest dated article (undated last), optionally updated after `since`. */
    async latest(limit: number, since?: string): Promise<StoryRow[]> {
      const where = since ? 'WHERE last_updated > ?' : '';
      return sql.all<StoryRow>(`SELECT ${STORY_COLUMNS} FROM stories ${where} ORDER BY last_published DESC NULLS LAST, id DESC LIMIT ?`, since ? [since, limit] : [limit]);
    },

    /** The given stories (any order), those updated after `since` when given. */
    async byIds(storyIds: number[], since: string | null): Promise<StoryRow[]> {
      return inChunks(storyIds, 500, (chunk) => {
        const { marks, params } = inList(chunk);
        return sql.all<StoryRow>(`SELECT ${STORY_COLUMNS} FROM stories WHERE id IN (${marks}) AND (CAST(? AS TEXT) IS NULL OR last_updated > ?) ORDER BY id`, [...params, since, since]);
      });
    },

    /** How many of `articleIds` each story holds, by story id. */
    async countMatching(articleIds: number[]): Promise<Map<number, number>> {
      const out = new Map<number, number>();
      const rows = await inChunks(articleIds, 500, (chunk) => {
        const { marks, params } = inList(chunk);
        return sql.all<{ story_id: number; n: number }>(`SELECT story_id, count(*) AS n FROM story_articles WHERE article_id IN (${marks}) GROUP BY story_id ORDER BY story_id`, params);
      });
      for (const r of rows) out.set(Number(r.story_id), (out.get(Number(r.story_id)) ?? 0) + Number(r.n));
      return out;
    },

    /** Members of each story, earliest publication first (undated last), by story id. */
    async membersOf(storyIds: number[]): Promise<Map<number, StoryMemberView[]>> {
      const out = new Map<number, StoryMemberView[]>(storyIds.map((id) => [id, []]));
      if (!storyIds.length) return out;
      const { marks, params } = inList(storyIds);
      const rows = await sql.all<StoryMemberView & { story_id: number }>(
        `SELECT m.story_id, a.id, a.title, a.url, COALESCE(m.outlet, a.outlet) AS outlet, a.published_at, m.duplicate_of
         FROM story_articles m JOIN articles a ON a.id = m.article_id
         WHERE m.story_id IN (${marks}) ORDER BY m.story_id, m.published_at IS NULL, m.published_at, a.id`,
        params,
      );
      for (const { story_id, ...m } of rows) out.get(Number(story_id))?.push(m);
      return out;
    },

    /** Members of a story for /story: by publication (else ingest) time, then id. */
    async viewMembers(storyId: number): Promise<StoryViewMember[]> {
      return sql.all<StoryViewMember>(
        `SELECT a.id, a.title, COALESCE(m.outlet, a.outlet, a.agency) AS outlet, a.languages, COALESCE(a.published_utc, a.ingested_at) AS at, a.body
         FROM story_articles m JOIN articles a ON a.id = m.article_id WHERE m.story_id = ? ORDER BY at, a.id`,
        [storyId],
      );
    },

    /** Articles added to stories in (after, upTo], except backfilled source items, by article id. */
    async addedBetween(after: string, upTo: string): Promise<{ article_id: number; story_id: number }[]> {
      return sql.all(
        `SELECT sa.article_id, sa.story_id FROM story_articles sa WHERE sa.added_at > ? AND sa.added_at <= ?
         AND NOT EXISTS (SELECT 1 FROM source_items si WHERE si.article_id = sa.article_id AND si.backfill = 1)
         ORDER BY sa.article_id`,
        [after, upTo],
      );
    },

    /** Members of a story added up to `upTo`, in the order they were added (first 300 characters of the body). */
    async alertMembers(storyId: number, upTo: string): Promise<AlertMember[]> {
      return sql.all<AlertMember>(
        `SELECT sa.article_id, COALESCE(sa.outlet, a.outlet, a.agency) AS outlet, sa.added_at, a.url, a.title, substr(a.body, 1, 300) AS body
         FROM story_articles sa JOIN articles a ON a.id = sa.article_id WHERE sa.story_id = ? AND sa.added_at <= ? ORDER BY sa.added_at, sa.article_id`,
        [storyId, upTo],
      );
    },
  };
}

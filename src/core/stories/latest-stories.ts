/**
 * Reads the newest stories, each once with its member articles (outlets, times, links), for
 * /latest and digests. A topic narrows to stories that contain an article matching it.
 */
import type { Db } from '../store/db.ts';
import { findTopicArticles } from './find-topic-articles.ts';

export interface StoryMember {
  id: number;
  title: string;
  url: string | null;
  outlet: string | null;
  published_at: string | null;
  /** The article this one reprints (same wire), else null. */
  duplicate_of: number | null;
}

export interface StorySummary {
  id: number;
  title: string;
  first_seen: string | null;
  last_updated: string | null;
  article_count: number;
  outlets: string[];
  /** Members, earliest first. */
  articles: StoryMember[];
}

export interface LatestOptions {
  limit: number;
  /** A name or words; only stories with a matching article. */
  topic?: string;
  /** Only stories updated after this ISO instant. */
  since?: string;
}

interface StoryRow {
  id: number;
  title: string;
  first_seen: string | null;
  last_updated: string | null;
  article_count: number;
  outlets: string;
}

/** Members of one story, earliest first (undated last). */
export function storyMembers(db: Db, storyId: number): StoryMember[] {
  return db
    .prepare(
      `SELECT a.id, a.title, a.url, COALESCE(m.outlet, a.outlet) AS outlet, a.published_at, m.duplicate_of
       FROM story_articles m JOIN articles a ON a.id = m.article_id
       WHERE m.story_id = ? ORDER BY m.published_at IS NULL, m.published_at, a.id`,
    )
    .all(storyId) as StoryMember[];
}

/** The newest `limit` stories (by their latest dated article; undated stories last), optionally about `topic` and newer than `since`. */
export function latestStories(db: Db, opts: LatestOptions): StorySummary[] {
  const where: string[] = [];
  const params: unknown[] = [];
  let order = 'last_published DESC, id DESC';
  if (opts.topic !== undefined) {
    const ids = findTopicArticles(db, opts.topic);
    if (!ids.length) return [];
    const storyIds = db
      .prepare(`SELECT DISTINCT story_id FROM story_articles WHERE article_id IN (${ids.map(() => '?').join(',')})`)
      .pluck()
      .all(...ids) as number[];
    where.push(`id IN (${storyIds.map(() => '?').join(',')})`);
    params.push(...storyIds);
    // A few hundred stories by id, then sorted: cheaper than walking the time index past unrelated ones.
    order = '+last_published DESC, id DESC';
  }
  if (opts.since) {
    where.push('last_updated > ?');
    params.push(opts.since);
  }
  const rows = db
    .prepare(
      `SELECT id, title, first_seen, last_updated, article_count, outlets FROM stories
       ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY ${order} LIMIT ?`,
    )
    .all(...params, opts.limit) as StoryRow[];
  return rows.map((r) => ({ ...r, outlets: JSON.parse(r.outlets) as string[], articles: storyMembers(db, r.id) }));
}

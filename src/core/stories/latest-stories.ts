/**
 * Reads the newest stories, each once with its member articles (outlets, times, links), for
 * /latest and digests. A topic narrows to stories that contain an article matching it, the
 * stories most about it first.
 */
import type { Db } from '../store/db.ts';
import { findTopicArticles } from './find-topic-articles.ts';
import { lookupEntityNames } from '../entities/legacy/topics.ts';
import { topicMatcher } from '../timeline/build-timeline.ts';

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

type Statement = import('better-sqlite3').Statement;
const statements = new WeakMap<Db, Record<string, Statement>>();

/** The prepared statements of this module, once per database (preparing costs more than running them). */
function prepared(db: Db): Record<string, Statement> {
  let st = statements.get(db);
  if (!st) {
    st = {
      members: db.prepare(
        `SELECT a.id, a.title, a.url, COALESCE(m.outlet, a.outlet) AS outlet, a.published_at, m.duplicate_of
         FROM story_articles m JOIN articles a ON a.id = m.article_id
         WHERE m.story_id = ? ORDER BY m.published_at IS NULL, m.published_at, a.id`,
      ),
      matched: db.prepare(`SELECT story_id, count(*) AS n FROM story_articles WHERE article_id IN (SELECT value FROM json_each(?)) GROUP BY story_id`),
      stories: db.prepare(
        `SELECT id, title, first_seen, last_updated, article_count, outlets, last_published FROM stories
         WHERE id IN (SELECT value FROM json_each(?)) AND (? IS NULL OR last_updated > ?)`,
      ),
    };
    statements.set(db, st);
  }
  return st;
}

/** Members of one story, earliest first (undated last). */
export function storyMembers(db: Db, storyId: number): StoryMember[] {
  return prepared(db).members.all(storyId) as StoryMember[];
}

/** The newest `limit` stories (by their latest dated article; undated stories last), optionally about `topic` and newer than `since`. */
export function latestStories(db: Db, opts: LatestOptions): StorySummary[] {
  const where: string[] = [];
  const params: unknown[] = [];
  const order = 'last_published DESC, id DESC';
  if (opts.topic !== undefined) return topicStories(db, opts.topic, opts);
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

/**
 * Stories about `topic`, the most about it first: those whose headline names it (any spelling),
 * then those where most member articles mention it, then the rest; newest first within each.
 */
function topicStories(db: Db, topic: string, opts: LatestOptions): StorySummary[] {
  const ids = findTopicArticles(db, topic);
  if (!ids.length) return [];
  const st = prepared(db);
  const matched = new Map<number, number>((st.matched.all(JSON.stringify(ids)) as { story_id: number; n: number }[]).map((r) => [r.story_id, r.n]));
  if (!matched.size) return [];
  const since = opts.since ?? null;
  const rows = st.stories.all(JSON.stringify([...matched.keys()]), since, since) as (StoryRow & { last_published: string | null })[];
  const { names } = lookupEntityNames(db, topic);
  const names_ = topicMatcher(names.length ? [topic, ...names] : topic.split(/\s+/).filter(Boolean));

  const rank = new Map(rows.map((r) => [r.id, (names_(r.title) ? 2 : 0) + ((matched.get(r.id) ?? 0) * 2 >= r.article_count ? 1 : 0)]));
  rows.sort((a, b) => rank.get(b.id)! - rank.get(a.id)! || (b.last_published ?? '').localeCompare(a.last_published ?? '') || b.id - a.id);
  return rows.slice(0, opts.limit).map(({ last_published: _l, ...r }) => ({ ...r, outlets: JSON.parse(r.outlets) as string[], articles: storyMembers(db, r.id) }));
}

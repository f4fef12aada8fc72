/**
 * Reads digest candidates from the store: the articles of a window (not back-catalogue items a
 * source's first poll stored), grouped by their story (C2's story_articles), each story with all its
 * member articles so the digest lists every outlet. An article counts from its publication time
 * (ingestion time when it has none); one published shortly before the window but stored inside it
 * (a feed that lags by up to 6 hours) counts too. The per-subscription record of sent stories keeps either from repeating.
 */
import type { Db } from '../store/db.ts';
import type { CandidateArticle, CandidateStory } from './build-digest.ts';
import type { DigestSource } from './compose-digest.ts';
import type { TopicQuery } from './subscription-store.ts';
import { matchesTopic } from './topic.ts';

const LATE_MS = 6 * 3600 * 1000;

interface ArticleRow extends CandidateArticle {
  story_id: number | null;
  story_title: string | null;
}

/**
 * Creates the SQL-backed candidate source over `db`. With `memo`, the window's stories are read
 * once per (since, until) and only the topic filter runs again (one scheduler pass: thousands of
 * subscriptions share a few windows); without, every call reads the store (the baseline).
 */
export function createSqlDigestSource(db: Db, opts: { memo?: boolean } = {}): DigestSource {
  const memo = new Map<string, CandidateStory[]>();
  const notBackfill = `NOT EXISTS (SELECT 1 FROM source_items si WHERE si.article_id = a.id AND si.backfill = 1)`;
  const windowIds = db.prepare(`
    SELECT a.id FROM articles a WHERE a.published_utc > @since AND a.published_utc <= @until AND ${notBackfill}
    UNION
    SELECT a.id FROM articles a WHERE a.published_utc IS NULL AND a.ingested_at > @since AND a.ingested_at <= @until AND ${notBackfill}
    UNION
    SELECT a.id FROM articles a WHERE a.published_utc > @lateFrom AND a.published_utc <= @since
      AND a.ingested_at > @since AND a.ingested_at <= @until AND ${notBackfill}`);
  const cols = `a.id, a.title, a.url, a.outlet, COALESCE(a.published_utc, a.ingested_at) AS at, substr(a.body, 1, 600) AS lead`;
  const storyOf = db.prepare(`SELECT sa.story_id, s.title AS story_title FROM story_articles sa JOIN stories s ON s.id = sa.story_id WHERE sa.article_id = ?`);
  const members = db.prepare(`SELECT ${cols}, sa.story_id, NULL AS story_title FROM story_articles sa JOIN articles a ON a.id = sa.article_id WHERE sa.story_id = ?`);
  const single = db.prepare(`SELECT ${cols}, NULL AS story_id, NULL AS story_title FROM articles a WHERE a.id = ?`);
  const backfilled = db.prepare(`SELECT 1 FROM source_items WHERE article_id = ? AND backfill = 1 LIMIT 1`);
  const revised = db.prepare(`SELECT article_id, at, old_title, new_title, body_changed FROM article_revisions WHERE at > @since AND at <= @until ORDER BY at, id`);

  const toArticle = (r: ArticleRow): CandidateArticle => ({ id: r.id, title: r.title, url: r.url, outlet: r.outlet, at: r.at, lead: r.lead });

  return {
    candidates({ since, until, topic, limit }) {
      void limit;
      const key = `${since.toISOString()}|${until.toISOString()}`;
      let all = opts.memo ? memo.get(key) : undefined;
      if (!all) {
        all = readWindow(since, until);
        if (opts.memo) memo.set(key, all);
      }
      return topic ? all.filter((c) => c.articles.some((a) => matchesTopic(db, a, topic))) : all;
    },
  };

  function readWindow(since: Date, until: Date): CandidateStory[] {
    const params = { since: since.toISOString(), until: until.toISOString(), lateFrom: new Date(since.getTime() - LATE_MS).toISOString() };
    const ids = (windowIds.all(params) as { id: number }[]).map((r) => r.id);
    const stories = new Map<number, CandidateStory>();
    const storyFor = (id: number): CandidateStory => {
      const s = storyOf.get(id) as { story_id: number; story_title: string } | undefined;
      const key = s ? s.story_id : -id; // an article not (yet) in a story stands alone
      let c = stories.get(key);
      if (!c) {
        const rows = (s ? members.all(s.story_id) : single.all(id)) as ArticleRow[];
        const articles = rows.filter((r) => r.id === id || !backfilled.get(r.id)).map(toArticle);
        c = { storyId: key, title: s?.story_title ?? rows[0]?.title ?? '', articles, newArticleIds: [] };
        stories.set(key, c);
      }
      return c;
    };
    for (const id of ids) storyFor(id).newArticleIds.push(id);
    // Articles rewritten inside the window (a changed headline or body) bring their story back, marked updated.
    const revs = revised.all({ since: params.since, until: params.until }) as { article_id: number; at: string; old_title: string; new_title: string; body_changed: number }[];
    for (const r of revs) {
      if (backfilled.get(r.article_id)) continue;
      const c = storyFor(r.article_id);
      (c.revisions ??= []).push({ articleId: r.article_id, at: r.at, oldTitle: r.old_title, newTitle: r.new_title, bodyChanged: r.body_changed === 1 });
    }
    return [...stories.values()];
  }
}

/** Memoizes candidates per (window, topic) for one scheduler pass: 10,000 digests due at 08:00 share a few windows. */
export function cacheDigestSource(source: DigestSource): DigestSource {
  const cache = new Map<string, CandidateStory[]>();
  return {
    candidates(q) {
      const key = `${q.since.toISOString()}|${q.until.toISOString()}|${JSON.stringify(q.topic)}|${q.limit}`;
      let hit = cache.get(key);
      if (!hit) cache.set(key, (hit = source.candidates(q)));
      return hit;
    },
  };
}

export type { TopicQuery };

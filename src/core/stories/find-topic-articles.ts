/**
 * The articles a topic (a name or a few words) is about, newest first, for /latest and
 * /timeline. A topic that names people, organisations or places (any script or spelling:
 * zelensky = 泽连斯基 = 澤倫斯基) goes through the entity index, so it finds every spelling;
 * plain words go through the full-text index (the same query planning as /search). Ids only,
 * capped, so a broad topic stays fast on a large archive.
 */
import type { Db } from '../store/db.ts';
import { parseQuery } from '../search/parse-query.ts';
import { planConditions, planQuery } from '../search/plan-query.ts';
import { articleIdsForEntity, matchTopic } from '../entities/legacy/topics.ts';

export const TOPIC_ARTICLE_CAP = 300;

/** Ids of the articles matching `topic`, newest publication first (undated last), at most `cap`. */
export function findTopicArticles(db: Db, topic: string, cap = TOPIC_ARTICLE_CAP): number[] {
  const entities = matchTopic(db, topic.trim());
  if (entities.length) {
    // Several names ("普丁 川普"): articles mentioning all of them.
    const lists = entities.map((id) => articleIdsForEntity(db, id, entities.length === 1 ? cap : 5000));
    const rest = lists.slice(1).map((l) => new Set(l));
    const both = lists[0].filter((id) => rest.every((s) => s.has(id))).slice(0, cap);
    if (both.length) return both;
  }
  return searchTopicArticles(db, topic, cap);
}

/** Full-text route of findTopicArticles: articles containing every word of `topic`, newest first. */
export function searchTopicArticles(db: Db, topic: string, cap = TOPIC_ARTICLE_CAP): number[] {
  const terms = parseQuery(topic.trim());
  if (!terms.length) return [];
  const plan = planQuery(db, terms);
  if (plan.impossible) return [];
  const { where, params } = planConditions(plan, 'f.');
  return db
    .prepare(
      `SELECT f.rowid FROM articles_fts f JOIN articles a ON a.id = f.rowid
       WHERE ${where.join(' AND ')} ORDER BY a.published_utc IS NULL, a.published_utc DESC, f.rowid DESC LIMIT ?`,
    )
    .pluck()
    .all(...params, cap) as number[];
}

/**
 * TRANSITIONAL (issue 14, moved out of core/stories/find-topic-articles.ts by the stories
 * helper): the full-text route of /latest and /timeline topics. Its FTS5 SQL belongs in the
 * search store (a method such as `stores.search.idsNewestFirst(topic, cap)`, with its
 * PostgreSQL twin); until then it reads the SQLite handle.
 */
import type { Db } from '../store/db.ts';
import { parseQuery } from './parse-query.ts';
import { planConditions, planQuery } from './plan-query.ts';

/** Ids of the articles containing every word of `topic`, newest publication first (undated last), at most `cap`. */
export function searchTopicArticleIds(db: Db, topic: string, cap: number): number[] {
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

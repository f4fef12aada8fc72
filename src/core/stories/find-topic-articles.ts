/**
 * The articles a topic (a name or a few words) is about, newest first, for /latest and
 * /timeline. Full-text match in any script and length through the search index (the same query
 * planning as /search), ids only: no snippets, no ranking beyond recency, capped so a broad
 * topic stays fast on a large archive.
 */
import type { Db } from '../store/db.ts';
import { parseQuery } from '../search/parse-query.ts';
import { planQuery } from '../search/plan-query.ts';

export const TOPIC_ARTICLE_CAP = 300;

/** Ids of the articles matching `topic`, newest publication first (undated last), at most `cap`. */
export function findTopicArticles(db: Db, topic: string, cap = TOPIC_ARTICLE_CAP): number[] {
  const terms = parseQuery(topic.trim());
  if (!terms.length) return [];
  const plan = planQuery(db, terms);
  if (plan.impossible) return [];
  const where: string[] = [];
  const params: unknown[] = [];
  if (plan.match) {
    where.push('articles_fts MATCH ?');
    params.push(plan.match);
  }
  for (const s of plan.scans) {
    where.push('instr(f.title || f.body, ?) > 0');
    params.push(s);
  }
  return db
    .prepare(
      `SELECT f.rowid FROM articles_fts f JOIN articles a ON a.id = f.rowid
       WHERE ${where.join(' AND ')} ORDER BY a.published_utc IS NULL, a.published_utc DESC, f.rowid DESC LIMIT ?`,
    )
    .pluck()
    .all(...params, cap) as number[];
}

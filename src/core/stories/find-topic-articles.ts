/**
 * The articles a topic (a name or a few words) is about, for /latest and /timeline: full-text
 * search in any script and length (searchArticles), best matches first, capped so a broad topic
 * stays fast on a large archive.
 */
import type { Db } from '../store/db.ts';
import { searchArticles } from '../search/search-articles.ts';

export const TOPIC_ARTICLE_CAP = 100;

/** Ids of the articles matching `topic`, best first, at most `cap`. */
export function findTopicArticles(db: Db, topic: string, cap = TOPIC_ARTICLE_CAP): number[] {
  const q = topic.trim();
  if (!q) return [];
  return searchArticles(db, q, { limit: Math.min(cap, 100) }).map((h) => h.id);
}

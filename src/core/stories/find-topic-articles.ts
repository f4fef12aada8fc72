/**
 * The articles a topic (a name or a few words) is about, newest first, for /latest and
 * /timeline. A topic that names people, organisations or places (any script or spelling:
 * zelensky = 泽连斯基 = 澤倫斯基) goes through the entity index, so it finds every spelling;
 * plain words go through the full-text index (the same query planning as /search). Ids only,
 * capped, so a broad topic stays fast on a large archive.
 */
import type { Stores } from '../store/stores.ts';
import { articleIdsForEntity, matchTopic } from '../entities/topics.ts';

export const TOPIC_ARTICLE_CAP = 300;

/** Ids of the articles matching `topic`, newest publication first (undated last), at most `cap`. */
export async function findTopicArticles(stores: Stores, topic: string, cap = TOPIC_ARTICLE_CAP): Promise<number[]> {
  const entities = await matchTopic(stores, topic.trim());
  if (entities.length) {
    // Several names ("普丁 川普"): articles mentioning all of them.
    const lists: number[][] = [];
    for (const id of entities) lists.push(await articleIdsForEntity(stores, id, entities.length === 1 ? cap : 5000));
    const rest = lists.slice(1).map((l) => new Set(l));
    const both = lists[0].filter((id) => rest.every((s) => s.has(id))).slice(0, cap);
    if (both.length) return both;
  }
  return searchTopicArticles(stores, topic, cap);
}

/** Full-text route of findTopicArticles: articles containing every word of `topic`, newest first. */
export async function searchTopicArticles(stores: Stores, topic: string, cap = TOPIC_ARTICLE_CAP): Promise<number[]> {
  return await stores.search.topicArticles(topic, cap);
}

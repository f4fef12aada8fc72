/**
 * Everything /who shows about one entity, read from the mention index: articles newest first,
 * stories, first and last seen, spellings, roles, latest headlines and who appears alongside.
 * Every query is an index range on entity_mentions, so the cost grows with the answer, not the archive.
 */
import type { Stores } from '../store/stores.ts';
import { CO_MENTION_SAMPLE, STORY_SAMPLE } from '../store/entity-store.ts';
import { getAliasIndex, type EntityInfo } from './alias-index.ts';
import { entityById } from './found-entities.ts';

export { CO_MENTION_SAMPLE, STORY_SAMPLE };

/** An article line of the /who reply. */
export interface Headline {
  id: number;
  title: string;
  url: string | null;
  outlet: string | null;
  published_at: string | null;
}

/** What /who knows about one entity. */
export interface EntityReport {
  entity: EntityInfo;
  /** Ids of every article mentioning the entity, newest first (undated last). */
  articleIds: number[];
  /** Distinct stories among those articles (among the newest STORY_SAMPLE when `storiesCapped`). */
  storyCount: number | null;
  storiesCapped: boolean;
  /** Sort dates (UTC ISO) of the first and last dated mention, or null. */
  firstSeen: string | null;
  lastSeen: string | null;
  spellings: { value: string; articles: number }[];
  roles: { value: string; articles: number }[];
  headlines: Headline[];
  /** People and organisations most often mentioned in the same articles (counted over `coSample` latest articles). */
  coMentions: { entity: EntityInfo; articles: number }[];
  coSample: number;
}

/** Builds the /who report of `entityId`, or null if there is no such entity. */
export async function buildEntityReport(stores: Stores, entityId: string, opts: { headlines?: number; coMentions?: number } = {}): Promise<EntityReport | null> {
  const store = stores.entities;
  const idx = await getAliasIndex(stores);
  const entity = await entityById(stores, idx.entities, entityId);
  if (!entity) return null;
  const articleIds = await store.articleIds(entityId);
  const { first, last } = await store.seenRange(entityId);
  const storiesCapped = articleIds.length > STORY_SAMPLE;
  const storyCount = await store.storyCount(entityId);
  const spellings = await store.facets(entityId, 'spelling');
  const roles = await store.facets(entityId, 'role');
  const headlines = await store.headlines(articleIds.slice(0, opts.headlines ?? 5));
  const coSample = Math.min(articleIds.length, CO_MENTION_SAMPLE);
  const coMentions: { entity: EntityInfo; articles: number }[] = [];
  for (const r of await store.coMentions(entityId)) {
    if (coMentions.length >= (opts.coMentions ?? 5)) break;
    const e = await entityById(stores, idx.entities, r.id);
    if (e && e.type !== 'place') coMentions.push({ entity: e, articles: r.n });
  }
  return { entity, articleIds, storyCount, storiesCapped, firstSeen: first, lastSeen: last, spellings, roles, headlines, coMentions, coSample };
}

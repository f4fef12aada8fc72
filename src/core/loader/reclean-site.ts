/**
 * Site furniture learned after the fact: when a line of a site reaches MIN_REPEATS other articles
 * with the one just stored, the site's earlier articles that carry it are cleaned again and
 * re-indexed, so the first articles of a new outlet end up as clean as its tenth, and what is
 * stored depends on the set of articles, not on the order they arrived in.
 */
import type { Stores } from '../store/stores.ts';
import type { DeferredIndexing } from '../knowledge/deferred-indexing.ts';
import { dropSiteFurniture, MIN_REPEATS, siteLineKeys } from '../clean/site-furniture.ts';
import { storeArticle } from './store-article.ts';

/**
 * The keys that just became furniture for the site's other articles: seen in exactly MIN_REPEATS
 * other articles before this one (`repeats`), so each of those now has MIN_REPEATS others too.
 */
export function crossedKeys(repeats: Map<string, number>): string[] {
  return [...repeats].filter(([, n]) => n === MIN_REPEATS).map(([k]) => k);
}

/** Cleans again the articles of `site` (other than `exceptId`) carrying any of `keys`; returns how many changed. */
export async function recleanSite(stores: Stores, site: string, keys: string[], exceptId: number, deferred?: DeferredIndexing): Promise<number> {
  if (!keys.length) return 0;
  let changed = 0;
  for (const id of await stores.articles.articlesWithSiteLines(site, keys, exceptId)) {
    const stored = await stores.articles.get(id);
    if (!stored) continue;
    const cleaned = dropSiteFurniture(stored, await stores.articles.countSiteLines(site, siteLineKeys(stored), id));
    if (cleaned === stored) continue;
    const r = await storeArticle(stores, cleaned, { source_file: stored.source_file }, { rewrite: id, deferred });
    if (r.status === 'updated') changed++;
  }
  return changed;
}

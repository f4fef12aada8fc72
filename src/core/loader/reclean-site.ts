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
import { rederiveArticle } from '../knowledge/derive-article.ts';

/**
 * The keys that just became furniture for the site's other articles: seen in exactly MIN_REPEATS
 * other articles before this one (`repeats`), so each of those now has MIN_REPEATS others too.
 */
export function crossedKeys(repeats: Map<string, number>): string[] {
  return [...repeats].filter(([, n]) => n === MIN_REPEATS).map(([k]) => k);
}

/** Cleans again the articles of `site` (other than `exceptId`) carrying any of `keys`. */
export async function recleanSite(stores: Stores, site: string, keys: string[], exceptId: number, deferred?: DeferredIndexing): Promise<void> {
  if (!keys.length) return;
  for (const id of await stores.articles.articlesWithSiteLines(site, keys, exceptId)) {
    // The article as this run stored it, with its derivation, when remembered; else read back.
    const known = deferred?.recall(id);
    const stored = known?.article ?? (await stores.articles.get(id));
    if (!stored) continue;
    const cleaned = dropSiteFurniture(stored, await stores.articles.countSiteLines(site, siteLineKeys(stored), id));
    if (cleaned === stored) continue;
    const derived = known ? rederiveArticle(cleaned, known.article, known.derived) : undefined;
    const r = await storeArticle(stores, cleaned, { source_file: null }, { rewrite: id, deferred, derived });
    if (r.status === 'updated' && derived) deferred?.remember(id, cleaned, derived);
  }
}

/**
 * Aliases are learned as articles arrive (尚皮耶（Karine Jean-Pierre） teaches 尚皮耶), so an
 * article stored earlier that says only 尚皮耶 was indexed before the alias existed. After each
 * write batch, the articles containing a newly learned alias (found through the search index,
 * so the cost does not grow with the archive) that are not yet linked to its entity have their
 * mentions indexed again.
 */
import type { Stores } from '../store/stores.ts';
import { toSearchForm } from '../search/search-text.ts';
import { indexEntities } from './index-entities.ts';
import type { LearnedAlias } from './learn-aliases.ts';

/** At most this many earlier articles are re-indexed per alias (a common word learned as a name should not rewrite the archive). */
const MAX_PER_ALIAS = 500;

/**
 * Re-indexes the mentions of stored articles that contain one of `learned` but are not linked to
 * its entity; returns how many articles were re-indexed. Run inside the write transaction, once
 * the search index holds every article written so far.
 */
export async function relinkLearnedAliases(stores: Stores, learned: LearnedAlias[]): Promise<number> {
  // Script variants of one name share a search form: one lookup each.
  const byForm = new Map<string, LearnedAlias[]>();
  for (const l of learned) {
    const form = toSearchForm(l.alias);
    if (!form) continue;
    const list = byForm.get(form) ?? [];
    if (!list.some((x) => x.entityId === l.entityId)) list.push(l);
    byForm.set(form, list);
  }
  const done = new Set<number>();
  for (const [form, aliases] of byForm) {
    for (const id of await stores.search.articlesContaining(form, MAX_PER_ALIAS)) {
      if (done.has(id)) continue;
      let linked = true;
      for (const a of aliases) if (!(await stores.entities.mentionsAny(id, [a.entityId]))) linked = false;
      if (linked) continue;
      const article = await stores.articles.get(id);
      if (!article) continue;
      // The matcher decides (word boundaries, capitals, context): containing the text is only a candidate.
      await indexEntities(stores, article, { learn: false });
      done.add(id);
    }
  }
  return done.size;
}

// TRANSITIONAL (issue 14, entities helper): the synchronous SQLite version of this module, kept only for
// callers in other areas that are still synchronous (ingest chain, stories, digest, follows). Delete
// this folder once they await the store-based functions in src/core/entities/.
/**
 * What entity a typed name means, for /who, /timeline and topic filters: exact alias in any script
 * and spacing, canonical id, a person's surname, then a misspelling within a few edits. Anything
 * less certain comes back as suggestions instead of a guess.
 */
import type { Db } from '../../store/db.ts';
import { getAliasIndex, type AliasIndex, type EntityInfo } from './alias-index.ts';
import { foldKey, hasHan } from '../fold.ts';
import { allowedEdits, editDistance } from '../fuzzy.ts';
import { entityById, foundEntitiesByKey } from './found-entities.ts';
import { nameKey } from '../article-names.ts';
import { scriptVariants } from '../fold.ts';
import { prepareCached } from '../../store/statements.ts';

/** The answer to "who is this name": one entity, or suggestions. */
export interface ResolveResult {
  /** The entity meant, or null when the name is unknown or too ambiguous. */
  entity: EntityInfo | null;
  /** How it was found ('found': a name recognised in the text, not in the alias data). */
  how: 'alias' | 'id' | 'surname' | 'found' | 'fuzzy' | null;
  /**
   * How sure: exact (the entity's own name or id), alias (another known spelling, a unique
   * surname), fuzzy (a guess: show it as "did you mean", never as the answer), none.
   */
  match: 'exact' | 'alias' | 'fuzzy' | 'none';
  /** The known spelling the query was matched to (for "showing results for …"). */
  matched: string | null;
  /** Other entities the same name can mean (柯比: Elbridge Colby or John Kirby), most mentioned first. */
  alternatives: EntityInfo[];
  /** Close matches for an unknown name, best first (at most 5). */
  suggestions: EntityInfo[];
}

const articleCounts = new WeakMap<Db, { all(): unknown; get(id: string): unknown }>();

/** How many articles mention `entityId` (kept in entity_facets, so O(1)). */
export function mentionCount(db: Db, entityId: string): number {
  let st = articleCounts.get(db);
  if (!st) articleCounts.set(db, (st = db.prepare(`SELECT articles FROM entity_facets WHERE entity_id = ? AND kind = 'count' AND value = ''`) as never));
  const row = st.get(entityId) as { articles: number } | undefined;
  return row?.articles ?? 0;
}

function rank(db: Db, idx: AliasIndex, ids: Iterable<string>): EntityInfo[] {
  return [...new Set(ids)]
    .map((id) => entityById(db, idx.entities, id))
    .filter((e): e is EntityInfo => !!e)
    .map((e) => ({ e, n: mentionCount(db, e.id) }))
    .sort((a, b) => b.n - a.n || (a.e.source === b.e.source ? 0 : a.e.source === 'curated' ? -1 : 1))
    .map((x) => x.e);
}

function found(db: Db, idx: AliasIndex, ids: string[], how: ResolveResult['how'], matched: string | null, key = ''): ResolveResult {
  const [entity, ...alternatives] = rank(db, idx, ids);
  const own = !!entity && (how === 'id' || how === 'found' || [entity.name_zh, entity.name_en].some((n) => n && scriptVariants(n).some((v) => foldKey(v) === key)));
  const match = !entity ? 'none' : how === 'fuzzy' ? 'fuzzy' : own ? 'exact' : 'alias';
  return { entity: entity ?? null, how, match, matched, alternatives, suggestions: [] };
}

/** Found names (see found-entities.ts) starting with `key`, most mentioned first: suggestions for an unknown name. */
function foundByPrefix(db: Db, key: string): string[] {
  if ([...key].length < 2) return [];
  return prepareCached(db, `SELECT entity_id FROM entity_names WHERE key > ? AND key < ? LIMIT 20`).pluck().all(key, key + '\uffff') as string[];
}

/** Resolves a typed name (any script, case, spacing, small misspellings) to one entity, or suggestions. */
export function resolveEntity(db: Db, query: string): ResolveResult {
  const idx = getAliasIndex(db);
  const key = foldKey(query);
  const none: ResolveResult = { entity: null, how: null, match: 'none', matched: null, alternatives: [], suggestions: [] };
  if (!key) return none;
  const exact = idx.byKey.get(key);
  if (exact?.length) return found(db, idx, exact, 'alias', null, key);
  const asId = query.trim().toLowerCase().replace(/\s+/g, '-');
  if (idx.entities.has(asId)) return found(db, idx, [asId], 'id', null, key);
  const qKey = nameKey(query);
  const inText = foundEntitiesByKey(db, qKey);
  if (inText.length) {
    // A found name itself answers exactly; a surname (哈贝马斯) or Pinyin answers only when one person has it.
    const own = inText.filter((id) => {
      const e = entityById(db, idx.entities, id);
      return !!e && nameKey(e.name_zh || e.name_en || '') === qKey;
    });
    if (own.length) return found(db, idx, [...own, ...inText.filter((id) => !own.includes(id))], 'found', null, key);
    if (inText.length === 1) return { ...found(db, idx, inText, 'found', null, key), match: 'alias' };
    return { ...none, match: 'fuzzy', suggestions: rank(db, idx, inText).slice(0, 5) };
  }
  const surname = idx.surnames.get(key);
  if (surname?.length === 1) return found(db, idx, surname, 'surname', null, key);
  // A surname several known people share (Bush) answers with them all as suggestions, never one of them.
  if (surname && surname.length > 1) return { ...none, suggestions: rank(db, idx, surname).slice(0, 5) };

  const latin = !hasHan(key);
  const max = allowedEdits(key, latin);
  let best = Infinity;
  let bestIds: string[] = [];
  let bestAlias: string | null = null;
  const near: { id: string; d: number }[] = [];
  const loose = Math.max(2, Math.floor([...key].length / 2));
  for (const k of idx.keys) {
    if (k.latin !== latin) continue;
    const d = editDistance(key, k.key, Math.max(max, loose));
    if (d <= max) {
      if (d < best) [best, bestIds, bestAlias] = [d, [k.entityId], k.alias];
      else if (d === best && !bestIds.includes(k.entityId)) bestIds.push(k.entityId);
    }
    if (d <= loose) near.push({ id: k.entityId, d });
    else if (key.length >= 2 && (k.key.startsWith(key) || (key.length >= 3 && k.key.includes(key)))) near.push({ id: k.entityId, d: loose + 1 });
  }
  for (const [s, ids] of idx.surnames) {
    if (!latin) break;
    const d = editDistance(key, s, max);
    if (d <= max && d < best) [best, bestIds, bestAlias] = [d, [...ids], s];
  }
  if (bestIds.length === 1) {
    const guess = found(db, idx, bestIds, 'fuzzy', bestAlias, key);
    return { ...guess, suggestions: guess.entity ? [guess.entity] : [] };
  }
  near.sort((a, b) => a.d - b.d);
  const ordered: string[] = [];
  for (const { id } of near) if (!ordered.includes(id)) ordered.push(id);
  const byDistance = new Map<string, number>();
  for (const x of near) if (!byDistance.has(x.id)) byDistance.set(x.id, x.d);
  for (const id of foundByPrefix(db, nameKey(query))) if (!ordered.includes(id)) ordered.push(id);
  const suggestions = ordered
    .map((id) => entityById(db, idx.entities, id))
    .filter((e): e is EntityInfo => !!e)
    .map((e) => ({ e, d: byDistance.get(e.id) ?? 99, n: mentionCount(db, e.id) }))
    .sort((a, b) => a.d - b.d || b.n - a.n)
    .slice(0, 5)
    .map((x) => x.e);
  return { ...none, match: suggestions.length ? 'fuzzy' : 'none', suggestions };
}

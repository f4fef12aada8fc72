/**
 * What entity a typed name means, for /who, /timeline and topic filters: exact alias in any script
 * and spacing, canonical id, a person's surname, then a misspelling within a few edits. Anything
 * less certain comes back as suggestions instead of a guess.
 */
import type { Stores } from '../store/stores.ts';
import { getAliasIndex, type AliasIndex, type EntityInfo } from './alias-index.ts';
import { foldKey, hasHan } from './fold.ts';
import { allowedEdits, editDistance } from './fuzzy.ts';
import { entityById, foundEntitiesByKey, soundAlikePerson } from './found-entities.ts';
import { lastPartKey, nameKey } from './article-names.ts';
import { scriptVariants } from './fold.ts';
import { canonicalChineseName, listedByQuery } from './world-names-en.ts';
import { latinSpellingKey } from './latin-person-links.ts';

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

/** How many articles mention `entityId` (kept in entity_facets, so O(1)). */
export async function mentionCount(stores: Stores, entityId: string): Promise<number> {
  return (await stores.entities.mentionCounts([entityId])).get(entityId) ?? 0;
}

async function entitiesOf(stores: Stores, idx: AliasIndex, ids: Iterable<string>): Promise<EntityInfo[]> {
  const out: EntityInfo[] = [];
  for (const id of new Set(ids)) {
    const e = await entityById(stores, idx.entities, id);
    if (e) out.push(e);
  }
  return out;
}

async function rank(stores: Stores, idx: AliasIndex, ids: Iterable<string>): Promise<EntityInfo[]> {
  const list = await entitiesOf(stores, idx, ids);
  const counts = await stores.entities.mentionCounts(list.map((e) => e.id));
  return list
    .map((e) => ({ e, n: counts.get(e.id) ?? 0 }))
    .sort((a, b) => b.n - a.n || (a.e.source === b.e.source ? 0 : a.e.source === 'curated' ? -1 : 1))
    .map((x) => x.e);
}

async function found(stores: Stores, idx: AliasIndex, ids: string[], how: ResolveResult['how'], matched: string | null, key = ''): Promise<ResolveResult> {
  const [entity, ...alternatives] = await rank(stores, idx, ids);
  const own = !!entity && (how === 'id' || how === 'found' || [entity.name_zh, entity.name_en].some((n) => n && scriptVariants(n).some((v) => foldKey(v) === key)));
  const match = !entity ? 'none' : how === 'fuzzy' ? 'fuzzy' : own ? 'exact' : 'alias';
  return { entity: entity ?? null, how, match, matched, alternatives, suggestions: [] };
}

/** Found names (see found-entities.ts) starting with `key`: suggestions for an unknown name. */
async function foundByPrefix(stores: Stores, key: string): Promise<string[]> {
  if ([...key].length < 2) return [];
  return stores.entities.foundByPrefix(key, 20);
}

/** Known people whose dotted Han name ends with the part `key` (乔治·W·布什 and 范内瓦·布什 for 布什). */
function namesakesOf(idx: AliasIndex, key: string): string[] {
  const ids = new Set<string>();
  for (const k of idx.keys) if (!k.latin && !ids.has(k.entityId) && idx.entities.get(k.entityId)?.type === 'person' && lastPartKey(k.alias) === key) ids.add(k.entityId);
  return [...ids];
}

/** Resolves a typed name (any script, case, spacing, small misspellings) to one entity, or suggestions. */
export async function resolveEntity(stores: Stores, query: string): Promise<ResolveResult> {
  const idx = await getAliasIndex(stores);
  const key = foldKey(query);
  const none: ResolveResult = { entity: null, how: null, match: 'none', matched: null, alternatives: [], suggestions: [] };
  if (!key) return none;
  const exact = idx.byKey.get(key);
  if (exact?.length) {
    const r = await found(stores, idx, exact, 'alias', null, key);
    // The same spelling may also be a name found in articles where the known entity is not meant (法兰克福 the city).
    const also = (await foundEntitiesByKey(stores, canonicalChineseName(nameKey(query)))).filter((id) => id !== r.entity?.id && !r.alternatives.some((a) => a.id === id));
    return also.length ? { ...r, alternatives: [...r.alternatives, ...(await rank(stores, idx, also))] } : r;
  }
  const asId = query.trim().toLowerCase().replace(/\s+/g, '-');
  if (idx.entities.has(asId)) return found(stores, idx, [asId], 'id', null, key);
  // A listed English name (Google, Tibet) is the entity its Chinese name is.
  const listed = listedByQuery(query);
  if (listed) {
    const r = await resolveEntity(stores, listed.zh);
    if (r.entity && r.match !== 'fuzzy') return { ...r, match: 'alias', matched: listed.zh };
  }
  const qKey = canonicalChineseName(nameKey(query));
  const inText = await foundEntitiesByKey(stores, qKey);
  // …or a Latin spelling learned for a person found in Chinese text (Snowden → 斯诺登).
  if (!inText.length && /^[A-Za-z]+$/.test(query.trim())) inText.push(...(await foundEntitiesByKey(stores, latinSpellingKey(query.trim()))));
  if (inText.length) {
    // A found name itself answers exactly; a surname (哈贝马斯) or Pinyin answers only when one person has it.
    const own: string[] = [];
    for (const id of inText) {
      const e = await entityById(stores, idx.entities, id);
      if (e && nameKey(e.name_zh || e.name_en || '') === qKey) own.push(id);
    }
    if (own.length) {
      const r = await found(stores, idx, [...own, ...inText.filter((id) => !own.includes(id))], 'found', null, key);
      // A bare surname found in text (布什) may also be the last name of people known in full: they are alternatives.
      const namesakes = namesakesOf(idx, nameKey(query)).filter((id) => id !== r.entity?.id && !r.alternatives.some((a) => a.id === id));
      return namesakes.length ? { ...r, alternatives: [...r.alternatives, ...(await rank(stores, idx, namesakes))] } : r;
    }
    if (inText.length === 1) return { ...(await found(stores, idx, inText, 'found', null, key)), match: 'alias' };
    return { ...none, match: 'fuzzy', suggestions: (await rank(stores, idx, inText)).slice(0, 5) };
  }
  // Another region's transliteration of one known person (尼克森 for 尼克松): the link ingest makes.
  const alike = hasHan(key) ? await soundAlikePerson(stores, idx, query.trim()) : undefined;
  if (alike) {
    const r = await found(stores, idx, [alike], 'found', null, key);
    if (r.entity) return { ...r, match: 'alias', matched: r.entity.name_zh || r.entity.name_en };
  }
  const surname = idx.surnames.get(key);
  if (surname?.length === 1) return found(stores, idx, surname, 'surname', null, key);
  // A surname several known people share (Bush) answers with them all as suggestions, never one of them.
  if (surname && surname.length > 1) return { ...none, suggestions: (await rank(stores, idx, surname)).slice(0, 5) };

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
    const guess = await found(stores, idx, bestIds, 'fuzzy', bestAlias, key);
    return { ...guess, suggestions: guess.entity ? [guess.entity] : [] };
  }
  near.sort((a, b) => a.d - b.d);
  const ordered: string[] = [];
  for (const { id } of near) if (!ordered.includes(id)) ordered.push(id);
  const byDistance = new Map<string, number>();
  for (const x of near) if (!byDistance.has(x.id)) byDistance.set(x.id, x.d);
  for (const id of await foundByPrefix(stores, nameKey(query))) if (!ordered.includes(id)) ordered.push(id);
  const candidates = await entitiesOf(stores, idx, ordered);
  const counts = await stores.entities.mentionCounts(candidates.map((e) => e.id));
  const suggestions = candidates
    .map((e) => ({ e, d: byDistance.get(e.id) ?? 99, n: counts.get(e.id) ?? 0 }))
    .sort((a, b) => a.d - b.d || b.n - a.n)
    .slice(0, 5)
    .map((x) => x.e);
  return { ...none, match: suggestions.length ? 'fuzzy' : 'none', suggestions };
}

/**
 * Entity look-ups for other parts: topic filters of subscriptions (G), topic resolution of
 * /timeline and /latest (C2), and name autocomplete for Discord (D). All go through the same
 * alias index as /who, so a topic typed as zelensky, 泽连斯基 or Zelenskyy means the same thing.
 */
import type { Stores } from '../store/stores.ts';
import { curatedAliasRecords, loadCuratedAliases } from './alias-data.ts';
import { getAliasIndex, type EntityInfo } from './alias-index.ts';
import { findArticleMentions } from './find-mentions.ts';
import { buildMatcher, expandScripts, type Matcher } from './matcher.ts';
import { foldKey } from './fold.ts';
import { resolveEntity } from './resolve-entity.ts';

let curatedMatcher: Matcher | undefined;
function curatedOnly(): Matcher {
  const data = loadCuratedAliases();
  return (curatedMatcher ??= buildMatcher(expandScripts(curatedAliasRecords(data)), data.blockers));
}

function idsInText(matcher: Matcher, text: string): string[] {
  return findArticleMentions(matcher, '', [text])
    .sort((a, b) => a.firstPos - b.firstPos)
    .map((m) => m.entityId);
}

/** Ids of the curated entities mentioned in `text`, in order of first appearance (no database needed). */
export function entityIdsInText(text: string): string[] {
  return idsInText(curatedOnly(), text);
}

/** Ids of the entities mentioned in `text`, curated and learned aliases alike, in order of first appearance. */
export async function knownEntityIdsInText(stores: Stores, text: string): Promise<string[]> {
  return idsInText((await getAliasIndex(stores)).matcher, text);
}

/**
 * The entities a topic names: the one entity when the whole topic is a name (exact, or a close
 * misspelling), else every entity mentioned in it ("普丁 川普 會面" → putin, trump); [] for plain words.
 */
export async function matchTopic(stores: Stores, topic: string): Promise<string[]> {
  const r = await resolveEntity(stores, topic);
  if (r.entity && r.how !== 'fuzzy') return [r.entity.id];
  const inText = await knownEntityIdsInText(stores, topic);
  if (inText.length) return inText;
  return r.entity ? [r.entity.id] : [];
}

/** For topic filters: the entity `text` names (exactly, in any script) and all its known spellings. */
export async function lookupEntityNames(stores: Stores, text: string): Promise<{ entityIds: string[]; names: string[] }> {
  const r = await resolveEntity(stores, text);
  if (!r.entity || r.how === 'fuzzy') return { entityIds: [], names: [] };
  return { entityIds: [r.entity.id], names: await stores.entities.aliasesOf(r.entity.id) };
}

/** Whether article `articleId` mentions any of `entityIds` (body or title; never related links). */
export async function articleMentionsAny(stores: Stores, articleId: number, entityIds: string[]): Promise<boolean> {
  return stores.entities.mentionsAny(articleId, entityIds);
}

/** Ids of the articles mentioning `entityId`, newest first (undated last), at most `limit`. */
export async function articleIdsForEntity(stores: Stores, entityId: string, limit = 1000): Promise<number[]> {
  return stores.entities.articleIds(entityId, limit);
}

/** One autocomplete choice: `label` to show, `value` to submit (a name /who resolves exactly). */
export interface NameChoice {
  label: string;
  value: string;
  entityId: string;
}

/**
 * Names starting with `prefix` (any script, case or spacing) for autocomplete, most mentioned
 * first; an empty prefix lists the most mentioned entities. Labels are at most 100 characters
 * (Discord's limit for a choice).
 */
export async function listEntityNames(stores: Stores, prefix: string, lang: 'zh-TW' | 'en' = 'zh-TW', limit = 25): Promise<NameChoice[]> {
  const idx = await getAliasIndex(stores);
  const key = foldKey(prefix);
  let ids: string[];
  if (!key) {
    ids = await stores.entities.mostMentioned(limit);
  } else {
    const rows = await stores.entities.entityIdsByAliasPrefix(key, 500);
    const counts = await stores.entities.mentionCounts(rows);
    ids = rows
      .map((id) => ({ id, n: counts.get(id) ?? 0 }))
      .sort((a, b) => b.n - a.n || a.id.localeCompare(b.id))
      .slice(0, limit)
      .map((x) => x.id);
  }
  return ids
    .map((id) => idx.entities.get(id))
    .filter((e): e is EntityInfo => !!e)
    .map((e) => {
      const zh = e.name_zh ?? e.name_en ?? e.id;
      const en = e.name_en ?? e.name_zh ?? e.id;
      const label = (lang === 'en' ? (en === zh ? en : `${en} (${zh})`) : zh === en ? zh : `${zh}（${en}）`).slice(0, 100);
      return { label, value: (lang === 'en' ? en : zh).slice(0, 100), entityId: e.id };
    });
}

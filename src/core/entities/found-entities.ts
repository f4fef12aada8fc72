/**
 * Storage of the names found in text that no alias covers: one entity per folded name (id `n:` +
 * key), kept out of the alias matcher (entity_names, not entity_aliases) so the matcher stays the
 * size of the curated and learned data however large the archive grows. Lookups go to the store.
 */
import type { Stores } from '../store/stores.ts';
import type { NameRow } from '../store/entity-store.ts';
import type { EntityInfo } from './alias-index.ts';
import type { EntityType } from './alias-data.ts';
import { foundEntityId, isHanName, lastPartKey, type FoundName } from './article-names.ts';
import type { ArticleMention } from './find-mentions.ts';
import { pinyin } from 'pinyin-pro';
import { foldKey } from './fold.ts';
import { isChineseSurnameStart } from './name-lexicon.ts';
import { toSimplified } from '../text/script.ts';
import { soundKey, soundsAlike } from './sound-alike.ts';
import { englishNamesOf } from './world-names-en.ts';
import type { AliasIndex } from './alias-index.ts';

/**
 * The Hanyu Pinyin key of a Chinese personal name (毛泽东 → maozedong), so "Mao Zedong" finds it;
 * null for anything else (a transliterated foreign name has no such spelling).
 */
export function pinyinKey(name: string): string | null {
  const simp = toSimplified(name);
  if (!/^\p{Script=Han}{2,4}$/u.test(simp) || !isChineseSurnameStart(simp)) return null;
  // The surname's own reading (薄熙来 is Bo Xilai, not Bao; 单 is Shan).
  return foldKey(pinyin(simp, { toneType: 'none', type: 'array', surname: 'head' }).join(''));
}

const TYPE: Record<FoundName['type'], EntityType> = { PER: 'person', ORG: 'org', LOC: 'place' };

const soundIndexes = new WeakMap<AliasIndex, Map<string, { entityId: string; alias: string }[]>>();

/** The listed and learned people's Han aliases by sound key, built once per alias index. */
function soundIndex(idx: AliasIndex): Map<string, { entityId: string; alias: string }[]> {
  let m = soundIndexes.get(idx);
  if (!m) {
    m = new Map();
    for (const k of idx.keys) {
      if (k.latin || idx.entities.get(k.entityId)?.type !== 'person') continue;
      const key = soundKey(k.alias);
      if (!key) continue;
      let list = m.get(key);
      if (!list) m.set(key, (list = []));
      if (!list.some((x) => x.entityId === k.entityId && x.alias === k.alias)) list.push({ entityId: k.entityId, alias: k.alias });
    }
    soundIndexes.set(idx, m);
  }
  return m;
}

/**
 * The one person a foreign-style name is another region's transliteration of (尼克森 → 尼克松's
 * entity, 祖克柏 → Zuckerberg), among listed, learned and found people; undefined when none or
 * more than one sounds alike, so a guess never merges two people. `stored` are the entity_names
 * rows under the name's sound key.
 */
function soundAlikeAmong(idx: AliasIndex | undefined, name: string, key: string, stored: readonly NameRow[]): string | undefined {
  const ids = new Set<string>();
  for (const c of idx ? (soundIndex(idx).get(key) ?? []) : []) if (soundsAlike(name, c.alias)) ids.add(c.entityId);
  for (const r of stored) if (soundsAlike(name, r.name)) ids.add(r.entity_id);
  return ids.size === 1 ? [...ids][0] : undefined;
}

/** soundAlikeAmong over the database (one look-up). */
export async function soundAlikePerson(stores: Stores, idx: AliasIndex | undefined, name: string): Promise<string | undefined> {
  const key = soundKey(name);
  if (!key) return undefined;
  return soundAlikeAmong(idx, name, key, await stores.entities.namesByKeys([key]));
}

/**
 * Creates the entities of `found` that do not exist yet and returns them as article mentions
 * (`idx`: foreign names are linked to the one person they sound like). Set-based: one read of the
 * existing ids, one of the sound-alike candidates, and two multi-row writes per article.
 */
export async function storeFoundNames(stores: Stores, found: FoundName[], idx?: AliasIndex): Promise<ArticleMention[]> {
  if (!found.length) return [];
  const store = stores.entities;
  const exists = await store.existingIds(found.map((f) => foundEntityId(f.key)));
  const sk = found.map((f) => (f.type === 'PER' ? soundKey(f.name) : null));
  // Candidates by sound key: the stored rows, plus the rows this batch adds as it goes (a second
  // spelling in the same article finds the first, as it did when names were written one by one).
  const wanted = found.flatMap((f, i) => (sk[i] && !exists.has(foundEntityId(f.key)) ? [sk[i]!] : []));
  const byKey = new Map<string, NameRow[]>(wanted.map((k) => [k, []]));
  for (const r of wanted.length ? await store.namesByKeys(wanted) : []) (byKey.get(r.key) ?? byKey.set(r.key, []).get(r.key)!).push(r);
  const entities: { id: string; type: EntityType; nameZh: string | null; nameEn: string | null }[] = [];
  const names: NameRow[] = [];
  const addName = (key: string, entityId: string, name: string) => {
    const row = { key, entity_id: entityId, name };
    names.push(row);
    const list = byKey.get(key);
    if (list && !list.some((r) => r.entity_id === entityId)) list.push(row);
  };
  const created = new Set<string>();
  const out = found.map((f, i) => {
    let id = foundEntityId(f.key);
    const han = isHanName(f.name);
    // Only foreign-style people have a sound key; everyone else skips the look-ups.
    const k = sk[i];
    const isNew = !exists.has(id) && !created.has(id);
    const alike = k && isNew ? soundAlikeAmong(idx, f.name, k, byKey.get(k) ?? []) : undefined;
    if (alike) {
      // Another region's spelling of a person already known: one entity, found under both spellings.
      addName(f.key, alike, f.name);
      id = alike;
    } else if (isNew) {
      created.add(id);
      entities.push({ id, type: TYPE[f.type], nameZh: han ? f.name : null, nameEn: han ? (englishNamesOf(toSimplified(f.name))[0] ?? null) : f.name });
      if (k) addName(k, id, f.name);
      addName(f.key, id, f.name);
      const py = f.type === 'PER' ? pinyinKey(f.name) : null;
      if (py) addName(py, id, f.name);
      // The surname of a dotted name (哈贝马斯 of 于尔根·哈贝马斯), for lookups only: see resolveEntity.
      const last = f.type === 'PER' ? lastPartKey(f.name) : null;
      if (last && last !== f.key) addName(last, id, f.name);
    }
    return { entityId: id, count: f.count, firstPos: f.firstPos, inTitle: f.inTitle, surfaces: f.surfaces, surface: f.name, role: null };
  });
  await store.addFoundNames(entities, names, new Date().toISOString());
  return out;
}

/** The found entities stored under folded name `key`. */
export async function foundEntitiesByKey(stores: Stores, key: string): Promise<string[]> {
  return stores.entities.foundByKey(key);
}

/** One entity by id, from the alias index or (found names) the database. */
export async function entityById(stores: Stores, entities: Map<string, EntityInfo>, id: string): Promise<EntityInfo | undefined> {
  return entities.get(id) ?? (await stores.entities.entity(id));
}

const LATIN_NAME = /\b[A-Z][a-z]+(?:[ -][A-Z][a-z]+){1,3}\b/g;

/** The two- and three-word stretches of a capitalised run, longest first ("Premier Li Keqiang" → …, "Li Keqiang"). */
function nameWindows(m: RegExpMatchArray): { text: string; start: number }[] {
  const words = [...m[0].matchAll(/[A-Z][a-z]+/g)];
  const out: { text: string; start: number }[] = [];
  for (let n = Math.min(3, words.length); n >= 2; n--) {
    for (let i = 0; i + n <= words.length; i++) {
      const s = words[i].index!;
      const last = words[i + n - 1];
      out.push({ text: m[0].slice(s, last.index! + last[0].length), start: m.index! + s });
    }
  }
  return out;
}

/**
 * Chinese people found before, written in Pinyin (Mao Zedong, Liu Xiaobo): a capitalised two- or
 * three-word Latin name whose folded form is the Pinyin key of exactly one found person. Takes
 * several texts so an article costs one look-up; returns the hits of each text.
 */
export async function findPinyinNames(stores: Stores, texts: string[]): Promise<{ entityId: string; start: number; end: number; surface: string }[][]> {
  const matches = texts.map((text) => (/[A-Z]/.test(text) ? [...text.matchAll(LATIN_NAME)].map(nameWindows) : []));
  const keys = [...new Set(matches.flatMap((ms) => ms.flatMap((ws) => ws.map((w) => foldKey(w.text)))))];
  const ids = new Map<string, string[]>();
  for (const r of keys.length ? await stores.entities.namesByKeys(keys) : []) (ids.get(r.key) ?? ids.set(r.key, []).get(r.key)!).push(r.entity_id);
  return matches.map((ms) =>
    ms.flatMap((ws) => {
      // The longest stretch that is one person's Pinyin (a title word in front is not part of it).
      for (const w of ws) {
        const list = ids.get(foldKey(w.text)) ?? [];
        if (list.length === 1) return [{ entityId: list[0], start: w.start, end: w.start + w.text.length, surface: w.text }];
      }
      return [];
    }),
  );
}

/**
 * The found-name mentions an article already has, for re-indexing without the segmenter; a name
 * that has since become a known alias (`isKnown`) is dropped: the matcher now counts it.
 */
export async function keptFoundMentions(stores: Stores, articleId: number, isKnown: (surface: string) => boolean): Promise<ArticleMention[]> {
  return (await stores.entities.foundMentionsOf(articleId)).filter((m) => !isKnown(m.surface));
}

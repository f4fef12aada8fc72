// TRANSITIONAL (issue 14, entities helper): the synchronous SQLite version of this module, kept only for
// callers in other areas that are still synchronous (ingest chain, stories, digest, follows). Delete
// this folder once they await the store-based functions in src/core/entities/.
/**
 * Storage of the names found in text that no alias covers: one entity per folded name (id `n:` +
 * key), kept out of the alias matcher (entity_names, not entity_aliases) so the matcher stays the
 * size of the curated and learned data however large the archive grows. Lookups go to SQLite.
 */
import type { Db } from '../../store/db.ts';
import { prepareCached } from '../../store/statements.ts';
import type { EntityInfo } from './alias-index.ts';
import type { EntityType } from '../alias-data.ts';
import { foundEntityId, isHanName, lastPartKey, type FoundName } from '../article-names.ts';
import type { ArticleMention } from '../find-mentions.ts';
import { pinyin } from 'pinyin-pro';
import { foldKey } from '../fold.ts';
import { isChineseSurnameStart } from '../name-lexicon.ts';
import { toSimplified } from '../../text/script.ts';
import { soundKey, soundsAlike } from '../sound-alike.ts';
import type { AliasIndex } from './alias-index.ts';

/**
 * The Hanyu Pinyin key of a Chinese personal name (毛泽东 → maozedong), so "Mao Zedong" finds it;
 * null for anything else (a transliterated foreign name has no such spelling).
 */
export function pinyinKey(name: string): string | null {
  const simp = toSimplified(name);
  if (!/^\p{Script=Han}{2,4}$/u.test(simp) || !isChineseSurnameStart(simp)) return null;
  return foldKey(pinyin(simp, { toneType: 'none', type: 'array' }).join(''));
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
 * more than one sounds alike, so a guess never merges two people.
 */
export function soundAlikePerson(db: Db, idx: AliasIndex | undefined, name: string): string | undefined {
  const key = soundKey(name);
  if (!key) return undefined;
  const ids = new Set<string>();
  for (const c of idx ? (soundIndex(idx).get(key) ?? []) : []) if (soundsAlike(name, c.alias)) ids.add(c.entityId);
  const rows = prepareCached(db, `SELECT entity_id, name FROM entity_names WHERE key = ?`).all(key) as { entity_id: string; name: string }[];
  for (const r of rows) if (soundsAlike(name, r.name)) ids.add(r.entity_id);
  return ids.size === 1 ? [...ids][0] : undefined;
}

/** Creates the entities of `found` that do not exist yet and returns them as article mentions (`idx`: foreign names are linked to the one person they sound like). */
export function storeFoundNames(db: Db, found: FoundName[], idx?: AliasIndex): ArticleMention[] {
  if (!found.length) return [];
  const ins = prepareCached(db, `INSERT INTO entities (id, type, name_zh, name_en, role_zh, role_en, source, created_at) VALUES (?, ?, ?, ?, NULL, NULL, 'learned', ?) ON CONFLICT (id) DO NOTHING`);
  const name = prepareCached(db, `INSERT OR IGNORE INTO entity_names (key, entity_id, name) VALUES (?, ?, ?)`);
  const now = new Date().toISOString();
  return found.map((f) => {
    let id = foundEntityId(f.key);
    const han = isHanName(f.name);
    // Only foreign-style people have a sound key; everyone else skips the look-ups.
    const sk = f.type === 'PER' ? soundKey(f.name) : null;
    const alike = sk && !prepareCached(db, `SELECT 1 FROM entities WHERE id = ?`).get(id) ? soundAlikePerson(db, idx, f.name) : undefined;
    if (alike) {
      // Another region's spelling of a person already known: one entity, found under both spellings.
      name.run(f.key, alike, f.name);
      id = alike;
    } else if (ins.run(id, TYPE[f.type], han ? f.name : null, han ? null : f.name, now).changes) {
      if (sk) name.run(sk, id, f.name);
      name.run(f.key, id, f.name);
      const py = f.type === 'PER' ? pinyinKey(f.name) : null;
      if (py) name.run(py, id, f.name);
      // The surname of a dotted name (哈贝马斯 of 于尔根·哈贝马斯), for lookups only: see resolveEntity.
      const last = f.type === 'PER' ? lastPartKey(f.name) : null;
      if (last && last !== f.key) name.run(last, id, f.name);
    }
    const counts = new Map<string, number>();
    for (const s of f.surfaces) counts.set(s, (counts.get(s) ?? 0) + 1);
    return { entityId: id, count: f.count, firstPos: f.firstPos, inTitle: f.inTitle, surfaces: f.surfaces, surface: f.name, role: null };
  });
}

/** The found entities stored under folded name `key`. */
export function foundEntitiesByKey(db: Db, key: string): string[] {
  return prepareCached(db, `SELECT entity_id FROM entity_names WHERE key = ?`).pluck().all(key) as string[];
}

/** One entity by id, from the alias index or (found names) the database. */
export function entityById(db: Db, entities: Map<string, EntityInfo>, id: string): EntityInfo | undefined {
  return entities.get(id) ?? (prepareCached(db, `SELECT id, type, name_zh, name_en, role_zh, role_en, source FROM entities WHERE id = ?`).get(id) as EntityInfo | undefined);
}


const LATIN_NAME = /\b[A-Z][a-z]+(?:[ -][A-Z][a-z]+){1,2}\b/g;

/**
 * Chinese people found before, written in Pinyin (Mao Zedong, Liu Xiaobo): a capitalised two- or
 * three-word Latin name whose folded form is the Pinyin key of exactly one found person.
 */
export function findPinyinNames(db: Db, text: string): { entityId: string; start: number; end: number; surface: string }[] {
  const out: { entityId: string; start: number; end: number; surface: string }[] = [];
  if (!/[A-Z]/.test(text)) return out;
  for (const m of text.matchAll(LATIN_NAME)) {
    const ids = foundEntitiesByKey(db, foldKey(m[0]));
    if (ids.length === 1) out.push({ entityId: ids[0], start: m.index!, end: m.index! + m[0].length, surface: m[0] });
  }
  return out;
}

/**
 * The found-name mentions an article already has, for re-indexing without the segmenter; a name
 * that has since become a known alias (`isKnown`) is dropped: the matcher now counts it.
 */
export function keptFoundMentions(db: Db, articleId: number, isKnown: (surface: string) => boolean): ArticleMention[] {
  const rows = prepareCached(db, `SELECT entity_id, count, first_pos, in_title, surface, surfaces FROM entity_mentions WHERE article_id = ? AND entity_id >= 'n:' AND entity_id < 'n;'`).all(articleId) as {
    entity_id: string;
    count: number;
    first_pos: number;
    in_title: number;
    surface: string;
    surfaces: string;
  }[];
  return rows
    .filter((r) => !isKnown(r.surface))
    .map((r) => ({ entityId: r.entity_id, count: r.count, firstPos: r.first_pos, inTitle: !!r.in_title, surfaces: JSON.parse(r.surfaces) as string[], surface: r.surface, role: null }));
}

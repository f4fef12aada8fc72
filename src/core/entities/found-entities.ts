/**
 * Storage of the names found in text that no alias covers: one entity per folded name (id `n:` +
 * key), kept out of the alias matcher (entity_names, not entity_aliases) so the matcher stays the
 * size of the curated and learned data however large the archive grows. Lookups go to SQLite.
 */
import type { Db } from '../store/db.ts';
import { prepareCached } from '../store/statements.ts';
import type { EntityInfo } from './alias-index.ts';
import type { EntityType } from './alias-data.ts';
import { foundEntityId, isHanName, type FoundName } from './article-names.ts';
import type { ArticleMention } from './find-mentions.ts';

const TYPE: Record<FoundName['type'], EntityType> = { PER: 'person', ORG: 'org', LOC: 'place' };

/** Creates the entities of `found` that do not exist yet and returns them as article mentions. */
export function storeFoundNames(db: Db, found: FoundName[]): ArticleMention[] {
  if (!found.length) return [];
  const ins = prepareCached(db, `INSERT INTO entities (id, type, name_zh, name_en, role_zh, role_en, source, created_at) VALUES (?, ?, ?, ?, NULL, NULL, 'learned', ?) ON CONFLICT (id) DO NOTHING`);
  const name = prepareCached(db, `INSERT OR IGNORE INTO entity_names (key, entity_id, name) VALUES (?, ?, ?)`);
  const now = new Date().toISOString();
  return found.map((f) => {
    const id = foundEntityId(f.key);
    const han = isHanName(f.name);
    if (ins.run(id, TYPE[f.type], han ? f.name : null, han ? null : f.name, now).changes) name.run(f.key, id, f.name);
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

/** Whether `id` is a found name's entity (not curated, not learned from a 名（Name） pair). */
export function isFoundEntity(id: string): boolean {
  return id.startsWith('n:');
}

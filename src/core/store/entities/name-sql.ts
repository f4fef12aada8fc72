/**
 * Names found in text that no alias covers (entity id `n:` + folded key): their entities and the
 * keys they are looked up by (entity_names), kept out of the in-memory alias index.
 */
import type { Sql } from '../sql.ts';
import { insertRows, marks } from './rows.ts';

/** One look-up key of a found (or sound-alike linked) name. */
export interface NameRow {
  key: string;
  entity_id: string;
  name: string;
}

/** A found entity to create. */
export interface FoundEntityRow {
  id: string;
  type: 'person' | 'org' | 'place';
  nameZh: string | null;
  nameEn: string | null;
}

export function nameSql(sql: Sql) {
  return {
    /** The entities stored under folded name `key`. */
    async foundByKey(key: string): Promise<string[]> {
      const rows = await sql.all<{ entity_id: string }>(`SELECT entity_id FROM entity_names WHERE key = ? ORDER BY entity_id`, [key]);
      return rows.map((r) => r.entity_id);
    },

    /** Every name row under any of `keys` (one query for a whole article). */
    async namesByKeys(keys: string[]): Promise<NameRow[]> {
      const uniq = [...new Set(keys)];
      const out: NameRow[] = [];
      for (let i = 0; i < uniq.length; i += 500) {
        const part = uniq.slice(i, i + 500);
        out.push(...(await sql.all<NameRow>(`SELECT key, entity_id, name FROM entity_names WHERE key IN (${marks(part.length)}) ORDER BY key, entity_id`, part)));
      }
      return out;
    },

    /** Found names whose key starts with `key` (suggestions for an unknown name). */
    async foundByPrefix(key: string, limit = 20): Promise<string[]> {
      const col = sql.dialect === 'postgres' ? 'key COLLATE "C"' : 'key';
      const rows = await sql.all<{ entity_id: string }>(`SELECT entity_id FROM entity_names WHERE ${col} > ? AND ${col} < ? ORDER BY key, entity_id LIMIT ?`, [
        key,
        key + '\uffff',
        limit,
      ]);
      return rows.map((r) => r.entity_id);
    },

    /**
     * Creates the found entities (existing ids are left alone) and adds their look-up keys: two
     * multi-row statements for a whole article instead of one per name.
     */
    async addFoundNames(entities: FoundEntityRow[], names: NameRow[], now: string): Promise<void> {
      if (!entities.length && !names.length) return;
      await sql.tx(async () => {
        await insertRows(
          sql,
          `INSERT INTO entities (id, type, name_zh, name_en, role_zh, role_en, source, created_at) VALUES`,
          `(?, ?, ?, ?, NULL, NULL, 'learned', ?)`,
          `ON CONFLICT (id) DO NOTHING`,
          entities.map((e) => [e.id, e.type, e.nameZh, e.nameEn, now]),
        );
        // One row per (key, entity): a batch may name the same pair twice.
        const seen = new Set<string>();
        const rows = names.filter((n) => {
          const k = `${n.key}\u0000${n.entity_id}`;
          return !seen.has(k) && !!seen.add(k);
        });
        await insertRows(sql, `INSERT INTO entity_names (key, entity_id, name) VALUES`, `(?, ?, ?)`, `ON CONFLICT (key, entity_id) DO NOTHING`, rows.map((n) => [n.key, n.entity_id, n.name]));
      });
    },

    /** Every spelling stored for one entity: aliases, found names, then the spellings articles used. */
    async spellings(entityId: string): Promise<string[]> {
      const rows = await sql.all<{ name: string }>(
        `SELECT name FROM (
           SELECT alias AS name, 0 AS part, key AS k1, '' AS k2 FROM entity_aliases WHERE entity_id = ?
           UNION ALL SELECT name, 1, key, '' FROM entity_names WHERE entity_id = ?
           UNION ALL SELECT value, 2, kind, value FROM entity_facets WHERE entity_id = ? AND kind = 'spelling'
         ) s ORDER BY part, k1, k2`,
        [entityId, entityId, entityId],
      );
      return rows.map((r) => r.name);
    },
  };
}

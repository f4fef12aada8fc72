/**
 * The alias side of the entity store: curated and learned entities, their aliases, and the alias
 * version counter (entity_meta) that tells every process when its compiled alias index is stale.
 */
import type { Sql } from '../sql.ts';
import { insertRows } from './rows.ts';

/** An entity row as the alias index and commands read it. */
export interface EntityRow {
  id: string;
  type: 'person' | 'org' | 'place';
  name_zh: string | null;
  name_en: string | null;
  role_zh: string | null;
  role_en: string | null;
  source: 'curated' | 'learned';
}

/** One curated entity as seeds/aliases.json gives it. */
export interface CuratedEntityRow {
  id: string;
  type: string;
  zh: string | null;
  en: string | null;
  roleZh: string | null;
  roleEn: string | null;
}

/** One alias row: `key` is the folded alias, `context` a JSON array or null. */
export interface AliasRow {
  key: string;
  entity_id: string;
  alias: string;
  context: string | null;
}

const ENTITY_COLUMNS = 'id, type, name_zh, name_en, role_zh, role_en, source';

export function aliasSql(sql: Sql) {
  const bumpVersion = async (): Promise<number> => {
    const row = await sql.get<{ value: string }>(
      `UPDATE entity_meta SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT) WHERE key = 'alias_version' RETURNING value`,
    );
    return Number(row?.value ?? 0);
  };
  return {
    /** The alias version: bumped on every alias change, so cached indexes know to rebuild. */
    async aliasVersion(): Promise<number> {
      const row = await sql.get<{ value: string }>(`SELECT value FROM entity_meta WHERE key = 'alias_version'`);
      return row ? Number(row.value) : 0;
    },

    /** Bumps the alias version after a change and returns the new value. */
    bumpAliasVersion: bumpVersion,

    /** The hash of the curated alias file last copied in, or null. */
    async curatedHash(): Promise<string | null> {
      const row = await sql.get<{ value: string }>(`SELECT value FROM entity_meta WHERE key = 'curated_hash'`);
      return row?.value ?? null;
    },

    /** Replaces the curated entities and aliases with the file's (hash `hash`), in one transaction, and bumps the version. */
    async replaceCurated(entities: CuratedEntityRow[], aliases: { key: string; entityId: string; text: string; context: string | null }[], hash: string, now: string): Promise<void> {
      await sql.tx(async () => {
        await insertRows(
          sql,
          `INSERT INTO entities (id, type, name_zh, name_en, role_zh, role_en, source, created_at) VALUES`,
          `(?, ?, ?, ?, ?, ?, 'curated', ?)`,
          `ON CONFLICT (id) DO UPDATE SET type = excluded.type, name_zh = excluded.name_zh, name_en = excluded.name_en,
             role_zh = excluded.role_zh, role_en = excluded.role_en, source = 'curated'`,
          // One row per id (the last wins, as one upsert per row did): PostgreSQL refuses to update a row twice in one statement.
          [...new Map(entities.map((e) => [e.id, e])).values()].map((e) => [e.id, e.type, e.zh, e.en, e.roleZh, e.roleEn, now]),
        );
        await sql.run(`DELETE FROM entity_aliases WHERE source = 'curated'`);
        await insertRows(
          sql,
          `INSERT INTO entity_aliases (key, entity_id, alias, context, source) VALUES`,
          `(?, ?, ?, ?, 'curated')`,
          `ON CONFLICT (key, entity_id) DO NOTHING`,
          aliases.map((a) => [a.key, a.entityId, a.text, a.context]),
        );
        await sql.run(`INSERT INTO entity_meta (key, value) VALUES ('curated_hash', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`, [hash]);
        await bumpVersion();
      });
    },

    /** Every curated and learned entity (names found in text, id n:…, stay out: there may be a great many). */
    async listedEntities(): Promise<EntityRow[]> {
      return sql.all<EntityRow>(`SELECT ${ENTITY_COLUMNS} FROM entities WHERE id NOT LIKE 'n:%' ORDER BY id`);
    },

    /** Every alias row, curated first. */
    async aliasRows(): Promise<AliasRow[]> {
      return sql.all<AliasRow>(`SELECT key, entity_id, alias, context FROM entity_aliases ORDER BY source, key, entity_id`);
    },

    /** Adds a learned alias; false when the key already belongs to that entity. */
    async addLearnedAlias(key: string, entityId: string, alias: string, context: string | null, articleId: number | null): Promise<boolean> {
      const r = await sql.run(
        `INSERT INTO entity_aliases (key, entity_id, alias, context, source, article_id) VALUES (?, ?, ?, ?, 'learned', ?) ON CONFLICT (key, entity_id) DO NOTHING`,
        [key, entityId, alias, context, articleId],
      );
      return r.changes > 0;
    },

    /** Creates a learned person (from a 名（Name） pair). */
    async createLearnedPerson(id: string, nameZh: string, nameEn: string, roleZh: string | null, now: string): Promise<void> {
      await sql.run(`INSERT INTO entities (id, type, name_zh, name_en, role_zh, role_en, source, created_at) VALUES (?, 'person', ?, ?, ?, NULL, 'learned', ?)`, [
        id,
        nameZh,
        nameEn,
        roleZh,
        now,
      ]);
    },

    /** The aliases of one entity, sorted. */
    async aliasesOf(entityId: string): Promise<string[]> {
      const rows = await sql.all<{ alias: string }>(`SELECT alias FROM entity_aliases WHERE entity_id = ? ORDER BY alias`, [entityId]);
      return rows.map((r) => r.alias);
    },

    /** Entities with an alias key starting with `key` (at most `limit`). */
    async entityIdsByAliasPrefix(key: string, limit = 500): Promise<string[]> {
      // PostgreSQL compares text by the database collation, which may ignore punctuation: compare bytes.
      const col = sql.dialect === 'postgres' ? 'key COLLATE "C"' : 'key';
      const rows = await sql.all<{ entity_id: string }>(
        `SELECT DISTINCT entity_id FROM entity_aliases WHERE ${col} >= ? AND ${col} < ? ORDER BY entity_id LIMIT ?`,
        [key, key + '\uffff', limit],
      );
      return rows.map((r) => r.entity_id);
    },

    /** One entity by id (curated, learned or found), or undefined. */
    async entity(id: string): Promise<EntityRow | undefined> {
      return sql.get<EntityRow>(`SELECT ${ENTITY_COLUMNS} FROM entities WHERE id = ?`, [id]);
    },

    /** Which of `ids` exist as entities. */
    async existingIds(ids: string[]): Promise<Set<string>> {
      const out = new Set<string>();
      for (let i = 0; i < ids.length; i += 500) {
        const part = ids.slice(i, i + 500);
        const rows = await sql.all<{ id: string }>(`SELECT id FROM entities WHERE id IN (${part.map(() => '?').join(', ')})`, part);
        for (const r of rows) out.add(r.id);
      }
      return out;
    },
  };
}

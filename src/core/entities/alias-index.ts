/**
 * The alias index of one database: curated entities synced from seeds/aliases.json plus the
 * aliases learned from articles, compiled into a matcher and lookup maps. Built once per process
 * and kept until the alias set changes (a version counter in entity_meta), so neither indexing
 * nor a /who lookup pays for it twice.
 */
import type { Stores } from '../store/stores.ts';
import { loadCuratedAliases, type EntityType } from './alias-data.ts';
import { foldKey, hasHan, scriptVariants } from './fold.ts';
import { buildMatcher, addAlias, findHits, type AliasRecord, type Matcher } from './matcher.ts';
import type { FindAnchors } from './roles.ts';

/** An entity as commands show it. */
export interface EntityInfo {
  id: string;
  type: EntityType;
  name_zh: string | null;
  name_en: string | null;
  role_zh: string | null;
  role_en: string | null;
  source: 'curated' | 'learned';
}

/** One alias key for lookups: `key` is foldKey(alias). */
export interface AliasKey {
  key: string;
  entityId: string;
  alias: string;
  latin: boolean;
}

/** The one entity an alias key names, or undefined when none or several do. */
export function soleEntity(idx: Pick<AliasIndex, 'byKey'>, key: string): string | undefined {
  const owners = idx.byKey.get(key);
  return owners?.length === 1 ? owners[0] : undefined;
}

/** The compiled index of one database (see getAliasIndex). */
export interface AliasIndex {
  version: number;
  matcher: Matcher;
  entities: Map<string, EntityInfo>;
  byKey: Map<string, string[]>;
  keys: AliasKey[];
  /** Last name of a person's Latin alias (query side only: "rutte", "jean pierre"). */
  surnames: Map<string, string[]>;
  /** Finds known places and organisations in a short phrase (role and name boundaries). */
  anchors: FindAnchors;
}

type EntityStore = Stores['entities'];

/** Keyed by the entity store: one compiled index per open database. */
const cache = new WeakMap<EntityStore, AliasIndex>();

/** The curated alias rows (every script variant with its key), computed once per file version: opencc makes them costly. */
interface CuratedRow {
  key: string;
  entityId: string;
  text: string;
  context: string | null;
}
let curatedRows: { hash: string; rows: CuratedRow[] } | undefined;

function curatedAliasRows(data: ReturnType<typeof loadCuratedAliases>): CuratedRow[] {
  if (curatedRows?.hash === data.hash) return curatedRows.rows;
  const rows: CuratedRow[] = [];
  for (const e of data.entities) {
    for (const a of e.aliases) {
      const context = typeof a === 'string' ? null : JSON.stringify([...new Set(a.context.flatMap(scriptVariants))]);
      for (const text of scriptVariants(typeof a === 'string' ? a : a.text)) {
        const key = foldKey(text);
        if (key) rows.push({ key, entityId: e.id, text, context });
      }
    }
  }
  curatedRows = { hash: data.hash, rows };
  return rows;
}

/** Copies seeds/aliases.json into the database when the file changed since the last sync. */
export async function syncCuratedAliases(stores: Stores): Promise<void> {
  const data = loadCuratedAliases();
  if ((await stores.entities.curatedHash()) === data.hash) return;
  const entities = data.entities.map((e) => ({ id: e.id, type: e.type, zh: e.zh, en: e.en, roleZh: e.role?.['zh-TW'] || null, roleEn: e.role?.en || null }));
  await stores.entities.replaceCurated(entities, curatedAliasRows(data), data.hash, new Date().toISOString());
}

function surnameOf(alias: string): string | null {
  if (hasHan(alias)) return null;
  const words = alias.trim().split(/\s+/);
  if (words.length < 2) return null;
  const key = foldKey(words[words.length - 1]);
  return key.length >= 4 ? key : null;
}

function pushMap(map: Map<string, string[]>, key: string, id: string): void {
  const list = map.get(key);
  if (!list) map.set(key, [id]);
  else if (!list.includes(id)) list.push(id);
}

async function buildIndex(store: EntityStore, version: number): Promise<AliasIndex> {
  const entities = new Map<string, EntityInfo>();
  // Names found in text (id n:…) stay in the database: there may be a great many (see found-entities.ts).
  for (const e of await store.listedEntities()) entities.set(e.id, e);
  const rows = await store.aliasRows();
  const records: AliasRecord[] = [];
  const byKey = new Map<string, string[]>();
  const surnames = new Map<string, string[]>();
  const keys: AliasKey[] = [];
  for (const r of rows) {
    records.push({ entityId: r.entity_id, text: r.alias, context: r.context ? (JSON.parse(r.context) as string[]) : null });
    pushMap(byKey, r.key, r.entity_id);
    keys.push({ key: r.key, entityId: r.entity_id, alias: r.alias, latin: !hasHan(r.alias) });
    const s = entities.get(r.entity_id)?.type === 'person' ? surnameOf(r.alias) : null;
    if (s) pushMap(surnames, s, r.entity_id);
  }
  const matcher = buildMatcher(records, loadCuratedAliases().blockers);
  return makeIndex(version, matcher, entities, byKey, keys, surnames);
}

function makeIndex(version: number, matcher: Matcher, entities: Map<string, EntityInfo>, byKey: Map<string, string[]>, keys: AliasKey[], surnames: Map<string, string[]>): AliasIndex {
  const anchors: FindAnchors = (phrase) =>
    findHits(matcher, phrase)
      .filter((h) => h.entries.some((e) => e.context === null && entities.get(e.entityId)?.type !== 'person'))
      .map((h) => ({ start: h.start, end: h.end }));
  return { version, matcher, entities, byKey, keys, surnames, anchors };
}

/**
 * The alias index of `stores`' database, syncing the curated file and rebuilding only when the
 * alias set changed since the last call (another process may have learned aliases meanwhile).
 */
export async function getAliasIndex(stores: Stores): Promise<AliasIndex> {
  const store = stores.entities;
  const idx = cache.get(store);
  if (idx && idx.version === (await store.aliasVersion())) return idx;
  // Callers arriving while it is built (the first /who after start, say) share one build.
  let build = building.get(store);
  if (!build) {
    build = (async () => {
      if (!cache.has(store)) await syncCuratedAliases(stores);
      const version = await store.aliasVersion();
      const fresh = await buildIndex(store, version);
      cache.set(store, fresh);
      return fresh;
    })().finally(() => building.delete(store));
    building.set(store, build);
  }
  return build;
}
const building = new WeakMap<EntityStore, Promise<AliasIndex>>();

/** Records an alias learned in this process in the cached index too, so no rebuild is needed. */
export function addToAliasIndex(stores: Stores, idx: AliasIndex, version: number, entity: EntityInfo, alias: string, key: string, context: string[] | null = null): void {
  idx.entities.set(entity.id, entity);
  addAlias(idx.matcher, { entityId: entity.id, text: alias, context });
  pushMap(idx.byKey, key, entity.id);
  idx.keys.push({ key, entityId: entity.id, alias, latin: !hasHan(alias) });
  const s = entity.type === 'person' ? surnameOf(alias) : null;
  if (s) pushMap(idx.surnames, s, entity.id);
  idx.version = version;
  cache.set(stores.entities, idx);
}

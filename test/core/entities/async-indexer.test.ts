// The store-based (async) entity indexer writes exactly what the synchronous one it replaces wrote:
// a corpus is ingested, every entity row it derived is wiped, and the articles are indexed again in
// order, once by each indexer (with re-linking after each article). Aliases, entities, found names,
// mentions and tallies must come out identical (the new found-name and mention writes are set-based).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../../src/core/store/db.ts';
import { ingestPaths } from '../../../src/core/loader/ingest-paths.ts';
import { sqliteStores } from '../../../src/core/store/open-stores.ts';
import { articleRow, hydrateArticles } from '../../../src/core/store/article-rows.ts';
import { indexEntities } from '../../../src/core/entities/index-entities.ts';
import { relinkLearnedAliases } from '../../../src/core/entities/relink-aliases.ts';
import * as legacy from '../../../src/core/entities/legacy/index-entities.ts';
import * as legacyRelink from '../../../src/core/entities/legacy/relink-aliases.ts';

function snapshot(db: Db): Record<string, unknown[]> {
  const rows = (q: string) => db.prepare(q).all();
  return {
    entities: rows(`SELECT id, type, name_zh, name_en, role_zh, role_en, source FROM entities ORDER BY id`),
    aliases: rows(`SELECT key, entity_id, alias, context, source, article_id FROM entity_aliases ORDER BY key, entity_id`),
    names: rows(`SELECT key, entity_id, name FROM entity_names ORDER BY key, entity_id`),
    mentions: rows(`SELECT entity_id, article_id, count, first_pos, in_title, surface, surfaces, role, sort_key FROM entity_mentions ORDER BY entity_id, article_id`),
    facets: rows(`SELECT entity_id, kind, value, articles FROM entity_facets ORDER BY entity_id, kind, value`),
  };
}

function wipe(db: Db): void {
  db.exec(`DELETE FROM entity_mentions; DELETE FROM entity_facets; DELETE FROM entity_names;
    DELETE FROM entity_aliases WHERE source = 'learned'; DELETE FROM entities WHERE source = 'learned';
    UPDATE entity_meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'alias_version'`);
}

test('indexEntities over the stores writes exactly what the synchronous indexer wrote', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'newsbot-async-indexer-'));
  try {
    const db = openDatabase(join(dir, 'x.db'));
    // The seeds and a third of the corpus (the whole corpus gives the same answer, in a minute).
    const corpus = readdirSync('test/fixtures/corpus').sort().filter((_, i) => i % 3 === 0).map((f) => join('test/fixtures/corpus', f));
    ingestPaths(db, ['seeds', ...corpus], { parseWorker: false });
    const ids = db.prepare(`SELECT id FROM articles ORDER BY id`).pluck().all() as number[];
    wipe(db);
    db.transaction(() => {
      for (const id of ids) {
        const learned = legacy.indexEntities(db, hydrateArticles(db, [articleRow(db, id)!])[0]);
        if (learned.length) legacyRelink.relinkLearnedAliases(db, learned);
      }
    })();
    const before = snapshot(db);
    assert.ok(before.mentions.length > 300, `${before.mentions.length} mentions`);
    wipe(db);
    const stores = sqliteStores(db);
    await stores.tx(async () => {
      for (const id of ids) {
        const learned = await indexEntities(stores, hydrateArticles(db, [articleRow(db, id)!])[0]);
        if (learned.length) await relinkLearnedAliases(stores, learned);
      }
    });
    const after = snapshot(db);
    for (const k of Object.keys(before)) assert.deepEqual(after[k], before[k], k);
    db.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

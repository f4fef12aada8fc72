// The store-based (async) entity indexer writes exactly what ingest writes: a corpus is ingested,
// every entity row it derived is wiped, and the articles are indexed again in order through
// indexEntities(stores, …) and relinkLearnedAliases(stores, …). Aliases, entities, found names,
// mentions and tallies must come back identical (the found-name and mention writes are set-based).
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

test('indexEntities over the stores rebuilds exactly what ingest wrote', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'newsbot-async-indexer-'));
  try {
    const db = openDatabase(join(dir, 'x.db'));
    // The seeds and a third of the corpus (the whole corpus gives the same answer, in a minute).
    const corpus = readdirSync('test/fixtures/corpus').sort().filter((_, i) => i % 3 === 0).map((f) => join('test/fixtures/corpus', f));
    ingestPaths(db, ['seeds', ...corpus], { parseWorker: false });
    const before = snapshot(db);
    assert.ok(before.mentions.length > 300, `${before.mentions.length} mentions`);
    db.exec(`DELETE FROM entity_mentions; DELETE FROM entity_facets; DELETE FROM entity_names;
      DELETE FROM entity_aliases WHERE source = 'learned'; DELETE FROM entities WHERE source = 'learned';
      UPDATE entity_meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'alias_version'`);
    const stores = sqliteStores(db);
    const ids = db.prepare(`SELECT id FROM articles ORDER BY id`).pluck().all() as number[];
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

// The folder loader's batching and parse worker: same result as one file at a time on one thread,
// and a file that fails half-way through storing rolls back alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../../src/core/store/db.ts';
import { sqliteStores } from '../../../src/core/store/open-stores.ts';
import { ingestPaths } from '../../../src/core/loader/ingest-paths.ts';
import { parseCounts, startParseWorker } from '../../../src/core/loader/parse-ahead.ts';
import { toExportRecord } from '../../../src/core/store/export-record.ts';

const CORPUS = 'test/fixtures/corpus';

/** A folder of 40 corpus posts and the seeds, with bad files among them. */
function makeInput(dir: string): string {
  const input = join(dir, 'in');
  mkdirSync(input);
  for (const name of readdirSync(CORPUS).sort().slice(0, 40)) cpSync(join(CORPUS, name), join(input, name));
  for (const name of readdirSync('seeds').filter((n) => /^\d/.test(n))) cpSync(join('seeds', name), join(input, name));
  writeFileSync(join(input, '2014-01-01-empty.md'), '');
  writeFileSync(join(input, '2014-02-10-binary.md'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 73 + 11) % 256)));
  writeFileSync(join(input, '2014-03-01-bad-yaml.md'), '---\ntitle: [unclosed\n---\n<p>正文</p>\n');
  // Same bytes as a corpus post under another name: recognised, not stored twice.
  const first = readdirSync(CORPUS).sort()[0];
  cpSync(join(CORPUS, first), join(input, 'zz-copy-of-first.md'));
  return input;
}

/** Everything ingest writes, ids and times aside from ingested_at, as comparable rows. */
async function dump(db: Db): Promise<Record<string, unknown>> {
  const rows = (sql: string) => db.prepare(sql).raw().all();
  const articles: Record<string, unknown>[] = [];
  for await (const a of sqliteStores(db).articles.iterate()) articles.push({ ...toExportRecord(a), ingested_at: undefined });
  return {
    articles,
    files: rows('SELECT path, content_hash, article_id FROM ingested_files ORDER BY path'),
    rejects: rows('SELECT path, reason FROM rejects ORDER BY id'),
    search: rows('SELECT rowid, title, body FROM articles_fts ORDER BY rowid'),
    mentions: rows('SELECT entity_id, article_id, count, first_pos, in_title, surfaces, role FROM entity_mentions ORDER BY article_id, entity_id'),
    facets: rows('SELECT entity_id, kind, value, articles FROM entity_facets ORDER BY 1, 2, 3'),
    events: rows('SELECT article_id, date, day, text, paragraph FROM events ORDER BY article_id, paragraph, date, text'),
    signatures: rows('SELECT article_id, day, hex(body_sig), hex(topic_sig), title_key FROM story_signatures ORDER BY article_id'),
    stories: rows('SELECT article_id, story_id, duplicate_of, similarity FROM story_articles ORDER BY article_id'),
  };
}

test('batches and the parse worker change nothing: same articles, rejects, search rows, mentions, events and stories as one thread', async () => {
  // Started and warmed beforehand, so the first batch is already shared between the two threads.
  assert.equal(await startParseWorker(), true);
  const dir = mkdtempSync(join(tmpdir(), 'newsbot-loader-'));
  try {
    const input = makeInput(dir);
    const before = parseCounts();
    const results = [];
    for (const parseWorker of [true, false]) {
      const db = openDatabase(join(dir, `${parseWorker}.db`));
      try {
        const summary = await ingestPaths(sqliteStores(db), [input], { parseWorker, now: () => new Date('2026-11-22T00:00:00Z') });
        results.push({ summary, dump: await dump(db) });
      } finally {
        db.close();
      }
    }
    const after = parseCounts();
    assert.ok(after.byWorker - before.byWorker > 0, 'the worker parsed some of the files');
    const [withWorker, oneThread] = results;
    assert.deepEqual(withWorker.summary, oneThread.summary);
    assert.equal(withWorker.summary.ingested, 45);
    assert.equal(withWorker.summary.unchanged, 1);
    assert.deepEqual(
      withWorker.summary.rejects.map((r) => r.file.slice(input.length + 1)),
      ['2014-01-01-empty.md', '2014-02-10-binary.md', '2014-03-01-bad-yaml.md'],
    );
    assert.deepEqual(withWorker.dump, oneThread.dump);
    // The held-back search rows were written before each batch committed.
    const db = openDatabase(join(dir, 'true.db'));
    try {
      assert.ok((await sqliteStores(db).search.search('澤倫斯基')).length > 0);
    } finally {
      db.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a file that fails half-way through storing is rejected alone: its batch keeps the others, and nothing of it is left behind', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'newsbot-loader-'));
  try {
    const input = makeInput(dir);
    const db = openDatabase(join(dir, 'n.db'));
    try {
      // Fails after the article, its paragraphs, mentions and events are written: only the savepoint can undo them.
      const victim = readdirSync(CORPUS).sort()[10];
      db.exec(`CREATE TRIGGER fail_one BEFORE INSERT ON story_articles
        WHEN (SELECT source_file FROM articles WHERE id = NEW.article_id) LIKE '%${victim}'
        BEGIN SELECT RAISE(ABORT, 'story index refused'); END`);
      const summary = await ingestPaths(sqliteStores(db), [input]);
      assert.equal(summary.ingested, 44);
      const failed = summary.rejects.find((r) => r.file.endsWith(victim));
      assert.ok(failed, JSON.stringify(summary.rejects));
      assert.match(failed.reason, /could not store: story index refused/);
      const count = (sql: string) => db.prepare(sql).pluck().get() as number;
      assert.equal(count(`SELECT count(*) FROM articles WHERE source_file LIKE '%${victim}'`), 0);
      assert.equal(count('SELECT count(*) FROM articles'), 44);
      assert.equal(count('SELECT count(*) FROM paragraphs WHERE article_id NOT IN (SELECT id FROM articles)'), 0);
      assert.equal(count('SELECT count(*) FROM entity_mentions WHERE article_id NOT IN (SELECT id FROM articles)'), 0);
      assert.equal(count('SELECT count(*) FROM events WHERE article_id NOT IN (SELECT id FROM articles)'), 0);
      assert.equal(count('SELECT count(*) FROM articles_fts'), 44);
      assert.equal(count('SELECT count(*) FROM articles_fts WHERE rowid NOT IN (SELECT id FROM articles)'), 0);
      // Tallies stay exact: one 'count' facet per article mentioning the entity.
      assert.equal(
        count(`SELECT count(*) FROM entity_facets f WHERE kind = 'count' AND articles != (SELECT count(*) FROM entity_mentions m WHERE m.entity_id = f.entity_id)`),
        0,
      );
    } finally {
      db.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

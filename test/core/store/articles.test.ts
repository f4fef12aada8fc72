import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../../src/core/store/db.ts';
import { sqliteStores } from '../../../src/core/store/open-stores.ts';
import { storeArticle } from '../../../src/core/loader/store-article.ts';
import { makeArticle } from './make-article.ts';

async function withDb(fn: (db: Db) => void | Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'newsbot-store-'));
  const db = openDatabase(join(dir, 'n.db'));
  try {
    await fn(db);
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

test('storing an article keeps its fields, paragraphs and body; WAL and foreign keys are on', async () => {
  await withDb(async (db) => {
    assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
    assert.equal(db.pragma('foreign_keys', { simple: true }), 1);
    const a = makeArticle();
    const r = await storeArticle(sqliteStores(db), a, { source_file: 'seeds/a.txt' });
    assert.equal(r.status, 'ingested');
    const got = (await sqliteStores(db).articles.get(r.id))!;
    assert.equal(got.title, a.title);
    assert.deepEqual(got.dateline, a.dateline);
    assert.deepEqual(got.paragraphs, a.paragraphs);
    assert.equal(got.body, a.paragraphs.map((p) => p.text).join('\n\n'));
    assert.equal(got.source_file, 'seeds/a.txt');
    assert.match(got.content_hash, /^[0-9a-f]{64}$/);
    // Paragraphs go with their article.
    db.prepare('DELETE FROM articles WHERE id = ?').run(r.id);
    assert.equal(db.prepare('SELECT count(*) FROM paragraphs').pluck().get(), 0);
  });
});

test('the same article again, or under another name, adds nothing; a changed file updates in place', async () => {
  await withDb(async (db) => {
    const store = sqliteStores(db).articles;
    const a = makeArticle();
    const first = await storeArticle(sqliteStores(db), a, { source_file: 'a.txt' });
    assert.deepEqual(await storeArticle(sqliteStores(db), a, { source_file: 'a.txt' }), { status: 'unchanged', id: first.id });
    assert.deepEqual(await storeArticle(sqliteStores(db), a, { source_file: 'copy/a.txt' }), { status: 'unchanged', id: first.id });
    // Same URL (other spelling), different text, other file: a revision of the same article.
    const sameUrl = makeArticle({ url: 'http://cna.com.tw/news/aopl/202510180001.aspx/?utm_source=x#top', paragraphs: [{ text: '另一個版本', lang: 'zh-Hant' }] });
    assert.deepEqual(await storeArticle(sqliteStores(db), sameUrl, { source_file: 'b.html' }), { status: 'updated', id: first.id });
    assert.deepEqual((await store.get(first.id))!.paragraphs, sameUrl.paragraphs);
    // Same title + published_at + outlet, no URL.
    const sameKey = makeArticle({ url: null, tags: ['其他'] });
    assert.deepEqual(await storeArticle(sqliteStores(db), sameKey, { source_file: 'c.txt' }), { status: 'unchanged', id: first.id });
    assert.equal(await store.count(), 1);

    const changed = makeArticle({ paragraphs: [{ text: '更正：川普與澤倫斯基會談。', lang: 'zh-Hant' }] });
    assert.deepEqual(await storeArticle(sqliteStores(db), changed, { source_file: 'a.txt' }), { status: 'updated', id: first.id });
    assert.equal(await store.count(), 1);
    assert.deepEqual((await store.get(first.id))!.paragraphs, changed.paragraphs);
    assert.equal(db.prepare('SELECT count(*) FROM paragraphs WHERE article_id = ?').pluck().get(first.id), 1);

    const other = await storeArticle(sqliteStores(db), makeArticle({ title: '另一則新聞', url: null, published_at: '2025-10-19', published_precision: 'date' }), { source_file: 'd.txt' });
    assert.equal(other.status, 'ingested');
    assert.deepEqual(
      (await store.recent({ limit: 5 })).map((x) => x.id),
      [other.id, first.id],
    );
    assert.deepEqual(
      (await store.byIds([first.id, 999, other.id])).map((x) => x.id),
      [first.id, other.id],
    );
  });
});

// The article store's own methods (stores.articles), where their behaviour is not obvious from the SQL.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openDatabase } from '../../../src/core/store/db.ts';
import { sqliteStores } from '../../../src/core/store/open-stores.ts';
import { makeArticle } from './make-article.ts';
import { keepStoryNumber } from '../../../src/core/stories/keep-story-number.ts';

function open() {
  const db = openDatabase(':memory:');
  return { db, stores: sqliteStores(db) };
}

test('put writes article rows only; `written` is the stored article, and only when rows were written', async () => {
  const { db, stores } = open();
  const a = makeArticle();
  const first = await stores.articles.put(a, { source_file: 'a.txt' });
  assert.equal(first.status, 'ingested');
  assert.equal(first.written?.id, first.id);
  assert.equal(first.written?.source_file, 'a.txt');
  // No indexing here: the pipeline does that.
  assert.equal(db.prepare('SELECT count(*) FROM story_articles').pluck().get(), 0);
  assert.equal(db.prepare('SELECT count(*) FROM articles_fts').pluck().get(), 0);
  const again = await stores.articles.put(a, { source_file: 'a.txt' });
  assert.deepEqual(again, { status: 'unchanged', id: first.id });
  const changed = await stores.articles.put(makeArticle({ title: '更正標題' }), { source_file: 'a.txt' });
  assert.equal(changed.status, 'updated');
  assert.equal(changed.written?.title, '更正標題');
  assert.equal((await stores.articles.revisionsOf([first.id])).length, 1);
  db.close();
});

test('site lines: counted per site across other articles, many keys at once, re-recording replaces', async () => {
  const { db, stores } = open();
  const ids: number[] = [];
  for (let i = 0; i < 3; i++) ids.push((await stores.articles.put(makeArticle({ title: `t${i}`, url: `https://x.example/${i}` }), { source_file: `f${i}` })).id);
  const keys = Array.from({ length: 250 }, (_, i) => `line ${i}`);
  for (const id of ids) await stores.articles.recordSiteLines('x.example', id, keys);
  const counts = await stores.articles.countSiteLines('x.example', [...keys, 'never'], ids[0]);
  assert.equal(counts.size, 250);
  assert.equal(counts.get('line 249'), 2);
  assert.equal(counts.has('never'), false);
  await stores.articles.recordSiteLines('x.example', ids[1], ['only this']);
  assert.equal((await stores.articles.countSiteLines('x.example', ['line 0'], null)).get('line 0'), 2);
  db.close();
});

test('known bytes under another path are recorded for that path too', async () => {
  const { db, stores } = open();
  const r = await stores.articles.put(makeArticle(), { source_file: 'a.txt', file_hash: 'h1' });
  assert.equal(await stores.articles.isStoredBytes('h1'), true);
  assert.equal(await stores.articles.knownFile('b.txt', 'h1', '2026-01-01T00:00:00.000Z'), r.id);
  assert.equal(await stores.articles.articleOfSource('b.txt'), r.id);
  assert.equal(await stores.articles.knownFile('c.txt', 'h2', '2026-01-01T00:00:00.000Z'), undefined);
  db.close();
});

test('keepStoryNumber (core/stories) moves a lone article\'s new story back under the old number', async () => {
  const { db, stores } = open();
  const { id } = await stores.articles.put(makeArticle(), { source_file: 'a.txt' });
  db.prepare("INSERT INTO stories (id, title, outlets) VALUES (9, 'new', '[]')").run();
  db.prepare("INSERT INTO story_articles (article_id, story_id, added_at) VALUES (?, 9, 'x')").run(id);
  await keepStoryNumber(stores, id, 4);
  assert.equal(await stores.articles.storyOf(id), 4);
  assert.deepEqual(db.prepare('SELECT id, title FROM stories').all(), [{ id: 4, title: 'new' }]);
  // An old story that still exists is left alone.
  db.prepare("INSERT INTO stories (id, title, outlets) VALUES (5, 'other', '[]')").run();
  await keepStoryNumber(stores, id, 5);
  assert.equal(await stores.articles.storyOf(id), 4);
  db.close();
});

test('iterate pages through every article in id order; byIds keeps the order asked', async () => {
  const { db, stores } = open();
  const ids: number[] = [];
  for (let i = 0; i < 5; i++) ids.push((await stores.articles.put(makeArticle({ title: `t${i}`, url: `https://x.example/${i}` }), { source_file: `f${i}` })).id);
  const seen: number[] = [];
  for await (const a of stores.articles.iterate(2)) seen.push(a.id);
  assert.deepEqual(seen, ids);
  assert.deepEqual((await stores.articles.byIds([ids[3], 999, ids[0]])).map((a) => a.id), [ids[3], ids[0]]);
  assert.equal((await stores.articles.get(ids[2]))?.paragraphs.length, 2);
  db.close();
});

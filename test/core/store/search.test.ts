import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../../src/core/store/db.ts';
import { sqliteStores } from '../../../src/core/store/open-stores.ts';
import { storeArticle } from '../../../src/core/loader/store-article.ts';
import { makeArticle } from './make-article.ts';

let dir: string;
let db: Db;
const ids: Record<string, number> = {};

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'newsbot-search-'));
  db = openDatabase(join(dir, 's.db'));
  ids.zh = (await storeArticle(sqliteStores(db), makeArticle(), { source_file: 'zh.txt' })).id;
  ids.en = (await storeArticle(
    sqliteStores(db),
    makeArticle({
      title: 'Zelenskyy meets Trump at the White House',
      url: 'https://example.com/en',
      outlet: 'Reuters',
      languages: ['en'],
      paragraphs: [
        { text: 'President Volodymyr Zelenskyy met U.S. President Donald Trump on Friday.', lang: 'en' },
        { text: 'The talks covered Tomahawk missiles and air defence for Ukraine.', lang: 'en' },
      ],
    }),
    { source_file: 'en.txt' },
  )).id;
  ids.other = (await storeArticle(
    sqliteStores(db),
    makeArticle({
      title: '颱風動態',
      url: 'https://example.com/typhoon',
      paragraphs: [{ text: '中央氣象署表示，颱風今晚接近臺灣東部海面。', lang: 'zh-Hant' }],
      tags: [],
    }),
    { source_file: 'typhoon.txt' },
  )).id;
  ids.endsWith = (await storeArticle(
    sqliteStores(db),
    makeArticle({
      title: '評論',
      url: 'https://example.com/op',
      published_at: '2024-01-01',
      published_precision: 'date',
      paragraphs: [{ text: '這一切都取決於川普', lang: 'zh-Hant' }],
    }),
    { source_file: 'op.txt' },
  )).id;
});

after(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const searchArticles = (q: string) => sqliteStores(db).search.search(q);
const searchArticlesPage = (q: string, opts: { limit?: number; offset?: number }) => sqliteStores(db).search.searchPage(q, opts);
const idsOf = async (q: string) => (await searchArticles(q)).map((h) => h.id);

test('a Traditional name inside a sentence is found, with a snippet from the original text', async () => {
  const hits = await searchArticles('澤倫斯基');
  assert.deepEqual(
    hits.map((h) => h.id),
    [ids.zh],
  );
  assert.match(hits[0].snippet, /澤倫斯基/);
  assert.ok(hits[0].score > 0);
});

test('a two-character query finds the name anywhere, even as the last characters of a body', async () => {
  assert.deepEqual((await idsOf('川普')).sort(), [ids.zh, ids.endsWith].sort());
  const hit = (await searchArticles('川普')).find((h) => h.id === ids.endsWith)!;
  assert.equal(hit.snippet, '這一切都取決於川普');
});

test('a Simplified query finds Traditional text, and the snippet stays as written', async () => {
  const hits = await searchArticles('泽伦斯基');
  assert.deepEqual(
    hits.map((h) => h.id),
    [ids.zh],
  );
  assert.match(hits[0].snippet, /澤倫斯基/);
  assert.deepEqual(await idsOf('台风'), [ids.other]); // OpenCC's phrase table: 台风 → 颱風
  assert.deepEqual(await idsOf('颱风'), [ids.other]);
});

test('English queries are case-insensitive substrings; short Latin terms match word starts', async () => {
  const hits = await searchArticles('tomahawk');
  assert.deepEqual(
    hits.map((h) => h.id),
    [ids.en],
  );
  assert.match(hits[0].snippet, /Tomahawk/);
  assert.deepEqual(await idsOf('ZELENSK'), [ids.en]);
  assert.deepEqual(await idsOf('us'), []); // "U.S." folds to "u.s.", and no word starts with "us"
  assert.deepEqual(await idsOf('ai'), [ids.en]); // "air"
});

test('several terms are ANDed, mixing lengths and scripts', async () => {
  assert.deepEqual(await idsOf('川普 戰斧'), [ids.zh]);
  assert.deepEqual(await idsOf('川普 颱風'), []);
  assert.deepEqual(await idsOf('"White House" trump'), [ids.en]);
  assert.deepEqual(await idsOf('nothing-like-this'), []);
  assert.deepEqual(await idsOf('   '), []);
});

test('paging: limit and offset over ranked hits, with a total', async () => {
  const page = await searchArticlesPage('川普', { limit: 1, offset: 0 });
  assert.equal(page.total, 2);
  assert.equal(page.hits.length, 1);
  const second = await searchArticlesPage('川普', { limit: 1, offset: 1 });
  assert.notEqual(second.hits[0].id, page.hits[0].id);
});

test('an updated article is searched by its new text only', async () => {
  const id = await storeArticle(sqliteStores(db), makeArticle({ title: '評論', url: 'https://example.com/op', published_at: '2024-01-01', published_precision: 'date', paragraphs: [{ text: '改寫後的文字提到颶風', lang: 'zh-Hant' }] }), { source_file: 'op.txt' });
  assert.equal(id.status, 'updated');
  assert.deepEqual(await idsOf('取決於'), []);
  assert.deepEqual(await idsOf('颶風'), [ids.endsWith]);
});

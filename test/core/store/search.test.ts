import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../../src/core/store/db.ts';
import { sqliteStores } from '../../../src/core/store/open-stores.ts';
import { storeArticle } from '../../../src/core/loader/store-article.ts';
import { searchArticles, searchArticlesPage } from '../../../src/core/search/search-articles.ts';
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

const idsOf = (q: string) => searchArticles(db, q).map((h) => h.id);

test('a Traditional name inside a sentence is found, with a snippet from the original text', () => {
  const hits = searchArticles(db, '澤倫斯基');
  assert.deepEqual(
    hits.map((h) => h.id),
    [ids.zh],
  );
  assert.match(hits[0].snippet, /澤倫斯基/);
  assert.ok(hits[0].score > 0);
});

test('a two-character query finds the name anywhere, even as the last characters of a body', () => {
  assert.deepEqual(idsOf('川普').sort(), [ids.zh, ids.endsWith].sort());
  const hit = searchArticles(db, '川普').find((h) => h.id === ids.endsWith)!;
  assert.equal(hit.snippet, '這一切都取決於川普');
});

test('a Simplified query finds Traditional text, and the snippet stays as written', () => {
  const hits = searchArticles(db, '泽伦斯基');
  assert.deepEqual(
    hits.map((h) => h.id),
    [ids.zh],
  );
  assert.match(hits[0].snippet, /澤倫斯基/);
  assert.deepEqual(idsOf('台风'), [ids.other]); // OpenCC's phrase table: 台风 → 颱風
  assert.deepEqual(idsOf('颱风'), [ids.other]);
});

test('English queries are case-insensitive substrings; short Latin terms match word starts', () => {
  const hits = searchArticles(db, 'tomahawk');
  assert.deepEqual(
    hits.map((h) => h.id),
    [ids.en],
  );
  assert.match(hits[0].snippet, /Tomahawk/);
  assert.deepEqual(idsOf('ZELENSK'), [ids.en]);
  assert.deepEqual(idsOf('us'), []); // "U.S." folds to "u.s.", and no word starts with "us"
  assert.deepEqual(idsOf('ai'), [ids.en]); // "air"
});

test('several terms are ANDed, mixing lengths and scripts', () => {
  assert.deepEqual(idsOf('川普 戰斧'), [ids.zh]);
  assert.deepEqual(idsOf('川普 颱風'), []);
  assert.deepEqual(idsOf('"White House" trump'), [ids.en]);
  assert.deepEqual(idsOf('nothing-like-this'), []);
  assert.deepEqual(idsOf('   '), []);
});

test('paging: limit and offset over ranked hits, with a total', () => {
  const page = searchArticlesPage(db, '川普', { limit: 1, offset: 0 });
  assert.equal(page.total, 2);
  assert.equal(page.hits.length, 1);
  const second = searchArticlesPage(db, '川普', { limit: 1, offset: 1 });
  assert.notEqual(second.hits[0].id, page.hits[0].id);
});

test('an updated article is searched by its new text only', async () => {
  const id = await storeArticle(sqliteStores(db), makeArticle({ title: '評論', url: 'https://example.com/op', published_at: '2024-01-01', published_precision: 'date', paragraphs: [{ text: '改寫後的文字提到颶風', lang: 'zh-Hant' }] }), { source_file: 'op.txt' });
  assert.equal(id.status, 'updated');
  assert.deepEqual(idsOf('取決於'), []);
  assert.deepEqual(idsOf('颶風'), [ids.endsWith]);
});

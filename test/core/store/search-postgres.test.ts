// The search store on PostgreSQL gives the answers it gives on SQLite (same hits, order, scores
// and snippets) for every kind of query: two-character names, Simplified for Traditional,
// English in any case, short Latin word starts, several terms, paging; and its lookups use
// the trigram and gram indexes, not a scan.
//
// Needs PostgreSQL (127.0.0.1:5432) through test/helpers/postgres.ts.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { openDatabase } from '../../../src/core/store/db.ts';
import { openStores, sqliteStores } from '../../../src/core/store/open-stores.ts';
import { toIndexedForm } from '../../../src/core/search/search-text.ts';
import type { Stores } from '../../../src/core/store/stores.ts';
import { createTestDatabase } from '../../helpers/postgres.ts';

interface PgClient {
  connect(): Promise<unknown>;
  query(sql: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  end(): Promise<void>;
}

interface Doc {
  id: number;
  title: string;
  paragraphs: string[];
  published_utc: string | null;
  outlet?: string;
}

const DOCS: Doc[] = [
  { id: 1, title: '澤倫斯基：正與盟國協商安全保障細節', paragraphs: ['烏克蘭總統澤倫斯基今天表示，與華府會晤後局勢已有所改善。', '美國總統川普（Donald Trump）施加制裁，戰斧飛彈也在討論之列。'], published_utc: '2025-08-20T10:00:00Z', outlet: '中央社' },
  { id: 2, title: 'Zelenskyy meets Trump at the White House', paragraphs: ['President Volodymyr Zelenskyy met U.S. President Donald Trump on Friday.', 'The talks covered Tomahawk missiles and air defence for Ukraine.'], published_utc: '2025-08-19T18:00:00Z', outlet: 'Reuters' },
  { id: 3, title: '颱風動態', paragraphs: ['中央氣象署表示，颱風今晚接近臺灣東部海面。'], published_utc: '2025-07-01T00:00:00Z' },
  { id: 4, title: '評論', paragraphs: ['這一切都取決於川普'], published_utc: '2024-01-01T00:00:00Z' },
  { id: 5, title: '普丁與川普通話', paragraphs: ['俄羅斯總統普丁與美國總統川普今天通話，討論烏克蘭停火。', '克里姆林宮表示，普丁願意與澤倫斯基會面。'], published_utc: null },
  { id: 6, title: '北约秘书长吕特访问基辅', paragraphs: ['北约秘书长吕特（Mark Rutte）今天访问基辅，与泽伦斯基会谈。', '吕特表示，安全保障机制将有所不同。'], published_utc: '2025-08-21T08:00:00Z', outlet: '联合早报' },
];

const QUERIES = ['川普', '普丁', '澤倫斯基', '泽伦斯基', '台风', '颱风', 'tomahawk', 'ZELENSK', 'us', 'ai', '川普 戰斧', '川普 颱風', '"White House" trump', 'rutte 基辅', '安全保障', '總統', '美', 'nothing-like-this', '   '];
// Not '普': SQLite finds a one-character term only where a trigram starts with it, so not as the last
// character of a title or body (article 4); PostgreSQL's grams find it there too.

const ARTICLE_SQL = `INSERT INTO articles (id, title, body, content_hash, shape, ingested_at, updated_at, published_at, published_utc, url, outlet, source_file)
  VALUES (?, ?, ?, ?, 'text', '2025-08-22T00:00:00.000Z', '2025-08-22T00:00:00.000Z', ?, ?, ?, ?, ?)`;
const PARAGRAPH_SQL = 'INSERT INTO paragraphs (article_id, position, text, lang) VALUES (?, ?, ?, ?)';

function articleParams(d: Doc): unknown[] {
  return [d.id, d.title, d.paragraphs.join('\n\n'), `hash-${d.id}`, d.published_utc, d.published_utc, `https://example.com/${d.id}`, d.outlet ?? null, `${d.id}.txt`];
}

const searchRows = (docs: Doc[]) => docs.map((d) => ({ id: d.id, title: toIndexedForm(d.title), body: toIndexedForm(d.paragraphs.join('\n\n')) }));
const numbered = (sql: string) => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

/** A fresh PostgreSQL database with DOCS stored, its stores and a raw client. */
async function postgresWithDocs(t: TestContext): Promise<{ stores: Stores; client: PgClient } | null> {
  const db = await createTestDatabase();
  const url = db.url;
  const stores = await openStores(url);
  const client: PgClient = new pg.Client({ connectionString: url });
  await client.connect();
  t.after(async () => {
    await client.end();
    await stores.close();
    await db.drop();
  });
  for (const d of DOCS) {
    await client.query(numbered(ARTICLE_SQL), articleParams(d));
    for (const [i, p] of d.paragraphs.entries()) await client.query(numbered(PARAGRAPH_SQL), [d.id, i, p, 'zh-Hant']);
  }
  await stores.search.writeRows(searchRows(DOCS));
  return { stores, client };
}

function sqliteWithDocs(t: TestContext): Stores {
  const db = openDatabase(':memory:');
  t.after(() => db.close());
  for (const d of DOCS) {
    db.prepare(ARTICLE_SQL).run(...articleParams(d));
    d.paragraphs.forEach((p, i) => db.prepare(PARAGRAPH_SQL).run(d.id, i, p, 'zh-Hant'));
  }
  return sqliteStores(db);
}

test('PostgreSQL search answers every query as SQLite does: hits, order, scores, snippets, totals', async (t) => {
  const pg = await postgresWithDocs(t);
  if (!pg) return;
  const lite = sqliteWithDocs(t);
  await lite.search.writeRows(searchRows(DOCS));
  for (const q of QUERIES) {
    for (const opts of [{}, { limit: 1, offset: 1 }]) {
      assert.deepEqual(await pg.stores.search.searchPage(q, opts), await lite.search.searchPage(q, opts), `${q} ${JSON.stringify(opts)}`);
    }
  }
  for (const phrase of ['川普', '泽伦斯基', 'trump', '美']) {
    assert.deepEqual(await pg.stores.search.articlesContaining(phrase, 10), await lite.search.articlesContaining(phrase, 10), phrase);
  }
  assert.deepEqual(await pg.stores.search.topicArticles('川普', 10), await lite.search.topicArticles('川普', 10));
});

test('PostgreSQL search: two-character names, script folding, English, several terms', async (t) => {
  const pg = await postgresWithDocs(t);
  if (!pg) return;
  const ids = async (q: string) => (await pg.stores.search.search(q)).map((h) => h.id).sort();
  assert.deepEqual(await ids('川普'), [1, 4, 5]);
  assert.deepEqual(await ids('普丁'), [5]);
  assert.deepEqual(await ids('泽伦斯基'), [1, 5, 6]);
  const hit = (await pg.stores.search.search('泽伦斯基')).find((h) => h.id === 1)!;
  assert.match(hit.snippet, /澤倫斯基/); // cut from the text as written
  assert.deepEqual(await ids('台风'), [3]);
  assert.deepEqual(await ids('TOMAHAWK'), [2]);
  assert.deepEqual(await ids('us'), []); // "U.S." folds to "u.s.": no word starts with "us"
  assert.deepEqual(await ids('ai'), [2]); // "air"
  assert.deepEqual(await ids('川普 戰斧'), [1]);
  assert.deepEqual(await ids('rutte 基辅'), [6]);
  assert.deepEqual(await ids('普'), [1, 4, 5]); // also as a body's last character, which SQLite's trigram expansion misses
  const page = await pg.stores.search.searchPage('川普', { limit: 2 });
  assert.equal(page.total, 3);
  assert.equal(page.hits.length, 2);
});

test('PostgreSQL search rows are replaced and removed', async (t) => {
  const pg = await postgresWithDocs(t);
  if (!pg) return;
  await pg.stores.search.writeRows([{ id: 4, title: toIndexedForm('評論'), body: toIndexedForm('改寫後的文字提到颶風') }]);
  assert.deepEqual(await pg.stores.search.articlesContaining('取決於'), []);
  assert.deepEqual(await pg.stores.search.articlesContaining('飓风'), [4]);
  await pg.stores.search.deleteRow(4);
  assert.deepEqual(await pg.stores.search.articlesContaining('飓风'), []);
  await pg.stores.search.compact(1);
});

test('PostgreSQL search lookups use the gram and trigram indexes', async (t) => {
  const pg = await postgresWithDocs(t);
  if (!pg) return;
  await pg.client.query('SET enable_seqscan = off'); // six rows: without this any plan is a scan
  const plan = async (sql: string, params: unknown[]) => (await pg.client.query('EXPLAIN ' + sql, params)).rows.map((r) => String(r['QUERY PLAN'])).join('\n');
  assert.match(await plan('SELECT article_id FROM article_search WHERE grams @> ARRAY[CAST($1 AS TEXT)]', ['川普']), /article_search_grams/);
  assert.match(await plan('SELECT article_id FROM article_search WHERE (title LIKE $1 OR body LIKE $1)', ['%泽伦斯基%']), /article_search_(title|body)_trgm/);
});

test('PostgreSQL search of a common word reads only the newest rows: the newest hits, a lower-bound total; a rarer one is counted exactly', async (t) => {
  const db = await createTestDatabase();
  const stores = await openStores(db.url);
  const client: PgClient = new pg.Client({ connectionString: db.url });
  await client.connect();
  t.after(async () => {
    await client.end();
    await stores.close();
    await db.drop();
  });
  // 6,000 articles, newer ids published later: "harbour" in every tenth (600, over all ids),
  // "lighthouse" only in the oldest 400, both in 40 of those.
  const docs: Doc[] = Array.from({ length: 6000 }, (_, k) => {
    const id = 100 + k;
    const text = [id % 10 === 0 ? 'The harbour reopened after the storm.' : 'A quiet day in town.', ...(k < 400 ? ['The lighthouse keeper spoke.'] : [])];
    return { id, title: `Report ${id}`, paragraphs: text, published_utc: new Date(Date.UTC(2020, 0, 1) + k * 3_600_000).toISOString() };
  });
  await client.query('BEGIN');
  for (const d of docs) await client.query(numbered(ARTICLE_SQL), articleParams(d));
  await client.query('COMMIT');
  await stores.search.writeRows(searchRows(docs));

  const common = await stores.search.searchPage('harbour', { limit: 10 });
  assert.equal(common.capped, true, 'a common word: its matches are not all counted');
  assert.equal(common.total, 300, 'at least the candidates');
  const harbour = docs.filter((d) => d.id % 10 === 0);
  assert.deepEqual(common.hits.map((h) => h.id), harbour.slice(-10).reverse().map((d) => d.id), 'the newest matches');
  for (const [q, n] of [['lighthouse', 400], ['harbour lighthouse', 40]] as const) {
    const page = await stores.search.searchPage(q, { limit: 10 });
    assert.equal(page.capped, false, `${q}: the window grew to the whole table`);
    assert.equal(page.total, n, q);
  }
});

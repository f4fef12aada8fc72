// Aliases learned from a later article reach the articles stored before it (批次 and one by one).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../../src/core/store/db.ts';
import { sqliteStores } from '../../../src/core/store/open-stores.ts';
import { storeArticle } from '../../../src/core/loader/store-article.ts';
import { ingestPaths } from '../../../src/core/loader/ingest-paths.ts';
import { makeArticle } from '../store/make-article.ts';

// Only the later article says who 柯萊恩 is; the earlier one names her in Chinese only.
const MORE = '雙方同意下週在日內瓦繼續談判，並就戰俘交換與人道走廊交換意見。歐洲國家表示願意提供必要的協助。';
const EARLIER = { title: '柯萊恩抵達基輔', text: `美國特使柯萊恩今天抵達基輔，與烏克蘭官員會談停火安排。${MORE}` };
const LATER = { title: '特使會談後返國', text: `美國特使柯萊恩（Morgan Kleinfeld）結束訪問，表示停火安排仍有分歧。${MORE}` };
const UNRELATED = { title: '颱風逼近東部', text: '氣象署今天發布海上颱風警報，東部沿海地區注意強風豪雨。各地已開設應變中心，提醒民眾做好防颱準備。' };

const linkedTitles = (db: Db) =>
  db
    .prepare(`SELECT a.title FROM entity_mentions m JOIN articles a ON a.id = m.article_id WHERE m.entity_id = 'morgan-kleinfeld' ORDER BY a.id`)
    .pluck()
    .all();

test('one by one: storing the article that teaches an alias links the earlier article that used it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'newsbot-relink-'));
  const db = openDatabase(join(dir, 'n.db'));
  try {
    for (const [i, a] of [EARLIER, UNRELATED, LATER].entries()) {
      await storeArticle(sqliteStores(db), makeArticle({ title: a.title, url: `https://news.example/${i}`, paragraphs: [{ text: a.text, lang: 'zh-Hant' }] }), { source_file: `${i}.txt` });
    }
    assert.deepEqual(linkedTitles(db), [EARLIER.title, LATER.title]);
    const facet = db.prepare(`SELECT articles FROM entity_facets WHERE entity_id = 'morgan-kleinfeld' AND kind = 'count'`).pluck().get();
    assert.equal(facet, 2, 'the tally counts the re-linked article');
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('in a batch: the earlier article in the same folder is linked before the batch commits', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'newsbot-relink-'));
  const db = openDatabase(join(dir, 'n.db'));
  try {
    for (const [i, a] of [EARLIER, UNRELATED, LATER].entries()) writeFileSync(join(dir, `${i}-post.txt`), `${a.title}\n\n2025-10-${18 + i}\n\n${a.text}\n`);
    const summary = await ingestPaths(sqliteStores(db), [0, 1, 2].map((i) => join(dir, `${i}-post.txt`)));
    assert.equal(summary.ingested, 3, JSON.stringify(summary));
    assert.deepEqual(linkedTitles(db), [EARLIER.title, LATER.title]);
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

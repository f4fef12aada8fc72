import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../../src/core/store/db.ts';
import { storeArticle } from '../../../src/core/loader/store-article.ts';
import { sqliteStores } from '../../../src/core/store/open-stores.ts';
import { buildTimeline, phraseSimilarity, sameEventText } from '../../../src/core/timeline/build-timeline.ts';
import { goldArticle, cnaCopyOf001, article } from '../stories/gold-articles.ts';

/** Stores an article and waits for its (transitionally queued) story and event indexing. */
async function store(...args: Parameters<typeof storeArticle>): Promise<ReturnType<typeof storeArticle>> {
  const r = await storeArticle(...args);
  return r;
}

test('the same event from several outlets is one timeline entry with all its sources', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'newsbot-tl-'));
  const db = openDatabase(join(dir, 'x.db'));
  try {
    const udn = (await store(sqliteStores(db), goldArticle(1), { source_file: 'udn.txt' })).id;
    const cna = (await store(sqliteStores(db), cnaCopyOf001(), { source_file: 'cna.txt' })).id;
    // A third outlet, its own words, same visit on the same day.
    const lt = (
      await store(
        sqliteStores(db),
        article('呂特抵基輔', ['北約秘書長呂特22日訪問基輔，與澤倫斯基舉行會談。'], { outlet: '自由時報', published_at: '2025-08-22T18:00:00+08:00', published_precision: 'datetime', url: 'https://news.ltn.com.tw/news/world/breakingnews/1' }),
        { source_file: 'ltn.txt' },
      )
    ).id;
    const other = (await store(sqliteStores(db), goldArticle(2), { source_file: 'ett.txt' })).id;
    const tl = await buildTimeline(sqliteStores(db), [udn, cna, lt, other]);
    const visit = tl.dated.filter((e) => e.date === '2025-08-22');
    assert.equal(visit.length, 1, JSON.stringify(tl.dated));
    assert.deepEqual([...visit[0].article_ids].sort((a, b) => a - b), [udn, cna, lt]);
    assert.deepEqual([...visit[0].outlets].sort(), ['中央社', '聯合新聞網', '自由時報'].sort());
    assert.match(visit[0].url!, /^https:\/\//);
    assert.deepEqual(tl.dated.map((e) => e.date), ['2025-08-18', '2025-08-20', '2025-08-21', '2025-08-22']);
    // With a limit, the best-covered entries stay, still in date order.
    const top = await buildTimeline(sqliteStores(db), [udn, cna, lt, other], 2);
    assert.equal(top.omitted, 2);
    assert.equal(top.dated.at(-1)!.date, '2025-08-22');
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('phrase similarity: same words high, different events low', () => {
  assert.ok(phraseSimilarity('北約秘書長呂特訪問基輔', '北大西洋公約組織秘書長呂特訪問基輔') > 0.5);
  assert.ok(phraseSimilarity('北約秘書長呂特訪問基輔', '川普拒絕提供戰斧導彈') < 0.2);
  // One outlet's clause inside another's whole sentence is the same event; a short phrase is not enough.
  assert.ok(sameEventText('北約秘書長呂特訪問基輔，與澤倫斯基舉行會談', '北大西洋公約組織秘書長呂特訪問基輔，與烏克蘭總統澤倫斯基會談後舉行聯合記者會，說明相關安全保障議題與未來合作方向'));
  assert.ok(!sameEventText('呂特訪問基輔', '北大西洋公約組織秘書長呂特訪問基輔，與烏克蘭總統澤倫斯基會談後舉行聯合記者會，說明相關安全保障議題與未來合作方向'));
  assert.ok(!sameEventText('川普拒絕提供戰斧導彈給烏克蘭', '北大西洋公約組織秘書長呂特訪問基輔，與烏克蘭總統澤倫斯基會談後舉行聯合記者會'));
});

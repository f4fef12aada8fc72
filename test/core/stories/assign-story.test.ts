import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../../src/core/store/db.ts';
import { storeArticle } from '../../../src/core/loader/store-article.ts';
import { sqliteStores } from '../../../src/core/store/open-stores.ts';
import { latestStories } from '../../../src/core/stories/latest-stories.ts';
import { goldArticle, article, cnaCopyOf001 } from './gold-articles.ts';

/** Stores an article and waits for its (transitionally queued) story and event indexing. */
async function store(...args: Parameters<typeof storeArticle>): Promise<ReturnType<typeof storeArticle>> {
  const r = await storeArticle(...args);
  return r;
}

async function withDb(fn: (db: Db) => void | Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'newsbot-stories-'));
  const db = openDatabase(join(dir, 'x.db'));
  try {
    await fn(db);
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const storyOf = (db: Db, id: number) => db.prepare('SELECT story_id FROM story_articles WHERE article_id = ?').pluck().get(id) as number;

test('the same CNA wire printed by udn and by CNA is one story with both outlets', async () => {
  await withDb(async (db) => {
    const udn = await store(sqliteStores(db), goldArticle(1), { source_file: 'udn.txt' });
    const cna = await store(sqliteStores(db), cnaCopyOf001(), { source_file: 'cna.txt' });
    assert.equal(cna.status, 'ingested');
    assert.equal(storyOf(db, udn.id), storyOf(db, cna.id));
    const row = db.prepare('SELECT duplicate_of FROM story_articles WHERE article_id = ?').pluck().get(cna.id);
    assert.equal(row, udn.id, 'marked as a reprint of the first copy');
    const [story] = await latestStories(sqliteStores(db), { limit: 5 });
    assert.equal(story.article_count, 2);
    assert.deepEqual([...story.outlets].sort(), ['中央社', '聯合新聞網'].sort());
  });
});

test('different events are different stories; the same event from another outlet joins its story', async () => {
  await withDb(async (db) => {
    const ids: number[] = [];
    for (const i of [0, 1, 2, 3, 4]) ids.push((await store(sqliteStores(db), goldArticle(i), { source_file: `seed${i}.txt` })).id);
    assert.equal(new Set(ids.map((id) => storyOf(db, id))).size, 5, 'five seeds, five events');
    const other = await store(
      sqliteStores(db),
      article('美國防部次長柯比：美國對烏克蘭安全保證僅扮演最低限度角色', ['（中央社華盛頓21日綜合外電報導）美國國防部政策次長柯比20日晚間在盟友閉門會議中表示，華府在烏克蘭安全保證上只會扮演「最低限度角色」，維持基輔和平的重擔將交給歐洲。', '北約秘書長呂特21日在布魯塞爾向成員國簡報。'], {
        outlet: '中央社',
        url: 'https://www.cna.com.tw/news/aopl/202508210011.aspx',
        published_at: '2025-08-21T09:00:00+08:00',
        published_precision: 'datetime',
        dateline: { place: '華盛頓', day: 21 },
      }),
      { source_file: 'cna-colby.txt' },
    );
    assert.equal(storyOf(db, other.id), storyOf(db, ids[2]), 'joins the ETtoday story on the same meeting');
    // Same words a year later are another story: proximity in time is required.
    const later = await store(sqliteStores(db), article('美國防部次長柯比：美國對烏克蘭安全保證僅扮演最低限度角色', ['美國國防部政策次長柯比在盟友閉門會議中表示，華府在烏克蘭安全保證上只會扮演「最低限度角色」。'], { outlet: '自由時報', published_at: '2026-08-21' }), { source_file: 'later.txt' });
    assert.notEqual(storyOf(db, later.id), storyOf(db, ids[2]));
    // The same headline from two outlets a day apart, bodies written separately: one story.
    const h = '颱風海葵今晚登陸 全台停班停課';
    const x = await store(sqliteStores(db), article(h, ['中央氣象署表示，颱風中心預計今晚在台東一帶登陸，各縣市宣布停班停課。'], { outlet: '公視', published_at: '2025-09-03' }), { source_file: 'pts.txt' });
    const y = await store(sqliteStores(db), article(h, ['強颱逼近，交通部呼籲民眾避免外出，鐵路與航班大量取消。'], { outlet: '自由時報', published_at: '2025-09-04' }), { source_file: 'ltn2.txt' });
    assert.equal(storyOf(db, x.id), storyOf(db, y.id));
  });
});

test('re-storing an updated article moves it cleanly: no empty stories, no stale index rows', async () => {
  await withDb(async (db) => {
    const a = await store(sqliteStores(db), goldArticle(0), { source_file: 'a.txt' });
    const b = await store(sqliteStores(db), goldArticle(3), { source_file: 'b.txt' });
    assert.notEqual(storyOf(db, a.id), storyOf(db, b.id));
    // b.txt now holds a reprint of seed 000: it moves into a's story and its old story disappears.
    const edited = goldArticle(0, { outlet: '聯合新聞網', url: null, title: '拜登邀澤倫斯基訪白宮' });
    assert.equal((await store(sqliteStores(db), edited, { source_file: 'b.txt' })).status, 'updated');
    assert.equal(storyOf(db, b.id), storyOf(db, a.id));
    assert.equal(db.prepare('SELECT count(*) FROM stories').pluck().get(), 1);
    assert.equal(db.prepare('SELECT count(*) FROM story_signatures').pluck().get(), 2);
    assert.equal(db.prepare('SELECT count(DISTINCT article_id) FROM story_lsh').pluck().get(), 2);
  });
});

/** Story, event-term and follow store methods whose behaviour is not obvious from their SQL. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../../src/core/store/db.ts';
import { sqliteStores } from '../../../src/core/store/open-stores.ts';
import { storeArticle } from '../../../src/core/loader/store-article.ts';
import { keepStoryNumber } from '../../../src/core/stories/keep-story-number.ts';
import { goldArticle } from '../stories/gold-articles.ts';

async function withDb(fn: (db: Db) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'newsbot-story-store-'));
  const db = openDatabase(join(dir, 'x.db'));
  try {
    await fn(db);
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

test('band candidates: at most 50 per key, undated first then by day and id, whatever the insertion order', async () => {
  await withDb(async (db) => {
    const stories = sqliteStores(db).stories;
    const ins = db.prepare('INSERT INTO story_lsh (key, day, article_id) VALUES (?, ?, ?)');
    for (let i = 60; i >= 1; i--) ins.run(7, i % 2 ? 100 : 101, i);
    ins.run(7, -1, 500);
    ins.run(7, 90, 600); // outside the window
    ins.run(8, 100, 700);
    const near = await stories.lshCandidates([7, 8, 9], { lo: 95, hi: 105, undated: true });
    const seven = near.get(7)!;
    assert.equal(seven.length, 50);
    assert.equal(seven[0], 500, 'undated first');
    assert.deepEqual(seven.slice(1, 4), [1, 3, 5], 'then day 100 by id');
    assert.deepEqual(near.get(8), [700]);
    assert.deepEqual(near.get(9), []);
    assert.ok(!(await stories.lshCandidates([7], { lo: 95, hi: 105, undated: false })).get(7)!.includes(500));
    assert.ok((await stories.lshCandidates([7], null)).get(7)!.includes(600), 'no range: any day');
  });
});

test('renumbering a story keeps its row and members under the old number (keepStoryNumber)', async () => {
  await withDb(async (db) => {
    const stores = sqliteStores(db);
    const a = await storeArticle(sqliteStores(db), goldArticle(0), { source_file: 'a.txt' });
    const now = (await stores.stories.storyOf(a.id))!;
    await keepStoryNumber(stores, a.id, 4242);
    assert.equal(await stores.stories.storyOf(a.id), 4242);
    assert.equal(await stores.stories.title(now), undefined, 'the new number is gone');
    assert.equal(await stores.stories.title(4242), goldArticle(0).title);
    assert.equal(await stores.stories.memberCount(4242), 1);
    await keepStoryNumber(stores, a.id, 4242);
    assert.equal(await stores.stories.storyOf(a.id), 4242, 'already right: nothing to do');
  });
});

test('a chat that moves keeps one follow per target: one the new id already has stays behind', async () => {
  await withDb(async (db) => {
    const follows = sqliteStores(db).follows;
    const at = new Date('2025-10-17T00:00:00Z');
    const f = (chatId: string, target: string) => follows.add({ platform: 'telegram', chatId, threadId: null, lang: 'zh-TW', kind: 'topic', target, label: target, topicQuery: null, createdBy: 'u' }, at);
    await f('-5', 'a');
    await f('-5', 'b');
    await f('-1005', 'a');
    await follows.threads.anchor('telegram', '-5', [1, 2], 'm1', null, at);
    await follows.threads.anchor('telegram', '-1005', [2], 'm2', null, at);
    await follows.moveChat('telegram', '-5', '-1005');
    await follows.threads.moveChat('telegram', '-5', '-1005');
    assert.deepEqual((await follows.listByChat('telegram', '-1005')).map((x) => x.target).sort(), ['a', 'b']);
    assert.deepEqual((await follows.listByChat('telegram', '-5')).map((x) => x.target), ['a']);
    assert.equal((await follows.threads.get('telegram', '-1005', 1))?.message_id, 'm1');
    assert.equal((await follows.threads.get('telegram', '-1005', 2))?.message_id, 'm2', 'the new id keeps its own anchor');
    assert.deepEqual((await follows.alertChats(['telegram'])).map((s) => s.chat_id), ['-1005', '-1005'], 'alerts rows move too');
  });
});

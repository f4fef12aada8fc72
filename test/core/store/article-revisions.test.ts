import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../../src/core/store/db.ts';
import { sqliteStores } from '../../../src/core/store/open-stores.ts';
import { storeArticle } from '../../../src/core/loader/store-article.ts';
import { diffVersions } from '../../../src/core/store/article-revisions.ts';
import { makeArticle } from './make-article.ts';

const revisionsOf = (db: Db, ids: number[]) => sqliteStores(db).articles.revisionsOf(ids);

test('the same URL again with a new headline is an update that keeps the revision', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'newsbot-rev-'));
  const db = openDatabase(join(dir, 'x.db'));
  try {
    const first = await storeArticle(sqliteStores(db), makeArticle(), { source_file: 'feed/1.html', now: new Date('2025-10-18T02:00:00Z') });
    await storeArticle(sqliteStores(db), makeArticle({ title: '另一則', url: 'https://x.example/2', paragraphs: [{ text: '無關的內容，談颱風。', lang: 'zh-Hant' }] }), { source_file: 'other.html' });
    const storyBefore = db.prepare('SELECT story_id FROM story_articles WHERE article_id = ?').pluck().get(first.id);
    const revised = makeArticle({
      title: '澤倫斯基白宮會談後：戰斧飛彈暫不提供',
      paragraphs: [...makeArticle().paragraphs, { text: '白宮稍後證實，川普暫不提供戰斧飛彈。', lang: 'zh-Hant' }],
    });
    const r = await storeArticle(sqliteStores(db), revised, { source_file: 'feed/2.html', now: new Date('2025-10-18T05:00:00Z') });
    assert.deepEqual(r, { status: 'updated', id: first.id });
    const revs = await revisionsOf(db, [first.id]);
    assert.equal(revs.length, 1);
    assert.equal(revs[0].old_title, '烏克蘭總統澤倫斯基訪問白宮');
    assert.equal(revs[0].new_title, '澤倫斯基白宮會談後：戰斧飛彈暫不提供');
    assert.equal(revs[0].at, '2025-10-18T05:00:00.000Z');
    assert.deepEqual([revs[0].body_changed, revs[0].paragraphs_added, revs[0].paragraphs_removed], [true, 1, 0]);
    assert.equal(revs[0].added_sample, '白宮稍後證實，川普暫不提供戰斧飛彈。');
    assert.equal(db.prepare('SELECT story_id FROM story_articles WHERE article_id = ?').pluck().get(first.id), storyBefore, 'the story keeps its number');
    assert.equal(db.prepare('SELECT title FROM stories WHERE id = ?').pluck().get(storyBefore), '澤倫斯基白宮會談後：戰斧飛彈暫不提供');
    // The same bytes again: nothing new, no second revision.
    assert.equal((await storeArticle(sqliteStores(db), revised, { source_file: 'feed/3.html' })).status, 'unchanged');
    // Only metadata moved (tags): updated, but no revision is recorded.
    assert.equal((await storeArticle(sqliteStores(db), { ...revised, tags: ['白宮'] }, { source_file: 'feed/4.html' })).status, 'updated');
    assert.equal((await revisionsOf(db, [first.id])).length, 1);
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('diffVersions ignores whitespace-only edits', () => {
  assert.equal(diffVersions({ title: 'A  B', paragraphs: ['一 二'] }, { title: 'A B', paragraphs: ['一  二'] }), null);
  const d = diffVersions({ title: 'A', paragraphs: ['x', 'y'] }, { title: 'A', paragraphs: ['x'] })!;
  assert.deepEqual([d.body_changed, d.paragraphs_added, d.paragraphs_removed, d.added_sample], [true, 0, 1, null]);
});

/** A fresh store in a temp dir for one test. */
async function withDb(fn: (db: ReturnType<typeof openDatabase>) => void | Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'newsbot-rev-'));
  const db = openDatabase(join(dir, 'x.db'));
  try {
    await fn(db);
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const titleOf = (db: ReturnType<typeof openDatabase>, id: number) => db.prepare('SELECT title FROM articles WHERE id = ?').pluck().get(id);
const extra = (text: string) => [...makeArticle().paragraphs, { text, lang: 'zh-Hant' as const }];

test('an older copy by its own publication time, arriving late, changes nothing and is no revision', async () => {
  await withDb(async (db) => {
    const newer = makeArticle({ title: '白宮會談後：戰斧飛彈暫不提供', published_at: '2025-10-18T11:00:00+08:00', paragraphs: extra('白宮證實暫不提供。') });
    const first = await storeArticle(sqliteStores(db), newer, { source_file: 'late/new.html', now: new Date('2025-10-18T04:00:00Z') });
    const older = makeArticle({ published_at: '2025-10-18T09:30:00+08:00' });
    assert.deepEqual(await storeArticle(sqliteStores(db), older, { source_file: 'late/old.html', now: new Date('2025-10-18T05:00:00Z') }), { status: 'unchanged', id: first.id });
    assert.equal(titleOf(db, first.id), '白宮會談後：戰斧飛彈暫不提供');
    assert.deepEqual(await revisionsOf(db, [first.id]), []);
  });
});

test('a re-ingest of a version already replaced (same publication time) does not bring its headline back', async () => {
  await withDb(async (db) => {
    const v1 = makeArticle();
    const v2 = makeArticle({ title: '澤倫斯基白宮會談後籲加快防空', paragraphs: extra('他呼籲盟國加快交付防空系統。') });
    const a = await storeArticle(sqliteStores(db), v1, { source_file: 'r/v1.html', now: new Date('2025-10-18T02:00:00Z') });
    assert.equal((await storeArticle(sqliteStores(db), v2, { source_file: 'r/v2.html', now: new Date('2025-10-18T03:00:00Z') })).status, 'updated');
    // v1 again under another name (a copy of the old page), later: same content as a replaced version.
    assert.deepEqual(await storeArticle(sqliteStores(db), v1, { source_file: 'r/v1-copy.html', now: new Date('2025-10-18T04:00:00Z') }), { status: 'unchanged', id: a.id });
    assert.equal(titleOf(db, a.id), '澤倫斯基白宮會談後籲加快防空');
    const revs = await revisionsOf(db, [a.id]);
    assert.deepEqual(revs.map((r) => [r.old_title, r.new_title]), [['烏克蘭總統澤倫斯基訪問白宮', '澤倫斯基白宮會談後籲加快防空']]);
  });
});

test('modification times decide between versions with the same publication time; a revert that is really newer is kept', async () => {
  await withDb(async (db) => {
    const t = (h: number) => `2025-10-18T${String(h).padStart(2, '0')}:00:00+08:00`;
    const a = makeArticle();
    const b = makeArticle({ title: '標題二', paragraphs: extra('第二版新增的一段。') });
    const c = makeArticle({ title: '標題三', paragraphs: extra('第三版新增的一段。') });
    const id = (await storeArticle(sqliteStores(db), b, { source_file: 'm/b', modified_at: t(11), now: new Date('2025-10-18T03:00:00Z') })).id;
    assert.equal((await storeArticle(sqliteStores(db), a, { source_file: 'm/a', modified_at: t(10), now: new Date('2025-10-18T04:00:00Z') })).status, 'unchanged', 'modified earlier: older');
    assert.equal((await storeArticle(sqliteStores(db), c, { source_file: 'm/c', modified_at: t(12), now: new Date('2025-10-18T05:00:00Z') })).status, 'updated');
    // b again, but modified after c: the outlet really went back to it.
    assert.equal((await storeArticle(sqliteStores(db), b, { source_file: 'm/b2', modified_at: t(13), now: new Date('2025-10-18T06:00:00Z') })).status, 'updated');
    assert.equal(titleOf(db, id), '標題二');
    const revs = await revisionsOf(db, [id]);
    assert.deepEqual(revs.map((r) => [r.old_title, r.new_title]), [['標題二', '標題三'], ['標題三', '標題二']]);
    assert.equal(db.prepare('SELECT content_at FROM article_revisions WHERE article_id = ? ORDER BY id').pluck().all(id)[0], '2025-10-18T04:00:00.000Z');
  });
});

test("a page's own modified time orders its versions: the newer page wins, an older copy fetched later changes nothing", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'newsbot-rev-'));
  const db = openDatabase(join(dir, 'x.db'));
  try {
    const stores = sqliteStores(db);
    const newer = makeArticle({ title: '更新後的標題', modified_at: '2025-10-18T12:00:00+08:00' });
    const older = makeArticle({ title: '最初的標題', modified_at: '2025-10-18T09:00:00+08:00' });
    const first = await storeArticle(stores, newer, { source_file: 'fetch/1.html' });
    const late = await storeArticle(stores, older, { source_file: 'fetch/2.html' });
    assert.equal(late.id, first.id);
    assert.equal(late.status, 'unchanged', 'the older version, by its own modified time, does not overwrite the newer');
    assert.equal((await stores.articles.get(first.id))!.title, '更新後的標題');
    const modified = db.prepare('SELECT modified_utc FROM articles WHERE id = ?').pluck().get(first.id);
    assert.equal(modified, '2025-10-18T04:00:00.000Z');
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

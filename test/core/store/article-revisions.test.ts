import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../../src/core/store/db.ts';
import { storeArticle } from '../../../src/core/store/articles.ts';
import { revisionsOf, diffVersions } from '../../../src/core/store/article-revisions.ts';
import { makeArticle } from './make-article.ts';

test('the same URL again with a new headline is an update that keeps the revision', () => {
  const dir = mkdtempSync(join(tmpdir(), 'newsbot-rev-'));
  const db = openDatabase(join(dir, 'x.db'));
  try {
    const first = storeArticle(db, makeArticle(), { source_file: 'feed/1.html', now: new Date('2025-10-18T02:00:00Z') });
    storeArticle(db, makeArticle({ title: '另一則', url: 'https://x.example/2', paragraphs: [{ text: '無關的內容，談颱風。', lang: 'zh-Hant' }] }), { source_file: 'other.html' });
    const storyBefore = db.prepare('SELECT story_id FROM story_articles WHERE article_id = ?').pluck().get(first.id);
    const revised = makeArticle({
      title: '澤倫斯基白宮會談後：戰斧飛彈暫不提供',
      paragraphs: [...makeArticle().paragraphs, { text: '白宮稍後證實，川普暫不提供戰斧飛彈。', lang: 'zh-Hant' }],
    });
    const r = storeArticle(db, revised, { source_file: 'feed/2.html', now: new Date('2025-10-18T05:00:00Z') });
    assert.deepEqual(r, { status: 'updated', id: first.id });
    const revs = revisionsOf(db, [first.id]);
    assert.equal(revs.length, 1);
    assert.equal(revs[0].old_title, '烏克蘭總統澤倫斯基訪問白宮');
    assert.equal(revs[0].new_title, '澤倫斯基白宮會談後：戰斧飛彈暫不提供');
    assert.equal(revs[0].at, '2025-10-18T05:00:00.000Z');
    assert.deepEqual([revs[0].body_changed, revs[0].paragraphs_added, revs[0].paragraphs_removed], [true, 1, 0]);
    assert.equal(revs[0].added_sample, '白宮稍後證實，川普暫不提供戰斧飛彈。');
    assert.equal(db.prepare('SELECT story_id FROM story_articles WHERE article_id = ?').pluck().get(first.id), storyBefore, 'the story keeps its number');
    assert.equal(db.prepare('SELECT title FROM stories WHERE id = ?').pluck().get(storyBefore), '澤倫斯基白宮會談後：戰斧飛彈暫不提供');
    // The same bytes again: nothing new, no second revision.
    assert.equal(storeArticle(db, revised, { source_file: 'feed/3.html' }).status, 'unchanged');
    // Only metadata moved (tags): updated, but no revision is recorded.
    assert.equal(storeArticle(db, { ...revised, tags: ['白宮'] }, { source_file: 'feed/4.html' }).status, 'updated');
    assert.equal(revisionsOf(db, [first.id]).length, 1);
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

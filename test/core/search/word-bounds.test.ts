import { test } from 'node:test';
import assert from 'node:assert/strict';
import { onlyAcrossWords } from '../../../src/core/search/word-bounds.ts';
import { sqliteStores } from '../../../src/core/store/open-stores.ts';
import { tempDb, store, article } from '../entities/helpers.ts';

test('a two-character term only cut across words: 占中 in 占中国, 川普 in 四川普通话; a common word never', () => {
  assert.equal(onlyAcrossWords('占中', '房贷占中国家庭收入的比例不断攀升'), true);
  assert.equal(onlyAcrossWords('占中', '房贷占中国家庭收入的比例，香港占中事件'), false);
  assert.equal(onlyAcrossWords('占中', '支持占中的艺人'), false);
  assert.equal(onlyAcrossWords('中国', '发展中国家'), false);
});

test('/search of a two-character term: articles using it as a word come first; the others still match', async () => {
  const db = tempDb();
  const older = await store(db, 'a.txt', article('香港风波', ['近期占中事件期间，多名网友被刑拘。'], { published_at: '2014-10-01' }));
  const newer = await store(db, 'b.txt', article('家庭负债', ['房贷占中国家庭收入的比例不断攀升。'], { published_at: '2019-11-05' }));
  const page = await sqliteStores(db).search.searchPage('占中');
  assert.deepEqual(page.hits.map((h) => h.id), [older, newer]);
  assert.equal(page.total, 2);
  db.close();
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalChineseName } from '../../../src/core/entities/world-names-en.ts';
import { article, store, tempDb, who } from './helpers.ts';

test('a PRC body under the country name is the body; the same word under another country is not', () => {
  assert.equal(canonicalChineseName('中国国务院'), '国务院');
  assert.equal(canonicalChineseName('中华人民共和国国务院'), '国务院');
  assert.equal(canonicalChineseName('中共中央宣传部'), '中宣部');
  assert.equal(canonicalChineseName('美国国务院'), '美国国务院');
  // 商务部 is a name other governments use too (Taiwan's 經濟部 aside), so 中国商务部 stays whole.
  assert.equal(canonicalChineseName('中国商务部'), '中国商务部');
});

test('an organisation named after its country is kept though the country is an alias hit (中国国务院, 美国国务院)', async () => {
  const db = tempDb();
  const bare = await store(db, 'a.txt', article('政策', ['国务院周三发布了新的规定。']));
  const prc = await store(db, 'b.txt', article('疫情', ['湖北出现确诊案例，中国国务院则下达了通知。']));
  const full = await store(db, 'c.txt', article('机构', ['该中心是经中华人民共和国国务院主管部门批准成立的。']));
  const us = await store(db, 'd.txt', article('外交', ['美国国务院上个月称，这些媒体需要登记。']));
  const en = await store(db, 'e.txt', { ...article('Policy', ['The State Council issued new rules on Monday.']), languages: ['en'], paragraphs: [{ text: 'The State Council issued new rules on Monday.', lang: 'en' as const }] });
  for (const q of ['国务院', '國務院', '中国国务院', 'State Council']) {
    const r = await who(db, q);
    assert.ok(r.entity, q);
    assert.deepEqual([...r.articles].sort(), [bare, prc, full, en].sort(), q);
  }
  const state = await who(db, '美国国务院');
  assert.deepEqual(state.articles, [us]);
  assert.equal((await who(db, 'State Department')).entity?.id, state.entity?.id);
  db.close();
});

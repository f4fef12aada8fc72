import { test } from 'node:test';
import assert from 'node:assert/strict';
import { article, store, tempDb, who } from './helpers.ts';

test('a well-known person whose English name is not Pinyin (Jack Ma) is the person the Chinese text names', async () => {
  const db = tempDb();
  const zh = await store(db, 'a.txt', article('电商', ['马云在大会上说，他反对女性主义。']));
  const tw = await store(db, 'b.txt', article('電商', ['馬雲宣布退休。']));
  for (const q of ['Jack Ma', 'jack ma', '马云', '馬雲']) {
    const r = await who(db, q);
    assert.notEqual(r.match, 'fuzzy', q);
    assert.deepEqual([...r.articles].sort(), [zh, tw].sort(), q);
  }
  db.close();
});

test('the regional spellings of one person, a given name alone and the full name are one entity (Hillary Clinton)', async () => {
  const db = tempDb();
  const given = await store(db, 'a.txt', article('大选', ['中国舆论倾向于分析希拉里和特朗普各自会如何处理美中关系。']));
  const full = await store(db, 'b.txt', article('竞选', ['在2016年唐纳德·特朗普和希拉里·克林顿之间的竞选中，双方支持者对立。']));
  const undotted = await store(db, 'c.txt', article('网站', ['希拉里克林顿将她的失败归咎于这些网站。']));
  const tw = await store(db, 'd.txt', article('選舉', ['希拉蕊·柯林頓出席了造勢活動。']));
  const ids = new Set<string>();
  for (const q of ['希拉里', '希拉蕊', 'Hillary Clinton', '希拉里·克林顿']) {
    const r = await who(db, q);
    assert.ok(r.entity, q);
    ids.add(r.entity.id);
    assert.deepEqual([...r.articles].sort(), [given, full, undotted, tw].sort(), q);
  }
  assert.equal(ids.size, 1);
  db.close();
});

test('a surname two listed people share (Clinton) answers with neither of them', async () => {
  const db = tempDb();
  await store(db, 'a.txt', article('政治', ['比尔·克林顿和希拉里·克林顿出席了活动。']));
  const r = await who(db, 'Clinton');
  assert.equal(r.entity, null);
  db.close();
});

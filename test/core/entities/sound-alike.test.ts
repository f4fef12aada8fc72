import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sqliteStores } from '../../../src/core/store/open-stores.ts';
import { soundsAlike } from '../../../src/core/entities/sound-alike.ts';
import { nameKey, foundEntityId } from '../../../src/core/entities/article-names.ts';
import { buildEntityReport } from '../../../src/core/entities/entity-report.ts';
import { resolveEntity } from '../../../src/core/entities/resolve-entity.ts';
import { tempDb, store, article } from './helpers.ts';

test('transliterations of one foreign name across regions sound alike; short names, surnames and other names do not', async () => {
  assert.equal(soundsAlike('尼克松', '尼克森'), true);
  assert.equal(soundsAlike('扎克伯格', '祖克柏'), true);
  assert.equal(soundsAlike('史諾登', '斯诺登'), true);
  assert.equal(soundsAlike('克林顿', '克莱顿'), false); // Clinton, Clayton
  assert.equal(soundsAlike('普京', '普金'), false); // two syllables: too little to go on
  assert.equal(soundsAlike('哈贝马斯', '哈马斯'), false);
  assert.equal(soundsAlike('毛泽东', '毛泽民'), false); // not transliteration characters
});

test('a Taiwanese spelling of a person found before joins that person; /who finds both spellings', async () => {
  const db = tempDb();
  const a = await store(db, 'a.txt', article('访华', ['美国总统尼克松抵达北京，开始访问。', '尼克松会见了中国领导人。']));
  const b = await store(db, 'b.txt', article('破冰之旅', ['五十年前，美國總統尼克森訪問中國，改變了冷戰格局。']));
  const id = foundEntityId(nameKey('尼克松'));
  assert.deepEqual((await buildEntityReport(sqliteStores(db), id))!.articleIds.sort(), [a, b].sort());
  db.close();
});

test('a spelling that sounds like two different people joins neither', async () => {
  const db = tempDb();
  // 尼克松 and 尼克森斯坦 differ by two syllables, so they stay two people; 尼克森斯 sounds like both.
  await store(db, 'a.txt', article('一', ['球员尼克松在比赛中受伤。']));
  const b = await store(db, 'b.txt', article('二', ['作家尼克森斯坦出版了新书。']));
  const c = await store(db, 'c.txt', article('三', ['作家尼克森斯說，新書已出版。']));
  assert.deepEqual((await buildEntityReport(sqliteStores(db), foundEntityId(nameKey('尼克森斯坦'))))!.articleIds, [b]);
  assert.ok(!(await buildEntityReport(sqliteStores(db), foundEntityId(nameKey('尼克松'))))!.articleIds.includes(c));
  assert.deepEqual((await buildEntityReport(sqliteStores(db), foundEntityId(nameKey('尼克森斯'))))!.articleIds, [c]);
  db.close();
});

test('/who with another region\'s spelling no article uses answers with the one person it sounds like, as an alias', async () => {
  const db = tempDb();
  await store(db, 'a.txt', article('访华', ['美国总统尼克松抵达北京，开始访问。', '尼克松会见了中国领导人。']));
  const stores = sqliteStores(db);
  const r = await resolveEntity(stores, '尼克森');
  assert.equal(r.match, 'alias');
  assert.equal(r.entity?.id, foundEntityId(nameKey('尼克松')));
  // Two people who sound alike: no answer, never one of them.
  await store(db, 'b.txt', article('二', ['作家尼克森斯坦出版了新书。']));
  assert.equal((await resolveEntity(stores, '尼克森斯')).entity, null);
  db.close();
});

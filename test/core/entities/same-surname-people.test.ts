import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sqliteStores } from '../../../src/core/store/open-stores.ts';
import { buildEntityReport } from '../../../src/core/entities/entity-report.ts';
import { resolveEntity } from '../../../src/core/entities/resolve-entity.ts';
import { findAliasPairs } from '../../../src/core/entities/alias-pairs.ts';
import { tempDb, store, article, spans } from './helpers.ts';

test('two people of one surname, each named in full once: each article\'s bare surname is its own person, never one merged entity', async () => {
  const db = tempDb();
  const a = await store(db, 'a.txt', article('货币主义', ['经济学家米尔顿·弗里德曼（Milton Friedman）主张控制货币供应。', '弗里德曼获得1976年诺贝尔经济学奖。']));
  const b = await store(db, 'b.txt', article('纳斯达克新规', ['纳斯达克首席执行官阿德娜·弗里德曼（Adena Friedman）宣布新规。', '弗里德曼表示，新规将提高透明度。']));
  const stores = sqliteStores(db);
  assert.deepEqual((await buildEntityReport(stores, 'milton-friedman'))!.articleIds, [a]);
  assert.deepEqual((await buildEntityReport(stores, 'adena-friedman'))!.articleIds, [b]);
  // The bare surname is no entity of its own gathering both articles.
  const r = await resolveEntity(stores, '弗里德曼');
  assert.notEqual(r.match, 'exact');
  assert.ok(!r.entity || (await buildEntityReport(stores, r.entity.id))!.articleIds.length === 1);
  db.close();
});

test('a learned name keeps a common given name (乔治·弗洛伊德, 彼得·沃森, 大卫·卡梅伦), and stops at a title before it', () => {
  const zh = (t: string) => findAliasPairs(t).map((p) => p.zh);
  assert.deepEqual(zh('非裔男子乔治·弗洛伊德（George Floyd）在明尼阿波利斯被警察跪压致死。'), ['乔治·弗洛伊德']);
  assert.deepEqual(zh('历史学家彼得·沃森（Peter Watson）认为'), ['彼得·沃森']);
  assert.deepEqual(zh('英国首相大卫·卡梅伦（David Cameron）表示'), ['大卫·卡梅伦']);
  assert.deepEqual(zh('以色列总理本雅明·内塔尼亚胡（Benjamin Netanyahu）说'), ['本雅明·内塔尼亚胡']);
  // Without a separator the characters are ordinary words: 获得 is not part of 沃森.
  assert.deepEqual(zh('他获得沃森（Peter Watson）的支持'), ['沃森']);
});

test('a middle initial stays in the learned name (乔治·W·布什), and a role glued to a name by the segmenter is cut off (工程师范内瓦·布什)', async () => {
  assert.deepEqual(findAliasPairs('美国前总统乔治·W·布什（George W. Bush）出席了活动。').map((p) => p.zh), ['乔治·W·布什']);
  assert.deepEqual(spans('工程师范内瓦·布什（Vannevar Bush）曾主持曼哈顿计划的科研组织。').filter((s) => s.endsWith('/PER')), ['范内瓦·布什/PER']);
});

test('/who with a bare surname the text uses alone answers with that name and lists the people known in full by it', async () => {
  const db = tempDb();
  await store(db, 'a.txt', article('布什家族', ['美国前总统乔治·W·布什（George W. Bush）出席了活动。工程师范内瓦·布什（Vannevar Bush）曾主持科研组织。', '布什说，科学是无尽的前沿。']));
  const stores = sqliteStores(db);
  const bush = await resolveEntity(stores, '布什');
  assert.equal(bush.entity?.id, 'n:布什');
  assert.deepEqual(bush.alternatives.map((e) => e.id).sort(), ['george-w-bush', 'vannevar-bush']);
  assert.equal((await resolveEntity(stores, '范内瓦·布什')).entity?.id, 'vannevar-bush');
  assert.equal((await resolveEntity(stores, 'George W. Bush')).entity?.id, 'george-w-bush');
  db.close();
});

test('a name learned for a person with context (法兰克福 for Lew Frankfort) is still a name of its own where the person is not meant', async () => {
  const db = tempDb();
  const a = await store(db, 'a.txt', article('蔻驰换帅', ['蔻驰前首席执行官法兰克福（Lew Frankfort）在任内推动品牌转型。法兰克福表示，公司将继续扩张。']));
  const b = await store(db, 'b.txt', article('德国金融中心', ['欧洲央行总部位于法兰克福。']));
  const stores = sqliteStores(db);
  assert.deepEqual((await buildEntityReport(stores, 'lew-frankfort'))!.articleIds, [a]);
  assert.deepEqual((await buildEntityReport(stores, 'n:法兰克福'))!.articleIds, [b]);
  db.close();
});

test('/who of a spelling known for one entity and found alone for another lists the other as an alternative', async () => {
  const db = tempDb();
  await store(db, 'a.txt', article('蔻驰换帅', ['蔻驰前首席执行官法兰克福（Lew Frankfort）在任内推动品牌转型。']));
  await store(db, 'b.txt', article('德国金融中心', ['欧洲央行总部位于法兰克福。']));
  const r = await resolveEntity(sqliteStores(db), '法兰克福');
  assert.equal(r.entity?.id, 'lew-frankfort');
  assert.deepEqual(r.alternatives.map((e) => e.id), ['n:法兰克福']);
  db.close();
});

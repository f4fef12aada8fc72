import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sqliteStores } from '../../../src/core/store/open-stores.ts';
import { resolveEntity } from '../../../src/core/entities/resolve-entity.ts';
import { buildEntityReport } from '../../../src/core/entities/entity-report.ts';
import { articleIdsForEntity, articleMentionsAny, listEntityNames, lookupEntityNames, matchTopic } from '../../../src/core/entities/topics.ts';
import { storeArticle } from '../../../src/core/loader/store-article.ts';
import { tempDb, article, store } from './helpers.ts';

test('a 名（Latin Name） pair teaches a new person, found later by either name in any script', async () => {
  const db = tempDb();
  const a1 = await store(db, 'a1.txt', article('國務院記者會', ['美國國務院發言人布魯斯（Tammy Bruce）表示，美方支持停火。']));
  // The bare transliteration counts where the article gives her role (or full name), not wherever a 布魯斯 appears.
  const a2 = await store(db, 'a2.txt', article('另一則', ['美國國務院發言人布魯斯今天再度重申美方立場。'], { published_at: '2025-08-22' }));
  const other = await store(db, 'a3.txt', article('球賽', ['前鋒布魯斯今晚梅開二度。'], { published_at: '2025-08-23' }));
  const r = (await resolveEntity(sqliteStores(db), 'Tammy Bruce'));
  assert.ok(r.entity, 'learned entity resolves');
  assert.equal(r.entity!.source, 'learned');
  assert.equal(r.entity!.name_zh, '布魯斯');
  assert.equal(r.entity!.role_zh, '美國國務院發言人');
  for (const q of ['tammy bruce', 'TammyBruce', '布鲁斯', '布魯斯', 'tammy-bruce']) assert.equal((await resolveEntity(sqliteStores(db), q)).entity?.id, r.entity!.id, q);
  assert.deepEqual((await buildEntityReport(sqliteStores(db), r.entity!.id))!.articleIds, [a2, a1]);
  assert.ok(!(await buildEntityReport(sqliteStores(db), r.entity!.id))!.articleIds.includes(other));
  db.close();
});

test('a pair with a new Chinese spelling of a known name extends that entity', async () => {
  const db = tempDb();
  await store(db, 'b1.txt', article('t', ['俄羅斯總統普廷（Vladimir Putin）表示。']));
  const later = await store(db, 'b2.txt', article('t2', ['普廷再度發表談話。']));
  assert.equal((await resolveEntity(sqliteStores(db), '普廷')).entity?.id, 'putin');
  assert.ok((await articleIdsForEntity(sqliteStores(db), 'putin')).includes(later));
  db.close();
});

test('related-news links never count as mentions; titles do', async () => {
  const db = tempDb();
  const id = await store(
    db,
    'c1.txt',
    article('澤倫斯基出訪', ['烏克蘭官員今天表示，談判仍在進行。'], {
      related: [{ title: '拜登支持率創新低', url: 'https://example.com/1', time: null }, { title: '普丁會見川普', url: null, time: null }],
    }),
  );
  assert.equal((await articleMentionsAny(sqliteStores(db), id, ['biden', 'putin', 'trump'])), false);
  assert.equal((await articleMentionsAny(sqliteStores(db), id, ['zelensky'])), true);
  db.close();
});

test('re-indexing an updated article rewrites its mentions and keeps tallies exact', async () => {
  const db = tempDb();
  const id = await store(db, 'd1.txt', article('t', ['川普與普丁會面。']));
  const res = await storeArticle(sqliteStores(db), article('t', ['川普與拜登會面。']), { source_file: 'd1.txt' });
  assert.equal(res.status, 'updated');
  assert.equal(res.id, id);
  assert.deepEqual((await articleIdsForEntity(sqliteStores(db), 'putin')), []);
  assert.deepEqual((await articleIdsForEntity(sqliteStores(db), 'biden')), [id]);
  const count = (e: string) => db.prepare(`SELECT articles FROM entity_facets WHERE entity_id = ? AND kind = 'count'`).pluck().get(e);
  assert.equal(count('trump'), 1);
  assert.equal(count('putin'), undefined);
  db.close();
});

test('misspellings resolve; unknown names get close matches, never an error', async () => {
  const db = tempDb();
  await store(db, 'e1.txt', article('t', ['拉夫羅夫（Sergei Lavrov）與澤倫斯基。']));
  for (const q of ['zelenski', 'Zelenskyy', 'ZELENSKY', 'zelensky', 'Volodymyr Zelenskiy']) assert.equal((await resolveEntity(sqliteStores(db), q)).entity?.id, 'zelensky', q);
  const unknown = (await resolveEntity(sqliteStores(db), 'lavrovski'));
  assert.equal(unknown.entity, null);
  assert.equal(unknown.suggestions[0]?.id, 'sergei-lavrov');
  assert.deepEqual((await resolveEntity(sqliteStores(db), 'qqqqqqqq')).suggestions, []);
  db.close();
});

test('helpers for topics and autocomplete', async () => {
  const db = tempDb();
  await store(db, 'f1.txt', article('t', ['澤倫斯基與川普會面。']));
  assert.deepEqual((await matchTopic(sqliteStores(db), '泽连斯基')), ['zelensky']);
  assert.deepEqual((await matchTopic(sqliteStores(db), '川普 與 澤倫斯基')), ['trump', 'zelensky']);
  assert.deepEqual((await matchTopic(sqliteStores(db), '天氣')), []);
  const names = (await lookupEntityNames(sqliteStores(db), 'Zelenskyy'));
  assert.deepEqual(names.entityIds, ['zelensky']);
  assert.ok(names.names.includes('澤連斯基') && names.names.includes('Zelensky'));
  const choices = (await listEntityNames(sqliteStores(db), 'zel', 'en'));
  assert.equal(choices[0].entityId, 'zelensky');
  assert.equal((await resolveEntity(sqliteStores(db), choices[0].value)).entity?.id, 'zelensky');
  assert.equal((await listEntityNames(sqliteStores(db), '', 'zh-TW', 2)).length, 2);
  db.close();
});

test('a learned two-character name counts elsewhere only next to the Latin name', async () => {
  const db = tempDb();
  const a1 = await store(db, 'g1.txt', article('t', ['分析師瓊斯（Deven Jones）認為市場過熱。']));
  await store(db, 'g2.txt', article('t2', ['另一位瓊斯先生表示反對。']));
  const a3 = await store(db, 'g3.txt', article('t3', ['Deven Jones 再度受訪，瓊斯說市場仍熱。']));
  const id = (await resolveEntity(sqliteStores(db), '瓊斯')).entity!.id;
  assert.equal(id, 'deven-jones');
  assert.deepEqual((await articleIdsForEntity(sqliteStores(db), id)).sort(), [a1, a3].sort());
  db.close();
});

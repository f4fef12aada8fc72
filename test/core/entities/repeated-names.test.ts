import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sqliteStores } from '../../../src/core/store/open-stores.ts';
import { exportMentions, findTextEntities } from '../../../src/core/entities/text-entities.ts';
import { article, store, tempDb } from './helpers.ts';

test('a name found where its context shows it is the same name wherever else the text writes it', async () => {
  const db = tempDb();
  const es = await findTextEntities(sqliteStores(db), '北大教授乐黛云说，这是好事。乐黛云的书很多。');
  assert.deepEqual(es.filter((e) => e.text === '乐黛云').map((e) => [e.start, e.end, e.type]), [[4, 7, 'PER'], [14, 17, 'PER']]);
  db.close();
});

test('at ingest, the article counts every mention of a name found once in it', async () => {
  const db = tempDb();
  const id = await store(db, 'a.txt', article('比较文学的前途', ['北大教授乐黛云说，这是好事。', '乐黛云认为，比较文学有前途。', '乐黛云还说，要多读书。']));
  const m = (await exportMentions(sqliteStores(db), id)).find((x) => x.name === '乐黛云');
  assert.equal(m?.count, 3);
  db.close();
});

test('a name the rules cut short in one place is the whole name the article writes elsewhere', async () => {
  // jieba cuts 陈其/x 迈/v when 迈 reads as a verb: the rules alone find 陳其 there.
  const db = tempDb();
  const text = '高雄市長陳其邁今天表示，將加強防疫。陳其邁並提及實聯制的做法。';
  const es = await findTextEntities(sqliteStores(db), text);
  const people = es.filter((e) => e.type === 'PER').map((e) => [e.text, e.start]);
  assert.deepEqual(people, [['陳其邁', 4], ['陳其邁', 18]]);
  db.close();
});

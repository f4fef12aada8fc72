import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../../src/core/store/db.ts';
import { sqliteStores } from '../../../src/core/store/open-stores.ts';
import { storeArticle } from '../../../src/core/loader/store-article.ts';
import { makeArticle } from './make-article.ts';

async function setup() {
  const db = openDatabase(join(mkdtempSync(join(tmpdir(), 'newsbot-entity-store-')), 'x.db'));
  const stores = sqliteStores(db);
  const a = (await storeArticle(sqliteStores(db), makeArticle({ title: 'a', url: 'https://x.example/a', paragraphs: [{ text: '一', lang: 'zh-Hant' }] }), { source_file: 'a.txt' })).id;
  const b = (await storeArticle(sqliteStores(db), makeArticle({ title: 'b', url: 'https://x.example/b', paragraphs: [{ text: '二', lang: 'zh-Hant' }] }), { source_file: 'b.txt' })).id;
  return { db, stores, a, b };
}

const mention = (entityId: string, surfaces: string[], role: string | null = null) => ({ entityId, count: 1, firstPos: 0, inTitle: false, surface: surfaces[0], surfaces, role });

test('replaceMentions moves the tallies by the difference and drops the ones that reach zero', async () => {
  const { db, stores, a, b } = await setup();
  const facets = () => db.prepare(`SELECT entity_id, kind, value, articles FROM entity_facets WHERE entity_id IN ('trump', 'putin') ORDER BY 1, 2, 3`).all();
  await stores.entities.replaceMentions(a, '2025-01-01T00:00:00.000Z', [mention('trump', ['川普', 'Trump'], '總統'), mention('putin', ['普丁'])]);
  await stores.entities.replaceMentions(b, '2025-01-02T00:00:00.000Z', [mention('trump', ['川普'])]);
  assert.deepEqual(await stores.entities.articleIds('trump'), [b, a]);
  assert.equal((await stores.entities.mentionCounts(['trump'])).get('trump'), 2);
  // Article a now mentions only Trump, by one spelling: Putin and the other spelling and role go.
  await stores.entities.replaceMentions(a, '2025-01-01T00:00:00.000Z', [mention('trump', ['川普'])]);
  assert.deepEqual(facets(), [
    { entity_id: 'trump', kind: 'count', value: '', articles: 2 },
    { entity_id: 'trump', kind: 'spelling', value: '川普', articles: 2 },
  ]);
  assert.equal(await stores.entities.mentionsAny(a, ['putin']), false);
  assert.equal(await stores.entities.mentionsAny(a, ['putin', 'trump']), true);
  assert.deepEqual(await stores.entities.seenRange('trump'), { first: '2025-01-01T00:00:00.000Z', last: '2025-01-02T00:00:00.000Z' });
  db.close();
});

test('found names: created once, looked up by key and prefix, existing ids reported', async () => {
  const { db, stores } = await setup();
  const e = { id: 'n:毛泽东', type: 'person' as const, nameZh: '毛泽东', nameEn: null };
  const names = [
    { key: '毛泽东', entity_id: 'n:毛泽东', name: '毛泽东' },
    { key: 'maozedong', entity_id: 'n:毛泽东', name: '毛泽东' },
    { key: 'maozedong', entity_id: 'n:毛泽东', name: '毛泽东' },
  ];
  await stores.entities.addFoundNames([e], names, '2025-01-01T00:00:00.000Z');
  await stores.entities.addFoundNames([e], names, '2025-01-01T00:00:00.000Z');
  assert.deepEqual(await stores.entities.foundByKey('maozedong'), ['n:毛泽东']);
  assert.deepEqual(await stores.entities.foundByPrefix('maoze'), ['n:毛泽东']);
  assert.deepEqual([...(await stores.entities.existingIds(['n:毛泽东', 'n:nobody', 'trump']))].sort(), ['n:毛泽东', 'trump']);
  assert.equal((await stores.entities.entity('n:毛泽东'))?.name_zh, '毛泽东');
  assert.ok((await stores.entities.entityIdsByAliasPrefix('zelen')).includes('zelensky'));
  db.close();
});

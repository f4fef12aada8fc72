// Contract: site furniture learned after the fact cleans the site's earlier articles again, on
// every backend, and the batch path (ingestPaths: one transaction, deferred search rows) agrees
// with storing files one by one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingestPaths } from '../../src/core/loader/ingest-paths.ts';
import { exportMentions } from '../../src/core/entities/text-entities.ts';
import type { Stores } from '../../src/core/store/stores.ts';
import { BACKENDS, openBackend } from './backends.ts';

const PLACES = ['北港', '南投', '東勢', '西螺', '大甲', '新營'];

/** A post of one site: its own report plus the site's sign-off line. */
const post = (i: number) =>
  `---\ntitle: "${PLACES[i]}鎮公所公布新的垃圾清運時間 | 地方小報"\ndate: 2024-05-0${i + 1}\nfrom: https://xiaobao.example/p/${i}\n---\n` +
  `<p>${PLACES[i]}鎮公所今天公布新的垃圾清運時間，自下個月起改為每週三次，清潔隊將增加${i + 2}輛車。</p>` +
  `<p>鎮長表示，${PLACES[i]}的居民可以上網查詢清運路線，有問題也可以打電話到公所詢問。</p>` +
  `<p>訂閱地方小報電子報，每天早上收到最新消息。</p>`;

for (const backend of BACKENDS) {
  test(`site furniture learned later cleans earlier articles too, on ${backend}`, async (t) => {
    const stores = await openBackend(t, backend);
    const dir = mkdtempSync(join(tmpdir(), 'newsbot-reclean-'));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    for (const [i] of PLACES.entries()) writeFileSync(join(dir, `p${i}.md`), post(i));
    const r = await ingestPaths(stores, [dir]);
    assert.equal(r.ingested, PLACES.length, JSON.stringify(r.rejects));
    const all = await stores.articles.recent({ limit: 10 });
    assert.equal(all.length, PLACES.length);
    for (const a of all) {
      assert.doesNotMatch(a.body, /訂閱地方小報/, `${a.title}: the sign-off is furniture`);
      assert.doesNotMatch(a.title, /地方小報/, `${a.title}: the title suffix is furniture`);
      assert.match(a.body, /清運路線/, `${a.title} keeps its prose`);
    }
    assert.deepEqual(await stores.search.search('電子報'), [], 'the search index forgot it');
    assert.equal((await stores.search.search('清運')).length, PLACES.length);
  });
}

/** What is stored for the article of `file`: headline, body, dated events and mentions. */
async function storedOf(stores: Stores, file: string) {
  const id = (await stores.articles.articleOfSource(file))!;
  const a = (await stores.articles.get(id))!;
  const extras = await stores.articles.exportExtras(id);
  return { title: a.title, body: a.body, events: extras.events, mentions: await exportMentions(stores, id) };
}

test('an article cleaned again ends up as if it had arrived after its site was learned (order does not matter)', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'newsbot-reclean-order-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const files = PLACES.map((_, i) => join(dir, `p${i}.md`));
  for (const [i, f] of files.entries()) writeFileSync(f, post(i));
  const first = await openBackend(t, 'sqlite');
  await ingestPaths(first, files); // p0 stored first, cleaned again later
  const last = await openBackend(t, 'sqlite');
  await ingestPaths(last, [...files.slice(1), files[0]]); // p0 stored once the site is known
  assert.deepEqual(await storedOf(first, files[0]), await storedOf(last, files[0]));
  assert.doesNotMatch((await storedOf(first, files[0])).body, /電子報/);
});

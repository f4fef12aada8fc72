// Site furniture by repetition, through the real loader and a real SQLite file: lines a site repeats are learned from what is stored.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../../src/core/store/db.ts';
import { sqliteStores } from '../../../src/core/store/open-stores.ts';
import { ingestBytes } from '../../../src/core/loader/ingest-bytes.ts';
import { parseDocument } from '../../../src/core/ingest/parse-document.ts';
import { dropSiteFurniture, siteKeyOf, siteLineKeys } from '../../../src/core/clean/site-furniture.ts';

const TOPICS = ['港口擴建', '學校午餐', '公車路線', '圖書館改建', '河岸步道', '夜市整頓', '社區診所', '單車道', '公園綠地', '垃圾分類', '老屋修繕', '停車新制'];

/** A blog post (Jekyll) from one site: unique prose plus the site's own repeated lines. */
function post(i: number, host = 'shuping.example'): Buffer {
  const topic = TOPICS[i];
  return Buffer.from(
    `---\ntitle: "${topic}計畫第${i + 1}次說明會 - 燕京書評"\ndate: 2024-03-${String(i + 1).padStart(2, '0')}\nfrom: https://${host}/posts/${i}\n---\n` +
      `<p>Published 2024年3月${i + 1}日</p>` +
      `<p>市府今天就${topic}計畫舉辦第${i + 1}次說明會，說明預算、工期與居民關心的交通問題，現場約有${40 + i}位居民出席並提出意見。</p>` +
      `<p>承辦單位表示，${topic}的細部設計將在下個月公布，並會依照說明會收集到的意見調整，預計年底前完成發包作業。</p>` +
      `<p>微信搜索"燕京书评"，关注我们，获取更多精彩内容。</p>`,
  );
}

test('the tenth article of a site comes out cleaner than the first; unique prose is never dropped', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'newsbot-site-'));
  try {
    const db = openDatabase(join(dir, 'site.db'));
    const bodies: string[] = [];
    const titles: string[] = [];
    const ids: number[] = [];
    for (let i = 0; i < 10; i++) {
      const r = await ingestBytes(sqliteStores(db), { bytes: post(i), name: join(dir, `p${i}.md`) });
      assert.equal(r.status, 'ingested');
      ids.push(r.id!);
      const row = db.prepare('SELECT title, body FROM articles WHERE id = ?').get(r.id) as { title: string; body: string };
      bodies.push(row.body);
      titles.push(row.title);
    }
    assert.match(bodies[0], /微信搜索/);
    assert.match(titles[0], / - 燕京書評$/);
    for (let i = MIN_SEEN; i < 10; i++) {
      assert.doesNotMatch(bodies[i], /微信搜索/, `article ${i + 1}`);
      assert.doesNotMatch(titles[i], /燕京書評/, `article ${i + 1}`);
      assert.match(bodies[i], new RegExp(TOPICS[i]));
      assert.equal(bodies[i].split('\n\n').length, 2, `article ${i + 1} keeps its two paragraphs`);
    }
    // Once the line is furniture, the articles stored before are cleaned again as well: in place
    // (same ids), re-indexed, with no revision recorded (the source did not change).
    for (const [i, id] of ids.entries()) {
      const row = db.prepare('SELECT title, body FROM articles WHERE id = ?').get(id) as { title: string; body: string };
      assert.doesNotMatch(row.body, /微信搜索|Published/, `article ${i + 1} cleaned again`);
      assert.equal(row.title, `${TOPICS[i]}計畫第${i + 1}次說明會`);
      assert.match(row.body, new RegExp(`${TOPICS[i]}的細部設計`), `article ${i + 1} keeps its prose`);
    }
    assert.equal(db.prepare('SELECT count(*) FROM article_revisions').pluck().get(), 0);
    assert.deepEqual((await sqliteStores(db).search.search('燕京书评')).map((h) => h.id), [], 'the search index forgot the furniture');
    assert.deepEqual((await sqliteStores(db).search.search('說明會')).length, 10);
    // Re-ingesting an early file unchanged changes nothing.
    assert.equal((await ingestBytes(sqliteStores(db), { bytes: post(0), name: join(dir, 'p0.md') })).status, 'unchanged');

    // Another site printing the same line once: nothing learned there yet.
    const other = await ingestBytes(sqliteStores(db), { bytes: post(10, 'other.example'), name: join(dir, 'o.md') });
    const otherBody = (db.prepare('SELECT body FROM articles WHERE id = ?').get(other.id) as { body: string }).body;
    assert.match(otherBody, /微信搜索/);

    // Cleaning the first article again against what is stored now gives the later articles' result, and again the same.
    const first = parseDocument(post(0), join(dir, 'p0.md'));
    const site = siteKeyOf(first, null, join(dir, 'p0.md'));
    const firstId = (db.prepare("SELECT article_id FROM ingested_files WHERE path = ?").pluck().get(join(dir, 'p0.md'))) as number;
    const counts = await sqliteStores(db).articles.countSiteLines(site, siteLineKeys(first), firstId);
    const once = dropSiteFurniture(first, counts);
    assert.deepEqual(once.paragraphs.map((p) => p.text).filter((t) => /微信搜索|燕京/.test(t)), []);
    assert.equal(once.title, '港口擴建計畫第1次說明會');
    assert.deepEqual(dropSiteFurniture(once, counts), once);
    db.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** Articles stored before a line counts as furniture: it must recur in MIN_REPEATS (3) others first. */
const MIN_SEEN = 3;

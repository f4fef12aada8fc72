import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../src/core/store/db.ts';
import { ingestPaths } from '../../src/core/loader/ingest-paths.ts';
import { storyIndexingDone } from '../../src/core/knowledge/index-article.ts';
import { storeArticle } from '../../src/core/store/articles.ts';
import { answerLine } from '../../src/adapters/terminal/run-line.ts';
import { latestCommand } from '../../commands/latest.ts';
import { executeCommand } from '../../commands/execute.ts';
import { TERMINAL_CHAT } from '../../src/adapters/terminal/run-line.ts';
import { cnaCopyOf001 } from '../core/stories/gold-articles.ts';
import { sqliteStores } from '../../src/core/store/open-stores.ts';

let dir: string;
let db: Db;
let cnaId: number;
const deps = () => ({ stores: sqliteStores(db), now: () => new Date('2025-11-01T00:00:00Z') });

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'newsbot-latest-'));
  db = openDatabase(join(dir, 'x.db'));
  await ingestPaths(db, ['seeds']);
  cnaId = (await storeArticle(db, cnaCopyOf001(), { source_file: 'cna-copy.txt' })).id;
  await storyIndexingDone(db);
});
after(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

test('/latest shows each story once, the CNA wire with both outlets, newest first, undated last', async () => {
  const reply = await answerLine('/latest', 'zh-TW', deps());
  assert.equal(reply.kind, 'ok');
  assert.equal(reply.items.length, 5, 'six articles, five stories');
  const titles = reply.items.map((i) => i.heading);
  assert.equal(new Set(titles).size, 5);
  const wire = reply.items.find((i) => i.heading === '澤倫斯基：正與盟國協商安全保障細節')!;
  assert.equal(wire.text, '中央社、聯合新聞網', 'CNA published first (08-22 20:15), udn the next day');
  assert.match(wire.meta!, /2 篇/);
  assert.equal(wire.url, 'https://www.cna.com.tw/news/aopl/202508220321.aspx', 'the link known for the story');
  assert.equal(reply.items[0].heading, '川普立場改變拒絕提供戰斧巡航導彈,要烏俄就目前的各自佔領的領土劃分後停戰', 'newest: 2025-10-19');
  assert.equal(reply.items.at(-1)!.heading, '美歐願給類似北約集體防禦機制 烏克蘭仍拒割地', 'undated: last');
  assert.ok(reply.articles.includes(cnaId));
  assert.equal(reply.articles.length, 6);
});

test('/latest count and topic; English reply', async () => {
  assert.equal((await answerLine('/latest 2', 'en', deps())).items.length, 2);
  const trump = await answerLine('/latest 5 川普', 'en', deps());
  assert.equal(trump.title, 'Latest on 川普');
  assert.equal(trump.items.length, 4, 'seed 000 does not mention Trump');
  assert.ok(!trump.items.some((i) => i.heading?.includes('拜登邀澤倫斯基')));
  // Names go through the alias index: an English name finds the Chinese-only article.
  const biden = await answerLine('/latest biden', 'en', deps());
  assert.deepEqual(biden.items.map((i) => i.heading), ['烏克蘭戰費枯竭 白宮：拜登邀澤倫斯基再訪']);
  const words = await answerLine('/latest 戰斧巡航導彈', 'en', deps());
  assert.equal(words.items.length, 1, 'plain words go through full-text search');
  const none = await answerLine('/latest 3 火星殖民', 'en', deps());
  assert.deepEqual([none.kind, none.items.length, none.intro], ['ok', 0, 'No stories about “火星殖民” yet.']);
});

test('/latest with a bad count or a huge topic gets a friendly usage reply', async () => {
  for (const line of ['/latest 10000', '/latest 0', '/latest -3']) {
    const r = await answerLine(line, 'en', deps());
    assert.equal(r.kind, 'usage', line);
    assert.match(r.intro!, /1 and 20|1 to 20/);
  }
  // Platforms with typed options (Discord) call run directly: the command checks too.
  const direct = await executeCommand(latestCommand, { args: { count: 10000 }, lang: 'zh-TW', chat: TERMINAL_CHAT }, deps());
  assert.equal(direct.kind, 'usage');
  assert.match(direct.intro!, /數量必須是 1 到 20/);
  const huge = await executeCommand(latestCommand, { args: { topic: '烏'.repeat(5 * 1024 * 1024) }, lang: 'en', chat: TERMINAL_CHAT }, deps());
  assert.equal(huge.kind, 'usage');
  assert.match(huge.intro!, /too long/);
});

/** The alert pass: quiet hours hold alerts until they end; at most one batch per chat per interval; two processes never both send. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tempDb, quietLog, scriptedAdapter, chat } from './fixtures.ts';
import { cnaWire } from './follow-fixtures.ts';
import { storeArticle } from '../../src/core/loader/store-article.ts';
import { runAlerts } from '../../src/scheduler/run-alerts.ts';
import { executeCommand } from '../../commands/execute.ts';
import { followCommand } from '../../commands/follow.ts';
import { quietCommand } from '../../commands/quiet.ts';
import { loadConfig } from '../../src/config.ts';
import { sqliteStores } from '../../src/core/store/open-stores.ts';

/** TRANSITIONAL (stories branch): stores an article and waits for its queued story and event indexing. */
async function store(...args: Parameters<typeof storeArticle>): Promise<ReturnType<typeof storeArticle>> {
  const r = await storeArticle(...args);
  return r;
}

const t0 = Date.parse('2025-10-17T12:00:00Z'); // 20:00 in Taipei
const at = (min: number) => new Date(t0 + min * 60_000);

const other = () => ({
  ...cnaWire(),
  url: 'https://www.cna.com.tw/news/aopl/202510180077.aspx',
  title: '澤倫斯基：能源設施遭襲 全國輪流停電',
  published_at: '2025-10-18T09:00:00+08:00',
  paragraphs: [
    { text: '（中央社基輔18日綜合外電報導）俄羅斯18日凌晨以無人機與飛彈襲擊烏克蘭多處能源設施，烏克蘭全國實施輪流停電。', lang: 'zh-Hant' as const },
    { text: '烏克蘭總統澤倫斯基表示，這是本月第三次大規模攻擊，他呼籲盟國提供更多防空系統。', lang: 'zh-Hant' as const },
  ],
});

test('quiet hours hold alerts; one batch per chat per 10 minutes; a second process claims nothing', async () => {
  const t = tempDb();
  try {
    const c = chat('telegram', '42');
    const deps = { stores: sqliteStores(t.db), now: () => at(0) };
    await executeCommand(followCommand, { args: { what: '澤倫斯基' }, lang: 'zh-TW', chat: c }, deps);
    const quiet = await executeCommand(quietCommand, { args: { hours: '22:00-07:00' }, lang: 'zh-TW', chat: c }, deps);
    assert.match(quiet.intro!, /勿擾時段 22:00–07:00（Asia\/Taipei）/);
    const tg = scriptedAdapter('telegram');

    await storeArticle(sqliteStores(t.db), cnaWire(), { source_file: 'a', now: at(150) }); // 22:30 Taipei
    const held = await runAlerts(sqliteStores(t.db), { telegram: tg }, at(151), { log: quietLog });
    assert.deepEqual([held.quiet, held.batches, tg.sent.length], [1, 0, 0], 'held during quiet hours');
    const morning = at(11 * 60 + 1); // 07:01 Taipei
    const sent = await runAlerts(sqliteStores(t.db), { telegram: tg }, morning, { log: quietLog });
    assert.deepEqual([sent.batches, sent.stories, tg.sent.length], [1, 1, 1], 'sent when they end');

    // Another story two minutes later waits for the batch interval; a second process gets nothing either.
    await storeArticle(sqliteStores(t.db), other(), { source_file: 'b', now: new Date(morning.getTime() + 60_000) });
    const soon = new Date(morning.getTime() + 2 * 60_000);
    assert.equal((await runAlerts(sqliteStores(t.db), { telegram: tg }, soon, { log: quietLog })).batches, 0);
    assert.equal((await runAlerts(sqliteStores(t.db), { telegram: tg }, soon, { log: quietLog, claimer: 'other-host:1:x' })).batches, 0);
    const later = new Date(morning.getTime() + 10 * 60_000);
    const [a, b] = await Promise.all([
      runAlerts(sqliteStores(t.db), { telegram: tg }, later, { log: quietLog }),
      runAlerts(sqliteStores(t.db), { telegram: tg }, later, { log: quietLog, claimer: 'other-host:2:y' }),
    ]);
    assert.equal(a.batches + b.batches, 1, 'exactly one of two racing passes sends');
    assert.equal(tg.sent.length, 2);
    assert.match(tg.sent[1].reply.items[0].heading!, /能源設施遭襲/);
    assert.equal(tg.sent[1].target.chatId, '42');
  } finally {
    t.cleanup();
  }
});

test('the batch interval from the environment (NEWSBOT_ALERT_INTERVAL_MIN=30) holds a second batch for 30 minutes', async () => {
  const t = tempDb();
  try {
    const everyMs = loadConfig({ NEWSBOT_ALERT_INTERVAL_MIN: '30' }).NEWSBOT_ALERT_INTERVAL_MIN * 60_000;
    const c = chat('telegram', '43');
    await executeCommand(followCommand, { args: { what: '澤倫斯基' }, lang: 'zh-TW', chat: c }, { stores: sqliteStores(t.db), now: () => at(-600) });
    const tg = scriptedAdapter('telegram');
    await storeArticle(sqliteStores(t.db), cnaWire(), { source_file: 'a', now: at(-599) });
    assert.equal((await runAlerts(sqliteStores(t.db), { telegram: tg }, at(-598), { log: quietLog, everyMs })).batches, 1);
    await storeArticle(sqliteStores(t.db), other(), { source_file: 'b', now: at(-597) });
    for (const m of [-588, -570]) assert.equal((await runAlerts(sqliteStores(t.db), { telegram: tg }, at(m), { log: quietLog, everyMs })).batches, 0, `held at ${m + 598} min`);
    assert.equal((await runAlerts(sqliteStores(t.db), { telegram: tg }, at(-568), { log: quietLog, everyMs })).batches, 1, 'sent once 30 minutes have passed');
    assert.equal(tg.sent.length, 2);
  } finally {
    t.cleanup();
  }
});

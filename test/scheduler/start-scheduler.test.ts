import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startScheduler } from '../../src/scheduler/start-scheduler.ts';
import { systemClock } from '../../src/scheduler/clock.ts';
import { tempDb, putArticle, scriptedAdapter, quietLog } from './fixtures.ts';
import { sqliteStores } from '../../src/core/store/open-stores.ts';

test('startScheduler catches up on start (latest missed digest only), then a tick sends nothing twice; stop ends cleanly', async () => {
  const t = tempDb();
  try {
    putArticle(t.db, { title: 'Story', body: 'It happened.', outlet: 'AP', url: 'https://ap.example/1', published: '2026-11-23T20:00:00Z', storyId: 1 });
    await sqliteStores(t.db).subscriptions.add({ platform: 'telegram', chatId: '9', lang: 'en', time: '08:00', tz: 'Asia/Taipei' }, new Date('2026-11-20T10:00:00Z'));
    const tg = scriptedAdapter('telegram');
    let now = new Date('2026-11-24T03:00:00Z'); // the bot was down for three due times
    const scheduler = startScheduler({ stores: sqliteStores(t.db), adapters: { telegram: tg }, log: quietLog, clock: { now: () => now, sleep: systemClock.sleep } });
    try {
      const first = await scheduler.runNow(); // joins the start-up pass if still running
      assert.ok(first.claimed <= 1);
      for (let i = 0; i < 100 && tg.sent.length < 1; i++) await new Promise((r) => setTimeout(r, 10));
      assert.equal(tg.sent.length, 1);
      now = new Date('2026-11-24T03:01:00Z');
      const tick = await scheduler.runNow();
      assert.equal(tick.claimed, 0);
      assert.equal(tg.sent.length, 1);
    } finally {
      await scheduler.stop();
    }
  } finally {
    t.cleanup();
  }
});

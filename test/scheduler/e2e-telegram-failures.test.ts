// Delivery failures on the Telegram emulator: supergroup migration followed, 429 waited, blocked chat paused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startTelegramHarness } from '../helpers/telegram-harness.ts';
import { createTelegramAdapter } from '../../src/adapters/telegram/create-telegram-adapter.ts';
import { runDueDigests } from '../../src/scheduler/run-due-digests.ts';
import { DEFAULT_SEND_POLICY } from '../../src/scheduler/send-digest.ts';
import { tempDb, putArticle, quietLog } from './fixtures.ts';
import { sqliteStores } from '../../src/core/store/open-stores.ts';

const made = new Date('2026-11-20T10:00:00Z');
const day = (d: number) => new Date(Date.UTC(2026, 10, 21 + d, 0, 0, 30));
const fast = { ...DEFAULT_SEND_POLICY, maxAttempts: 3, backoffMs: 20, maxRateLimited: 3 };

test('telegram: migrate_to_chat_id is followed, a 429 is waited out, a blocked chat pauses after 3 failed digests', async () => {
  const t = tempDb();
  const h = await startTelegramHarness();
  try {
    const tg = createTelegramAdapter({ token: h.token, apiRoot: h.apiRoot, stores: sqliteStores(t.db), log: quietLog });
    const store = sqliteStores(t.db).subscriptions;
    for (let d = 0; d < 4; d++) putArticle(t.db, { title: `News of day ${d}`, body: 'Something happened.', outlet: 'AP', url: `https://ap.example/${d}`, published: new Date(day(d).getTime() - 3 * 3600_000).toISOString(), storyId: d + 1 });

    await store.add({ platform: 'telegram', chatId: '-500', lang: 'en', time: '08:00', tz: 'Asia/Taipei' }, made);
    h.failNext('sendMessage', { kind: 'http', status: 400, description: 'Bad Request: group chat was upgraded to a supergroup chat', parameters: { migrate_to_chat_id: -1009990 } });
    const s1 = await runDueDigests(sqliteStores(t.db), { telegram: tg }, day(0), { log: quietLog, policy: fast });
    assert.equal(s1.stats.migrated, 1);
    assert.equal(s1.stats.sent, 1);
    assert.equal((await store.get(1))!.chat_id, '-1009990');
    const moved = await h.waitForReplies(-1009990, 1);
    assert.match(moved[0].text, /News of day 0/);

    h.failNext('sendMessage', { kind: 'http', status: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } });
    const t0 = Date.now();
    const s2 = await runDueDigests(sqliteStores(t.db), { telegram: tg }, day(1), { log: quietLog, policy: fast });
    assert.equal(s2.stats.rateLimited, 1);
    assert.equal(s2.stats.sent, 1);
    assert.ok(Date.now() - t0 >= 900, 'waited retry_after');
    assert.equal((await h.waitForReplies(-1009990, 1)).length, 1);

    await store.remove(1);
    await store.add({ platform: 'telegram', chatId: '4242', lang: 'en', time: '08:00', tz: 'Asia/Taipei' }, made);
    for (const d of [1, 2, 3]) {
      h.failNext('sendMessage', { kind: 'http', status: 403, description: 'Forbidden: bot was blocked by the user' });
      await runDueDigests(sqliteStores(t.db), { telegram: tg }, day(d), { log: quietLog, policy: fast });
    }
    const blocked = (await store.get(2))!;
    assert.equal(blocked.consecutive_failures, 3);
    assert.match(blocked.paused_reason!, /blocked by the user/);
    assert.deepEqual((await sqliteStores(t.db).ledger.list()).filter((r) => r.subscription_id === 2).map((r) => r.status), ['failed', 'failed', 'failed']);
  } finally {
    await h.close();
    t.cleanup();
  }
});

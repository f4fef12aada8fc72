// End to end on the fake Discord (gateway + REST): real discord.js adapter, real SQLite file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hostname } from 'node:os';
import { startFakeDiscord, PERMS } from '../helpers/fake-discord.ts';
import { createDiscordAdapter } from '../../src/adapters/discord/index.ts';
import { openDatabase } from '../../src/core/store/db.ts';
import { runDueDigests } from '../../src/scheduler/run-due-digests.ts';
import { tempDb, putArticle, quietLog } from './fixtures.ts';
import { sqliteStores } from '../../src/core/store/open-stores.ts';

const HOUR = 3600_000;
const DM = '500000000000000001';
const CHANNEL = '500000000000000010';
const adminPerms = (PERMS.ViewChannel | PERMS.SendMessages | PERMS.ManageChannels).toString();

test('discord: subscribe in a DM and a guild channel, one digest per due time, nonce makes a resend after a crash safe', async () => {
  const t = tempDb();
  const fake = await startFakeDiscord({ token: 'discord-test-token-1' });
  const mk = (db: typeof t.db) => createDiscordAdapter({ token: 'discord-test-token-1', appId: fake.appId, apiUrl: fake.apiUrl, stores: sqliteStores(db), now: () => new Date(), log: quietLog });
  const adapter = mk(t.db);
  try {
    await adapter.start();
    const dm = await fake.waitForReply(fake.slash('subscribe', { time: '08:00' }, { channelType: 1 }));
    assert.match(JSON.stringify(dm.body), /Subscribed: a digest of new stories every day at 08:00/);
    const refused = await fake.waitForReply(fake.slash('subscribe', { time: '08:00' }, { channelId: CHANNEL }));
    assert.match(JSON.stringify(refused.body), /only administrators of this chat can change its subscriptions/);
    assert.equal(refused.ephemeral, true);
    const ok = await fake.waitForReply(fake.slash('subscribe', { time: '08:00', tz: 'Europe/Berlin' }, { channelId: CHANNEL, memberPermissions: adminPerms }));
    assert.match(JSON.stringify(ok.body), /08:00 Europe\/Berlin/);

    const subs = await sqliteStores(t.db).subscriptions.list();
    assert.deepEqual(subs.map((s) => [s.chat_id, s.tz]), [[DM, 'Asia/Taipei'], [CHANNEL, 'Europe/Berlin']]);
    const last = new Date(Math.max(...subs.map((s) => Date.parse(s.next_due_at))));
    const earliest = new Date(Math.min(...subs.map((s) => Date.parse(s.next_due_at))));
    const at = (ms: number) => new Date(last.getTime() + ms);
    const before = (ms: number) => new Date(earliest.getTime() - ms).toISOString();
    putArticle(t.db, { title: 'Ceasefire talks resume in Geneva', body: 'Envoys met on Saturday. Both sides agreed to swap prisoners.', outlet: 'Reuters', url: 'https://reuters.example/g', published: before(3 * HOUR), storyId: 1 });
    putArticle(t.db, { title: '日內瓦停火談判重啟', body: '雙方代表今天在日內瓦會面。', outlet: '中央社', url: 'https://cna.example/g', published: before(2 * HOUR), storyId: 1 });

    const first = await runDueDigests(sqliteStores(t.db), { discord: adapter }, at(30_000), { log: quietLog });
    assert.equal(first.stats.sent, 2);
    const posted = () => fake.messages.filter((m) => m.channelId === DM || m.channelId === CHANNEL);
    assert.equal(posted().length, 2);
    for (const m of posted()) {
      const text = JSON.stringify(m.body);
      assert.match(text, /Ceasefire talks resume in Geneva|日內瓦停火談判重啟/);
      assert.match(text, /Reuters/);
      assert.match(text, /中央社/);
      assert.ok(m.nonce, 'digests carry a nonce');
      assert.equal(m.body.enforce_nonce, true);
    }
    const again = await runDueDigests(sqliteStores(t.db), { discord: adapter }, at(90_000), { log: quietLog });
    assert.equal(again.claimed, 0);
    assert.equal(posted().length, 2);

    // Restart with a new adapter on the same file; pretend the first process died after posting
    // the DM digest but before recording it: the row is 'claimed' with the send started.
    await adapter.stop();
    t.db.close();
    const db2 = openDatabase(t.file);
    const dmDelivery = (await sqliteStores(db2).ledger.list()).find((d) => d.subscription_id === subs[0].id)!;
    db2.prepare(`UPDATE deliveries SET status = 'claimed', claimed_by = ?, send_started_at = claimed_at, message_ids = '[]' WHERE id = ?`).run(`${hostname()}:999999999:dead`, dmDelivery.id);
    db2.prepare(`UPDATE subscriptions SET last_digest_due_at = NULL WHERE id = ?`).run(subs[0].id);
    db2.prepare(`DELETE FROM subscription_stories WHERE subscription_id = ?`).run(subs[0].id);
    const adapter2 = mk(db2);
    const replay = await runDueDigests(sqliteStores(db2), { discord: adapter2 }, at(120_000), { log: quietLog });
    assert.equal(replay.recovered, 1);
    assert.equal(replay.stats.sent, 1);
    assert.equal(posted().length, 2, 'Discord refused the duplicate by nonce');
    const rows = await sqliteStores(db2).ledger.list();
    assert.deepEqual(rows.map((d) => d.status), ['sent', 'sent']);
    assert.equal(rows.find((d) => d.id === dmDelivery.id)!.message_ids.length, 1);
    await adapter2.stop();
    db2.close();
  } finally {
    await adapter.stop().catch(() => undefined);
    await fake.stop();
    t.cleanup();
  }
});

test('discord: /subscribe … thread opens one discussion thread on each digest message', async () => {
  const t = tempDb();
  const fake = await startFakeDiscord({ token: 'discord-test-token-2' });
  const adapter = createDiscordAdapter({ token: 'discord-test-token-2', appId: fake.appId, apiUrl: fake.apiUrl, stores: sqliteStores(t.db), now: () => new Date(), log: quietLog });
  try {
    await adapter.start();
    const ok = await fake.waitForReply(fake.slash('subscribe', { time: '09:00', topic: 'thread' }, { channelId: CHANNEL, memberPermissions: adminPerms }));
    assert.match(JSON.stringify(ok.body), /09:00/);
    const [sub] = await sqliteStores(t.db).subscriptions.list();
    assert.equal(sub.open_thread, 1);
    assert.equal(sub.topic, null, '"thread" is an option, not a topic');
    const due = new Date(sub.next_due_at);
    putArticle(t.db, { title: 'Ceasefire talks resume in Geneva', body: 'Envoys met on Saturday.', outlet: 'Reuters', url: 'https://reuters.example/g', published: new Date(due.getTime() - 2 * HOUR).toISOString(), storyId: 1 });
    const run = await runDueDigests(sqliteStores(t.db), { discord: adapter }, new Date(due.getTime() + 30_000), { log: quietLog });
    assert.equal(run.stats.sent, 1);
    const posted = fake.messages.filter((m) => m.channelId === CHANNEL);
    assert.equal(posted.length, 1);
    assert.equal(fake.threads.length, 1);
    assert.equal(fake.threads[0].channelId, CHANNEL);
    assert.equal(fake.threads[0].messageId, posted[0].id);
  } finally {
    await adapter.stop().catch(() => undefined);
    await fake.stop();
    t.cleanup();
  }
});

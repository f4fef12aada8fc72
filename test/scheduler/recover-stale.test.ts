import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hostname } from 'node:os';
import { runDueDigests } from '../../src/scheduler/run-due-digests.ts';
import { tempDb, putArticle, scriptedAdapter, quietLog } from './fixtures.ts';
import { sqliteStores } from '../../src/core/store/open-stores.ts';

test('stale claims: a dead claimer is taken over (sent if nothing went out, abandoned on Telegram if ambiguous); a live one is left alone', async () => {
  const t = tempDb();
  try {
    putArticle(t.db, { title: 'Story', body: 'It happened.', outlet: 'AP', url: 'https://ap.example/1', published: '2026-11-21T20:00:00Z', storyId: 1 });
    const store = sqliteStores(t.db).subscriptions;
    const ledger = sqliteStores(t.db).ledger;
    const made = new Date('2026-11-21T10:00:00Z');
    const due = new Date('2026-11-22T00:00:00Z');
    const dead = `${hostname()}:999999999:x`;
    const alive = `${hostname()}:${process.pid}:other-pass`;
    const farAway = `other-host:123:y`;
    const subs = [];
    for (const c of ['1', '2', '3', '4']) subs.push(await store.add({ platform: 'telegram', chatId: c, lang: 'en', time: '08:00', tz: 'Asia/Taipei' }, made));
    const old = new Date('2026-11-22T00:00:01Z');
    await ledger.claim(subs[0], due, dead, old); // died before sending
    await ledger.markSending((await ledger.claim(subs[1], due, dead, old))!.id, old); // died mid-send
    await ledger.claim(subs[2], due, alive, old); // still busy in this process (long queue)
    await ledger.claim(subs[3], due, farAway, old); // other host, lease not expired
    const tg = scriptedAdapter('telegram');
    const s = await runDueDigests(sqliteStores(t.db), { telegram: tg }, new Date('2026-11-22T00:10:00Z'), { log: quietLog, clock: { now: () => new Date('2026-11-22T00:10:00Z'), sleep: async () => {} } });
    assert.equal(s.recovered, 1);
    assert.equal(s.abandoned, 1);
    assert.deepEqual(tg.sent.map((r) => r.target.chatId), ['1']);
    const rows = await ledger.list();
    assert.deepEqual(rows.map((r) => [r.subscription_id, r.status]), [[1, 'sent'], [2, 'failed'], [3, 'claimed'], [4, 'claimed']]);
    assert.match(rows[1].error!, /ambiguous.*not resent \(at-most-once on telegram\)/);
    // After the lease, the other host's claim is taken over too.
    const later = await runDueDigests(sqliteStores(t.db), { telegram: tg }, new Date('2026-11-22T00:30:00Z'), { log: quietLog, clock: { now: () => new Date('2026-11-22T00:30:00Z'), sleep: async () => {} } });
    assert.equal(later.recovered, 1);
    assert.deepEqual(tg.sent.map((r) => r.target.chatId), ['1', '4']);
  } finally {
    t.cleanup();
  }
});

test('a digest sent but not recorded (the ledger write failed) stays claimed mid-send: never failed and retried, so never sent twice', async () => {
  const t = tempDb();
  try {
    putArticle(t.db, { title: 'Story', body: 'It happened.', outlet: 'AP', url: 'https://ap.example/1', published: '2026-11-21T20:00:00Z', storyId: 1 });
    const stores = sqliteStores(t.db);
    await stores.subscriptions.add({ platform: 'telegram', chatId: '1', lang: 'en', time: '08:00', tz: 'Asia/Taipei' }, new Date('2026-11-21T10:00:00Z'));
    const broken = { ...stores, ledger: { ...stores.ledger, markSent: async () => Promise.reject(new Error('database went away')) } };
    const tg = scriptedAdapter('telegram');
    const clock = (iso: string) => ({ now: () => new Date(iso), sleep: async () => {} });
    const s = await runDueDigests(broken, { telegram: tg }, new Date('2026-11-22T00:00:30Z'), { log: quietLog, claimer: `${hostname()}:999999999:x`, clock: clock('2026-11-22T00:00:30Z') });
    assert.deepEqual([s.claimed, s.stats.sent, s.stats.failed, tg.sent.length], [1, 0, 0, 1]);
    const [row] = await stores.ledger.list();
    assert.equal(row.status, 'claimed');
    assert.ok(row.send_started_at);
    // The next pass sees a dead claimer mid-send: on Telegram that is ambiguous, not resent.
    const next = await runDueDigests(stores, { telegram: tg }, new Date('2026-11-22T00:01:30Z'), { log: quietLog, clock: clock('2026-11-22T00:01:30Z') });
    assert.deepEqual([next.abandoned, tg.sent.length], [1, 1]);
    assert.equal((await stores.ledger.list())[0].status, 'failed');
  } finally {
    t.cleanup();
  }
});

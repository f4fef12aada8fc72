/**
 * The subscription, ledger and chat-settings stores on their own: every claim is one atomic
 * statement (or one transaction), so racing callers each get a row at most once. Racing callers
 * here share one connection (two SQLite connections in one thread would block each other's
 * event loop); processes racing over one file are test/scheduler/race-and-crash.test.ts. Written
 * against `Stores` only, so a PostgreSQL run can reuse it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sqliteStores } from '../../../src/core/store/open-stores.ts';
import type { Stores } from '../../../src/core/store/stores.ts';
import { tempDb } from '../../scheduler/fixtures.ts';

const made = new Date('2026-11-21T10:00:00Z');
const due = new Date('2026-11-22T00:00:00Z');
const newSub = (stores: Stores, chatId: string) => stores.subscriptions.add({ platform: 'telegram', chatId, lang: 'en', time: '08:00', tz: 'Asia/Taipei' }, made);

test('subscriptions: add returns the stored row, dueBefore filters by time and platform, moveChat and resume', async () => {
  const t = tempDb();
  try {
    const { subscriptions: subs } = sqliteStores(t.db);
    const a = await newSub(sqliteStores(t.db), '1');
    assert.deepEqual([a.id, a.chat_id, a.next_due_at, a.kind, a.topic_query], [1, '1', due.toISOString(), 'digest', null]);
    const b = await subs.add({ platform: 'discord', chatId: '2', lang: 'en', time: '09:00', tz: 'Asia/Taipei', topic: 'x', topicQuery: { entityIds: [], terms: ['x'] } }, made);
    assert.deepEqual(b.topic_query, { entityIds: [], terms: ['x'] });
    assert.deepEqual((await subs.dueBefore(due, ['telegram', 'discord'])).map((s) => s.id), [1]);
    assert.deepEqual((await subs.dueBefore(new Date('2026-11-22T01:00:00Z'), ['discord'])).map((s) => s.id), [2]);
    assert.deepEqual(await subs.dueBefore(due, []), []);
    assert.equal(await subs.moveChat('telegram', '1', '-100'), 1);
    assert.deepEqual((await subs.listByChat('telegram', '-100')).map((s) => s.id), [1]);
    t.db.prepare(`UPDATE subscriptions SET paused_reason = 'blocked', consecutive_failures = 3 WHERE id = 1`).run();
    await subs.resume(1, new Date('2026-11-23T10:00:00Z'));
    const r = (await subs.get(1))!;
    assert.deepEqual([r.paused_reason, r.consecutive_failures, r.next_due_at], [null, 0, '2026-11-24T00:00:00.000Z']);
    assert.equal(await subs.remove(1), true);
    assert.equal(await subs.remove(1), false);
  } finally {
    t.cleanup();
  }
});

test('ledger: of three callers claiming the same digest at once, exactly one gets it; the due time moves on', async () => {
  const t = tempDb();
  try {
    const one = sqliteStores(t.db);
    const sub = await newSub(one, '1');
    const [a, b, c] = await Promise.all([one.ledger.claim(sub, due, 'a', made), one.ledger.claim(sub, due, 'b', made), one.ledger.claim(sub, due, 'c', made)]);
    assert.equal([a, b, c].filter(Boolean).length, 1);
    assert.equal((await one.subscriptions.get(sub.id))!.next_due_at, '2026-11-23T00:00:00.000Z');
    assert.equal((await one.ledger.list()).length, 1);
  } finally {
    t.cleanup();
  }
});

test('ledger: a stale claim is taken over once, also when its claimer is unknown (NULL)', async () => {
  const t = tempDb();
  try {
    const { ledger } = sqliteStores(t.db);
    const sub = await newSub(sqliteStores(t.db), '1');
    const d = (await ledger.claim(sub, due, 'dead:1:x', made))!;
    const [x, y] = await Promise.all([ledger.reclaim(d, 'p1', due), ledger.reclaim(d, 'p2', due)]);
    assert.equal([x, y].filter(Boolean).length, 1);
    const held = (x ?? y)!;
    assert.equal(held.attempts, 2);
    assert.equal(await ledger.reclaim(d, 'p3', due), null, 'the row as read has changed');
    t.db.prepare(`UPDATE deliveries SET claimed_by = NULL, claimed_at = NULL`).run();
    const orphan = (await ledger.get(d.id))!;
    assert.equal((await ledger.reclaim(orphan, 'p4', due))?.claimed_by, 'p4');
  } finally {
    t.cleanup();
  }
});

test('ledger: failed digests are claimed again once; a superseded one has its retry dropped', async () => {
  const t = tempDb();
  try {
    const stores = sqliteStores(t.db);
    const { ledger } = stores;
    const s1 = await newSub(stores, '1');
    const s2 = await newSub(stores, '2');
    const d1 = (await ledger.claim(s1, due, 'a', made))!;
    const d2 = (await ledger.claim(s2, due, 'a', made))!;
    const retryAt = new Date('2026-11-22T00:05:00Z');
    await ledger.markFailed(d1, '5xx', { permanent: false, retryAt });
    await ledger.markFailed(d2, '5xx', { permanent: false, retryAt });
    await ledger.claim(s2, new Date('2026-11-23T00:00:00Z'), 'a', made); // a later due time carries s2's stories
    assert.deepEqual(await ledger.claimRetries(['telegram'], 'b', new Date('2026-11-22T00:04:00Z')), [], 'not yet');
    const later = new Date('2026-11-22T00:06:00Z');
    const [x, y] = await Promise.all([ledger.claimRetries(['telegram'], 'b', later), ledger.claimRetries(['telegram'], 'c', later)]);
    assert.deepEqual([...x, ...y].map((d) => [d.id, d.status, d.attempts]), [[d1.id, 'claimed', 2]]);
    assert.equal((await ledger.get(d2.id))!.retry_at, null);
  } finally {
    t.cleanup();
  }
});

test('ledger: permanent failures pause after pauseAfter in a row; markSent resets the count and records stories', async () => {
  const t = tempDb();
  try {
    const stores = sqliteStores(t.db);
    const { ledger, subscriptions } = stores;
    const sub = await newSub(stores, '1');
    for (let i = 0; i < 2; i++) {
      const d = (await ledger.claim(sub, new Date(due.getTime() + i * 86_400_000), 'a', made))!;
      await ledger.markFailed(d, 'blocked', { permanent: true, pauseAfter: 2 });
    }
    assert.equal((await subscriptions.get(sub.id))!.paused_reason, 'blocked');
    const d = (await ledger.claim(sub, new Date(due.getTime() + 2 * 86_400_000), 'a', made))!;
    await ledger.markSent(d, ['m1'], [{ storyId: 7, articleCount: 2, outletCount: 2, lastUpdated: null }], due);
    const after = (await subscriptions.get(sub.id))!;
    assert.deepEqual([after.consecutive_failures, after.last_digest_due_at], [0, d.due_at]);
    assert.deepEqual([...(await ledger.sentStories(sub.id)).keys()], [7]);
    assert.deepEqual((await ledger.get(d.id))!.message_ids, ['m1']);
    assert.equal((await ledger.firstDueAt(sub.id))!.toISOString(), due.toISOString());
  } finally {
    t.cleanup();
  }
});

test('ledger: one alert batch per interval, whoever asks; an ambiguous batch counts its stories as sent', async () => {
  const t = tempDb();
  try {
    const one = sqliteStores(t.db);
    const sub = await newSub(one, '1');
    const at = new Date('2026-11-22T03:00:00Z');
    const at2 = new Date('2026-11-22T03:01:00Z');
    const got = await Promise.all([one.ledger.claimAlert(sub, at, 600_000, 'a', at, [5]), one.ledger.claimAlert(sub, at2, 600_000, 'b', at2, [5])]);
    const batch = got.find(Boolean)!;
    assert.equal(got.filter(Boolean).length, 1);
    assert.deepEqual(batch.story_ids, [5]);
    assert.equal(await one.ledger.claimAlert(sub, new Date('2026-11-22T03:09:00Z'), 600_000, 'a', at), null, 'inside the interval');
    await one.ledger.markAlertAmbiguous(batch, 'ambiguous');
    assert.equal((await one.ledger.sentTimes(sub.id)).get(5), batch.due_at);
    assert.equal((await one.ledger.get(batch.id))!.status, 'failed');
  } finally {
    t.cleanup();
  }
});

test('chat settings: moveChat replaces what the new id had and keeps quiet hours', async () => {
  const t = tempDb();
  try {
    const { chatSettings: cs } = sqliteStores(t.db);
    await cs.setQuiet('telegram', '-5', 23 * 60, 7 * 60, made);
    await cs.setLang('telegram', '-5', 'en', made);
    await cs.setLang('telegram', '-1005', 'zh-TW', made);
    await cs.moveChat('telegram', '-5', '-1005', due);
    assert.equal(await cs.get('telegram', '-5'), null);
    assert.deepEqual(await cs.get('telegram', '-1005'), {
      platform: 'telegram',
      chatId: '-1005',
      lang: 'en',
      timezone: null,
      updatedAt: due.toISOString(),
      quietStart: 23 * 60,
      quietEnd: 7 * 60,
    });
  } finally {
    t.cleanup();
  }
});

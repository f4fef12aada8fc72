import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runDueDigests } from '../../src/scheduler/run-due-digests.ts';
import { DEFAULT_SEND_POLICY } from '../../src/scheduler/send-digest.ts';
import { subscribeCommand } from '../../commands/subscribe.ts';
import { subscriptionsCommand } from '../../commands/subscriptions.ts';
import { DeliveryError } from '../../src/adapters/types.ts';
import { tempDb, putArticle, scriptedAdapter, chat, quietLog } from './fixtures.ts';
import { sqliteStores } from '../../src/core/store/open-stores.ts';

const fixedNow = (iso: string) => () => new Date(iso);
const fast = { ...DEFAULT_SEND_POLICY, maxAttempts: 3, backoffMs: 5, maxRateLimited: 5 };

function seed(db: Parameters<typeof putArticle>[0]) {
  putArticle(db, { title: '烏克蘭停火談判重啟', body: '基輔與莫斯科的代表今天在日內瓦重啟談判。雙方同意先交換戰俘。第三句不應出現。', outlet: '中央社', url: 'https://cna.example/1', published: '2026-11-21T05:00:00Z', storyId: 1 });
  putArticle(db, { title: 'Ukraine ceasefire talks resume', body: 'Envoys met in Geneva on Saturday. Both sides agreed to swap prisoners first.', outlet: 'Reuters', url: 'https://reuters.example/1', published: '2026-11-21T05:30:00Z', storyId: 1 });
  putArticle(db, { title: '颱風逼近', body: '氣象署發布海上警報。', outlet: '自由時報', url: 'https://ltn.example/2', published: '2026-11-21T06:00:00Z', storyId: 2 });
  putArticle(db, { title: '兩天前的舊聞', body: '舊聞內容。', outlet: '聯合報', url: 'https://udn.example/3', published: '2026-11-19T06:00:00Z', storyId: 3 });
  putArticle(db, { title: '回補的舊文章', body: '來源第一次輪詢時抓到的。', outlet: '聯合報', url: 'https://udn.example/4', published: '2026-11-21T07:00:00Z', storyId: 4, backfill: true });
}

test('a subscription receives exactly one digest per due time, with each story once and all outlets', async () => {
  const t = tempDb();
  try {
    seed(t.db);
    const reply = await subscribeCommand.run({ args: { time: '08:00' }, lang: 'zh-TW', chat: chat('telegram', '100') }, { stores: sqliteStores(t.db), now: fixedNow('2026-11-21T10:00:00Z') });
    assert.equal(reply.kind, 'ok');
    const tg = scriptedAdapter('telegram');
    const before = await runDueDigests(sqliteStores(t.db), { telegram: tg }, new Date('2026-11-21T23:59:00Z'), { log: quietLog });
    assert.equal(before.claimed, 0);
    const first = await runDueDigests(sqliteStores(t.db), { telegram: tg }, new Date('2026-11-22T00:00:30Z'), { log: quietLog });
    assert.equal(first.stats.sent, 1);
    assert.equal(tg.sent.length, 1);
    const d = tg.sent[0].reply;
    assert.deepEqual(
      d.items.map((i) => i.heading),
      ['烏克蘭停火談判重啟', '颱風逼近'],
    );
    assert.match(d.items[0].meta!, /中央社 · Reuters/);
    assert.equal(d.items[0].url, 'https://reuters.example/1'); // newest member leads
    assert.equal(d.items[0].text, 'Envoys met in Geneva on Saturday. Both sides agreed to swap prisoners first.');
    assert.equal(tg.sent[0].target.chatId, '100');

    const again = await runDueDigests(sqliteStores(t.db), { telegram: tg }, new Date('2026-11-22T00:05:00Z'), { log: quietLog });
    assert.equal(again.claimed, 0);
    assert.equal(tg.sent.length, 1);
    const ledger = await sqliteStores(t.db).ledger.list();
    assert.equal(ledger.length, 1);
    assert.equal(ledger[0].status, 'sent');
    assert.deepEqual(ledger[0].message_ids, ['1']);

    // Next day: story 1 gained an outlet (updated), story 5 is new, story 2 did not change.
    putArticle(t.db, { title: '停火談判第二天', body: '談判進入第二天。', outlet: 'BBC', url: 'https://bbc.example/1', published: '2026-11-22T03:00:00Z', storyId: 1 });
    putArticle(t.db, { title: '股市大漲', body: '台股今天大漲三百點。', outlet: '經濟日報', url: 'https://money.example/5', published: '2026-11-22T04:00:00Z', storyId: 5 });
    await runDueDigests(sqliteStores(t.db), { telegram: tg }, new Date('2026-11-23T00:00:10Z'), { log: quietLog });
    assert.equal(tg.sent.length, 2);
    assert.deepEqual(
      tg.sent[1].reply.items.map((i) => i.heading),
      ['[更新] 烏克蘭停火談判重啟', '股市大漲'],
    );
  } finally {
    t.cleanup();
  }
});

test('nothing new: no message (or a one-line note when configured), and the ledger says skipped_empty', async () => {
  const t = tempDb();
  try {
    const store = sqliteStores(t.db).subscriptions;
    await store.add({ platform: 'telegram', chatId: '1', lang: 'en', time: '08:00', tz: 'Asia/Taipei' }, new Date('2026-11-21T10:00:00Z'));
    await store.add({ platform: 'telegram', chatId: '2', lang: 'en', time: '08:00', tz: 'Asia/Taipei' }, new Date('2026-11-21T10:00:00Z'));
    const tg = scriptedAdapter('telegram');
    const s = await runDueDigests(sqliteStores(t.db), { telegram: tg }, new Date('2026-11-22T00:01:00Z'), { log: quietLog });
    assert.equal(s.skippedEmpty, 2);
    assert.equal(tg.sent.length, 0);
    await store.add({ platform: 'telegram', chatId: '3', lang: 'en', time: '08:00', tz: 'Asia/Taipei' }, new Date('2026-11-22T10:00:00Z'));
    await runDueDigests(sqliteStores(t.db), { telegram: tg }, new Date('2026-11-23T00:01:00Z'), { log: quietLog, emptyNote: true });
    assert.equal(tg.sent.length, 3);
    assert.match(tg.sent[0].reply.intro!, /No new stories/);
  } finally {
    t.cleanup();
  }
});

test('topic subscriptions match across scripts and spellings', async () => {
  const t = tempDb();
  try {
    putArticle(t.db, { title: '泽连斯基访问华盛顿', body: '乌克兰总统泽连斯基抵达华盛顿。', outlet: '新华社', url: 'https://xinhua.example/1', published: '2026-11-21T05:00:00Z', storyId: 1 });
    putArticle(t.db, { title: 'Zelenskyy meets senators', body: 'Zelenskyy met senators.', outlet: 'AP', url: 'https://ap.example/2', published: '2026-11-21T05:00:00Z', storyId: 2 });
    putArticle(t.db, { title: '颱風逼近', body: '氣象署發布海上警報。', outlet: '自由時報', url: 'https://ltn.example/3', published: '2026-11-21T06:00:00Z', storyId: 3 });
    await subscribeCommand.run({ args: { time: '08:00', topic: 'zelensky' }, lang: 'en', chat: chat('discord', 'c1') }, { stores: sqliteStores(t.db), now: fixedNow('2026-11-21T10:00:00Z') });
    const dc = scriptedAdapter('discord');
    await runDueDigests(sqliteStores(t.db), { discord: dc }, new Date('2026-11-22T00:00:30Z'), { log: quietLog });
    assert.equal(dc.sent.length, 1);
    assert.deepEqual(dc.sent[0].reply.items.map((i) => i.heading).sort(), ['Zelenskyy meets senators', '泽连斯基访问华盛顿']);
  } finally {
    t.cleanup();
  }
});

test('catch-up after downtime sends only the latest missed digest, once', async () => {
  const t = tempDb();
  try {
    seed(t.db);
    await sqliteStores(t.db).subscriptions.add({ platform: 'telegram', chatId: '7', lang: 'en', time: '08:00', tz: 'Asia/Taipei' }, new Date('2026-11-20T10:00:00Z'));
    const tg = scriptedAdapter('telegram');
    // down from before 2026-11-21 08:00 until 2026-11-24 09:30 Taipei: three due times missed
    await runDueDigests(sqliteStores(t.db), { telegram: tg }, new Date('2026-11-24T01:30:00Z'), { log: quietLog, emptyNote: true });
    const rows = await sqliteStores(t.db).ledger.list();
    assert.deepEqual(rows.map((r) => r.due_at), ['2026-11-24T00:00:00.000Z']);
    assert.equal(tg.sent.length, 1);
    assert.equal((await sqliteStores(t.db).subscriptions.list())[0].next_due_at, '2026-11-25T00:00:00.000Z');
  } finally {
    t.cleanup();
  }
});

test('a 429 on one chat delays only that chat; 5xx retries; blocked chats pause after 3 failures; migrations are followed', async () => {
  const t = tempDb();
  try {
    seed(t.db);
    const store = sqliteStores(t.db).subscriptions;
    const at = new Date('2026-11-21T10:00:00Z');
    for (const id of ['-1001', '-1002', '-1003', '-1004', '-1005']) await store.add({ platform: 'telegram', chatId: id, lang: 'en', time: '08:00', tz: 'Asia/Taipei' }, at);
    const tg = scriptedAdapter('telegram', {
      '-1001': [new DeliveryError('rate_limited', '429', 400)],
      '-1002': [],
      '-1003': [new DeliveryError('transient', '502 Bad Gateway'), new DeliveryError('transient', 'ECONNRESET')],
      '-1004': [new DeliveryError('permanent', 'Forbidden: bot was blocked by the user')],
      '-1005': [new DeliveryError('migrated', 'group upgraded', undefined, '-1009')],
    });
    const s = await runDueDigests(sqliteStores(t.db), { telegram: tg }, new Date('2026-11-22T00:00:30Z'), { log: quietLog, policy: fast });
    assert.equal(s.stats.sent, 4);
    assert.equal(s.stats.rateLimited, 1);
    const when = (id: string) => tg.sent.find((r) => r.target.chatId === id)!.at;
    assert.ok(when('-1001') - when('-1002') >= 300, 'the rate-limited chat waited');
    assert.ok(tg.sent.findIndex((r) => r.target.chatId === '-1002') < tg.sent.findIndex((r) => r.target.chatId === '-1001'), 'others were not held up');
    assert.equal(tg.attempts.filter((r) => r.target.chatId === '-1003').length, 3);
    assert.ok(tg.sent.some((r) => r.target.chatId === '-1009'));
    assert.equal((await store.list()).find((x) => x.chat_id === '-1009')?.id, 5);
    assert.equal((await store.list()).find((x) => x.chat_id === '-1005'), undefined);

    // The blocked chat fails on three due days in a row, then pauses; /subscriptions shows why.
    for (const day of ['2026-11-23', '2026-11-24']) {
      const scripted = scriptedAdapter('telegram', { '-1004': [new DeliveryError('permanent', 'Forbidden: bot was blocked by the user')] });
      await runDueDigests(sqliteStores(t.db), { telegram: scripted }, new Date(`${day}T00:00:30Z`), { log: quietLog, policy: fast, emptyNote: true });
    }
    const blocked = (await store.list()).find((x) => x.chat_id === '-1004')!;
    assert.equal(blocked.consecutive_failures, 3);
    assert.match(blocked.paused_reason!, /blocked/);
    const list = await subscriptionsCommand.run({ args: {}, lang: 'en', chat: chat('telegram', '-1004', { group: true }) }, { stores: sqliteStores(t.db), now: () => new Date() });
    assert.match(list.items[0].meta!, /PAUSED: Forbidden: bot was blocked/);
    const later = scriptedAdapter('telegram');
    await runDueDigests(sqliteStores(t.db), { telegram: later }, new Date('2026-11-25T00:00:30Z'), { log: quietLog, policy: fast, emptyNote: true });
    assert.ok(!later.attempts.some((r) => r.target.chatId === '-1004'), 'a paused subscription is not attempted');
  } finally {
    t.cleanup();
  }
});

test('a digest failing for passing reasons is tried again on later passes (5, 15, 45 min), once sent never again; not when permanent or superseded', async () => {
  const t = tempDb();
  try {
    seed(t.db);
    const store = sqliteStores(t.db).subscriptions;
    const ledger = sqliteStores(t.db).ledger;
    const created = new Date('2026-11-21T10:00:00Z');
    for (const id of ['-2001', '-2002', '-2003']) await store.add({ platform: 'telegram', chatId: id, lang: 'en', time: '08:00', tz: 'Asia/Taipei' }, created);
    await store.add({ platform: 'discord', chatId: 'd-2004', lang: 'en', time: '08:00', tz: 'Asia/Taipei' }, created);
    let now = new Date('2026-11-22T00:00:30Z');
    const clock = { now: () => now, sleep: async () => {} };
    const down = () => new DeliveryError('transient', '502 Bad Gateway');
    const tg = scriptedAdapter('telegram', {
      '-2001': [down(), down(), down()], // fails its first pass, then recovers
      '-2002': Array.from({ length: 12 }, down), // never recovers
      '-2003': [new DeliveryError('permanent', 'Forbidden: bot was kicked')],
    });
    const dc = scriptedAdapter('discord', { 'd-2004': [down(), down(), down()] });
    const pass = (iso: string, adapters: Parameters<typeof runDueDigests>[1] = { telegram: tg }) => {
      now = new Date(iso);
      return runDueDigests(sqliteStores(t.db), adapters, now, { log: quietLog, policy: fast, clock });
    };
    const rows = async (chatId: string) => {
      const id = (await store.list()).find((s) => s.chat_id === chatId)!.id;
      return (await ledger.list()).filter((d) => d.subscription_id === id);
    };
    const sentTo = (a: typeof tg, chatId: string) => a.sent.filter((r) => r.target.chatId === chatId).length;

    const first = await pass('2026-11-22T00:00:30Z', { telegram: tg, discord: dc });
    assert.equal(first.stats.sent, 0);
    assert.equal((await rows('-2001'))[0].retry_at, '2026-11-22T00:05:30.000Z');
    assert.equal((await rows('d-2004'))[0].retry_at, '2026-11-22T00:05:30.000Z');
    assert.equal((await rows('-2003'))[0].retry_at, null, 'a permanent failure is not retried');

    // Too early: nothing is tried.
    const early = await pass('2026-11-22T00:03:00Z');
    assert.equal(early.retried, 0);
    assert.equal(tg.attempts.length, 7);

    const second = await pass('2026-11-22T00:06:00Z');
    assert.equal(second.retried, 2, '-2001 and -2002 (Discord is not running in this pass)');
    assert.equal(sentTo(tg, '-2001'), 1);
    assert.deepEqual([(await rows('-2001'))[0].status, (await rows('-2001'))[0].attempts, (await rows('-2001'))[0].retry_at], ['sent', 2, null]);
    assert.equal((await rows('-2002'))[0].retry_at, '2026-11-22T00:21:00.000Z', 'then 15 minutes');
    await pass('2026-11-22T00:21:00Z');
    assert.equal((await rows('-2002'))[0].retry_at, '2026-11-22T01:06:00.000Z', 'then 45 minutes');
    await pass('2026-11-22T01:06:00Z');
    assert.deepEqual([(await rows('-2002'))[0].attempts, (await rows('-2002'))[0].retry_at], [4, null], 'four passes, then no more');
    const quiet = await pass('2026-11-22T05:00:00Z');
    assert.equal(quiet.retried + quiet.claimed, 0);

    // Discord comes back only when the next day's digest is due: that one carries the stories, the old one is dropped.
    const nextDay = await pass('2026-11-23T00:00:30Z', { telegram: tg, discord: dc });
    assert.equal(nextDay.retried, 0);
    assert.equal((await rows('d-2004'))[0].retry_at, null, 'the superseded retry was dropped');
    assert.equal((await rows('d-2004'))[0].status, 'failed');
    assert.equal(sentTo(dc, 'd-2004'), 1, 'only the new day’s digest');
    assert.match(dc.sent[0].reply.items.map((i) => i.heading).join('\n'), /烏克蘭停火談判重啟/, 'with the stories the failed one would have carried');
    assert.equal(sentTo(tg, '-2001'), 1, 'its next digest had nothing new');
    assert.equal((await rows('-2001'))[1].status, 'skipped_empty');
    const again = await pass('2026-11-23T02:00:00Z', { telegram: tg, discord: dc });
    assert.equal(again.retried + again.claimed, 0);
  } finally {
    t.cleanup();
  }
});

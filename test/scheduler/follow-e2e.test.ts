/**
 * Following a story end to end, on both fake platforms with the real discord.js and grammY
 * clients: a chat follows 澤倫斯基; a new article about him → one alert, once; a second outlet's
 * copy → a coverage update in the story's thread (Discord) or reply chain (Telegram); a re-fetched
 * article with a changed headline → in /story and marked in the next digest.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startFakeDiscord, PERMS } from '../helpers/fake-discord.ts';
import { startTelegramHarness } from '../helpers/telegram-harness.ts';
import { createDiscordAdapter } from '../../src/adapters/discord/index.ts';
import { storeArticle } from '../../src/core/loader/store-article.ts';
import { runAlerts } from '../../src/scheduler/run-alerts.ts';
import { runDueDigests } from '../../src/scheduler/run-due-digests.ts';
import { openDatabase } from '../../src/core/store/db.ts';
import { tempDb, quietLog } from './fixtures.ts';
import { cnaRevised, cnaWire, udnReprint } from './follow-fixtures.ts';
import { sqliteStores } from '../../src/core/store/open-stores.ts';

/** TRANSITIONAL (stories branch): stores an article and waits for its queued story and event indexing. */
async function store(...args: Parameters<typeof storeArticle>): Promise<ReturnType<typeof storeArticle>> {
  const r = await storeArticle(...args);
  return r;
}

const MIN = 60_000;
const T0 = Date.parse('2025-10-17T21:00:00Z'); // 05:00 in Taipei, before the wire
const at = (min: number) => new Date(T0 + min * MIN);
const CHANNEL = '500000000000000010';
const adminPerms = (PERMS.ViewChannel | PERMS.SendMessages | PERMS.ManageChannels).toString();

test('discord: follow 澤倫斯基 → one alert; udn reprint → update in the story thread; rewritten headline → /story and the next digest', async () => {
  const t = tempDb();
  let clock = at(0);
  const fake = await startFakeDiscord({ token: 'discord-follow-token' });
  const adapter = createDiscordAdapter({ token: 'discord-follow-token', appId: fake.appId, apiUrl: fake.apiUrl, stores: sqliteStores(t.db), now: () => clock, log: quietLog });
  try {
    await adapter.start();
    const follow = await fake.waitForReply(fake.slash('follow', { what: '澤倫斯基' }, { channelId: CHANNEL, memberPermissions: adminPerms, locale: 'zh-TW' }));
    assert.match(JSON.stringify(follow.body), /已追蹤「澤倫斯基」/);
    const sub = await fake.waitForReply(fake.slash('subscribe', { time: '08:00' }, { channelId: CHANNEL, memberPermissions: adminPerms, locale: 'zh-TW' }));
    assert.match(JSON.stringify(sub.body), /08:00/);

    const wireId = (await storeArticle(sqliteStores(t.db), cnaWire(), { source_file: 'cna.html', now: at(20) })).id;
    const channelMessages = () => fake.messages.filter((m) => m.channelId === CHANNEL);
    const first = await runAlerts(sqliteStores(t.db), { discord: adapter }, at(21), { log: quietLog });
    assert.deepEqual([first.batches, first.stories], [1, 1]);
    assert.equal(channelMessages().length, 1);
    const alert = channelMessages()[0];
    assert.match(JSON.stringify(alert.body), /澤倫斯基白宮會川普/);
    const storyId = Number(t.db.prepare('SELECT story_id FROM story_articles WHERE article_id = ?').pluck().get(wireId));
    assert.match(JSON.stringify(alert.body), new RegExp(`/story ${storyId}`), 'alerts carry the story number');
    // Re-running the pass, now or after the batch interval, sends nothing: nothing new.
    for (const m of [22, 40]) assert.equal((await runAlerts(sqliteStores(t.db), { discord: adapter }, at(m), { log: quietLog })).batches, 0);
    assert.equal(fake.messages.length, 1);

    // udn runs the same wire: same story, a new outlet → an update in the thread opened on the alert.
    const udnId = (await storeArticle(sqliteStores(t.db), udnReprint(), { source_file: 'udn.html', now: at(50) })).id;
    assert.equal(t.db.prepare('SELECT story_id FROM story_articles WHERE article_id = ?').pluck().get(udnId), storyId, 'the reprint joins the story');
    const second = await runAlerts(sqliteStores(t.db), { discord: adapter }, at(51), { log: quietLog });
    assert.equal(second.stories, 1);
    assert.equal(fake.threads.length, 1);
    assert.equal(fake.threads[0].messageId, alert.id, 'the thread hangs on the first alert');
    const inThread = fake.messages.filter((m) => m.channelId === fake.threads[0].id);
    assert.equal(inThread.length, 1);
    assert.match(JSON.stringify(inThread[0].body), /聯合新聞網/);
    assert.equal(channelMessages().length, 1, 'no new story message in the channel');
    assert.equal((await runAlerts(sqliteStores(t.db), { discord: adapter }, at(70), { log: quietLog })).batches, 0);

    // The first digest carries the story; then the CNA page is fetched again with a new headline.
    const due = new Date((await sqliteStores(t.db).subscriptions.list())[0].next_due_at);
    assert.equal((await runDueDigests(sqliteStores(t.db), { discord: adapter }, new Date(due.getTime() + 30_000), { log: quietLog })).stats.sent, 1);
    clock = new Date(due.getTime() + 3 * 3600_000);
    assert.equal((await storeArticle(sqliteStores(t.db), cnaRevised(), { source_file: 'cna-refetch.html', now: clock })).status, 'updated');
    const story = await fake.waitForReply(fake.slash('story', { number: String(storyId) }, { channelId: CHANNEL, locale: 'zh-TW' }));
    const storyText = JSON.stringify(story.body);
    assert.match(storyText, /標題更改：澤倫斯基白宮會川普 商談戰斧飛彈與防空 → 川普暫不給戰斧飛彈 澤倫斯基白宮會談後籲加快防空/);
    assert.match(storyText, /中央社/);
    assert.match(storyText, /聯合新聞網/);
    const next = await runDueDigests(sqliteStores(t.db), { discord: adapter }, new Date(due.getTime() + 24 * 3600_000 + 30_000), { log: quietLog });
    assert.equal(next.stats.sent, 1);
    const digest = JSON.stringify(channelMessages().at(-1)!.body);
    assert.match(digest, /更新\\*\] 川普暫不給戰斧飛彈/);
    assert.match(digest, /標題更改/);
    // The digest is one message in the channel; the story's thread also gets a short note of the change.
    const threadNow = fake.messages.filter((m) => m.channelId === fake.threads[0].id);
    assert.equal(threadNow.length, 2, 'a note in the story thread');
    assert.match(JSON.stringify(threadNow[1].body), /摘要：新聞 #\d+ 有更新/);
    assert.match(JSON.stringify(threadNow[1].body), /標題更改：澤倫斯基白宮會川普 商談戰斧飛彈與防空 → 川普暫不給戰斧飛彈/);
    assert.equal(fake.threads.length, 1, 'no second thread');
    // Running the pass again sends nothing more, in the channel or the thread.
    const before = fake.messages.length;
    await runDueDigests(sqliteStores(t.db), { discord: adapter }, new Date(due.getTime() + 24 * 3600_000 + 60_000), { log: quietLog });
    assert.equal(fake.messages.length, before);
  } finally {
    await adapter.stop();
    await fake.stop();
    t.cleanup();
  }
});

test('telegram: the same story, in a forum topic: one alert, then the reprint as a reply to it, then /story and the digest', async () => {
  const t = tempDb();
  let clock = at(0);
  const h = await startTelegramHarness();
  const group = { id: -1009876, type: 'supergroup' as const, title: 'Ukraine watch', is_forum: true as const };
  const admin = { id: 2001, first_name: 'Mei', language_code: 'zh-hant' };
  const TOPIC = 77;
  try {
    let bot = await h.startBot({ stores: sqliteStores(t.db), now: () => clock });
    h.setMember(group.id, admin.id, 'administrator');
    await h.sendText(group, admin, '/follow 澤倫斯基', { threadId: TOPIC });
    const [ok] = await h.waitForReplies(group.id, 1);
    assert.match(ok.text, /已追蹤「澤倫斯基」/);
    await h.sendText(group, { id: 2002, first_name: 'Bo', language_code: 'zh-hant' }, '/follow 川普', { threadId: TOPIC });
    const [refused] = await h.waitForReplies(group.id, 1);
    assert.match(refused.text, /只有這個聊天室的管理員/, 'in groups only admins follow');
    await h.sendText(group, admin, '/subscribe 08:00', { threadId: TOPIC });
    await h.waitForReplies(group.id, 1);

    await storeArticle(sqliteStores(t.db), cnaWire(), { source_file: 'cna.html', now: at(20) });
    assert.equal((await runAlerts(sqliteStores(t.db), { telegram: bot }, at(21), { log: quietLog })).stories, 1);
    const [alert] = await h.waitForReplies(group.id, 1);
    assert.match(alert.text, /追蹤：澤倫斯基/);
    assert.equal(alert.threadId, TOPIC, 'alerts go to the topic the follow came from');
    assert.equal((await runAlerts(sqliteStores(t.db), { telegram: bot }, at(22), { log: quietLog })).batches, 0);
    assert.deepEqual(await h.readReplies(group.id), []);

    // A restart: a new adapter on the same database file still knows the story's first message.
    await bot.stop();
    t.db.close();
    t.db = openDatabase(t.file);
    bot = await h.startBot({ stores: sqliteStores(t.db), now: () => clock });
    await storeArticle(sqliteStores(t.db), udnReprint(), { source_file: 'udn.html', now: at(50) });
    await runAlerts(sqliteStores(t.db), { telegram: bot }, at(51), { log: quietLog });
    const [update] = await h.waitForReplies(group.id, 1);
    assert.equal(update.replyTo, alert.messageId, 'the update replies to the first message about the story');
    assert.equal(update.threadId, TOPIC);
    assert.match(update.text, /新的報導媒體：聯合新聞網/);

    const due = new Date((await sqliteStores(t.db).subscriptions.list())[0].next_due_at);
    await runDueDigests(sqliteStores(t.db), { telegram: bot }, new Date(due.getTime() + 30_000), { log: quietLog });
    await h.waitForReplies(group.id, 1);
    clock = new Date(due.getTime() + 3 * 3600_000);
    await storeArticle(sqliteStores(t.db), cnaRevised(), { source_file: 'cna-refetch.html', now: clock });
    const storyId = t.db.prepare('SELECT story_id FROM story_articles LIMIT 1').pluck().get();
    await h.sendText(group, admin, `/story ${storyId}`, { threadId: TOPIC });
    const storyMsgs = await h.waitForReplies(group.id, 2);
    const storyText = storyMsgs.filter((m) => !m.photo).map((m) => m.text).join('\n');
    assert.match(storyText, /標題更改：澤倫斯基白宮會川普 商談戰斧飛彈與防空 → 川普暫不給戰斧飛彈/);
    const photo = storyMsgs[storyMsgs.length - 1];
    assert.ok(!storyMsgs[0].photo && photo.photo && photo.photo.subarray(1, 4).toString() === 'PNG', '/story: the text, then its timeline picture');
    assert.equal(photo.threadId, TOPIC, 'the picture stays in the forum topic');
    assert.equal(photo.replyTo, storyMsgs[0].messageId, 'the picture answers the text');
    await runDueDigests(sqliteStores(t.db), { telegram: bot }, new Date(due.getTime() + 24 * 3600_000 + 30_000), { log: quietLog });
    const [digest, note] = await h.waitForReplies(group.id, 2);
    assert.match(digest.text, /\[更新\] 川普暫不給戰斧飛彈/);
    assert.match(digest.text, /標題更改：澤倫斯基白宮會川普 商談戰斧飛彈與防空 → 川普暫不給戰斧飛彈 澤倫斯基白宮會談後籲加快防空/);
    assert.equal(digest.replyTo, undefined, 'the digest itself is a message of its own');
    // A short note of the change goes into the story's reply chain, in its topic.
    assert.equal(note.replyTo, alert.messageId, 'the note replies to the first message about the story');
    assert.equal(note.threadId, TOPIC);
    assert.match(note.text, /摘要：新聞 #\d+ 有更新/);
    assert.match(note.text, /標題更改：澤倫斯基白宮會川普/);
  } finally {
    await h.close();
    if (t.db.open) t.db.close();
    t.cleanup();
  }
});

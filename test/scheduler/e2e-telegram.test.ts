// End to end on the Telegram Bot API emulator: real grammY adapter, real SQLite file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startTelegramHarness } from '../helpers/telegram-harness.ts';
import { createTelegramAdapter } from '../../src/adapters/telegram/create-telegram-adapter.ts';
import { openDatabase } from '../../src/core/store/db.ts';
import { runDueDigests } from '../../src/scheduler/run-due-digests.ts';
import { tempDb, putArticle, quietLog } from './fixtures.ts';
import { sqliteStores } from '../../src/core/store/open-stores.ts';

const alice = { id: 1001, first_name: 'Alice', language_code: 'en' };
const bob = { id: 1002, first_name: 'Bob', language_code: 'en' };
const privateChat = { id: 1001, type: 'private' as const };
const group = { id: -1001234, type: 'supergroup' as const, title: 'News fans' };
const HOUR = 3600_000;

test('telegram: subscribe in a private chat and a group, one digest per due time, nothing more, across a restart', async () => {
  const t = tempDb();
  const h = await startTelegramHarness();
  try {
    const bot = await h.startBot({ stores: sqliteStores(t.db) });
    h.setMember(group.id, alice.id, 'administrator');

    await h.sendText(privateChat, alice, '/subscribe 08:00');
    const [ok] = await h.waitForReplies(privateChat.id, 1);
    assert.match(ok.text, /Subscribed: a digest of new stories every day at 08:00 \(Asia\/Taipei\)/);

    await h.sendText(group, bob, '/subscribe 08:00');
    const [refused] = await h.waitForReplies(group.id, 1);
    assert.match(refused.text, /only administrators of this chat can change its subscriptions/);
    await h.sendText(group, alice, '/subscribe 08:00 zelensky');
    const [groupOk] = await h.waitForReplies(group.id, 1);
    assert.match(groupOk.text, /Subscribed: a digest of new stories about “zelensky”/);

    const subs = await sqliteStores(t.db).subscriptions.list();
    assert.deepEqual(subs.map((s) => [s.chat_id, s.topic]), [['1001', null], ['-1001234', 'zelensky']]);
    const due = new Date(subs[0].next_due_at);
    const iso = (ms: number) => new Date(due.getTime() + ms).toISOString();
    putArticle(t.db, { title: 'Zelenskyy visits Kyiv front line', body: 'The president met soldiers. He promised more air defence.', outlet: 'AP', url: 'https://ap.example/z', published: iso(-3 * HOUR), storyId: 1 });
    putArticle(t.db, { title: '澤倫斯基視察前線', body: '烏克蘭總統澤倫斯基今天視察前線。', outlet: '中央社', url: 'https://cna.example/z', published: iso(-2 * HOUR), storyId: 1 });
    putArticle(t.db, { title: 'Typhoon <b>nears</b> & Taiwan', body: 'Sea warnings were issued.', outlet: 'CNA', url: 'https://cna.example/t', published: iso(-1 * HOUR), storyId: 2 });

    const before = await runDueDigests(sqliteStores(t.db), { telegram: bot }, new Date(due.getTime() - 60_000), { log: quietLog });
    assert.equal(before.claimed, 0);
    const first = await runDueDigests(sqliteStores(t.db), { telegram: bot }, new Date(due.getTime() + 30_000), { log: quietLog });
    assert.equal(first.stats.sent, 2);
    const [digest] = await h.waitForReplies(privateChat.id, 1);
    assert.match(digest.text, /Your news digest/);
    assert.match(digest.text, /Zelenskyy visits Kyiv front line|澤倫斯基視察前線/);
    assert.match(digest.text, /Typhoon <b>nears<\/b> & Taiwan/, 'article text is escaped, never markup');
    assert.ok(digest.links.includes('https://cna.example/t'));
    const [groupDigest] = await h.waitForReplies(group.id, 1);
    assert.match(groupDigest.text, /zelensky/i);
    assert.doesNotMatch(groupDigest.text, /Typhoon/, 'the topic filter leaves other stories out');

    const again = await runDueDigests(sqliteStores(t.db), { telegram: bot }, new Date(due.getTime() + 90_000), { log: quietLog });
    assert.equal(again.claimed, 0);
    assert.deepEqual(await h.readReplies(privateChat.id), []);

    // Restart: a new process would open the file anew and build a new adapter.
    await bot.stop();
    t.db.close();
    const db2 = openDatabase(t.file);
    const bot2 = createTelegramAdapter({ token: h.token, apiRoot: h.apiRoot, stores: sqliteStores(db2), log: quietLog });
    const replay = await runDueDigests(sqliteStores(db2), { telegram: bot2 }, new Date(due.getTime() + 120_000), { log: quietLog });
    assert.equal(replay.claimed, 0);
    putArticle(db2, { title: 'Parliament passes budget', body: 'The budget passed 60 to 40.', outlet: 'Reuters', url: 'https://reuters.example/b', published: iso(20 * HOUR), storyId: 3 });
    const next = await runDueDigests(sqliteStores(db2), { telegram: bot2 }, new Date(due.getTime() + 24 * HOUR + 5_000), { log: quietLog });
    assert.equal(next.stats.sent, 1); // the group's topic has nothing new: no message there
    const [second] = await h.waitForReplies(privateChat.id, 1);
    assert.match(second.text, /Parliament passes budget/);
    assert.doesNotMatch(second.text, /Typhoon/);
    await runDueDigests(sqliteStores(db2), { telegram: bot2 }, new Date(due.getTime() + 24 * HOUR + 65_000), { log: quietLog });
    const history = (await h.history(privateChat.id)).filter((m) => /Your news digest/.test(m.text));
    assert.equal(history.length, 2);
    const ledger = await sqliteStores(db2).ledger.list();
    assert.deepEqual(ledger.map((d) => d.status).sort(), ['sent', 'sent', 'sent', 'skipped_empty']);
    db2.close();
  } finally {
    await h.close();
    t.cleanup();
  }
});

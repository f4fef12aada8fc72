/** Which notes a digest leaves in story threads: only followed stories (alerted before) already anchored in the chat, and no coverage line the chat's alerts already gave. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tempDb, chat } from './fixtures.ts';
import { executeCommand } from '../../commands/execute.ts';
import { followCommand } from '../../commands/follow.ts';
import { subscribeCommand } from '../../commands/subscribe.ts';
import { planStoryNotes } from '../../src/scheduler/digest-story-notes.ts';
import { sqliteStores } from '../../src/core/store/open-stores.ts';

test('digest notes: anchored, followed stories only; a coverage line the alerts already gave is left out, a headline change is kept', async () => {
  const t = tempDb();
  try {
    const c = chat('telegram', '44');
    const deps = { stores: sqliteStores(t.db), now: () => new Date('2025-10-17T00:00:00Z') };
    await executeCommand(followCommand, { args: { what: '澤倫斯基' }, lang: 'zh-TW', chat: c }, deps);
    await executeCommand(subscribeCommand, { args: { time: '08:00' }, lang: 'zh-TW', chat: c }, deps);
    const subs = sqliteStores(t.db).subscriptions;
    const digestSub = { ...(await subs.list())[0], last_digest_due_at: '2025-10-18T00:00:00.000Z' };
    const alertsId = t.db.prepare(`SELECT id FROM subscriptions WHERE kind = 'alerts'`).pluck().get() as number;
    const threads = sqliteStores(t.db).follows.threads;
    await threads.anchor('telegram', '44', [1, 2, 4], '900', null, new Date('2025-10-17T01:00:00Z'));
    // The alerts told story 1's thread after the previous digest; story 2's before it.
    const ledger = sqliteStores(t.db).ledger;
    await ledger.recordStories(alertsId, [{ storyId: 1, articleCount: 2, outletCount: 2, lastUpdated: null }], '2025-10-18T03:00:00.000Z');
    await ledger.recordStories(alertsId, [{ storyId: 2, articleCount: 2, outletCount: 2, lastUpdated: null }], '2025-10-17T03:00:00.000Z');
    const coverage = ['現有 3 家媒體報導（原 2 家）'];
    const notes = await planStoryNotes(ledger, threads, digestSub, [
      { storyId: 1, title: '一', revisions: [], coverage },
      { storyId: 2, title: '二', revisions: [], coverage },
      { storyId: 3, title: '三（未錨定）', revisions: ['標題更改：甲 → 乙'], coverage },
      { storyId: 4, title: '四（只在摘要裡，未追蹤）', revisions: ['標題更改：丙 → 丁'], coverage },
      { storyId: 1, title: '一', revisions: ['標題更改：舊 → 新'], coverage },
    ]);
    assert.deepEqual(
      notes.map((n) => [n.row.story_id, n.row.message_id, n.reply.items[0].text]),
      [
        [2, '900', '現有 3 家媒體報導（原 2 家）'],
        [1, '900', '標題更改：舊 → 新'],
      ],
    );
  } finally {
    t.cleanup();
  }
});

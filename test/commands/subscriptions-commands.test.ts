import type { Db } from '../../src/core/store/db.ts';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { subscribeCommand } from '../../commands/subscribe.ts';
import { unsubscribeCommand } from '../../commands/unsubscribe.ts';
import { subscriptionsCommand } from '../../commands/subscriptions.ts';
import { executeCommand } from '../../commands/execute.ts';
import { parseCommandLine } from '../../commands/parse.ts';
import { helpCommand } from '../../commands/help.ts';
import type { ChatContext, CommandDef, ReplyLang } from '../../src/core/contract/types.ts';
import { tempDb, chat } from '../scheduler/fixtures.ts';
import { sqliteStores } from '../../src/core/store/open-stores.ts';

const now = () => new Date('2026-11-21T10:00:00Z');

async function say(db: Db, line: string, ctx: ChatContext, lang: ReplyLang = 'en') {
  const parsed = parseCommandLine(line);
  assert.ok(parsed.ok, `${line} parses`);
  return executeCommand(parsed.command, { args: parsed.args, lang, chat: ctx }, { stores: sqliteStores(db), now });
}

test('/subscribe: defaults, time, topic and tz in any order; validation in both languages', async () => {
  const t = tempDb();
  try {
    const me = chat('telegram', '1');
    const r1 = await say(t.db, '/subscribe', me, 'zh-TW');
    assert.match(r1.intro!, /訂閱成功：每天 08:00（Asia\/Taipei）/);
    assert.match(r1.items[0].meta!, /下次：2026-11-22 08:00 UTC\+08:00/);
    const r2 = await say(t.db, '/subscribe zelensky tz:europe/berlin 7:30', me);
    assert.match(r2.intro!, /about “zelensky” every day at 07:30 \(Europe\/Berlin\)/);
    const r3 = await say(t.db, '/subscribe 25:00', me);
    assert.equal(r3.kind, 'usage');
    assert.match(r3.intro!, /'25:00' is not a time of day/);
    const r4 = await say(t.db, '/subscribe 08:00 tz:Mars/Base', me, 'zh-TW');
    assert.match(r4.intro!, /不認得時區「Mars\/Base」/);
    const dup = await say(t.db, '/subscribe 07:30 Zelensky', me);
    assert.match(dup.intro!, /already has that subscription \(#2\)/);
    // tz: given once becomes the chat's zone for later subscriptions
    const r5 = await say(t.db, '/subscribe 06:00', me);
    assert.match(r5.intro!, /06:00 \(Europe\/Berlin\)/);
    const list = await say(t.db, '/subscriptions', me);
    assert.deepEqual(list.items.map((i) => i.heading), ['#3 · 06:00 Europe/Berlin', '#2 · 07:30 Europe/Berlin', '#1 · 08:00 Asia/Taipei']);
  } finally {
    t.cleanup();
  }
});

test('in groups only admins subscribe; the bot must be able to post', async () => {
  const t = tempDb();
  try {
    const member = await say(t.db, '/subscribe', chat('telegram', '-100', { group: true, admin: false }));
    assert.equal(member.kind, 'usage');
    assert.equal(member.private, true);
    assert.match(member.intro!, /only administrators/);
    const muted = await say(t.db, '/subscribe', chat('telegram', '-100', { group: true, admin: true, canPost: false }), 'zh-TW');
    assert.match(muted.intro!, /沒有發言權限/);
    const ok = await say(t.db, '/subscribe', chat('telegram', '-100', { group: true, admin: true, threadId: '77' }));
    assert.equal(ok.kind, 'ok');
    assert.match(ok.items[0].text!, /thread 77/);
    const memberUnsub = await say(t.db, '/unsubscribe all', chat('telegram', '-100', { group: true, admin: false }));
    assert.match(memberUnsub.intro!, /only administrators/);
  } finally {
    t.cleanup();
  }
});

test('/unsubscribe by number, time, topic, all; asks when ambiguous', async () => {
  const t = tempDb();
  try {
    const me = chat('discord', '9');
    await say(t.db, '/subscribe 08:00', me);
    await say(t.db, '/subscribe 12:00 trump', me);
    await say(t.db, '/subscribe 18:00 烏克蘭', me);
    await say(t.db, '/subscribe 20:00', me);
    const ask = await say(t.db, '/unsubscribe', me);
    assert.equal(ask.kind, 'usage');
    assert.equal(ask.items.length, 4);
    assert.match((await say(t.db, '/unsubscribe #1', me)).intro!, /Unsubscribed #1/);
    assert.match((await say(t.db, '/unsubscribe TRUMP', me)).intro!, /Unsubscribed #2/);
    assert.match((await say(t.db, '/unsubscribe 18:00', me, 'zh-TW')).intro!, /已取消訂閱 #3/);
    assert.match((await say(t.db, '/unsubscribe nothing-like-this', me)).intro!, /No subscription here matches/);
    assert.match((await say(t.db, '/unsubscribe all', me)).intro!, /Unsubscribed #4/);
    assert.match((await say(t.db, '/subscriptions', me)).intro!, /No subscriptions in this chat yet/);
  } finally {
    t.cleanup();
  }
});

test('/help documents the time zone syntax', async () => {
  const help = await (helpCommand as CommandDef).run({ args: {}, lang: 'en', chat: chat('terminal', 'x') }, { stores: undefined as never, now });
  const sub = help.items.find((i) => i.heading?.startsWith('/subscribe'))!;
  assert.match(sub.text!, /tz:Area\/City/);
  assert.match(sub.meta!, /\/subscribe 08:00 tz:Europe\/Berlin/);
  assert.ok(subscriptionsCommand.examples.length && unsubscribeCommand.examples.includes('/unsubscribe all'));
});

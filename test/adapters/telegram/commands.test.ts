/**
 * The real grammY bot against telegram-test-api (see test/helpers/telegram-harness.ts): every
 * command in a private chat and a group, addressing, forum topics, language, admin checks, paging.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../../src/core/store/db.ts';
import { commands } from '../../../commands/index.ts';
import { ingestPaths } from '../../../src/core/loader/ingest-paths.ts';
import type { TelegramAdapter } from '../../../src/adapters/telegram/create-telegram-adapter.ts';
import { startTelegramHarness, TEST_BOT, type TelegramHarness, type TestChat, type TestUser } from '../../helpers/telegram-harness.ts';
import { sqliteStores } from '../../../src/core/store/open-stores.ts';

let h: TelegramHarness;
let db: Db;
let bot: TelegramAdapter;
const en: TestUser = { id: 501, first_name: 'Ann', language_code: 'en' };
const zh: TestUser = { id: 502, first_name: '小明', language_code: 'zh-hant' };
let nextChat = 1;
const privateChat = (u: TestUser): TestChat => ({ id: u.id * 1000 + nextChat++, type: 'private' });
const group = (forum = false): TestChat => ({ id: -1000000000000 - nextChat++, type: 'supergroup', title: 'News group', ...(forum ? { is_forum: true as const } : {}) });

before(async () => {
  h = await startTelegramHarness();
  db = openDatabase(join(mkdtempSync(join(tmpdir(), 'newsbot-tg-')), 'bot.db'));
  bot = await h.startBot({ stores: sqliteStores(db), pageItems: 4 });
});
after(async () => {
  await h.close();
  db.close();
});

test('every command is answered in a private chat and in a group, as valid Telegram HTML', async () => {
  for (const c of commands) {
    const line = c.examples[0] ?? `/${c.name}`;
    const dm = privateChat(en);
    await h.sendText(dm, en, line);
    const [first] = await h.waitForReplies(dm.id);
    assert.ok(first, `no reply to ${line} in a private chat`);
    assert.equal(first.parseMode, 'HTML');
    assert.ok(first.text.trim().length > 0);

    const g = group();
    const mid = await h.sendText(g, en, line);
    const [inGroup] = await h.waitForReplies(g.id);
    assert.ok(inGroup, `no reply to ${line} in a group`);
    assert.equal(inGroup.replyTo, mid, 'group answers quote the command');
  }
});

test('/latest@TestNameBot is answered, /latest@OtherBot is ignored', async () => {
  const g = group();
  await h.sendText(g, en, '/latest@OtherBot');
  await h.sendText(g, en, '/help@OtherBot');
  const mine = await h.sendText(g, en, `/latest@${TEST_BOT.username}`);
  const replies = await h.waitForReplies(g.id, 1);
  await new Promise((r) => setTimeout(r, 150));
  replies.push(...(await h.readReplies(g.id)));
  assert.ok(replies.length >= 1);
  assert.ok(replies.every((r) => r.replyTo === mine || r.replyTo === undefined), 'only the command addressed to us is answered');
  assert.equal(replies[0].replyTo, mine);
});

test('unknown commands: explained in private, silent in groups unless addressed to us', async () => {
  const dm = privateChat(en);
  await h.sendText(dm, en, '/nosuchcommand');
  const [r] = await h.waitForReplies(dm.id);
  assert.match(r.text, /Unknown command \/nosuchcommand/);
  const g = group();
  await h.sendText(g, en, '/nosuchcommand');
  const mine = await h.sendText(g, en, `/nosuchcommand@${TEST_BOT.username}`);
  const [gr] = await h.waitForReplies(g.id);
  assert.equal(gr.replyTo, mine);
  assert.deepEqual(await h.readReplies(g.id), []);
});

test('a channel post automatically forwarded into its discussion group is not answered twice', async () => {
  const g = group();
  const channel = { id: -1009999, type: 'channel', title: 'News channel' };
  await h.sendText(g, en, '/help', { senderChat: channel, fields: { is_automatic_forward: true } });
  const mine = await h.sendText(g, en, '/help');
  const replies = await h.waitForReplies(g.id, 1);
  assert.equal(replies[0].replyTo, mine, 'only the member’s own command is answered');
  assert.deepEqual(await h.readReplies(g.id), []);
});

test('a command from a forum topic is answered in that topic; General gets no thread id', async () => {
  const g = group(true);
  await h.sendText(g, en, '/help', { threadId: 42 });
  const inTopic = await h.waitForReplies(g.id);
  assert.equal(inTopic[0].threadId, 42);
  await h.sendText(g, en, '/help');
  const general = await h.waitForReplies(g.id);
  assert.equal(general[0].threadId, undefined);
});

test('replies follow the user’s language until the chat sets one; /language auto resets', async () => {
  const dm = privateChat(zh);
  await h.sendText(dm, zh, '/help');
  assert.match((await h.waitForReplies(dm.id))[0].text, /newsbot 指令/);
  await h.sendText(dm, zh, '/language en');
  assert.match((await h.waitForReplies(dm.id))[0].text, /in English/);
  await h.sendText(dm, zh, '/help');
  assert.match((await h.waitForReplies(dm.id))[0].text, /newsbot commands/);
  await h.sendText(dm, zh, '/language');
  assert.match((await h.waitForReplies(dm.id))[0].text, /English \(en\)/);
  await h.sendText(dm, zh, '/language auto');
  await h.waitForReplies(dm.id);
  await h.sendText(dm, zh, '/help');
  assert.match((await h.waitForReplies(dm.id))[0].text, /newsbot 指令/);
  await h.sendText(dm, zh, '/language klingon');
  assert.match((await h.waitForReplies(dm.id))[0].text, /zh-TW、zh-CN、en 或 auto/);
});

test('a chat that sets its language gets its command menu in it (Simplified for zh-CN); auto removes the chat menu', async () => {
  const dm = privateChat({ id: 503, first_name: '小红', language_code: 'zh' });
  const menus = () => h.calls.filter((c) => (c.method === 'setMyCommands' || c.method === 'deleteMyCommands') && JSON.stringify(c.body.scope ?? '').includes(String(dm.id)));
  await h.sendText(dm, dm as unknown as TestUser, '/language zh-CN');
  await h.waitForReplies(dm.id);
  const set = menus().at(-1)!;
  assert.equal(set.method, 'setMyCommands');
  const scope = typeof set.body.scope === 'string' ? JSON.parse(set.body.scope) : set.body.scope;
  assert.deepEqual(scope, { type: 'chat', chat_id: dm.id });
  const list = (typeof set.body.commands === 'string' ? JSON.parse(set.body.commands) : set.body.commands) as { command: string; description: string }[];
  const help = list.find((c) => c.command === 'help')!;
  assert.equal(help.description, '列出所有指令与范例', 'Simplified descriptions');
  await h.sendText(dm, dm as unknown as TestUser, '/help');
  await h.waitForReplies(dm.id);
  assert.equal(menus().length, 1, 'a command that does not change the language leaves the menu alone');
  await h.sendText(dm, dm as unknown as TestUser, '/language auto');
  await h.waitForReplies(dm.id);
  assert.equal(menus().at(-1)!.method, 'deleteMyCommands');
});

test('in a group only administrators (getChatMember, or anonymous admins) change the language', async () => {
  const g = group();
  const admin: TestUser = { id: 777, first_name: 'Boss', language_code: 'en' };
  h.setMember(g.id, admin.id, 'administrator');
  await h.sendText(g, en, '/language zh-TW');
  assert.match((await h.waitForReplies(g.id))[0].text, /Only administrators/);
  assert.ok(h.calls.some((c) => c.method === 'getChatMember' && Number(c.body.chat_id) === g.id && Number(c.body.user_id) === en.id));

  await h.sendText(g, admin, '/language zh-TW');
  assert.match((await h.waitForReplies(g.id))[0].text, /繁體中文/);
  await h.sendText(g, en, '/help');
  assert.match((await h.waitForReplies(g.id))[0].text, /newsbot 指令/, 'the chat setting beats the user’s language');

  // An anonymous admin posts as the group itself (from: GroupAnonymousBot, sender_chat: the group).
  const anonymous: TestUser = { id: 1087968824, first_name: 'Group', username: 'GroupAnonymousBot' };
  await h.sendText(g, anonymous, '/language en', { senderChat: { id: g.id, type: 'supergroup', title: g.title } });
  assert.match((await h.waitForReplies(g.id))[0].text, /in English/);
  assert.ok(!h.calls.some((c) => c.method === 'getChatMember' && Number(c.body.user_id) === anonymous.id), 'no lookup needed for an anonymous admin');
});

test('a long list is paged with an inline keyboard; buttons edit the message and are answered', async () => {
  const dm = privateChat(en);
  await h.sendText(dm, en, '/help'); // more items than pageItems (4)
  const [msg] = await h.waitForReplies(dm.id);
  assert.ok(msg.keyboard, 'first page carries the keyboard');
  const buttons = msg.keyboard!.flat();
  for (const b of buttons) assert.ok(Buffer.byteLength(b.callback_data) <= 64);
  const next = buttons.find((b) => /Next/.test(b.text))!;
  assert.ok(next);
  assert.match(msg.text, /\/latest/);

  await h.pressButton(dm, en, msg.messageId, next.callback_data);
  let edited = msg;
  for (let i = 0; i < 100 && edited.text === msg.text; i++) {
    await new Promise((r) => setTimeout(r, 20));
    edited = (await h.history(dm.id)).find((m) => m.messageId === msg.messageId)!;
  }
  assert.notEqual(edited.text, msg.text, 'the message shows page 2');
  assert.doesNotMatch(edited.text, /\/latest/);
  assert.ok(edited.keyboard!.flat().some((b) => /Previous/.test(b.text)));
  assert.ok(h.calls.some((c) => c.method === 'answerCallbackQuery'));

  // Paging survives a restart: the buttons carry the command line, and the new process re-runs it.
  await bot.stop();
  bot = await h.startBot({ stores: sqliteStores(db), pageItems: 4 });
  const third = edited.keyboard!.flat().find((b) => /Next/.test(b.text))!;
  await h.pressButton(dm, en, msg.messageId, third.callback_data);
  let page3 = edited;
  for (let i = 0; i < 100 && page3.text === edited.text; i++) {
    await new Promise((r) => setTimeout(r, 20));
    page3 = (await h.history(dm.id)).find((m) => m.messageId === msg.messageId)!;
  }
  assert.match(page3.text, /^9\. /m, 'page 3 after the restart');
  // /help has more pages than three: go on to the last one, which has no Next.
  let lastPage = page3;
  for (let guard = 0; guard < 10; guard++) {
    const more = lastPage.keyboard!.flat().find((b) => /Next/.test(b.text));
    if (!more) break;
    await h.pressButton(dm, en, msg.messageId, more.callback_data);
    const before = lastPage.text;
    for (let i = 0; i < 100 && lastPage.text === before; i++) {
      await new Promise((r) => setTimeout(r, 20));
      lastPage = (await h.history(dm.id)).find((m) => m.messageId === msg.messageId)!;
    }
  }
  assert.ok(!lastPage.keyboard!.flat().some((b) => /Next/.test(b.text)), 'last page has no Next');

  // (The answer to the last Next press may still arrive after its edit: wait for an answer that says something.)
  const since = h.calls.length;
  await h.pressButton(dm, en, msg.messageId, 'pg:zzzz:1');
  const expiredAnswer = () => h.calls.slice(since).find((c) => c.method === 'answerCallbackQuery' && c.body.text !== undefined);
  for (let i = 0; i < 100 && !expiredAnswer(); i++) await new Promise((r) => setTimeout(r, 20));
  assert.match(String(expiredAnswer()?.body.text), /expired/);
});

test('/search pages its own results: Next re-runs the search for hits 6–10, also after a restart, and long queries page from memory', async () => {
  await ingestPaths(sqliteStores(db), readdirSync('test/fixtures/corpus').sort().slice(0, 80).map((n) => join('test/fixtures/corpus', n)));
  const dm = privateChat(en);
  const waitEdit = async (messageId: number, before: string) => {
    for (let i = 0; i < 150; i++) {
      const m = (await h.history(dm.id)).find((x) => x.messageId === messageId)!;
      if (m.text !== before) return m;
      await new Promise((r) => setTimeout(r, 20));
    }
    assert.fail('the message was not edited');
  };
  await h.sendText(dm, en, '/search 中国');
  const [msg] = await h.waitForReplies(dm.id);
  assert.match(msg.text, /Results 1–5 of (\d+)/);
  const next = msg.keyboard!.flat().find((b) => /Next/.test(b.text))!;
  assert.match(next.callback_data, /^sp:1:\/search 中国$/);
  await h.pressButton(dm, en, msg.messageId, next.callback_data);
  const page2 = await waitEdit(msg.messageId, msg.text);
  assert.match(page2.text, /Results 6–10 of/);
  assert.ok(page2.keyboard!.flat().some((b) => /Previous/.test(b.text)));
  assert.ok(page2.keyboard!.flat().some((b) => b.text.startsWith('2/')));

  // The button carries the command line, so a new process answers it.
  await bot.stop();
  bot = await h.startBot({ stores: sqliteStores(db), pageItems: 4 });
  const third = page2.keyboard!.flat().find((b) => /Next/.test(b.text))!;
  await h.pressButton(dm, en, msg.messageId, third.callback_data);
  assert.match((await waitEdit(msg.messageId, page2.text)).text, /Results 11–15 of/);

  // A query too long for 64 bytes of button data is kept in memory under a key.
  const long = '/search ' + '中国 '.repeat(12).trim();
  await h.sendText(dm, en, long);
  const [reply] = await h.waitForReplies(dm.id);
  assert.match(reply.text, /Results 1–5 of/);
  const k = reply.keyboard!.flat().find((b) => /Next/.test(b.text))!;
  assert.match(k.callback_data, /^sk:[0-9a-z]+:1$/);
  await h.pressButton(dm, en, reply.messageId, k.callback_data);
  assert.match((await waitEdit(reply.messageId, reply.text)).text, /Results 6–10 of/);
});

/**
 * Digest delivery through the Telegram adapter's send(), and the retry policy of interactive
 * replies, against telegram-test-api with failures injected by the harness.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../../src/core/store/db.ts';
import { DeliveryError, type DeliveryTarget } from '../../../src/adapters/types.ts';
import type { Reply } from '../../../src/core/contract/types.ts';
import type { TelegramAdapter } from '../../../src/adapters/telegram/create-telegram-adapter.ts';
import { startTelegramHarness, type TelegramHarness, type TestUser } from '../../helpers/telegram-harness.ts';
import { sqliteStores } from '../../../src/core/store/open-stores.ts';

let h: TelegramHarness;
let db: Db;
let bot: TelegramAdapter;
const user: TestUser = { id: 9, first_name: 'Ann', language_code: 'en' };
const target = (chatId: number, threadId?: number): DeliveryTarget => ({ platform: 'telegram', chatId: String(chatId), lang: 'en', ...(threadId ? { threadId: String(threadId) } : {}) });
const opts = { idempotencyKey: 'sub-1@2025-01-01T00:00:00Z' };

function bigDigest(n: number): Reply {
  return {
    kind: 'ok',
    title: 'Morning digest',
    items: Array.from({ length: n }, (_, i) => ({ heading: `Story ${i}: <b>not bold</b> & more`, text: `Extract ${i}. ` + '這是一段摘要。'.repeat(20), url: `https://news.example/${i}?a=1&b=2`, meta: `Outlet ${i} · @everyone` })),
    articles: [],
  };
}

async function sendFails(chatId: number): Promise<DeliveryError> {
  const err = await bot.send(target(chatId), { kind: 'ok', intro: 'hello', items: [], articles: [] }, opts).then(
    () => assert.fail('send should have failed'),
    (e: unknown) => e,
  );
  assert.ok(err instanceof DeliveryError);
  return err;
}

before(async () => {
  h = await startTelegramHarness();
  db = openDatabase(join(mkdtempSync(join(tmpdir(), 'newsbot-tg-')), 'bot.db'));
  bot = await h.startBot({ stores: sqliteStores(db), retry: { networkDelayMs: 20 } });
});
after(async () => {
  await h.close();
  db.close();
});

test('a digest longer than one message is sent in order into the forum topic, nothing lost, escaped', async () => {
  const chat = -100777;
  const reply = bigDigest(40);
  const res = await bot.send(target(chat, 5), reply, opts);
  assert.ok(res.messageIds.length > 1, 'split into several messages');
  const got = await h.waitForReplies(chat, res.messageIds.length);
  assert.deepEqual(got.map((m) => String(m.messageId)), res.messageIds, 'ids returned in sending order');
  for (const m of got) {
    assert.equal(m.threadId, 5);
    assert.ok(m.text.length <= 4096);
  }
  const all = got.map((m) => m.text).join('\n\n');
  let at = -1;
  for (let i = 0; i < 40; i++) {
    const pos = all.indexOf(`Story ${i}: <b>not bold</b> & more`);
    assert.ok(pos > at, `story ${i} present once, after story ${i - 1}`);
    at = pos;
  }
  assert.equal(got.flatMap((m) => m.links).length, 40);
  assert.doesNotMatch(all, /@everyone/);
});

test('429 → rate_limited with retry_after; digests are not retried behind the scheduler’s back', async () => {
  h.failNext('sendMessage', { kind: 'http', status: 429, description: 'Too Many Requests: retry after 7', parameters: { retry_after: 7 } });
  const before = h.calls.filter((c) => c.method === 'sendMessage').length;
  const err = await sendFails(-200);
  assert.equal(err.kind, 'rate_limited');
  assert.equal(err.retryAfterMs, 7000);
  assert.equal(h.calls.filter((c) => c.method === 'sendMessage').length, before + 1, 'exactly one attempt');
});

test('403 blocked and 400 chat not found → permanent; migrate_to_chat_id → migrated; 5xx and network → transient', async () => {
  h.failNext('sendMessage', { kind: 'http', status: 403, description: 'Forbidden: bot was blocked by the user' });
  assert.equal((await sendFails(-201)).kind, 'permanent');
  h.failNext('sendMessage', { kind: 'http', status: 400, description: 'Bad Request: chat not found' });
  assert.equal((await sendFails(-202)).kind, 'permanent');
  h.failNext('sendMessage', { kind: 'http', status: 400, description: 'Bad Request: group chat was upgraded to a supergroup chat', parameters: { migrate_to_chat_id: -1001234567890 } });
  const migrated = await sendFails(-203);
  assert.equal(migrated.kind, 'migrated');
  assert.equal(migrated.migratedTo, '-1001234567890');
  h.failNext('sendMessage', { kind: 'http', status: 502, description: 'Bad Gateway' });
  assert.equal((await sendFails(-204)).kind, 'transient');
  h.failNext('sendMessage', { kind: 'network' });
  const net = await sendFails(-205);
  assert.equal(net.kind, 'transient');
  assert.doesNotMatch(net.message, new RegExp(h.token.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
});

test('a failure mid-way through a split digest reports the messages already sent', async () => {
  const chat = -300;
  // The first message goes through; the emulator's event arms a 403 for the second.
  h.server.once('AddedBotMessage', () => h.failNext('sendMessage', { kind: 'http', status: 403, description: 'Forbidden: bot was kicked from the supergroup chat' }));
  const err = await bot.send(target(chat), bigDigest(40), opts).catch((e: unknown) => e);
  assert.ok(err instanceof DeliveryError);
  assert.equal(err.kind, 'permanent');
  assert.equal(err.sentMessageIds.length, 1);
  const got = await h.waitForReplies(chat, 1);
  assert.deepEqual(got.map((m) => String(m.messageId)), err.sentMessageIds);
});

test('interactive replies: a 429 waits retry_after and the answer arrives once; a dropped connection is retried', async () => {
  const chat = { id: 4242, type: 'private' as const };
  h.failNext('sendMessage', { kind: 'http', status: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } });
  await h.sendText(chat, user, '/language');
  const replies = await h.waitForReplies(chat.id, 1, 10_000);
  assert.equal(replies.length, 1);
  await new Promise((r) => setTimeout(r, 100));
  assert.deepEqual(await h.readReplies(chat.id), [], 'not sent twice');
  const attempts = h.calls.filter((c) => c.method === 'sendMessage' && Number(c.body.chat_id) === chat.id).length;
  assert.equal(attempts, 2, 'one 429, one retry');

  h.failNext('sendMessage', { kind: 'network' });
  await h.sendText(chat, user, '/language');
  assert.equal((await h.waitForReplies(chat.id, 1, 10_000)).length, 1);
});

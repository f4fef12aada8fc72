import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../../src/core/store/db.ts';
import { sqliteStores } from '../../../src/core/store/open-stores.ts';
import { langFromClient, parseLangChoice, resolveLang } from '../../../src/core/chat-settings/resolve-lang.ts';
import { memberCanPost } from '../../../src/adapters/telegram/chat-context.ts';
import type { Chat } from 'grammy/types';

test('client language tags: Simplified variants → zh-CN, any other Chinese → zh-TW, everything else → en; the chat override wins', () => {
  for (const t of ['zh', 'zh-TW', 'ZH-hk', 'zh-hant']) assert.equal(langFromClient(t), 'zh-TW', t);
  for (const t of ['zh-hans', 'zh_CN', 'zh-SG']) assert.equal(langFromClient(t), 'zh-CN', t);
  for (const t of ['en', 'en-US', 'de', 'zhx', '', undefined, null]) assert.equal(langFromClient(t), 'en', String(t));
  assert.equal(resolveLang('en', 'zh-hant'), 'en');
  assert.equal(resolveLang(null, 'zh-hant'), 'zh-TW');
  assert.equal(parseLangChoice('中文'), 'zh-TW');
  assert.equal(parseLangChoice(' EN '), 'en');
  assert.equal(parseLangChoice('auto'), null);
  assert.equal(parseLangChoice('fr'), undefined);
});

test('chat settings persist per platform and chat, and follow a Telegram group upgraded to a supergroup', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'newsbot-settings-')), 'x.db');
  const db = openDatabase(file);
  const store = sqliteStores(db).chatSettings;
  const now = new Date('2025-01-01T00:00:00Z');
  assert.equal(await store.get('telegram', '-5'), null);
  await store.setLang('telegram', '-5', 'en', now);
  await store.setTimezone('telegram', '-5', 'Europe/Berlin', now);
  await store.setLang('discord', '-5', 'zh-TW', now);
  assert.deepEqual(await store.get('telegram', '-5'), { platform: 'telegram', chatId: '-5', lang: 'en', timezone: 'Europe/Berlin', updatedAt: '2025-01-01T00:00:00.000Z', quietStart: null, quietEnd: null });
  await store.moveChat('telegram', '-5', '-1005', now);
  assert.equal(await store.get('telegram', '-5'), null);
  assert.equal((await store.get('telegram', '-1005'))?.lang, 'en');
  assert.equal((await store.get('discord', '-5'))?.lang, 'zh-TW', 'other platforms untouched');
  await store.setLang('telegram', '-1005', null, now);
  assert.equal((await store.get('telegram', '-1005'))?.lang, null);
  assert.throws(() => db.prepare("INSERT INTO chat_settings (platform, chat_id, lang, updated_at) VALUES ('telegram', '1', 'fr', 'x')").run());
  db.close();
});

test('whether the bot may post, from its getChatMember status', () => {
  const group = { id: -1, type: 'supergroup', title: 'g' } as Chat;
  const channel = { id: -2, type: 'channel', title: 'c' } as Chat;
  assert.equal(memberCanPost(group, { status: 'member' }), true);
  assert.equal(memberCanPost(group, { status: 'restricted', is_member: true, can_send_messages: false }), false);
  assert.equal(memberCanPost(group, { status: 'left' }), false);
  assert.equal(memberCanPost(group, { status: 'kicked' }), false);
  assert.equal(memberCanPost(channel, { status: 'member' }), false);
  assert.equal(memberCanPost(channel, { status: 'administrator', can_post_messages: true }), true);
  assert.equal(memberCanPost(channel, { status: 'administrator', can_post_messages: false }), false);
});

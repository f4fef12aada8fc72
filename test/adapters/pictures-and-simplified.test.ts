/**
 * /timeline 烏克蘭 on the seeds returns its PNG on Discord (an attachment shown in the embed) and
 * Telegram (a photo, the text as caption or after it), and zh-CN clients get Simplified replies
 * automatically (Discord locale zh-CN, Telegram language_code zh-hans).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadImage } from '@napi-rs/canvas';
import { openDatabase } from '../../src/core/store/db.ts';
import { ingestPaths } from '../../src/core/loader/ingest-paths.ts';
import { createDiscordAdapter } from '../../src/adapters/discord/index.ts';
import { startFakeDiscord } from '../helpers/fake-discord.ts';
import { startTelegramHarness } from '../helpers/telegram-harness.ts';
import { createLogger } from '../../src/core/logger.ts';
import { toSimplified } from '../../src/core/text/script.ts';
import { sqliteStores } from '../../src/core/store/open-stores.ts';

const log = createLogger('silent');

async function seededDb() {
  const dir = mkdtempSync(join(tmpdir(), 'newsbot-pic-'));
  const db = openDatabase(join(dir, 'x.db'));
  await ingestPaths(sqliteStores(db), ['seeds']);
  return { db, done: () => (db.close(), rmSync(dir, { recursive: true, force: true })) };
}

async function assertPng(data: Buffer) {
  assert.deepEqual([...data.subarray(1, 4)], [80, 78, 71], 'a PNG');
  const img = await loadImage(data);
  assert.equal(img.width, 1200);
  assert.ok(img.height > 300);
}

test('discord: /timeline 烏克蘭 attaches the picture; a zh-CN locale gets Simplified text', async () => {
  const s = await seededDb();
  const fake = await startFakeDiscord({ token: 'discord-pic-token' });
  const adapter = createDiscordAdapter({ token: 'discord-pic-token', appId: fake.appId, apiUrl: fake.apiUrl, stores: sqliteStores(s.db), now: () => new Date(), log });
  try {
    await adapter.start();
    const reply = await fake.waitForReply(fake.slash('timeline', { topic: '烏克蘭' }, { locale: 'zh-CN' }));
    const embed = reply.body.embeds[0];
    assert.equal(embed.image.url, 'attachment://timeline.png');
    assert.equal(embed.title, '时间轴：烏克蘭', 'the topic as typed, the rest in Simplified');
    assert.match(embed.description, /北约秘书长吕特/);
    assert.equal(toSimplified(embed.description), embed.description);
    const file = fake.files.find((f) => f.filename === 'timeline.png');
    assert.ok(file, 'the PNG was uploaded with the reply');
    await assertPng(file.data);
    const en = await fake.waitForReply(fake.slash('latest', { count: 2 }, { locale: 'en-US' }));
    assert.match(JSON.stringify(en.body), /Latest stories/);
  } finally {
    await adapter.stop();
    await fake.stop();
    s.done();
  }
});

test('telegram: /timeline 烏克蘭 comes as a photo with the text; a zh-hans client gets Simplified', async () => {
  const s = await seededDb();
  const h = await startTelegramHarness();
  try {
    await h.startBot({ stores: sqliteStores(s.db) });
    const user = { id: 3001, first_name: '小红', language_code: 'zh-hans' };
    const chat = { id: 3001, type: 'private' as const };
    await h.sendText(chat, user, '/timeline 烏克蘭');
    const msgs = await h.waitForReplies(chat.id, 1);
    await new Promise((r) => setTimeout(r, 200));
    msgs.push(...(await h.readReplies(chat.id)));
    assert.ok(msgs[0].photo, 'the first message is the photo');
    await assertPng(msgs[0].photo);
    const text = msgs.map((m) => m.text).join('\n');
    assert.match(text, /时间轴：烏克蘭/);
    assert.match(text, /北约秘书长吕特/);
    await h.sendText(chat, user, '/latest 2');
    const [latest] = await h.waitForReplies(chat.id, 1);
    assert.match(latest.text, /最新报导/);
    assert.equal(latest.photo, undefined);
  } finally {
    await h.close();
    s.done();
  }
});

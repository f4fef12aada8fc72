/**
 * /timeline 烏克蘭 on the seeds: the text comes first and the PNG after it, on Discord (the answer
 * edited to carry the attachment, shown in the embed) and Telegram (a photo answering the text);
 * zh-CN clients get Simplified replies automatically (Discord locale zh-CN, Telegram language_code
 * zh-hans). A picture that fails to draw never costs the text.
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
import { lazyPicture } from '../../src/core/render/lazy-picture.ts';
import { pictureCaption } from '../../src/adapters/telegram/send-reply.ts';
import type { Reply } from '../../src/core/contract/types.ts';

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

test('discord: /timeline 烏克蘭 answers with the text, then edits in the picture; a zh-CN locale gets Simplified text', async () => {
  const s = await seededDb();
  const fake = await startFakeDiscord({ token: 'discord-pic-token' });
  const adapter = createDiscordAdapter({ token: 'discord-pic-token', appId: fake.appId, apiUrl: fake.apiUrl, stores: sqliteStores(s.db), now: () => new Date(), log });
  try {
    await adapter.start();
    const id = fake.slash('timeline', { topic: '烏克蘭' }, { locale: 'zh-CN' });
    const reply = await fake.waitForReply(id);
    const first = reply.body.embeds[0];
    assert.equal(first.image, undefined, 'the first answer is the text alone');
    assert.equal(first.title, '时间轴：烏克蘭', 'the topic as typed, the rest in Simplified');
    assert.match(first.description, /北大西洋公约组织秘书长吕特/);
    assert.equal(toSimplified(first.description), first.description);
    const token = fake.callbacks.find((c) => c.interactionId === id)!.token;
    const edits = () => fake.webhooks.filter((w) => w.token === token && w.method === 'PATCH' && w.messageId === '@original');
    const withPicture = await fake.waitFor(() => edits()[1]);
    assert.equal(edits()[0].body.embeds[0].image, undefined, 'text before picture');
    const embed = withPicture.body.embeds[0];
    assert.equal(embed.image.url, 'attachment://timeline.png');
    assert.equal(embed.description, first.description, 'the same text, now with its picture');
    assert.equal(withPicture.body.attachments[0].description, '时间轴：烏克蘭', 'alt text: the title, as the chat reads it');
    const file = fake.files.find((f) => f.filename === 'timeline.png');
    assert.ok(file, 'the PNG was uploaded with the edit');
    assert.match(file.path, /\/webhooks\/\d+\/[^/]+\/messages\/(?:@|%40)original$/);
    await assertPng(file.data);
    const en = await fake.waitForReply(fake.slash('latest', { count: 2 }, { locale: 'en-US' }));
    assert.match(JSON.stringify(en.body), /Latest stories/);
  } finally {
    await adapter.stop();
    await fake.stop();
    s.done();
  }
});

test('telegram: /timeline 烏克蘭 sends the text, then a photo answering it; a zh-hans client gets Simplified', async () => {
  const s = await seededDb();
  const h = await startTelegramHarness();
  try {
    await h.startBot({ stores: sqliteStores(s.db) });
    const user = { id: 3001, first_name: '小红', language_code: 'zh-hans' };
    const chat = { id: 3001, type: 'private' as const };
    await h.sendText(chat, user, '/timeline 烏克蘭');
    const msgs = await h.waitForReplies(chat.id, 2);
    await new Promise((r) => setTimeout(r, 200));
    msgs.push(...(await h.readReplies(chat.id)));
    assert.equal(msgs.length, 2, 'one text message (paged), one photo');
    const [text, photo] = msgs;
    assert.equal(text.photo, undefined, 'the text comes first');
    assert.match(text.text, /时间轴：烏克蘭/);
    assert.match(text.text, /北大西洋公约组织秘书长吕特/);
    assert.ok(photo.photo, 'then the photo');
    await assertPng(photo.photo);
    assert.equal(photo.replyTo, text.messageId, 'the photo answers the text');
    assert.equal(photo.html, '<b>时间轴：烏克蘭</b>', 'captioned with its alt text');
    await h.sendText(chat, user, '/latest 2');
    const [latest] = await h.waitForReplies(chat.id, 1);
    assert.match(latest.text, /最新报导/);
    assert.equal(latest.photo, undefined);
  } finally {
    await h.close();
    s.done();
  }
});

/** A reply whose picture cannot be drawn, with alt text that must not become markup. */
function brokenPictureReply(): Reply {
  return {
    kind: 'ok',
    title: 'Digest',
    items: [{ heading: 'One story', text: 'its text' }],
    articles: [],
    picture: lazyPicture('timeline.png', '<b>alt</b> & more', async () => {
      throw new Error('no fonts today');
    }),
  };
}

test('a picture that fails to draw is logged and the text is delivered (Telegram and Discord send paths)', async () => {
  const s = await seededDb();
  const h = await startTelegramHarness();
  const fake = await startFakeDiscord({ token: 'discord-pic-token' });
  const warnings: string[] = [];
  const warnLog = { ...log, warn: (m: string) => void warnings.push(m) };
  const discord = createDiscordAdapter({ token: 'discord-pic-token', appId: fake.appId, apiUrl: fake.apiUrl, stores: sqliteStores(s.db), now: () => new Date(), log: warnLog });
  try {
    const bot = await h.startBot({ stores: sqliteStores(s.db), log: warnLog });
    const sent = await bot.send({ platform: 'telegram', chatId: '4001', lang: 'en' }, brokenPictureReply(), { idempotencyKey: 'k1' });
    assert.equal(sent.messageIds.length, 1);
    const [msg] = await h.waitForReplies(4001, 1);
    assert.match(msg.text, /One story/);
    const posted = await discord.send({ platform: 'discord', chatId: '600000000000000009', lang: 'en' }, brokenPictureReply(), { idempotencyKey: 'k2' });
    assert.equal(posted.messageIds.length, 1);
    assert.match(JSON.stringify(fake.messages.find((m) => m.id === posted.messageIds[0])!.body), /One story/);
    assert.equal(warnings.length, 2, warnings.join('\n'));
    for (const w of warnings) assert.match(w, /the picture timeline\.png for .* was not sent \(the text was\): .*no fonts today/);
  } finally {
    await discord.stop();
    await fake.stop();
    await h.close();
    s.done();
  }
});

test('the Telegram caption is the escaped alt text; the Discord send path posts the picture after the text, answering it', async () => {
  assert.equal(pictureCaption('<b>alt</b> & more'), '<b>&lt;b&gt;alt&lt;/b&gt; &amp; more</b>');
  assert.equal(Array.from(pictureCaption('長'.repeat(2000))).length, 907, 'cut well under 1024');
  const fake = await startFakeDiscord({ token: 'discord-pic-token' });
  const s = await seededDb();
  const discord = createDiscordAdapter({ token: 'discord-pic-token', appId: fake.appId, apiUrl: fake.apiUrl, stores: sqliteStores(s.db), now: () => new Date(), log });
  try {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const reply: Reply = { ...brokenPictureReply(), picture: lazyPicture('timeline.png', 'A picture', async () => ({ png, width: 1, height: 1 })) };
    const posted = await discord.send({ platform: 'discord', chatId: '600000000000000010', lang: 'en' }, reply, { idempotencyKey: 'k3' });
    assert.equal(posted.messageIds.length, 2);
    const [text, pic] = posted.messageIds.map((id) => fake.messages.find((m) => m.id === id)!);
    assert.match(JSON.stringify(text.body), /One story/);
    assert.equal(pic.body.message_reference.message_id, text.id);
    assert.equal(pic.body.attachments[0].description, 'A picture');
    assert.ok(fake.files.some((f) => f.filename === 'timeline.png' && f.data.equals(Buffer.from(png))));
  } finally {
    await discord.stop();
    await fake.stop();
    s.done();
  }
});

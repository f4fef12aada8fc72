/**
 * /timeline and /story describe their picture and return: drawing it (hundreds of ms) is left to
 * the adapter, after the text is out, so it never counts against a command's latency.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../src/core/store/db.ts';
import { ingestPaths } from '../../src/core/loader/ingest-paths.ts';
import { sqliteStores } from '../../src/core/store/open-stores.ts';
import { executeCommand } from '../../commands/execute.ts';
import { timelineCommand } from '../../commands/timeline.ts';
import { storyCommand } from '../../commands/story.ts';
import { TERMINAL_CHAT } from '../../src/adapters/terminal/run-line.ts';
import { pictureStarted } from '../../src/core/render/lazy-picture.ts';

const dir = mkdtempSync(join(tmpdir(), 'newsbot-lazy-pic-'));
const db = openDatabase(join(dir, 'x.db'));
await ingestPaths(sqliteStores(db), ['seeds']);
const deps = { stores: sqliteStores(db), now: () => new Date() };
test.after(() => (db.close(), rmSync(dir, { recursive: true, force: true })));

test('executeCommand /timeline returns its reply with the picture not drawn; drawing it later gives the PNG, once', async () => {
  for (const lang of ['zh-TW', 'zh-CN', 'en'] as const) {
    const reply = await executeCommand(timelineCommand, { args: { topic: '烏克蘭' }, lang, chat: TERMINAL_CHAT }, deps);
    assert.ok(reply.picture, lang);
    assert.equal(pictureStarted(reply.picture), false, `${lang}: the command must not draw its picture`);
    assert.equal(reply.picture.name, 'timeline.png');
    if (lang === 'zh-CN') assert.equal(reply.picture.alt, '时间轴：烏克蘭', 'alt text converted, the topic as typed');
    const drawing = reply.picture.render();
    assert.equal(reply.picture.render(), drawing, 'memoized: two consumers, one drawing');
    const { png, width, height } = await drawing;
    assert.deepEqual([...png.subarray(1, 4)], [80, 78, 71]);
    assert.equal(width, 1200);
    assert.ok(height > 300);
  }
});

test('executeCommand /story returns its reply with the picture not drawn', async () => {
  const id = db.prepare('SELECT story_id FROM story_articles GROUP BY story_id ORDER BY COUNT(*) DESC LIMIT 1').pluck().get() as number;
  const reply = await executeCommand(storyCommand, { args: { number: String(id) }, lang: 'zh-TW', chat: TERMINAL_CHAT }, deps);
  assert.equal(reply.kind, 'ok');
  assert.ok(reply.events?.length && reply.picture, 'a story with events has a picture');
  assert.equal(pictureStarted(reply.picture), false, 'the command must not draw its picture');
});

// newsbot digest run / subscriptions / deliveries, as separate processes against the Telegram emulator.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { startTelegramHarness } from '../helpers/telegram-harness.ts';
import { tempDb, putArticle } from './fixtures.ts';
import { sqliteStores } from '../../src/core/store/open-stores.ts';

const MAIN = join(import.meta.dirname, '..', '..', 'src', 'main.ts');

function newsbot(args: string[], env: Record<string, string>): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], { env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'error', ...env } });
    let out = '';
    let err = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (err += d));
    p.on('exit', (code) => resolve({ code, out, err }));
  });
}

test('newsbot digest run --at sends what is due once; subscriptions and deliveries print the state', async () => {
  const t = tempDb();
  const h = await startTelegramHarness();
  try {
    putArticle(t.db, { title: 'Budget passes', body: 'Parliament passed the budget.', outlet: 'Reuters', url: 'https://reuters.example/b', published: '2026-11-21T20:00:00Z', storyId: 1 });
    const store = sqliteStores(t.db).subscriptions;
    await store.add({ platform: 'telegram', chatId: '5001', lang: 'en', time: '08:00', tz: 'Asia/Taipei' }, new Date('2026-11-21T10:00:00Z'));
    await store.add({ platform: 'telegram', chatId: '5002', lang: 'zh-TW', time: '09:00', tz: 'Europe/Berlin', topic: 'budget', topicQuery: { entityIds: [], terms: ['budget'] } }, new Date('2026-11-21T10:00:00Z'));
    const env = { TELEGRAM_TOKEN: h.token, TELEGRAM_API_ROOT: h.apiRoot };

    const [bad, first] = await Promise.all([
      newsbot(['digest', 'run', '--at', 'tomorrow', '--db', t.file], env),
      newsbot(['digest', 'run', '--at', '2026-11-22T08:00:30+08:00', '--db', t.file], env),
    ]);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /--at 'tomorrow' is not an ISO 8601 instant/);
    assert.equal(first.code, 0, first.err);
    assert.match(first.out, /1 due, 1 claimed, 1 sent/);
    const again = await newsbot(['digest', 'run', '--at', '2026-11-22T08:00:30+08:00', '--db', t.file], env);
    assert.match(again.out, /0 due, 0 claimed, 0 sent/);
    const msgs = await h.waitForReplies(5001, 1);
    assert.equal(msgs.length, 1);
    assert.match(msgs[0].text, /Budget passes/);

    const [subs, dels, table] = await Promise.all([
      newsbot(['subscriptions', '--json', '--db', t.file], env),
      newsbot(['deliveries', '--json', '--db', t.file], env),
      newsbot(['subscriptions', '--db', t.file], env),
    ]);
    const lines = subs.out.trim().split('\n').map((l) => JSON.parse(l));
    assert.equal(lines.length, 2);
    assert.equal(lines[0].next_due_at, '2026-11-23T00:00:00.000Z');
    assert.equal(lines[1].next_due_at, '2026-11-22T08:00:00.000Z');
    const rows = dels.out.trim().split('\n').map((l) => JSON.parse(l));
    assert.equal(rows.length, 1);
    assert.equal(rows[0].status, 'sent');
    assert.equal(rows[0].message_ids.length, 1);
    assert.match(table.out, /^id\s+platform\s+chat/);
    assert.match(table.out, /09:00 Europe\/Berlin\s+budget/);
  } finally {
    await h.close();
    t.cleanup();
  }
});

// Several processes on one database file: racing passes send each digest once; a process killed
// at any step of a send leaves no row claimed after a restart, Discord exactly once, Telegram at most once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTelegramHarness } from '../helpers/telegram-harness.ts';
import { startFakeDiscord } from '../helpers/fake-discord.ts';
import { tempDb, putArticle } from './fixtures.ts';
import { sqliteStores } from '../../src/core/store/open-stores.ts';

const CHILD = join(import.meta.dirname, 'child-run.ts');

function runChild(args: string[]): Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    p.stdout.on('data', (d) => (out += d));
    p.on('exit', (code, signal) => resolve({ code, signal, out }));
  });
}

const made = new Date('2026-11-21T10:00:00Z');
const AT = '2026-11-22T00:00:30Z';

test('two processes racing over the same due digests send each exactly once', async () => {
  const t = tempDb();
  try {
    putArticle(t.db, { title: 'Story', body: 'Something happened.', outlet: 'AP', url: 'https://ap.example/1', published: '2026-11-21T20:00:00Z', storyId: 1 });
    const store = sqliteStores(t.db).subscriptions;
    for (let i = 0; i < 60; i++) await store.add({ platform: 'telegram', chatId: String(1000 + i), lang: 'en', time: '08:00', tz: 'Asia/Taipei' }, made);
    const rec = join(t.dir, 'sends.jsonl');
    const [a, b] = await Promise.all([0, 1].map(() => runChild([t.file, AT, 'run', 'record', '-', '-', rec])));
    assert.equal(a.code, 0);
    assert.equal(b.code, 0);
    const sends = readFileSync(rec, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { pid: number; chat: string });
    assert.equal(sends.length, 60);
    assert.equal(new Set(sends.map((s) => s.chat)).size, 60);
    const rows = await sqliteStores(t.db).ledger.list();
    assert.equal(rows.length, 60);
    assert.ok(rows.every((r) => r.status === 'sent'));
  } finally {
    t.cleanup();
  }
});

for (const platform of ['discord', 'telegram'] as const) {
  test(`${platform}: SIGKILL at each step of a send, then a restart: ${platform === 'discord' ? 'exactly' : 'at most'} once, nothing left claimed`, async () => {
    const tg = platform === 'telegram' ? await startTelegramHarness() : null;
    const dc = platform === 'discord' ? await startFakeDiscord({ token: 'discord-crash-token' }) : null;
    const api = tg ? tg.apiRoot : dc!.apiUrl;
    const token = tg ? tg.token : 'discord-crash-token';
    // Killed after the claim, before any platform call: the same on both platforms, tested on Telegram.
    const modes = platform === 'telegram' ? ['crash-compose', 'crash-before-send', 'crash-after-send'] : ['crash-before-send', 'crash-after-send'];
    const dbs = modes.map(() => tempDb());
    try {
      const chats = modes.map((mode) => (tg ? String(7000 + mode.length) : String(600000000000000000n + BigInt(mode.length))));
      for (const [i, mode] of modes.entries()) {
        putArticle(dbs[i].db, { title: `Story for ${mode}`, body: 'Something happened.', outlet: 'AP', url: 'https://ap.example/1', published: '2026-11-21T20:00:00Z', storyId: 1 });
        await sqliteStores(dbs[i].db).subscriptions.add({ platform, chatId: chats[i], lang: 'en', time: '08:00', tz: 'Asia/Taipei' }, made);
      }
      // Each mode has its own database and chat, so the crashed runs and then the restarts run side by side.
      const crashed = await Promise.all(modes.map((mode, i) => runChild([dbs[i].file, AT, mode, platform, api, token])));
      crashed.forEach((c, i) => assert.equal(c.signal, 'SIGKILL', `${modes[i]}: the child was killed`));
      const restarted = await runChild([dbs.map((d) => d.file).join(','), AT, 'run', platform, api, token]);
      assert.ok(restarted.code === 0, `restart ran (${restarted.out})`);
      for (const [i, mode] of modes.entries()) {
        const rows = await sqliteStores(dbs[i].db).ledger.list();
        assert.equal(rows.length, 1);
        assert.notEqual(rows[0].status, 'claimed', `${mode}: no row left claimed`);
        const delivered = tg
          ? (await tg.history(chats[i])).filter((m) => /Story for/.test(m.text)).length
          : dc!.messages.filter((m) => m.channelId === chats[i]).length;
        if (platform === 'discord') {
          assert.equal(delivered, 1, `${mode}: exactly once on Discord`);
          assert.equal(rows[0].status, 'sent');
        } else {
          assert.ok(delivered <= 1, `${mode}: at most once on Telegram`);
          if (mode === 'crash-compose') assert.equal(delivered, 1, 'nothing had gone out: sent after the restart');
          else assert.match(rows[0].error ?? '', /ambiguous/);
        }
      }
    } finally {
      for (const d of dbs) d.cleanup();
      await tg?.close();
      await dc?.stop();
    }
  });
}

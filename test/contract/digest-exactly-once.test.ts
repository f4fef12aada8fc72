// Contract: the delivery ledger's promise on every backend. Processes racing over the same due
// digests send each once; a process killed at any step of a send, then a restart, delivers
// exactly once on Discord and at most once on Telegram, and leaves nothing claimed.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStores } from '../../src/core/store/open-stores.ts';
import type { Stores } from '../../src/core/store/stores.ts';
import { storeArticle } from '../../src/core/loader/store-article.ts';
import { startTelegramHarness } from '../helpers/telegram-harness.ts';
import { startFakeDiscord } from '../helpers/fake-discord.ts';
import { createTestDatabase } from '../helpers/postgres.ts';
import { makeArticle } from '../core/store/make-article.ts';
import { BACKENDS, type BackendName } from './backends.ts';

const CHILD = join(import.meta.dirname, '..', 'scheduler', 'child-run.ts');
const made = new Date('2026-11-21T10:00:00Z');
const AT = '2026-11-22T00:00:30Z';

function runChild(args: string[]): Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    p.stdout.on('data', (d) => (out += d));
    p.on('exit', (code, signal) => resolve({ code, signal, out }));
  });
}

/** A database the child processes can open (file path or URL) and stores on it; removed when `t` ends. */
async function database(t: TestContext, backend: BackendName): Promise<{ target: string; stores: Stores }> {
  let target: string;
  let drop: () => Promise<void>;
  if (backend === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'newsbot-ledger-'));
    target = join(dir, 'newsbot.db');
    drop = async () => rmSync(dir, { recursive: true, force: true });
  } else ({ url: target, drop } = await createTestDatabase());
  const stores = await openStores(target);
  t.after(async () => {
    await stores.close();
    await drop();
  });
  return { target, stores };
}

/** One story that is new for the digest due at AT. */
async function putStory(stores: Stores, title: string): Promise<void> {
  const a = makeArticle({ title, url: `https://ap.example/${encodeURIComponent(title)}`, outlet: 'AP', published_at: '2026-11-21T20:00:00Z', published_precision: 'datetime', paragraphs: [{ text: 'Something happened today in the capital, officials said.', lang: 'en' }] });
  await storeArticle(stores, a, { source_file: `${title}.txt`, now: new Date('2026-11-21T20:05:00Z') });
}

for (const backend of BACKENDS) {
  test(`${backend}: two processes racing over the same due digests send each exactly once`, async (t) => {
    const { target, stores } = await database(t, backend);
    await putStory(stores, 'Story');
    for (let i = 0; i < 40; i++) await stores.subscriptions.add({ platform: 'telegram', chatId: String(1000 + i), lang: 'en', time: '08:00', tz: 'Asia/Taipei' }, made);
    const dir = mkdtempSync(join(tmpdir(), 'newsbot-race-'));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    const rec = join(dir, 'sends.jsonl');
    const runs = await Promise.all([0, 1].map(() => runChild([target, AT, 'run', 'record', '-', '-', rec])));
    runs.forEach((r) => assert.equal(r.code, 0));
    const sends = readFileSync(rec, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { chat: string });
    assert.equal(sends.length, 40, 'one send per digest');
    assert.equal(new Set(sends.map((s) => s.chat)).size, 40);
    const rows = await stores.ledger.list();
    assert.equal(rows.length, 40);
    assert.ok(rows.every((r) => r.status === 'sent'));
  });

  for (const platform of ['discord', 'telegram'] as const) {
    test(`${backend}, ${platform}: SIGKILL at each step of a send, then a restart: ${platform === 'discord' ? 'exactly' : 'at most'} once, nothing left claimed`, async (t) => {
      const tg = platform === 'telegram' ? await startTelegramHarness() : null;
      const dc = platform === 'discord' ? await startFakeDiscord({ token: 'discord-crash-token' }) : null;
      t.after(async () => {
        await tg?.close();
        await dc?.stop();
      });
      const api = tg ? tg.apiRoot : dc!.apiUrl;
      const token = tg ? tg.token : 'discord-crash-token';
      const modes = ['crash-compose', 'crash-before-send', 'crash-after-send'];
      const dbs = await Promise.all(modes.map(() => database(t, backend)));
      const chats = modes.map((_, i) => (tg ? String(7100 + i) : String(600000000000000100n + BigInt(i))));
      for (const [i, mode] of modes.entries()) {
        await putStory(dbs[i].stores, `Story for ${mode}`);
        await dbs[i].stores.subscriptions.add({ platform, chatId: chats[i], lang: 'en', time: '08:00', tz: 'Asia/Taipei' }, made);
      }
      const crashed = await Promise.all(modes.map((mode, i) => runChild([dbs[i].target, AT, mode, platform, api, token])));
      crashed.forEach((c, i) => assert.equal(c.signal, 'SIGKILL', `${modes[i]}: the child was killed`));
      const restarted = await runChild([dbs.map((d) => d.target).join(','), AT, 'run', platform, api, token]);
      assert.equal(restarted.code, 0, `restart ran (${restarted.out})`);
      for (const [i, mode] of modes.entries()) {
        const rows = await dbs[i].stores.ledger.list();
        assert.equal(rows.length, 1);
        assert.notEqual(rows[0].status, 'claimed', `${mode}: no row left claimed`);
        const delivered = tg ? (await tg.history(chats[i])).filter((m) => /Story for/.test(m.text)).length : dc!.messages.filter((m) => m.channelId === chats[i]).length;
        if (platform === 'discord') {
          assert.equal(delivered, 1, `${mode}: exactly once on Discord`);
          assert.equal(rows[0].status, 'sent');
        } else {
          assert.ok(delivered <= 1, `${mode}: at most once on Telegram`);
          if (mode === 'crash-compose') assert.equal(delivered, 1, 'nothing had gone out: sent after the restart');
          else assert.match(rows[0].error ?? '', /ambiguous/);
        }
      }
    });
  }
}

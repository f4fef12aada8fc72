/**
 * `newsbot start` and `newsbot register` with TELEGRAM_TOKEN, against telegram-test-api through
 * TELEGRAM_API_ROOT: the real process answers in a chat, stops polling on SIGTERM, and only
 * `register` publishes the command menu.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTelegramHarness, type TelegramHarness } from '../helpers/telegram-harness.ts';
import { startFakeDiscord } from '../helpers/fake-discord.ts';

const MAIN = join(import.meta.dirname, '../../src/main.ts');
let h: TelegramHarness;

function env(db: string): NodeJS.ProcessEnv {
  const e = { ...process.env };
  for (const k of Object.keys(e)) if (/^(DISCORD_|TELEGRAM_|NEWSBOT_|LOG_LEVEL)/.test(k)) delete e[k];
  return { ...e, TELEGRAM_TOKEN: h.token, TELEGRAM_API_ROOT: h.apiRoot, NEWSBOT_DB: db, LOG_LEVEL: 'warn' };
}

function runCli(args: string[], e: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], { env: e, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (b: Buffer) => (out += b.toString('utf8')));
  child.stderr.on('data', (b: Buffer) => (out += b.toString('utf8')));
  const killer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => (clearTimeout(killer), resolve(code))));
  return { child, exited, out: () => out };
}

before(async () => {
  h = await startTelegramHarness();
});
after(async () => {
  await h.close();
});

test('newsbot start runs the Telegram bot until SIGTERM, then stops polling and closes the database', async () => {
  const db = join(mkdtempSync(join(tmpdir(), 'newsbot-start-tg-')), 'bot.db');
  const run = runCli(['start'], env(db));
  const end = Date.now() + 45_000;
  while (!/telegram bot running/.test(run.out()) && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
  assert.match(run.out(), /newsbot: 5 articles/);
  await h.sendText({ id: 77, type: 'private' }, { id: 77, first_name: 'Ann', language_code: 'en' }, '/latest 3');
  const [reply] = await h.waitForReplies(77, 1, 20_000);
  assert.ok(reply, `no reply; output: ${run.out()}`);
  assert.match(reply.text, /Latest stories/);
  assert.ok(reply.links.length > 0 || /outlet/.test(reply.text));
  assert.ok(!h.calls.some((c) => c.method === 'setMyCommands'), 'start-up does not register commands');

  run.child.kill('SIGTERM');
  assert.equal(await run.exited, 0, run.out());
  assert.ok(!existsSync(db + '-wal'), 'database closed cleanly');
  // After the process is gone nobody polls: a new message stays unread.
  await h.sendText({ id: 77, type: 'private' }, { id: 77, first_name: 'Ann' }, '/help');
  await new Promise((r) => setTimeout(r, 300));
  assert.ok(h.server.storage.userMessages.some((u) => !u.isRead), 'no poller left behind');
});

test('newsbot register --guild publishes Discord guild commands and the Telegram menu in English (default) and Chinese (zh)', async () => {
  const db = join(mkdtempSync(join(tmpdir(), 'newsbot-start-tg-')), 'bot.db');
  const discord = await startFakeDiscord({ token: 'discord-register-token' });
  try {
    const run = runCli(['register', '--guild', '424242'], { ...env(db), DISCORD_TOKEN: discord.token, DISCORD_APP_ID: discord.appId, DISCORD_API_URL: discord.apiUrl });
    assert.equal(await run.exited, 0, run.out());
    assert.match(run.out(), /discord: \d+ commands registered in guild 424242/);
    assert.match(run.out(), /telegram: \d+ commands registered/);
    assert.equal(discord.registrations.length, 1);
    assert.equal(discord.registrations[0].scope, '424242');
    assert.ok((discord.registrations[0].body as { name: string }[]).some((c) => c.name === 'latest'));
  } finally {
    await discord.stop();
  }
  const sets = h.calls.filter((c) => c.method === 'setMyCommands');
  assert.equal(sets.length, 2);
  const byLang = new Map(sets.map((c) => [String(c.body.language_code ?? 'default'), c.body.commands as { command: string; description: string }[]]));
  const en = byLang.get('default')!;
  const zh = byLang.get('zh')!;
  assert.ok(en.some((c) => c.command === 'latest'));
  assert.deepEqual(zh.map((c) => c.command), en.map((c) => c.command));
  assert.ok(zh.every((c) => /[\u4e00-\u9fff]/.test(c.description)), 'Chinese descriptions');
  for (const c of en) assert.match(c.command, /^[a-z0-9_]{1,32}$/);
});

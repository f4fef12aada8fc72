/**
 * Bot tokens never reach a log line, stderr or an error message: the adapters run with canary
 * tokens against the local fakes (and against a port nobody listens on), errors are forced
 * (network failures, 401, 4004, 403, failing replies), and every line written is searched.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { openDatabase, type Db } from '../../src/core/store/db.ts';
import { createLogger, type Logger } from '../../src/core/logger.ts';
import { createTelegramAdapter } from '../../src/adapters/telegram/create-telegram-adapter.ts';
import { createDiscordAdapter } from '../../src/adapters/discord/index.ts';
import { startTelegramHarness, type TelegramHarness } from '../helpers/telegram-harness.ts';
import { startFakeDiscord } from '../helpers/fake-discord.ts';
import { sqliteStores } from '../../src/core/store/open-stores.ts';

const secret = `CANARY${randomBytes(12).toString('hex')}`;
const TG_TOKEN = `987654321:${secret}`;
const DC_TOKEN = `MTA.canary.${randomBytes(16).toString('hex')}`;
const captured: string[] = [];
const log: Logger = createLogger('debug', (line) => captured.push(line));
let db: Db;
let harness: TelegramHarness;
let deadRoot: string;
const restore: (() => void)[] = [];

/** Captures everything written to stderr and the console while the adapters run. */
function captureOutput(): void {
  const write = process.stderr.write.bind(process.stderr);
  process.stderr.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    captured.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return (write as (c: unknown, ...r: unknown[]) => boolean)(chunk, ...rest);
  }) as typeof process.stderr.write;
  restore.push(() => (process.stderr.write = write));
  for (const m of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    const orig = console[m];
    console[m] = (...args: unknown[]) => {
      captured.push(args.map((a) => (a instanceof Error ? `${a.message} ${a.stack}` : typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
    };
    restore.push(() => (console[m] = orig));
  }
}

function assertNoCanary(texts: string[], where: string): void {
  for (const t of texts) {
    assert.ok(!t.includes(secret), `${where}: Telegram token leaked: ${t.slice(0, 200)}`);
    assert.ok(!t.includes(DC_TOKEN), `${where}: Discord token leaked: ${t.slice(0, 200)}`);
  }
}

async function errorText(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    const e = err as Error & { cause?: unknown };
    return `${e.name}: ${e.message}\n${e.stack ?? ''}\n${String(e.cause ?? '')}`;
  }
  assert.fail('expected a failure');
}

before(async () => {
  db = openDatabase(join(mkdtempSync(join(tmpdir(), 'newsbot-canary-')), 'bot.db'));
  harness = await startTelegramHarness(TG_TOKEN);
  const closed = createServer();
  await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
  deadRoot = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
  await new Promise<void>((r) => closed.close(() => r()));
  captureOutput();
});
after(async () => {
  restore.forEach((f) => f());
  await harness.close();
  db.close();
});

test('Telegram: network failures, 401, failing replies and failed sends never show the token', async () => {
  // Nobody listens at deadRoot: getMe fails with a network error (URL contains the token).
  const dead = createTelegramAdapter({ token: TG_TOKEN, apiRoot: deadRoot, stores: sqliteStores(db), log, retry: { networkDelayMs: 10 } });
  const startErr = await errorText(dead.start());
  assert.match(startErr, /getMe failed/, startErr);
  const sendErr = await errorText(dead.send({ platform: 'telegram', chatId: '1', lang: 'en' }, { kind: 'ok', intro: 'x', items: [], articles: [] }, { idempotencyKey: 'k' }));
  assert.match(sendErr, /DeliveryError/);

  // The emulator refuses the token.
  harness.failNext('getMe', { kind: 'http', status: 401, description: 'Unauthorized' });
  const unauthorized = createTelegramAdapter({ token: TG_TOKEN, apiRoot: harness.apiRoot, stores: sqliteStores(db), log });
  const authErr = await errorText(unauthorized.start());
  assert.match(authErr, /401/);

  // A running bot: a reply that fails (logged by bot.catch), then polling killed by a 401.
  const bot = await harness.startBot({ stores: sqliteStores(db), log, retry: { networkDelayMs: 10 } });
  harness.failNext('sendMessage', { kind: 'http', status: 400, description: `Bad Request: can't parse entities` });
  await harness.sendText({ id: 31, type: 'private' }, { id: 31, first_name: 'A' }, '/help');
  for (let i = 0; i < 200 && !captured.some((l) => /update \d+ failed/.test(l)); i++) await new Promise((r) => setTimeout(r, 20));
  assert.ok(captured.some((l) => /update \d+ failed: sendMessage: 400/.test(l)), 'the failed reply was logged (capture works)');
  harness.failNext('getUpdates', { kind: 'network' });
  harness.failNext('getUpdates', { kind: 'http', status: 401, description: 'Unauthorized' }, 1);
  await harness.sendText({ id: 31, type: 'private' }, { id: 31, first_name: 'A' }, '/help');
  for (let i = 0; i < 200 && !captured.some((l) => /polling stopped/.test(l)); i++) await new Promise((r) => setTimeout(r, 20));
  assert.ok(captured.some((l) => /polling stopped: getUpdates: 401/.test(l)), captured.filter((l) => /telegram/.test(l)).join("\n").slice(-1500));
  await bot.stop();

  assertNoCanary([startErr, sendErr, authErr], 'error messages');
  assertNoCanary(captured, 'logs and stderr');
  assert.ok(captured.length >= 3, `captured ${captured.length} lines`);
});

test('Discord: a refused login (4004), an unreachable API and a failed send never show the token', async () => {
  const fake = await startFakeDiscord({ token: 'the-real-token-is-different' });
  try {
    const refused = createDiscordAdapter({ token: DC_TOKEN, appId: fake.appId, apiUrl: fake.apiUrl, stores: sqliteStores(db), now: () => new Date(), log, readyTimeoutMs: 5000 });
    const loginErr = await errorText(refused.start());
    await refused.stop().catch(() => {});
    const dead = createDiscordAdapter({ token: DC_TOKEN, appId: '1', apiUrl: `${deadRoot}/api`, stores: sqliteStores(db), now: () => new Date(), log, readyTimeoutMs: 3000 });
    const deadErr = await errorText(dead.start());
    await dead.stop().catch(() => {});
    const sendErr = await errorText(dead.send({ platform: 'discord', chatId: '123', lang: 'en' }, { kind: 'ok', intro: 'x', items: [], articles: [] }, { idempotencyKey: 'k' }));
    assertNoCanary([loginErr, deadErr, sendErr], 'error messages');
    assertNoCanary(captured, 'logs and stderr');
  } finally {
    await fake.stop();
  }
});

test('newsbot start with a canary token and an unreachable Bot API: exits 1, token nowhere in its output', async () => {
  const env: NodeJS.ProcessEnv = { ...process.env, TELEGRAM_TOKEN: TG_TOKEN, TELEGRAM_API_ROOT: deadRoot, LOG_LEVEL: "debug", DEBUG: "grammy*", NEWSBOT_DB: join(mkdtempSync(join(tmpdir(), 'newsbot-canary-')), 'x.db') };
  delete env.DISCORD_TOKEN;
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '../../src/main.ts'), 'start', '--no-seeds'], { env, stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (b: Buffer) => (out += b.toString('utf8')));
  child.stderr.on('data', (b: Buffer) => (out += b.toString('utf8')));
  const killer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  clearTimeout(killer);
  assert.equal(code, 1, out);
  assert.match(out, /getMe failed/);
  assertNoCanary([out], 'newsbot start output');
});

test('Telegram webhook: refused, malformed and failing requests and `newsbot register` never show the token or the webhook secret', async () => {
  const hookSecret = `HOOK${randomBytes(12).toString('hex')}`;
  const { startOpsServer } = await import('../../src/ops/http-server.ts');
  const { adapterRoutes } = await import('../../src/ops/checks.ts');
  const webhook = { url: 'https://bot.example.org/tg', secret: hookSecret };
  const bot = createTelegramAdapter({ token: TG_TOKEN, apiRoot: harness.apiRoot, stores: sqliteStores(db), log, updates: 'webhook', webhook });
  await bot.start();
  const ops = await startOpsServer({ port: 0, log, routes: adapterRoutes([bot]) });
  const answers: string[] = [];
  try {
    const url = `http://127.0.0.1:${ops.port}/tg`;
    await harness.sendText({ id: 32, type: 'private' }, { id: 32, first_name: 'A' }, '/help');
    const [update] = harness.takeUpdates();
    for (const header of [undefined, hookSecret.slice(1), hookSecret]) {
      if (header === hookSecret) harness.failNext('sendMessage', { kind: 'http', status: 400, description: `Bad Request: can't parse entities` });
      answers.push((await harness.postUpdate(url, update, header)).body);
    }
    const junk = await fetch(url, { method: 'POST', headers: { 'x-telegram-bot-api-secret-token': hookSecret }, body: hookSecret });
    answers.push(String(junk.status), await junk.text());
  } finally {
    await bot.stop();
    await ops.close();
  }
  assert.ok(captured.some((l) => /update \d+ failed: sendMessage: 400/.test(l)), 'the failed reply was logged (capture works)');

  const env: NodeJS.ProcessEnv = { ...process.env, TELEGRAM_TOKEN: TG_TOKEN, TELEGRAM_API_ROOT: deadRoot, TELEGRAM_WEBHOOK_URL: webhook.url, TELEGRAM_WEBHOOK_SECRET: hookSecret, NEWSBOT_HTTP_PORT: '8080', LOG_LEVEL: 'debug', DEBUG: 'grammy*' };
  delete env.DISCORD_TOKEN;
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '../../src/main.ts'), 'register'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (b: Buffer) => (out += b.toString('utf8')));
  child.stderr.on('data', (b: Buffer) => (out += b.toString('utf8')));
  const killer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  clearTimeout(killer);
  assert.equal(code, 1, out);
  assert.match(out, /setWebhook failed/);
  for (const t of [...answers, out, ...captured]) {
    assert.ok(!t.includes(hookSecret), `webhook secret leaked: ${t.slice(0, 200)}`);
  }
  assertNoCanary([...answers, out], 'webhook answers and register output');
  assertNoCanary(captured, 'logs and stderr');
});

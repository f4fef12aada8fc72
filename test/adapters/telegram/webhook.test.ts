/**
 * Telegram webhook mode end to end: the real grammY bot behind the ops HTTP server, updates
 * taken from telegram-test-api and posted as Telegram would (with or without the secret header),
 * two gateways each with its own server, the send-only mode, and `newsbot register` setting and
 * deleting the webhook.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { openDatabase, type Db } from '../../../src/core/store/db.ts';
import { sqliteStores } from '../../../src/core/store/open-stores.ts';
import { createLogger } from '../../../src/core/logger.ts';
import { createTelegramAdapter, type TelegramAdapter } from '../../../src/adapters/telegram/create-telegram-adapter.ts';
import { deleteTelegramWebhook, setTelegramWebhook } from '../../../src/adapters/telegram/webhook.ts';
import { startOpsServer, type OpsServer } from '../../../src/ops/http-server.ts';
import { adapterChecks, adapterRoutes } from '../../../src/ops/checks.ts';
import { startTelegramHarness, type TelegramHarness, type TestUser } from '../../helpers/telegram-harness.ts';

const SECRET = `whsecret_${randomBytes(16).toString('hex')}`;
const TOKEN = `424242:${randomBytes(16).toString('hex')}`;
const WEBHOOK_URL = 'https://bot.example.org/telegram/hook-7f3a';
const lines: string[] = [];
const log = createLogger('debug', (l) => lines.push(l));
const ann: TestUser = { id: 601, first_name: 'Ann', language_code: 'en' };
let h: TelegramHarness;
let db: Db;
const gateways: { adapter: TelegramAdapter; ops: OpsServer; url: string }[] = [];

/** One "gateway process": a webhook-mode adapter and its own ops server on an OS-chosen port. */
async function startGateway(): Promise<{ adapter: TelegramAdapter; ops: OpsServer; url: string }> {
  const adapter = createTelegramAdapter({ token: TOKEN, apiRoot: h.apiRoot, stores: sqliteStores(db), log, updates: 'webhook', webhook: { url: WEBHOOK_URL, secret: SECRET } });
  await adapter.start();
  const ops = await startOpsServer({ port: 0, log, routes: adapterRoutes([adapter]), ready: () => adapterChecks([adapter]) });
  const g = { adapter, ops, url: `http://127.0.0.1:${ops.port}/telegram/hook-7f3a` };
  gateways.push(g);
  return g;
}

/** A user writes `text` in a new private chat; returns the chat id and the update Telegram would post. */
async function userWrites(chatId: number, text: string): Promise<Record<string, unknown>> {
  await h.sendText({ id: chatId, type: 'private' }, ann, text);
  const updates = h.takeUpdates();
  assert.equal(updates.length, 1, 'one update waiting');
  return updates[0];
}

const sentTo = (chatId: number) => h.calls.filter((c) => c.method === 'sendMessage' && String(c.body.chat_id) === String(chatId)).length;

before(async () => {
  h = await startTelegramHarness(TOKEN);
  db = openDatabase(join(mkdtempSync(join(tmpdir(), 'newsbot-webhook-')), 'bot.db'));
});
after(async () => {
  for (const g of gateways) {
    await g.adapter.stop();
    await g.ops.close();
  }
  await h.close();
  db.close();
});

test('an update posted with the right secret is answered once; the handler has replied when the POST returns', async () => {
  const g = await startGateway();
  assert.equal(h.calls.filter((c) => c.method === 'getUpdates').length, 0, 'webhook mode never polls');
  assert.deepEqual([...g.adapter.httpRoutes().keys()], ['/telegram/hook-7f3a']);
  const update = await userWrites(701, '/help');
  const res = await h.postUpdate(g.url, update, SECRET);
  assert.equal(res.status, 200);
  const history = await h.history(701);
  assert.equal(history.length, 1, 'exactly one reply');
  assert.equal(history[0].parseMode, 'HTML');
  assert.ok(history[0].text.length > 0);
});

test('a wrong or missing secret gets 401 and no reply', async () => {
  const g = gateways[0] ?? (await startGateway());
  const update = await userWrites(702, '/help');
  const wrong = await h.postUpdate(g.url, update, SECRET.slice(0, -1) + (SECRET.endsWith('x') ? 'y' : 'x'));
  assert.equal(wrong.status, 401);
  assert.equal(wrong.body, 'secret token is wrong');
  const missing = await h.postUpdate(g.url, update);
  assert.equal(missing.status, 401);
  const otherSecret = await h.postUpdate(g.url, update, 'another_secret');
  assert.equal(otherSecret.status, 401);
  assert.equal(sentTo(702), 0, 'nothing sent');
  assert.equal((await h.history(702)).length, 0);
});

test('two gateway processes: an update reaching either one is answered exactly once', async () => {
  const a = gateways[0] ?? (await startGateway());
  const b = await startGateway();
  assert.notEqual(a.ops.port, b.ops.port);
  const toA = await userWrites(703, '/help');
  const toB = await userWrites(704, '/help');
  assert.equal((await h.postUpdate(b.url, toB, SECRET)).status, 200);
  assert.equal((await h.postUpdate(a.url, toA, SECRET)).status, 200);
  assert.equal((await h.history(703)).length, 1);
  assert.equal((await h.history(704)).length, 1);
  assert.equal(sentTo(703), 1);
  assert.equal(sentTo(704), 1);

  // Both report ready; a malformed body (never from Telegram) is refused, not handled.
  for (const g of [a, b]) {
    const ready = await fetch(`http://127.0.0.1:${g.ops.port}/readyz`);
    assert.equal(ready.status, 200);
    assert.deepEqual(((await ready.json()) as { checks: unknown }).checks, { telegram: { ok: true, detail: 'webhook' } });
  }
  const junk = await fetch(a.url, { method: 'POST', headers: { 'x-telegram-bot-api-secret-token': SECRET }, body: 'not json' });
  assert.equal(junk.status, 400);
});

test('a failing reply is logged and still answered 200, so Telegram does not redeliver it', async () => {
  const g = gateways[0] ?? (await startGateway());
  const update = await userWrites(705, '/help');
  h.failNext('sendMessage', { kind: 'http', status: 400, description: "Bad Request: can't parse entities" });
  const res = await h.postUpdate(g.url, update, SECRET);
  assert.equal(res.status, 200);
  assert.ok(lines.some((l) => /telegram: update \d+ failed: sendMessage: 400/.test(l)), lines.slice(-5).join('\n'));
});

test('before start() and after stop() the webhook answers 503 (Telegram retries elsewhere); readyz says so', async () => {
  const adapter = createTelegramAdapter({ token: TOKEN, apiRoot: h.apiRoot, stores: sqliteStores(db), log, updates: 'webhook', webhook: { url: WEBHOOK_URL, secret: SECRET } });
  const ops = await startOpsServer({ port: 0, log, routes: adapterRoutes([adapter]), ready: () => adapterChecks([adapter]) });
  try {
    const url = `http://127.0.0.1:${ops.port}/telegram/hook-7f3a`;
    const update = await userWrites(706, '/help');
    assert.equal((await h.postUpdate(url, update, SECRET)).status, 503);
    const ready = await fetch(`http://127.0.0.1:${ops.port}/readyz`);
    assert.equal(ready.status, 503);
    assert.deepEqual(((await ready.json()) as { checks: unknown }).checks, { telegram: { ok: false, detail: 'not started' } });
    await adapter.start();
    assert.equal((await h.postUpdate(url, update, SECRET)).status, 200);
    await adapter.stop();
    assert.equal((await h.postUpdate(url, update, SECRET)).status, 503);
    assert.equal((await h.history(706)).length, 1, 'answered once, while running');
  } finally {
    await adapter.stop();
    await ops.close();
  }
});

test("'none' mode only sends: it checks the token, never polls and serves no route", async () => {
  const polls = h.calls.filter((c) => c.method === 'getUpdates').length;
  const worker = createTelegramAdapter({ token: TOKEN, apiRoot: h.apiRoot, stores: sqliteStores(db), log, updates: 'none' });
  await worker.start();
  try {
    assert.equal(worker.me()?.username, 'TestNameBot');
    assert.equal(worker.httpRoutes().size, 0);
    assert.throws(() => worker.webhookHandler(), /no webhook in none mode/);
    assert.deepEqual(worker.health(), { ok: true, detail: 'none' });
    const sent = await worker.send({ platform: 'telegram', chatId: '707', lang: 'en' }, { kind: 'ok', intro: 'digest', items: [], articles: [] }, { idempotencyKey: 'k' });
    assert.equal(sent.messageIds.length, 1);
    assert.equal(h.calls.filter((c) => c.method === 'getUpdates' || c.method === 'deleteWebhook').length, polls);
  } finally {
    await worker.stop();
  }
  assert.throws(() => createTelegramAdapter({ token: TOKEN, stores: sqliteStores(db), log, updates: 'webhook' }), /needs the webhook URL and secret/);
});

test('setTelegramWebhook / deleteTelegramWebhook send the secret and the update kinds, and redact failures', async () => {
  await setTelegramWebhook({ token: TOKEN, apiRoot: h.apiRoot, webhook: { url: WEBHOOK_URL, secret: SECRET } });
  assert.deepEqual(h.webhook, { url: WEBHOOK_URL, secret_token: SECRET, allowed_updates: ['message', 'channel_post', 'callback_query'] });
  await deleteTelegramWebhook({ token: TOKEN, apiRoot: h.apiRoot });
  assert.equal(h.webhook, undefined);
  h.failNext('setWebhook', { kind: 'http', status: 400, description: 'Bad Request: bad webhook: HTTPS url must be provided for webhook' });
  await assert.rejects(setTelegramWebhook({ token: TOKEN, apiRoot: h.apiRoot, webhook: { url: WEBHOOK_URL, secret: SECRET } }), (err: Error) => {
    assert.match(err.message, /setWebhook failed: setWebhook: 400 Bad Request: bad webhook/);
    assert.ok(!err.message.includes(TOKEN.split(':')[1]) && !err.message.includes(SECRET));
    return true;
  });
});

/** Starts test/helpers/webhook-gateway.ts as a child process; resolves with its ops port once it listens. */
async function spawnGateway(): Promise<{ port: number; stop(): Promise<number | null>; out: () => string }> {
  const settings = { token: TOKEN, apiRoot: h.apiRoot, webhookUrl: WEBHOOK_URL, secret: SECRET, db: join(mkdtempSync(join(tmpdir(), 'newsbot-gw-')), 'bot.db') };
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '../../helpers/webhook-gateway.ts'), JSON.stringify(settings)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const killer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (c) => (clearTimeout(killer), resolve(c))));
  const port = await new Promise<number>((resolve, reject) => {
    const onData = (b: Buffer) => {
      out += b.toString('utf8');
      const m = /port=(\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then((c) => reject(new Error(`gateway exited (${c}) before listening: ${out}`)));
  });
  return {
    port,
    out: () => out,
    stop: () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

test('two gateway child processes built by buildAdapters: an update reaching either is answered exactly once', async () => {
  const [a, b] = await Promise.all([spawnGateway(), spawnGateway()]);
  try {
    const toA = await userWrites(711, '/help');
    const toB = await userWrites(712, '/help');
    const hook = (port: number) => `http://127.0.0.1:${port}/telegram/hook-7f3a`;
    assert.equal((await h.postUpdate(hook(a.port), toA, SECRET)).status, 200);
    assert.equal((await h.postUpdate(hook(b.port), toB, SECRET)).status, 200);
    assert.equal((await h.postUpdate(hook(b.port), toA, 'wrong')).status, 401);
    assert.equal((await h.history(711)).length, 1);
    assert.equal((await h.history(712)).length, 1);
    assert.equal(sentTo(711), 1);
    assert.equal(sentTo(712), 1);
    const ready = await fetch(`http://127.0.0.1:${a.port}/readyz`);
    assert.equal(ready.status, 200, await ready.clone().text());
    assert.deepEqual(((await ready.json()) as { checks: unknown }).checks, { database: { ok: true, detail: 'sqlite' }, telegram: { ok: true, detail: 'webhook' } });
    assert.equal((await fetch(`http://127.0.0.1:${b.port}/healthz`)).status, 200);
  } finally {
    assert.equal(await a.stop(), 0, a.out());
    assert.equal(await b.stop(), 0, b.out());
  }
  for (const out of [a.out(), b.out()]) assert.ok(!out.includes(SECRET) && !out.includes(TOKEN.split(':')[1]), out);
});

/** Runs `newsbot register` in a child process with the harness as the Bot API. */
async function register(extraEnv: Record<string, string>): Promise<{ code: number | null; out: string }> {
  const env = { ...process.env };
  for (const k of Object.keys(env)) if (/^(DISCORD_|TELEGRAM_|NEWSBOT_|LOG_LEVEL)/.test(k)) delete env[k];
  const main = join(import.meta.dirname, '../../../src/main.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', main, 'register'], {
    env: { ...env, TELEGRAM_TOKEN: TOKEN, TELEGRAM_API_ROOT: h.apiRoot, LOG_LEVEL: 'warn', ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (b: Buffer) => (out += b.toString('utf8')));
  child.stderr.on('data', (b: Buffer) => (out += b.toString('utf8')));
  const killer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => (clearTimeout(killer), resolve(c))));
  return { code, out };
}

test('newsbot register sets the webhook with its secret when TELEGRAM_WEBHOOK_URL is set, and deletes it otherwise', async () => {
  const set = await register({ TELEGRAM_WEBHOOK_URL: WEBHOOK_URL, TELEGRAM_WEBHOOK_SECRET: SECRET, NEWSBOT_HTTP_PORT: '8080' });
  assert.equal(set.code, 0, set.out);
  assert.match(set.out, /telegram: webhook set to https:\/\/bot\.example\.org\//);
  assert.deepEqual(h.webhook, { url: WEBHOOK_URL, secret_token: SECRET, allowed_updates: ['message', 'channel_post', 'callback_query'] });
  assert.ok(h.calls.some((c) => c.method === 'setWebhook' && c.body.secret_token === SECRET));

  const deletes = h.calls.filter((c) => c.method === 'deleteWebhook').length;
  const del = await register({});
  assert.equal(del.code, 0, del.out);
  assert.match(del.out, /webhook deleted, updates arrive by long polling/);
  assert.equal(h.webhook, undefined);
  assert.equal(h.calls.filter((c) => c.method === 'deleteWebhook').length, deletes + 1);

  for (const out of [set.out, del.out, ...lines]) {
    assert.ok(!out.includes(SECRET), `webhook secret leaked: ${out.slice(0, 200)}`);
    assert.ok(!out.includes(TOKEN.split(':')[1]), `token leaked: ${out.slice(0, 200)}`);
  }
});

/**
 * The ops HTTP server on 127.0.0.1 (port chosen by the OS): liveness, readiness with passing,
 * failing, throwing and hung checks, Prometheus metrics, POST routes, 404/405 and the body limit.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startOpsServer, type CheckResult, type OpsServer } from '../../src/ops/http-server.ts';
import { adapterChecks, adapterRoutes, checkStores } from '../../src/ops/checks.ts';
import { metrics } from '../../src/ops/metrics.ts';
import { addSecret, createLogger } from '../../src/core/logger.ts';
import { openDatabase, type Db } from '../../src/core/store/db.ts';
import { sqliteStores } from '../../src/core/store/open-stores.ts';
import type { ChatAdapter } from '../../src/adapters/types.ts';

const lines: string[] = [];
const log = createLogger('debug', (l) => lines.push(l));
const SECRET = 'ops-test-secret-value-123456';
addSecret(SECRET);
// Called per request, as start.ts would: each /readyz runs fresh checks.
let checks: () => Record<string, CheckResult | Promise<CheckResult>> = () => ({});
const posted: Buffer[] = [];
let ops: OpsServer;
let base: string;
let db: Db;

before(async () => {
  db = openDatabase(join(mkdtempSync(join(tmpdir(), 'newsbot-ops-')), 'bot.db'));
  const routes = new Map([
    [
      '/hook/abc',
      (_req: unknown, res: import('node:http').ServerResponse, body: Buffer) => {
        posted.push(body);
        res.writeHead(204).end();
      },
    ],
  ]);
  ops = await startOpsServer({ port: 0, host: '127.0.0.1', log, ready: () => checks(), routes, maxBodyBytes: 1024, checkTimeoutMs: 200 });
  base = `http://127.0.0.1:${ops.port}`;
});
after(async () => {
  await ops.close();
  db.close();
});

test('/healthz answers 200 ok', async () => {
  const res = await fetch(`${base}/healthz`);
  assert.equal(res.status, 200);
  assert.equal((await res.text()).trim(), 'ok');
});

test('/readyz is 200 with every check ok, 503 naming the failing ones (thrown, false, hung) without secrets', async () => {
  checks = () => ({ database: checkStores(sqliteStores(db)), queue: { ok: true } });
  let res = await fetch(`${base}/readyz`);
  assert.equal(res.status, 200);
  const ok = (await res.json()) as { status: string; checks: Record<string, CheckResult> };
  assert.equal(ok.status, 'ok');
  assert.deepEqual(ok.checks, { database: { ok: true, detail: 'sqlite' }, queue: { ok: true } });

  checks = () => ({
    database: Promise.reject(new Error(`connect ECONNREFUSED postgres://newsbot:${SECRET}@db.internal:5432/newsbot\n    at stack line`)),
    queue: { ok: false, detail: 'redis: not connected' },
    telegram: new Promise<CheckResult>(() => {}), // never settles: cut off by checkTimeoutMs
    discord: { ok: true },
  });
  res = await fetch(`${base}/readyz`);
  assert.equal(res.status, 503);
  const text = await res.text();
  const bad = JSON.parse(text) as { status: string; checks: Record<string, CheckResult> };
  assert.equal(bad.status, 'unavailable');
  assert.equal(bad.checks.database.ok, false);
  assert.match(bad.checks.database.detail!, /ECONNREFUSED/);
  assert.doesNotMatch(bad.checks.database.detail!, /stack line/, 'one line only');
  assert.deepEqual(bad.checks.queue, { ok: false, detail: 'redis: not connected' });
  assert.deepEqual(bad.checks.telegram, { ok: false, detail: 'no answer within 200 ms' });
  assert.deepEqual(bad.checks.discord, { ok: true });
  assert.ok(!text.includes(SECRET), text);
  assert.ok(!text.includes('newsbot:'), `no URL credentials: ${text}`);
  assert.ok(!lines.join('\n').includes(SECRET));
});

test('/readyz is 503 when ready() itself throws', async () => {
  const broken = await startOpsServer({
    port: 0,
    log,
    ready: () => {
      throw new Error('no stores yet');
    },
  });
  try {
    const res = await fetch(`http://127.0.0.1:${broken.port}/readyz`);
    assert.equal(res.status, 503);
    assert.deepEqual(((await res.json()) as { checks: unknown }).checks, { ready: { ok: false, detail: 'no stores yet' } });
  } finally {
    await broken.close();
  }
});

test('/metrics serves the Prometheus text with the newsbot_ metrics', async () => {
  metrics.digestsSent.inc({ platform: 'telegram' });
  const res = await fetch(`${base}/metrics`);
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /text\/plain/);
  const text = await res.text();
  for (const name of ['newsbot_digests_sent_total', 'newsbot_digests_failed_total', 'newsbot_platform_429_total', 'newsbot_command_seconds', 'newsbot_queue_depth', 'newsbot_process_cpu_seconds_total']) {
    assert.match(text, new RegExp(`^# TYPE ${name} `, 'm'), name);
  }
  assert.match(text, /^newsbot_digests_sent_total\{platform="telegram"\} [1-9]/m);
});

test('unknown paths are 404, wrong methods 405', async () => {
  assert.equal((await fetch(`${base}/`)).status, 404);
  assert.equal((await fetch(`${base}/hook/abc/x`, { method: 'POST', body: '{}' })).status, 404);
  assert.equal((await fetch(`${base}/healthz`, { method: 'POST', body: 'x' })).status, 405);
  const get = await fetch(`${base}/hook/abc`);
  assert.equal(get.status, 405);
  assert.equal(get.headers.get('allow'), 'POST');
});

test('a POST route gets the body read; bodies over the limit get 413 and never reach it', async () => {
  posted.length = 0;
  const res = await fetch(`${base}/hook/abc?x=1`, { method: 'POST', body: '{"update_id":1}' });
  assert.equal(res.status, 204);
  assert.deepEqual(posted.map((b) => b.toString()), ['{"update_id":1}']);

  const big = await fetch(`${base}/hook/abc`, { method: 'POST', body: 'x'.repeat(4096) });
  assert.equal(big.status, 413);

  // Chunked, no Content-Length: the limit is counted while reading.
  const status = await new Promise<number>((resolve, reject) => {
    const req = request(`${base}/hook/abc`, { method: 'POST', headers: { 'transfer-encoding': 'chunked' } }, (r) => {
      r.resume();
      resolve(r.statusCode ?? 0);
    });
    req.on('error', reject);
    req.write('y'.repeat(800));
    req.end('y'.repeat(800));
  });
  assert.equal(status, 413);
  assert.equal(posted.length, 1, 'the oversized bodies were not passed on');
});

test('adapterChecks and adapterRoutes collect what adapters offer; a path claimed twice is refused', async () => {
  const route = () => {};
  const fake = (platform: 'telegram' | 'discord', extra: Partial<ChatAdapter>): ChatAdapter =>
    ({ platform, start: async () => {}, stop: async () => {}, send: async () => ({ messageIds: [] }), ...extra }) as ChatAdapter;
  const a = fake('telegram', { health: () => ({ ok: true, detail: 'webhook' }), httpRoutes: () => new Map([['/tg', route]]) });
  const b = fake('discord', { health: async () => ({ ok: false, detail: 'shard 1 down' }) });
  const c = await Promise.all(Object.entries(adapterChecks([a, b])).map(async ([n, p]) => [n, await p] as const));
  assert.deepEqual(Object.fromEntries(c), { telegram: { ok: true, detail: 'webhook' }, discord: { ok: false, detail: 'shard 1 down' } });
  assert.deepEqual([...adapterRoutes([a, b]).keys()], ['/tg']);
  assert.throws(() => adapterRoutes([a, fake('discord', { httpRoutes: () => new Map([['/tg', route]]) })]), /same HTTP path/);
});

/**
 * The multi-process scenario of issue 15, shared by test/cluster/cluster.test.ts and
 * `npm run bench cluster`: real `newsbot start` processes (W workers with the scheduler role, one
 * gateway with the poller role) on one PostgreSQL database and one Redis, against the fake Discord
 * (2 shards, 50 requests/s global limit) and the Telegram emulator behind a 30 messages/s proxy,
 * both in their own process (scripts/bench/digest-fakes.ts). N subscriptions come due in the same
 * minute; optionally one worker is SIGKILLed mid-run. Every figure is read back from the ledger
 * and from what the fakes received.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { setPriority, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import pg from 'pg';
import { createTestDatabase } from './postgres.ts';
import { startFeedFarm } from './cluster-feeds.ts';
import { testRedis } from './redis.ts';
import { openStores } from '../../src/core/store/open-stores.ts';
import { ingestPaths } from '../../src/core/loader/ingest-paths.ts';
import type { Stores } from '../../src/core/store/stores.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const TZ = 'Asia/Taipei';

export interface ClusterResult {
  workers: number;
  killed: number;
  digests: number;
  delivered: number;
  duplicates: number;
  lost: number;
  ambiguous: number;
  r429: number;
  /** The 429s by platform. */
  r429By: { telegram: number; discord: number };
  /** Digests delivered per second, first to last message. */
  rate: number;
  /** CPU time the worker processes spent per digest (ms), their start-up excluded. */
  cpuMsPerDigest: number;
  /** Database transactions committed per digest, all processes. */
  dbTxPerDigest: number;
  /** Redis commands per digest (queue, shared limits, leases), all processes. */
  redisCmdsPerDigest: number;
  /** The poll phase, when asked for: feeds polled through the queue by the workers. */
  polls?: { feeds: number; polled: number; articles: number; seconds: number; cpuMsPerPoll: number; minSameHostGapMs: number };
  /** GET /healthz, /readyz, /metrics of the gateway (status codes), and the digests the workers' /metrics counted. */
  http: { healthz: number; readyz: number; metrics: number; workerMetricsDigests: number };
}

interface FakeUrls {
  telegram: string;
  telegramToken: string;
  discord: string;
  discordAppId: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function startFakes(): Promise<{ urls: FakeUrls; child: ChildProcess; get(path: string): Promise<any> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/bench/digest-fakes.ts'), '30', '50', ...(process.env.FAKES_DEBUG ? ['debug'] : [])], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, FAKE_DISCORD_SHARDS: '2' },
  });
  const urls = await new Promise<FakeUrls>((resolve, reject) => {
    let buf = '';
    child.stdout!.on('data', (d) => {
      buf += d;
      const nl = buf.indexOf('\n');
      if (nl >= 0) resolve(JSON.parse(buf.slice(0, nl)));
    });
    child.on('exit', (code) => reject(new Error(`digest-fakes exited with ${code}`)));
  });
  return { urls, child, get: async (path) => (await fetch(urls.telegram + path)).json() };
}

/** The seeds, republished an hour ago, so every first digest (the 24 hours before it) has stories. */
async function freshArticles(stores: Stores, now: Date): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'newsbot-cluster-'));
  const stamp = new Date(now.getTime() - 3600_000).toISOString();
  for (const f of readdirSync(join(ROOT, 'seeds')).filter((n) => n.endsWith('.txt'))) {
    writeFileSync(join(dir, f), readFileSync(join(ROOT, 'seeds', f), 'utf8').replace(/^date: .*$/m, `date: ${stamp}`));
  }
  await ingestPaths(stores, [dir]);
  rmSync(dir, { recursive: true, force: true });
}

export interface Proc {
  child: ChildProcess;
  /** Resolves once the process says its roles are running. */
  ready: Promise<void>;
}

export function startProcess(roles: string, env: Record<string, string>, name: string, log: (s: string) => void): Proc {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/main.ts'), 'start', '--no-seeds'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, ...env, NEWSBOT_ROLES: roles, LOG_LEVEL: 'warn' },
  });
  child.stderr!.setEncoding('utf8');
  const ready = new Promise<void>((resolve, reject) => {
    child.stderr!.on('data', (d: string) => {
      for (const line of d.split('\n')) {
        if (!line.trim()) continue;
        log(`[${name}] ${line}`);
        if (/roles .* running as/.test(line)) resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code} before it was ready`)));
  });
  ready.catch(() => undefined);
  return { child, ready };
}

function niceDown(pid: number | undefined): void {
  try {
    if (pid) setPriority(pid, 10);
  } catch {
    // not allowed here: the scenario still runs, only with the fakes less sheltered
  }
}

/** CPU time (user + system) a running process has used, in ms (Linux /proc; 100 ticks a second). */
function cpuMs(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

async function httpStatus(url: string): Promise<{ status: number; text: string }> {
  try {
    const r = await fetch(url);
    return { status: r.status, text: await r.text() };
  } catch {
    return { status: 0, text: '' };
  }
}

async function dbTransactions(url: string): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const r = await c.query(`SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()`);
    return Number(r.rows[0].xact_commit);
  } finally {
    await c.end();
  }
}

async function redisCommands(redis: { info(section: string): Promise<string> }): Promise<number> {
  return Number(/total_commands_processed:(\d+)/.exec(await redis.info('stats'))?.[1] ?? 0);
}

/**
 * Adds `feeds` sources (2 per loopback host) and waits until the workers have polled them all.
 * Returns the phase's figures, with the smallest gap between two requests to one host.
 */
async function pollPhase(stores: Stores, feeds: number, workers: Proc[], cpuOf: (l: Proc[]) => number, timeoutMs: number): Promise<NonNullable<ClusterResult['polls']>> {
  const farm = await startFeedFarm(Math.ceil(feeds / 2), 2, 10);
  try {
    const before = await stores.articles.count();
    const cpu0 = cpuOf(workers);
    const t0 = Date.now();
    const made = new Date();
    for (const [i, url] of farm.urls.slice(0, feeds).entries()) await stores.sources.add({ name: `feed${i}`, kind: 'feed', location: url, every_minutes: 60, follow_symlinks: false }, made);
    let polled = 0;
    while (Date.now() - t0 < timeoutMs) {
      polled = (await stores.sources.list()).filter((s) => s.last_polled_at && s.last_polled_at >= made.toISOString()).length;
      if (polled >= feeds) break;
      await sleep(250);
    }
    const seconds = (Date.now() - t0) / 1000;
    let minGap = Infinity;
    for (const times of farm.hits.values()) {
      const t = [...times].sort((a, b) => a - b);
      for (let i = 1; i < t.length; i++) minGap = Math.min(minGap, t[i] - t[i - 1]);
    }
    return { feeds, polled, articles: (await stores.articles.count()) - before, seconds, cpuMsPerPoll: (cpuOf(workers) - cpu0) / Math.max(1, polled), minSameHostGapMs: minGap };
  } finally {
    await farm.close();
  }
}

export async function runClusterScenario(o: { workers: number; kill: boolean; subs: number; feeds?: number; log?: (s: string) => void; timeoutMs?: number }): Promise<ClusterResult> {
  const log = o.log ?? (() => undefined);
  const db = await createTestDatabase();
  const redis = await testRedis();
  const fakes = await startFakes();
  const procs: Proc[] = [];
  const stores = await openStores(db.url);
  try {
    const port = 20000 + Math.floor(Math.random() * 20000);
    const env = {
      NEWSBOT_DATABASE_URL: db.url,
      NEWSBOT_REDIS_URL: redis!.url,
      NEWSBOT_REDIS_PREFIX: redis!.prefix,
      NEWSBOT_TICK_SECONDS: '2',
      NEWSBOT_ALLOW_PRIVATE_NETWORKS: '1',
      TELEGRAM_TOKEN: fakes.urls.telegramToken,
      TELEGRAM_API_ROOT: fakes.urls.telegram,
      DISCORD_TOKEN: 'bench-discord-token',
      DISCORD_APP_ID: fakes.urls.discordAppId,
      DISCORD_API_URL: fakes.urls.discord,
      DISCORD_SHARD_COUNT: '2',
    };
    // The gateway takes Telegram updates by webhook here: long polling the emulator is a tight
    // loop (it ignores getUpdates' timeout) that would load the fakes' process and bunch the
    // arrival times its rate limiter sees. Long polling is tested in gateways.test.ts.
    const hook = { TELEGRAM_WEBHOOK_URL: 'https://bot.example.test/telegram/hook', TELEGRAM_WEBHOOK_SECRET: 'cluster-scenario-webhook-secret' };
    procs.push(startProcess('gateway,poller', { ...env, ...hook, NEWSBOT_HTTP_PORT: String(port) }, 'gateway', log));
    for (let i = 0; i < o.workers; i++) procs.push(startProcess('worker,scheduler', { ...env, NEWSBOT_HTTP_PORT: String(port + 1 + i) }, `worker${i + 1}`, log));
    // The fakes stand in for platforms on other machines. Sharing two cores with four busy bot
    // processes, their event loop could stall for a few hundred ms and then stamp a backlog of
    // requests (sent well spaced) as arriving together: a 429 no real platform would give. The
    // bot processes run at a lower priority so the fakes answer as a remote server would.
    for (const p of procs) niceDown(p.child.pid);
    await Promise.all(procs.map((p) => p.ready));
    const workers = procs.slice(1);
    const cpuOf = (list: Proc[]) => list.reduce((n, p) => n + cpuMs(p.child.pid), 0);

    const now = new Date();
    await freshArticles(stores, now);
    const cpu0 = cpuOf(workers);
    const tx0 = await dbTransactions(db.url);
    const cmd0 = await redisCommands(redis!.redis);
    // Due this very minute (made an hour ago): the whole lot is due at once, picked up by the next tick.
    const local = DateTime.fromJSDate(now, { zone: TZ });
    const time = local.toFormat('HH:mm');
    const made = new Date(now.getTime() - 3600_000);
    for (let i = 0; i < o.subs; i++) {
      const telegram = i % 2 === 0;
      const chatId = telegram ? (i % 4 === 0 ? `-100${700000 + i}` : String(500000 + i)) : String(910000000000000000n + BigInt(i));
      await stores.subscriptions.add({ platform: telegram ? 'telegram' : 'discord', chatId, lang: 'zh-TW', time, tz: TZ, topic: null, topicQuery: null }, made);
    }

    let killed = 0;
    let killedCpu = 0;
    const deadline = Date.now() + (o.timeoutMs ?? 240_000);
    for (;;) {
      const rows = await stores.ledger.list();
      const done = rows.filter((r) => r.status !== 'claimed').length;
      const sent = rows.filter((r) => r.status === 'sent').length;
      if (o.kill && !killed && sent >= o.subs * 0.25) {
        killedCpu = cpuMs(procs[1].child.pid);
        procs[1].child.kill('SIGKILL');
        killed = 1;
        log(`killed worker1 (pid ${procs[1].child.pid}) with SIGKILL after ${sent} digests`);
      }
      if (rows.length >= o.subs && done === rows.length) break;
      if (Date.now() > deadline) throw new Error(`cluster: only ${done} of ${o.subs} digests settled in time (${sent} sent)`);
      await sleep(500);
    }
    const cpuDigests = cpuOf(workers.slice(killed)) + killedCpu - cpu0;
    const txDigests = (await dbTransactions(db.url)) - tx0;
    const cmdDigests = (await redisCommands(redis!.redis)) - cmd0;
    const polls = o.feeds ? await pollPhase(stores, o.feeds, workers.slice(killed), cpuOf, o.timeoutMs ?? 240_000) : undefined;
    const health = await httpStatus(`http://127.0.0.1:${port}/healthz`);
    const ready = await httpStatus(`http://127.0.0.1:${port}/readyz`);
    const metrics = await httpStatus(`http://127.0.0.1:${port}/metrics`);
    // Digests counted by the surviving workers' /metrics (the killed one's count died with it).
    let counted = 0;
    for (let i = killed; i < o.workers; i++) {
      const text = (await httpStatus(`http://127.0.0.1:${port + 1 + i}/metrics`)).text;
      for (const m of text.matchAll(/^newsbot_digests_sent_total\{[^}]*\} (\d+)/gm)) counted += Number(m[1]);
    }

    const rows = await stores.ledger.list();
    const subs = new Map((await stores.subscriptions.list()).map((s) => [s.id, s]));
    const seen = await fakes.get('/__chats');
    const stats = await fakes.get('/__stats');
    let delivered = 0;
    let duplicates = 0;
    let lost = 0;
    let ambiguous = 0;
    for (const r of rows) {
      const sub = subs.get(r.subscription_id)!;
      const got: number = (sub.platform === 'telegram' ? seen.telegram : seen.discord)[sub.chat_id] ?? 0;
      if (r.status === 'sent') {
        delivered++;
        if (got < r.message_ids.length) lost++;
        duplicates += Math.max(0, got - r.message_ids.length);
      } else if (r.status === 'failed' && /^ambiguous/.test(r.error ?? '')) {
        ambiguous++;
        if (got > 1) duplicates += got - 1; // at most once: one digest's message, or none
      } else lost++;
    }
    lost += o.subs - rows.length;
    const first = Math.min(...[seen.tgFirst, seen.dc.first].filter((t: number) => t > 0));
    const last = Math.max(seen.tgLast, seen.dc.last);
    return {
      workers: o.workers,
      killed,
      digests: o.subs,
      delivered,
      duplicates,
      lost,
      ambiguous,
      r429: stats.tg429 + stats.dc429,
      r429By: { telegram: stats.tg429, discord: stats.dc429 },
      rate: last > first ? delivered / ((last - first) / 1000) : 0,
      cpuMsPerDigest: cpuDigests / o.subs,
      dbTxPerDigest: txDigests / o.subs,
      redisCmdsPerDigest: cmdDigests / o.subs,
      polls,
      http: { healthz: health.status, readyz: ready.status, metrics: metrics.status, workerMetricsDigests: counted },
    };
  } finally {
    for (const { child } of procs) child.kill('SIGTERM');
    await Promise.all(procs.map(({ child }) => (child.exitCode !== null || child.signalCode ? null : new Promise((r) => child.once('exit', r)))));
    fakes.child.kill('SIGTERM');
    await stores.close();
    await redis!.cleanup();
    await db.drop();
  }
}

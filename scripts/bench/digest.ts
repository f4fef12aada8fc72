/**
 * `npm run bench digest [-- --deliveries=N --articles=N]`: 10,000 subscriptions due at the same minute.
 * 1. Composition: every digest built from a 100,000-article archive (C2's generator, cached in
 *    bench-out/), with the per-pass window cache the scheduler uses; baseline: the same digests
 *    composed without the cache (sampled, extrapolated). Also the due query over 100,000 subscriptions.
 * 2. Delivery: N digests per platform (default 600) sent through the real adapters to the fake
 *    servers, which enforce the platform limit (Telegram 30 messages/s via a limiting proxy in front
 *    of the emulator, Discord 50 requests/s in the fake) and count 429s: throughput as a fraction of
 *    the limit. Baseline in the same run: the same sends without pacing (429 storm, counted).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import Database from 'better-sqlite3';
import { openDatabase, type Db } from '../../src/core/store/db.ts';
import { createLogger } from '../../src/core/logger.ts';
import { composeDigest } from '../../src/core/digest/compose-digest.ts';
import { createStoreDigestSource, cacheDigestSource } from '../../src/core/digest/digest-source.ts';
import { resolveTopic } from '../../src/core/digest/topic.ts';
import { nextDueAfter } from '../../src/core/digest/due-times.ts';
import { runDueDigests } from '../../src/scheduler/run-due-digests.ts';
import { DEFAULT_SEND_POLICY } from '../../src/scheduler/send-digest.ts';
import { createPacer, DEFAULT_LIMITS, type PacingLimits } from '../../src/scheduler/pacer.ts';
import { systemClock } from '../../src/scheduler/clock.ts';
import { createTelegramAdapter } from '../../src/adapters/telegram/create-telegram-adapter.ts';
import { createDiscordAdapter } from '../../src/adapters/discord/index.ts';
import { generateArchive } from '../generate-archive.ts';
import { sqliteStores } from '../../src/core/store/open-stores.ts';

const SUBS = 10_000;
const TOTAL_SUBS = 100_000;
const TOPICS = ['zelensky', 'trump', '普丁', 'nato', '烏克蘭', '台積電', 'xi jinping', '歐盟'];
const LIMITS = { telegram: 30, discord: 50 };
const log = createLogger('warn');
const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;

function arg(name: string, fallback: number): number {
  const a = process.argv.find((x) => x.startsWith(`--${name}=`));
  return a ? Number(a.split('=')[1]) : fallback;
}

interface Fakes {
  urls: { telegram: string; telegramToken: string; discord: string; discordAppId: string };
  stats(): Promise<{ tgOk: number; tgFirst: number; tgLast: number; tg429: number; dcOk: number; dc429: number; dcTimes: { first: number; last: number; n: number } }>;
  reset(): Promise<void>;
  stop(): void;
}

/** Starts scripts/bench/digest-fakes.ts in its own process and reads its URLs. */
async function startFakes(): Promise<Fakes> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'digest-fakes.ts'), String(LIMITS.telegram), String(LIMITS.discord)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const urls = await new Promise<Fakes['urls']>((resolve, reject) => {
    let buf = '';
    child.stdout.on('data', (d) => {
      buf += d;
      const nl = buf.indexOf('\n');
      if (nl >= 0) resolve(JSON.parse(buf.slice(0, nl)));
    });
    child.on('exit', (code) => reject(new Error(`digest-fakes exited with ${code}`)));
  });
  process.once('exit', () => child.kill('SIGTERM')); // never leave the fakes running
  const get = async (path: string) => (await fetch(urls.telegram + path)).json();
  return { urls, stats: () => get('/__stats') as ReturnType<Fakes['stats']>, reset: async () => void (await get('/__reset')), stop: () => void child.kill('SIGTERM') };
}

async function copyArchive(dir: string): Promise<string> {
  const src = await generateArchive({ count: arg('articles', 100_000), reuseStale: true, log: (s) => console.log(`  archive: ${s}`) });
  const dest = join(dir, 'bench.db');
  const ro = new Database(src, { readonly: true });
  ro.exec(`VACUUM INTO '${dest.replace(/'/g, "''")}'`);
  ro.close();
  return dest;
}

async function addSubscriptions(db: Db, due: Date, n: number, platformOf: (i: number) => 'telegram' | 'discord', chatOf: (i: number) => string, time = '08:00') {
  const stores = sqliteStores(db);
  const made = new Date(due.getTime() - 3600_000);
  const queries = new Map<string, Awaited<ReturnType<typeof resolveTopic>>>();
  for (const t of TOPICS) queries.set(t, await resolveTopic(stores, t));
  await stores.tx(async () => {
    for (let i = 0; i < n; i++) {
      const topic = i % 5 === 0 ? TOPICS[(i / 5) % TOPICS.length] : null;
      await stores.subscriptions.add({ platform: platformOf(i), chatId: chatOf(i), lang: i % 2 ? 'en' : 'zh-TW', time, tz: 'Asia/Taipei', topic, topicQuery: topic ? queries.get(topic) : null }, made);
    }
  });
}

async function deliver(db: Db, fakes: Fakes, due: Date, paced: boolean) {
  await fakes.reset();
  const telegram = createTelegramAdapter({ token: fakes.urls.telegramToken, apiRoot: fakes.urls.telegram, stores: sqliteStores(db), log });
  const discord = createDiscordAdapter({ token: 'bench-discord-token', appId: fakes.urls.discordAppId, apiUrl: fakes.urls.discord, stores: sqliteStores(db), now: () => new Date(), log });
  const limits: PacingLimits = paced
    ? DEFAULT_LIMITS
    : { ...DEFAULT_LIMITS, platform: { ...DEFAULT_LIMITS.platform, telegram: { ratePerSec: 1e6, burst: 1e6 }, discord: { ratePerSec: 1e6, burst: 1e6 } } };
  const t0 = process.hrtime.bigint();
  const s = await runDueDigests(sqliteStores(db), { telegram, discord }, new Date(due.getTime() + 30_000), {
    log,
    pacer: createPacer(systemClock, limits),
    concurrency: 64,
    policy: { ...DEFAULT_SEND_POLICY, maxAttempts: 3, backoffMs: 200, maxRateLimited: 50 },
    emptyNote: true, // every due digest sends a message, so throughput does not depend on the window's news
  });
  const wall = ms(t0);
  await new Promise((r) => setTimeout(r, 50));
  const st = await fakes.stats();
  await telegram.stop();
  await discord.stop();
  const rate = (n: number, first: number, last: number) => (n > 1 && last > first ? ((n - 1) * 1000) / (last - first) : 0);
  return { s, wall, tg429: st.tg429, dc429: st.dc429, tgRate: rate(st.tgOk, st.tgFirst, st.tgLast), dcRate: rate(st.dcTimes.n, st.dcTimes.first, st.dcTimes.last) };
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'newsbot-bench-digest-'));
  try {
    let t0 = process.hrtime.bigint();
    const file = await copyArchive(dir);
    const db = openDatabase(file);
    const articles = (db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
    const newest = (db.prepare('SELECT max(published_utc) AS m FROM articles').get() as { m: string }).m;
    const due = nextDueAfter('08:00', 'Asia/Taipei', new Date(Date.parse(newest) - 6 * 3600_000));
    console.log(`archive: ${articles} articles (newest ${newest}), copied in ${ms(t0).toFixed(0)} ms; digests due ${due.toISOString()}`);

    // 10,000 due at the same minute, plus 90,000 due at other minutes of the day.
    t0 = process.hrtime.bigint();
    await addSubscriptions(db, due, SUBS, (i) => (i % 2 ? 'discord' : 'telegram'), (i) => (i % 2 ? String(700000000000000000n + BigInt(i)) : String(10_000 + i)));
    await addSubscriptions(db, due, TOTAL_SUBS - SUBS, () => 'telegram', (i) => String(900_000 + i), '09:30');
    console.log(`subscriptions: ${TOTAL_SUBS} stored (${SUBS} due at ${due.toISOString()}) in ${ms(t0).toFixed(0)} ms`);

    const stores = sqliteStores(db);
    t0 = process.hrtime.bigint();
    const dueNow = await stores.subscriptions.dueBefore(new Date(due.getTime() + 30_000), ['telegram', 'discord']);
    const qMs = ms(t0);
    const plan = db.prepare(`EXPLAIN QUERY PLAN SELECT * FROM subscriptions WHERE paused_reason IS NULL AND next_due_at <= ?`).all('x') as { detail: string }[];
    console.log(`due query: ${dueNow.length} of ${TOTAL_SUBS} due, ${qMs.toFixed(1)} ms (${plan.map((p) => p.detail).join('; ')})`);

    const opts = { ledger: stores.ledger, maxStories: 10, emptyNote: false };
    const cached = cacheDigestSource(createStoreDigestSource(stores, { memo: true }));
    t0 = process.hrtime.bigint();
    let stories = 0;
    let empty = 0;
    for (const sub of dueNow) {
      const c = await composeDigest(sub, due, { ...opts, source: cached });
      if (c.reply) stories += c.stories.length;
      else empty++;
    }
    const composeMs = ms(t0);
    const SAMPLE = 300;
    const plain = createStoreDigestSource(stores);
    t0 = process.hrtime.bigint();
    for (const sub of dueNow.slice(0, SAMPLE)) await composeDigest(sub, due, { ...opts, source: plain });
    const basePer = ms(t0) / SAMPLE;
    console.log(
      `compose ${dueNow.length} digests: ${composeMs.toFixed(0)} ms (${((composeMs / dueNow.length) * 1000).toFixed(0)} µs each; ${stories} story entries, ${empty} empty)` +
        ` | baseline without the per-pass window cache: ${basePer.toFixed(2)} ms each, ~${((basePer * dueNow.length) / 1000).toFixed(1)} s for all (sampled ${SAMPLE})`,
    );

    // Delivery: only `perPlatform` chats of each platform stay due; the rest are paused for this part.
    const perPlatform = arg('deliveries', 600);
    const keep = (paused: boolean, n: number) => {
      db.prepare(`UPDATE subscriptions SET paused_reason = 'bench' WHERE paused_reason IS NULL`).run();
      for (const p of ['telegram', 'discord']) {
        db.prepare(`UPDATE subscriptions SET paused_reason = NULL WHERE id IN (SELECT id FROM subscriptions WHERE platform = ? AND time = '08:00' AND topic IS NULL AND id NOT IN (SELECT subscription_id FROM deliveries) ORDER BY id LIMIT ?)`).run(p, n);
      }
      void paused;
    };
    // Baseline first (it also warms both fakes and both adapters), then the paced run.
    const fakes = await startFakes();
    const BASE = Math.min(150, perPlatform);
    keep(true, BASE);
    const unpaced = await deliver(db, fakes, due, false);
    await new Promise((r) => setTimeout(r, 2000));
    keep(false, perPlatform);
    const paced = await deliver(db, fakes, due, true);
    fakes.stop();
    console.log(
      `delivery, paced (${perPlatform} digests per platform, ${(paced.wall / 1000).toFixed(1)} s): ` +
        `Telegram ${paced.tgRate.toFixed(1)} msg/s = ${((paced.tgRate / LIMITS.telegram) * 100).toFixed(0)}% of ${LIMITS.telegram}/s, ${paced.tg429} × 429; ` +
        `Discord ${paced.dcRate.toFixed(1)} req/s = ${((paced.dcRate / LIMITS.discord) * 100).toFixed(0)}% of ${LIMITS.discord}/s, ${paced.dc429} × 429; ` +
        `${paced.s.stats.sent} sent, ${paced.s.stats.failed} failed`,
    );
    console.log(
      `baseline, unpaced (${BASE} per platform, ${(unpaced.wall / 1000).toFixed(1)} s): Telegram ${unpaced.tg429} × 429, Discord ${unpaced.dc429} × 429; ` +
        `${unpaced.s.stats.sent} sent, ${unpaced.s.stats.failed} failed, ${unpaced.s.stats.rateLimited} rate-limited responses handled`,
    );
    db.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * `npm run bench commands`: latency of every chat command on a synthetic archive of 100,000
 * articles (scripts/generate-archive.ts, generated in a child process on first use and cached
 * under bench-out/), answered exactly as the terminal adapter answers it (parse → execute →
 * render). Prints p50/p99 per command, a baseline measured in the same run (count(*) and a
 * primary-key lookup), peak memory of this process and the database size.
 *
 * Options (after `npm run bench commands --`): --count N (archive size), --iterations N,
 * --reuse (keep an archive built by older src/core code instead of rebuilding it),
 * --db postgres://…/ADMIN_DB: the same archive moved to PostgreSQL with `newsbot db copy` (into a
 * database newsbot_bench_N next to ADMIN_DB, kept between runs while the archive is unchanged),
 * the commands answered from there.
 * Target: p99 < 50 ms per command on both backends, peak RSS < 300 MB.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import pg from 'pg';
import { openDatabase } from '../../src/core/store/db.ts';
import { openStores } from '../../src/core/store/open-stores.ts';
import type { Stores } from '../../src/core/store/stores.ts';
import { answerLine } from '../../src/adapters/terminal/run-line.ts';
import { renderPlain } from '../../src/adapters/terminal/render-plain.ts';
import { sqliteStores } from '../../src/core/store/open-stores.ts';

const CASES: Record<string, string[]> = {
  '/latest': ['/latest', '/latest 10', '/latest 20'],
  '/latest <topic>': ['/latest 5 烏克蘭', '/latest 5 川普', '/latest 5 trump', '/latest 5 北約'],
  '/timeline': ['/timeline 烏克蘭', '/timeline 澤倫斯基', '/timeline rutte', '/timeline 北約'],
  '/who': ['/who zelensky', '/who 川普', '/who putin', '/who 马克龙'],
  '/search (2 chars)': ['/search 川普', '/search 北約', '/search 疫情'],
  '/search (3+ chars)': ['/search 澤倫斯基', '/search 安全保障', '/search 泽连斯基'],
  '/search (English)': ['/search Rutte', '/search trade war', '/search China'],
  '/help': ['/help'],
};

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function fmt(ms: number): string {
  return ms < 1 ? ms.toFixed(3) : ms.toFixed(1);
}

/** Runs the benchmark and prints its table. */
export async function run(): Promise<void> {
  const count = flag('count', 100_000);
  const iterations = flag('iterations', 60);
  const file = `bench-out/archive-${count}.db`;
  // In a child process, so this process's peak memory is the commands' alone; it returns at
  // once when the cached archive is current (or stale with --reuse).
  const res = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/generate-archive.ts', '--count', String(count), ...(process.argv.includes('--reuse') ? ['--reuse'] : [])], { stdio: 'inherit' });
  if (res.status !== 0) throw new Error(`generate-archive failed with status ${res.status}`);
  const db = openDatabase(file);
  const articles = db.prepare('SELECT count(*) FROM articles').pluck().get() as number;
  const stories = db.prepare('SELECT count(*) FROM stories').pluck().get() as number;
  const events = db.prepare('SELECT count(*) FROM events').pluck().get() as number;
  const i = process.argv.indexOf('--db');
  const pgAdmin = i >= 0 ? process.argv[i + 1] : undefined;
  const stores: Stores = pgAdmin ? await openStores(await postgresCopy(pgAdmin, file, count)) : sqliteStores(db);
  const deps = { stores, now: () => new Date('2026-01-01T00:00:00Z') };
  let peakRss = process.memoryUsage().rss;

  const time = (fn: () => unknown): number => {
    const t = process.hrtime.bigint();
    fn();
    return Number(process.hrtime.bigint() - t) / 1e6;
  };
  const rows: { name: string; p50: number; p99: number; max: number; n: number }[] = [];
  const summarize = (name: string, samples: number[]) => {
    const s = [...samples].sort((a, b) => a - b);
    rows.push({ name, p50: percentile(s, 50), p99: percentile(s, 99), max: s[s.length - 1], n: s.length });
  };

  const maxId = db.prepare('SELECT max(id) FROM articles').pluck().get() as number;
  if (pgAdmin) {
    // The same two baselines through the PostgreSQL client, one round trip each.
    const client = new pg.Client({ connectionString: benchUrl(pgAdmin, count) });
    await client.connect();
    const timeAsync = async (fn: () => Promise<unknown>) => {
      const t = process.hrtime.bigint();
      await fn();
      return Number(process.hrtime.bigint() - t) / 1e6;
    };
    const n = async (fn: () => Promise<unknown>) => {
      const out: number[] = [];
      for (let k = 0; k < iterations; k++) out.push(await timeAsync(fn));
      return out;
    };
    summarize('baseline: SELECT count(*)', await n(() => client.query('SELECT count(*) FROM articles')));
    summarize('baseline: primary-key lookup', await n(() => client.query('SELECT title, url FROM articles WHERE id = $1', [1 + Math.floor(Math.random() * maxId)])));
    await client.end();
  } else {
    const countStmt = db.prepare('SELECT count(*) FROM articles').pluck();
    const byId = db.prepare('SELECT title, url FROM articles WHERE id = ?');
    summarize('baseline: SELECT count(*)', Array.from({ length: iterations }, () => time(() => countStmt.get())));
    summarize('baseline: primary-key lookup', Array.from({ length: iterations }, () => time(() => byId.get(1 + Math.floor(Math.random() * maxId)))));
  }

  const examples: Record<string, string> = {};
  for (const [name, lines] of Object.entries(CASES)) {
    for (const line of lines) await answerLine(line, 'zh-TW', deps); // warm-up: statements prepared, pages cached
    const samples: number[] = [];
    for (let i = 0; i < iterations; i++) {
      const line = lines[i % lines.length];
      const lang = i % 2 ? 'en' : 'zh-TW';
      const t = process.hrtime.bigint();
      const reply = await answerLine(line, lang, deps);
      const text = renderPlain(reply);
      samples.push(Number(process.hrtime.bigint() - t) / 1e6);
      if (!examples[name]) examples[name] = `${line} → ${reply.kind}, ${reply.items.length} items, ${text.length} chars`;
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }
    summarize(name, samples);
  }
  if (pgAdmin) await stores.close();
  db.close();

  const size = statSync(file).size + (existsSync(file + '-wal') ? statSync(file + '-wal').size : 0);
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  console.log(`archive: ${file}: ${articles} articles, ${stories} stories, ${events} events, ${(size / 1024 / 1024).toFixed(0)} MB; backend: ${pgAdmin ? `PostgreSQL (${benchUrl(pgAdmin, count).replace(/\/\/[^@/]*@/, '//')})` : 'SQLite'}`);
  console.log(`${'command'.padEnd(30)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'max ms'.padStart(8)}   n`);
  for (const r of rows) console.log(`${r.name.padEnd(30)} ${fmt(r.p50).padStart(8)} ${fmt(r.p99).padStart(8)} ${fmt(r.max).padStart(8)}   ${r.n}${!r.name.startsWith('baseline') && r.p99 > 50 ? '  ← over the 50 ms target' : ''}`);
  console.log(`peak memory: RSS ${(peakRss / 1024 / 1024).toFixed(0)} MB sampled, maxRSS ${maxRssMb.toFixed(0)} MB (target < 300 MB)`);
  for (const [name, ex] of Object.entries(examples)) console.log(`  e.g. ${name}: ${ex}`);
}

/** The PostgreSQL database the archive of `count` articles is copied into, next to the admin URL's. */
function benchUrl(admin: string, count: number): string {
  const u = new URL(admin);
  u.pathname = `/newsbot_bench_${count}`;
  return u.toString();
}

/**
 * The archive in PostgreSQL: `newsbot db copy` into a fresh newsbot_bench_N, redone when the SQLite
 * archive's stamp (generator and code version) differs from the one recorded there.
 */
async function postgresCopy(admin: string, file: string, count: number): Promise<string> {
  const url = benchUrl(admin, count);
  const stamp = readFileSync(file.replace(/\.db$/, '.json'), 'utf8').trim();
  const name = `newsbot_bench_${count}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    const exists = (await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount;
    if (exists) {
      const db = new pg.Client({ connectionString: url });
      await db.connect();
      const had = await db.query("SELECT to_regclass('bench_stamp') IS NOT NULL AS ok").then(async (r) => (r.rows[0].ok ? (await db.query('SELECT stamp FROM bench_stamp')).rows[0]?.stamp : null));
      await db.end();
      if (had === stamp) return url;
      await client.query(`DROP DATABASE ${name} WITH (FORCE)`);
    }
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  console.log(`copying ${file} into PostgreSQL (${name}) with newsbot db copy…`);
  const t0 = performance.now();
  const res = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts', 'db', 'copy', '--from', file, '--to', url], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (res.status !== 0) throw new Error(`newsbot db copy failed with status ${res.status}`);
  console.log(`db copy took ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  await db.query('CREATE TABLE bench_stamp (stamp TEXT)');
  await db.query('INSERT INTO bench_stamp VALUES ($1)', [stamp]);
  await db.query('ANALYZE');
  await db.end();
  return url;
}

if (process.argv[1]?.endsWith('commands.ts')) await run();
